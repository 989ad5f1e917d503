// `claude-reindex schema` on the command line: prints the JSON Schema of sessions-index.json.

import { defineCliCommand } from "./cli-definition.ts";
import { done } from "./command-result.ts";

export const schemaCli = defineCliCommand({
  name: "schema",
  summary: "print the JSON Schema of sessions-index.json",
  description: `Prints the JSON Schema that sessions-index.json is checked against, the same as the package's
schema/sessions-index.schema.json.`,
  options: {},
  outcomes: { done: "printed" },
  async run(_values, context) {
    const { indexJsonSchema } = await import("../sessions-index/session-index.ts");
    context.io.stdout.write(`${JSON.stringify(indexJsonSchema(), null, 2)}\n`);
    return done();
  },
});

// `claude-reindex why <id>` on the command line: its help, and the call to runWhy.
import { defineCliCommand } from "./cli-definition.ts";

export const whyCli = defineCliCommand({
  name: "why",
  summary: "why Claude Code's /resume hides a session (its id or a unique prefix), and how to resume it",
  description: `Explains one session: where its transcript is, whether the /resume of Claude Code 2.1.330+ run in the
session's own directory lists it and, if not, why (the reason codes of list --json's hiddenFromResume),
what older releases do with it, the exact cd … && claude --resume … line that resumes it anyway, and
the fix where one exists.`,
  options: {
    session: {
      value: "<id>",
      required: true,
      positional: true,
      help: "the session's id, or a prefix that only it has (also given bare: why <id>)",
    },
    json: { help: "the explanation as JSON on stdout" },
  },
  outcomes: { done: "explained", failed: "no session, or more than one, has that id or prefix" },
  async run(values, context) {
    const { runWhy } = await import("./why-command.ts");
    return runWhy({ configRoot: context.configRoot, session: values.session, json: values.json, io: context.io });
  },
});

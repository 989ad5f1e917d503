// `claude-reindex forget <id>` on the command line: its options and help, and the call to runForget.
import { defineCliCommand } from "./cli-definition.ts";
import { KEPT_SESSION_OPERAND } from "./common-options.ts";

export const forgetCli = defineCliCommand({
  name: "forget",
  summary: "drop a kept session for good (asks first unless --yes)",
  description: `Removes a session the keep guard kept from <root>/claude-reindex/kept/: its transcript, its <uuid>/
folder and its old-layout agent files. The session's transcript under projects/, if it is still there,
is not touched (and the guard keeps it again once it nears the cutoff). On a terminal it asks first;
without a terminal it needs --yes.`,
  operands: KEPT_SESSION_OPERAND,
  options: { yes: { help: "do not ask (needed when stdin is not a terminal)" } },
  outcomes: {
    done: "dropped, or not confirmed (nothing changed)",
    failed: "no such kept session, a prefix of several, or no terminal to confirm on and no --yes",
  },
  async run(values, context, operands) {
    const { runForget } = await import("./forget-command.ts");
    return runForget({
      configRoot: context.configRoot,
      idOrPrefix: operands[0]!,
      yes: values.yes,
      stdin: context.stdin,
      io: context.io,
    });
  },
});

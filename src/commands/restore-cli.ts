// `claude-reindex restore <id>` on the command line: its help, and the call to runRestore.
import { defineCliCommand } from "./cli-definition.ts";
import { KEPT_SESSION_OPERAND } from "./common-options.ts";

export const restoreCli = defineCliCommand({
  name: "restore",
  summary: "put a kept session back into its project directory, byte for byte with its times",
  description: `Puts a session the keep guard kept (claude-reindex install --keep-sessions) back into its project
directory under projects/: its transcript, its <uuid>/ folder and its old-layout agent files, each byte
for byte with its times (a hard link to the kept file where the file system allows). A different file of
the same name is never overwritten. The project's index is rebuilt, and claude --resume <id> resumes
the session. The kept files stay until claude-reindex forget.`,
  operands: KEPT_SESSION_OPERAND,
  options: {},
  outcomes: {
    done: "restored, or already in place",
    failed: "no such kept session, a prefix of several, or a different file in the way (nothing overwritten)",
  },
  async run(_values, context, operands) {
    const { runRestore } = await import("./restore-command.ts");
    const { managedSettingsDir } = await import("../layout/cleanup-period.ts");
    return runRestore({
      configRoot: context.configRoot,
      idOrPrefix: operands[0]!,
      now: context.now,
      io: context.io,
      workerScript: context.workerScript,
      cleanup: { workingDir: context.workingDir, managedDir: managedSettingsDir(context.env) },
    });
  },
});

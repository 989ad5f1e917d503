// `claude-reindex restore <id>` on the command line: its help, and the call to runRestore.
import { defineCliCommand } from "./cli-definition.ts";

export const restoreCli = defineCliCommand({
  name: "restore",
  summary: "put a deleted or kept session back into its project directory, byte for byte with its times",
  description: `Puts a session back into its project directory under projects/: one claude-reindex delete moved into
the trash, or one the keep guard kept (claude-reindex install --keep-sessions). Its transcript, its
<uuid>/ folder and its old-layout agent files come back, each byte for byte with its times (moved out
of the trash, with its kept copy back under kept/; a hard link to a kept file where the file system
allows). A different file of the same name is never overwritten. The project's index is rebuilt, and
claude --resume <id> resumes the session. Kept files stay until claude-reindex forget.`,
  operands: {
    value: "<id>",
    count: "one",
    help: "the session id, or enough of its start to name one trashed or kept session",
  },
  options: {},
  outcomes: {
    done: "restored, or already in place",
    failed:
      "no such trashed or kept session, a prefix of several, or a different file in the way (nothing overwritten)",
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

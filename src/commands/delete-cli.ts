// `claude-reindex delete <id>` on the command line: its help, and the call to runDelete.
import { defineCliCommand } from "./cli-definition.ts";
import { ID_OPERAND, LIVE_NOTE, MANAGE_OPTIONS, manageCommandOf } from "./manage-options.ts";

export const deleteCli = defineCliCommand({
  name: "delete",
  summary: "move a session into claude-reindex's trash (restore brings it back; --purge: for good)",
  operands: ID_OPERAND,
  description: `Moves the session into <root>/claude-reindex/trash/: its transcript, its <uuid>/ folder, its
old-layout agent files and the keep guard's copy of it, if any, each file byte for byte with its times.
Its entry leaves the project's sessions-index.json. It is gone from Claude Code's pickers and from
list until claude-reindex restore <id> puts it back. doctor says what the trash holds.

--purge removes it for good instead (a session already in the trash, or one still in its project),
after a confirmation on the terminal; without a terminal it needs --yes.

${LIVE_NOTE}`,
  options: {
    ...MANAGE_OPTIONS,
    purge: { help: "remove the session for good (asks first unless --yes)" },
    yes: { help: "with --purge: do not ask (needed when stdin is not a terminal)" },
  },
  outcomes: {
    done: "moved into the trash, purged, or (--purge) not confirmed: nothing changed",
    failed: "no such session, it is live, or a file could not move (nothing overwritten)",
  },
  usageErrors: "an id that is not one, a prefix of several sessions (they are listed), --yes without --purge",
  async run(values, context, operands) {
    const { UsageError } = await import("../text/user-error.ts");
    if (values.yes && !values.purge) throw new UsageError("--yes goes with --purge");
    const { runDelete } = await import("./delete-command.ts");
    return runDelete({
      ...(await manageCommandOf(values, context, operands[0]!)),
      purge: values.purge,
      yes: values.yes,
      stdin: context.stdin,
    });
  },
});

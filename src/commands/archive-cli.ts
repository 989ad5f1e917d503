// `claude-reindex archive <id>` on the command line: its help, and the call to runArchive.
import { defineCliCommand } from "./cli-definition.ts";
import { ID_OPERAND, LIVE_NOTE, MANAGE_OPTIONS, manageCommandOf } from "./manage-options.ts";

export const archiveCli = defineCliCommand({
  name: "archive",
  summary: "archive a session, as Claude Code archives one (unarchive undoes it)",
  operands: ID_OPERAND,
  description: `Writes the session's archived mark (<uuid>/archived.json beside its transcript) exactly as Claude
Code's Agent SDK's archiveSession writes it; Claude Code's listings then report it archived, until it is
unarchived or a prompt is typed in it. The transcript itself is not touched.

${LIVE_NOTE}`,
  options: MANAGE_OPTIONS,
  outcomes: { done: "archived", failed: "no such session, or it is live (nothing changed)" },
  usageErrors: "an id that is not one, a prefix of several sessions (they are listed)",
  async run(values, context, operands) {
    const { runArchive } = await import("./archive-command.ts");
    return runArchive({ ...(await manageCommandOf(values, context, operands[0]!)), archived: true });
  },
});

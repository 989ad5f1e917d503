// `claude-reindex unarchive <id>` on the command line: its help, and the call to runArchive.
import { defineCliCommand } from "./cli-definition.ts";
import { ID_OPERAND, LIVE_NOTE, MANAGE_OPTIONS, manageCommandOf } from "./manage-options.ts";

export const unarchiveCli = defineCliCommand({
  name: "unarchive",
  summary: "unarchive a session, as Claude Code unarchives one",
  operands: ID_OPERAND,
  description: `Writes the session's archived mark (<uuid>/archived.json) as not archived, exactly as Claude Code's
Agent SDK's unarchiveSession writes it. The transcript itself is not touched.

${LIVE_NOTE}`,
  options: MANAGE_OPTIONS,
  outcomes: { done: "unarchived", failed: "no such session, or it is live (nothing changed)" },
  usageErrors: "an id that is not one, a prefix of several sessions (they are listed)",
  async run(values, context, operands) {
    const { runArchive } = await import("./archive-command.ts");
    return runArchive({ ...(await manageCommandOf(values, context, operands[0]!)), archived: false });
  },
});

// `claude-reindex rename <id> <title>` on the command line: its help, and the call to runRename.
import { UsageError } from "../text/user-error.ts";
import { defineCliCommand } from "./cli-definition.ts";
import { LIVE_NOTE, MANAGE_OPTIONS, manageCommandOf } from "./manage-options.ts";

export const renameCli = defineCliCommand({
  name: "rename",
  summary: "give a session a title, as /rename does (Claude Code's pickers show it)",
  operands: { value: "<id> <title…>", count: "any" },
  description: `Appends the record Claude Code writes for a rename (a custom-title line, exactly as its Agent SDK's
renameSession writes it) to the session's transcript, so that /resume, claude --resume and every picker
show the new title. The words after the id make the title. Nothing already in the transcript changes.

${LIVE_NOTE}`,
  options: MANAGE_OPTIONS,
  outcomes: { done: "renamed", failed: "no such session, or it is live (nothing changed)" },
  usageErrors: "no id or no title, an id that is not one, a prefix of several sessions (they are listed)",
  async run(values, context, operands) {
    const [id, ...words] = operands;
    if (id === undefined) throw new UsageError("rename needs <id> <title>");
    const title = words.join(" ");
    if (title.trim() === "") throw new UsageError("rename needs a title after the id");
    const { runRename } = await import("./rename-command.ts");
    return runRename({ ...(await manageCommandOf(values, context, id)), title });
  },
});

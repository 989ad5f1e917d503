// `claude-reindex rename <id> <title>`: the session's custom title, appended as Claude Code appends it.
import { type CommandResult, done } from "./command-result.ts";
import { renameTarget } from "./session-change.ts";
import { changeableTarget, type ManageCommand, reportChange } from "./session-target.ts";

export async function runRename(command: ManageCommand & { title: string }): Promise<CommandResult> {
  const found = changeableTarget(command);
  if ("result" in found) return found.result;
  const { target } = found;
  const files = renameTarget(target, command.title);
  const title = command.title.trim();
  reportChange(command, `renamed ${target.sessionId} to ${JSON.stringify(title)}`, {
    sessionId: target.sessionId,
    action: "rename",
    customTitle: title,
    files,
  });
  return done();
}

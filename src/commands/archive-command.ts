// `claude-reindex archive <id>` and `unarchive <id>`: the archived mark, written as Claude Code writes it.
import { type CommandResult, done } from "./command-result.ts";
import { archiveTarget } from "./session-change.ts";
import { changeableTarget, type ManageCommand, reportChange } from "./session-target.ts";

export async function runArchive(command: ManageCommand & { archived: boolean }): Promise<CommandResult> {
  const found = changeableTarget(command);
  if ("result" in found) return found.result;
  const { target } = found;
  const files = archiveTarget(target, command.archived, command.now());
  reportChange(command, `${command.archived ? "archived" : "unarchived"} ${target.sessionId}`, {
    sessionId: target.sessionId,
    action: command.archived ? "archive" : "unarchive",
    archived: command.archived,
    files,
  });
  return done();
}

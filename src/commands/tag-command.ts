// `claude-reindex tag <id> <tag>` / `--clear`: a tag record appended as Claude Code appends it.
import { type CommandResult, done } from "./command-result.ts";
import { tagTarget } from "./session-change.ts";
import { changeableTarget, type ManageCommand, reportChange } from "./session-target.ts";

export async function runTag(command: ManageCommand & { tag: string | null }): Promise<CommandResult> {
  const found = changeableTarget(command);
  if ("result" in found) return found.result;
  const { target } = found;
  const files = tagTarget(target, command.tag);
  const line =
    command.tag === null
      ? `cleared the tag of ${target.sessionId}`
      : `tagged ${target.sessionId} ${command.tag.trim()}`;
  reportChange(command, line, { sessionId: target.sessionId, action: "tag", tag: command.tag?.trim() ?? null, files });
  return done();
}

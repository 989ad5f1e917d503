// `claude-reindex delete <id>`: the session into the trash, its index entry out; `--purge`: gone for
// good, after a confirmation (or --yes). Restoring is `claude-reindex restore <id>`.
import path from "node:path";
import { isIdOrPrefix } from "../layout/session-locations.ts";
import { matchTrashedSessions, purgeTrashedSession, type TrashedSession } from "../layout/session-trash.ts";
import { UsageError } from "../text/user-error.ts";
import { type CommandResult, done } from "./command-result.ts";
import { confirm } from "./forget-command.ts";
import { trashTarget } from "./session-change.ts";
import { changeableTarget, findTarget, type ManageCommand, reportChange } from "./session-target.ts";

export interface DeleteCommand extends ManageCommand {
  purge: boolean;
  yes: boolean;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

export async function runDelete(command: DeleteCommand): Promise<CommandResult> {
  if (!isIdOrPrefix(command.idOrPrefix))
    throw new UsageError(`${JSON.stringify(command.idOrPrefix)} is not a session id or the start of one`);
  // --purge of a session already in the trash: nothing in projects/ to look at.
  if (command.purge && !findTarget(command.configRoot, command.idOrPrefix, command.projectDirs).ok) {
    const trashed = trashedMatch(command);
    if (trashed === null) return findFailure(command);
    return purge(command, trashed);
  }
  const found = changeableTarget(command);
  if ("result" in found) return found.result;
  const { target } = found;
  if (command.purge) {
    const answer = await confirmed(command, target.sessionId, "is in its project");
    if (answer !== true) return answer;
  }
  const report = await trashTarget(command.configRoot, target, command.now);
  if (report.problems.length > 0) return { kind: "failed", problems: report.problems };
  if (command.purge) {
    const trashed = matchTrashedSessions(command.configRoot, target.sessionId);
    return purge(command, trashed, true);
  }
  const files = report.moved.length;
  reportChange(
    command,
    `moved ${target.sessionId} into the trash (${files} ${files === 1 ? "file" : "files"}); ` +
      `claude-reindex restore ${target.sessionId} brings it back`,
    {
      sessionId: target.sessionId,
      action: "delete",
      moved: report.moved,
      indexEntriesDropped: report.indexEntriesDropped,
    },
  );
  return done();
}

/** The trashed copies of one session the id names (a prefix of several trashed sessions is a usage error). */
function trashedMatch(command: DeleteCommand): TrashedSession[] | null {
  let matches = matchTrashedSessions(command.configRoot, command.idOrPrefix);
  if (command.projectDirs !== null) {
    const names = new Set(command.projectDirs.map((d) => path.basename(d)));
    matches = matches.filter((t) => names.has(t.projectDirName));
  }
  const ids = [...new Set(matches.map((t) => t.sessionId))].sort();
  if (ids.length === 0) return null;
  if (ids.length > 1)
    throw new UsageError(
      `${command.idOrPrefix} starts ${ids.length} trashed sessions (${ids.join(", ")}); give more of the id`,
    );
  return matches;
}

function findFailure(command: DeleteCommand): CommandResult {
  const found = findTarget(command.configRoot, command.idOrPrefix, command.projectDirs);
  return { kind: "failed", problems: [found.ok ? `no session ${command.idOrPrefix}` : found.problem] };
}

async function purge(
  command: DeleteCommand,
  trashed: TrashedSession[],
  confirmedAlready = false,
): Promise<CommandResult> {
  const id = trashed[0]!.sessionId;
  if (!confirmedAlready) {
    const answer = await confirmed(command, id, "is in the trash");
    if (answer !== true) return answer;
  }
  let removed = 0;
  for (const t of trashed) removed += purgeTrashedSession(command.configRoot, t).length;
  reportChange(command, `purged ${id} for good (${removed} ${removed === 1 ? "file" : "files"})`, {
    sessionId: id,
    action: "purge",
    removed,
  });
  return done();
}

/** True to go on; otherwise the result to return (not confirmed, or no terminal to confirm on). */
async function confirmed(command: DeleteCommand, sessionId: string, where: string): Promise<true | CommandResult> {
  if (command.yes) return true;
  if (!command.stdin.isTTY)
    return {
      kind: "failed",
      problems: [`delete --purge removes ${sessionId} for good: run it on a terminal to confirm, or add --yes`],
    };
  if (await confirm(command, `Remove session ${sessionId} (it ${where}) for good? [y/N] `)) return true;
  command.io.stdout.write("nothing removed\n");
  return done();
}

import { type ProjectSelection, selectProjectDirs } from "../layout/project-dir.ts";
import { checkedRecently, recordCheck } from "../layout/shim-stamp.ts";
import { repairStaleIndexes } from "../rebuild/stale-repair.ts";
import { type ListedSession, listSessions, sessionLine } from "../sessions-index/session-list.ts";
import type { CommandIo } from "../text/command-io.ts";
import { type CommandResult, done } from "./command-result.ts";

export interface ListCommand {
  configRoot: string;
  selection: ProjectSelection;
  json: boolean;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  io: CommandIo & { stdout: NodeJS.WritableStream & { columns?: number } };
  workerScript?: URL;
}

/**
 * The sessions of the chosen projects, from their indexes, repaired first when stale. The stale
 * pass is the shim's: skipped when one ran in the last CLAUDE_REINDEX_CHECK_MINUTES.
 */
export async function sessionsOf(command: Omit<ListCommand, "json">): Promise<ListedSession[]> {
  const projectDirs = selectProjectDirs(command.configRoot, command.selection);
  if (!checkedRecently(command.configRoot, command.env, command.now())) {
    await repairStaleIndexes({
      configRoot: command.configRoot,
      projectDirs,
      env: command.env,
      now: command.now,
      io: command.io,
      workerScript: command.workerScript,
    });
    if (command.selection.kind === "all") recordCheck(command.configRoot, command.now());
  }
  return listSessions(projectDirs);
}

/** `claude-reindex list`: newest first; `--json` for scripts. Done, also when there is no session. */
export async function runList(command: ListCommand): Promise<CommandResult> {
  const sessions = await sessionsOf(command);
  const { stdout } = command.io;
  if (command.json) {
    // One line: scripts do not need the indentation, and thousands of sessions print faster.
    stdout.write(`${JSON.stringify(sessions)}\n`);
    return done();
  }
  if (sessions.length === 0)
    return done([
      `no sessions${command.selection.kind === "all" ? "" : " for this project (--all lists every project)"}`,
    ]);
  const now = command.now().getTime();
  const columns = stdout.columns ?? 120;
  for (const session of sessions)
    stdout.write(`${sessionLine(session, now, columns, command.selection.kind === "all" ? "path" : "none")}\n`);
  return done();
}

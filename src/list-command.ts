import { selectProjectDirs, type ProjectSelection } from "./project-dir.ts";
import type { CommandIo } from "./rebuild-command.ts";
import { listSessions, sessionLine, type ListedSession } from "./session-list.ts";
import { repairStaleIndexes } from "./stale-repair.ts";

export interface ListCommand {
  configRoot: string;
  selection: ProjectSelection;
  json: boolean;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  io: CommandIo & { stdout: NodeJS.WritableStream & { columns?: number } };
  workerScript?: URL;
}

/** The sessions of the chosen projects, from their indexes, repaired first when stale. */
export async function sessionsOf(command: Omit<ListCommand, "json">): Promise<ListedSession[]> {
  const projectDirs = selectProjectDirs(command.configRoot, command.selection);
  await repairStaleIndexes({ configRoot: command.configRoot, projectDirs, env: command.env, now: command.now, io: command.io, workerScript: command.workerScript });
  return listSessions(projectDirs);
}

/** `claude-reindex list`: newest first; `--json` for scripts. Exit 0. */
export async function runList(command: ListCommand): Promise<number> {
  const sessions = await sessionsOf(command);
  const { stdout } = command.io;
  if (command.json) {
    stdout.write(`${JSON.stringify(sessions, null, 2)}\n`);
    return 0;
  }
  if (sessions.length === 0) {
    command.io.stderr.write(`claude-reindex: no sessions${command.selection.kind === "all" ? "" : " for this project (--all lists every project)"}\n`);
    return 0;
  }
  const now = command.now().getTime();
  const columns = stdout.columns ?? 120;
  for (const session of sessions) stdout.write(`${sessionLine(session, now, columns, command.selection.kind === "all" ? "path" : "none")}\n`);
  return 0;
}

// `claude-reindex list`: every session on disk, of every project or the selected ones, newest first, as
// one terminal line each (hidden sessions marked, kept ones too) or as JSON for scripts.
import path from "node:path";
import { keptSessionRows } from "../catalog/kept-rows.ts";
import { catalogSessions, type NewestRows, newestFirst } from "../catalog/session-catalog.ts";
import { sessionLine } from "../catalog/session-line.ts";
import type { SessionRow } from "../catalog/session-record.ts";
import { type ProjectSelection, selectProjectDirs } from "../layout/project-dir.ts";
import type { CommandIo } from "../text/command-io.ts";
import { progressLine } from "../text/progress-line.ts";
import { writeTerminalJsonArray } from "../text/terminal-json.ts";
import { type CommandResult, done } from "./command-result.ts";

export interface ListCommand {
  configRoot: string;
  selection: ProjectSelection;
  json: boolean;
  /** Only sessions whose transcript changed at or after this instant (ms). */
  since?: number | undefined;
  /** Only sessions whose transcript changed before this instant (ms). */
  until?: number | undefined;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  io: CommandIo & { stdout: NodeJS.WritableStream & { columns?: number } };
  /** Unused since list reads transcripts itself; kept so callers need not change. */
  workerScript?: URL;
}

/**
 * Every session of the chosen projects, from the transcripts themselves (whatever state the
 * indexes are in), newest first. Unchanged transcripts cost a stat: what was read is kept. `staged`:
 * see StagedReading.
 */
export async function sessionsOf(
  command: Pick<ListCommand, "configRoot" | "selection" | "io">,
  staged?: StagedReading,
): Promise<SessionRow[]> {
  const projectDirs = selectProjectDirs(command.configRoot, command.selection);
  // Sessions Claude Code deleted that the keep guard kept, marked `kept`.
  const names = command.selection.kind === "all" ? null : new Set(projectDirs.map((d) => path.basename(d)));
  const kept = await keptSessionRows(command.configRoot, names, true);
  const withKept = (rows: SessionRow[]) => (kept.length === 0 ? rows : [...rows, ...kept].sort(newestFirst));
  // The first run over years of history reads every transcript once: say so if it takes a while (on stderr,
  // and only until the newest rows are shown: then the picker has the screen).
  const progress = progressLine(command.io.stderr, "claude-reindex: reading sessions", { delayMs: 400 });
  let shown = false;
  const endProgress = () => {
    if (!shown) progress.finish();
  };
  try {
    const rows = await catalogSessions(
      {
        configRoot: command.configRoot,
        projectDirs,
        writable: true,
        onProject: (done, total, projectDir) => {
          if (staged) Object.assign(staged.read, { done, total });
          if (!shown) progress.project(done, total, projectDir);
        },
        ...(staged && { signal: staged.signal }),
      },
      staged && {
        count: staged.count,
        show(first) {
          endProgress();
          shown = true;
          staged.show(withKept(first).slice(0, staged.count));
        },
      },
    );
    return withKept(rows);
  } finally {
    endProgress();
  }
}

/** How many of the projects have been read. */
export interface ProjectsRead {
  done: number;
  total: number;
}

/**
 * A picker's reading: the newest rows go to `show` as soon as they are known (see catalogSessions), then
 * the others are read, counted in `read`, until `signal` stops them.
 */
export interface StagedReading extends NewestRows {
  read: ProjectsRead;
  signal: AbortSignal;
}

/** `claude-reindex list`: newest first, hidden sessions marked; `--json` for scripts. Done, also when there is none. */
export async function runList(command: ListCommand): Promise<CommandResult> {
  const { since, until } = command;
  const sessions = (await sessionsOf(command)).filter(
    (s) => (since === undefined || s.modifiedMs >= since) && (until === undefined || s.modifiedMs < until),
  );
  const { stdout } = command.io;
  if (command.json) {
    // One line: scripts do not need the indentation, and thousands of sessions print faster.
    writeTerminalJsonArray(sessions, (text) => stdout.write(text));
    stdout.write("\n");
    return done();
  }
  if (sessions.length === 0)
    return done([
      `no sessions${since !== undefined || until !== undefined ? " in that time" : ""}` +
        `${command.selection.kind === "all" ? "" : " for this project (--all lists every project)"}`,
    ]);
  const now = command.now().getTime();
  const columns = (stdout.columns ?? 120) - 1;
  const project = command.selection.kind === "all" ? "path" : "none";
  stdout.write(`${sessions.map((session) => sessionLine(session, now, columns, project)).join("\n")}\n`);
  return done();
}

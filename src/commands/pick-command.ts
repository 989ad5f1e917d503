// `claude-reindex pick`: choose a session of any project (an interactive filter on a terminal, a numbered
// list otherwise) and resume it with the real `claude` in the session's own directory.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { sessionLine } from "../catalog/session-line.ts";
import type { SessionRow } from "../catalog/session-record.ts";
import { projectsRoot } from "../layout/config-root.ts";
import { listKeptSessions, restoreKeptSession } from "../layout/kept-store.ts";
import { selectProjectDirs } from "../layout/project-dir.ts";
import { firstOnPath } from "../system/path-search.ts";
import { shellQuote } from "../text/shell-quote.ts";
import { terminalLine } from "../text/terminal-text.ts";
import { type CommandResult, done } from "./command-result.ts";
import { type ListCommand, sessionsOf } from "./list-command.ts";
import { PickerTextSearch } from "./picker-text-search.ts";
import {
  type PickerActions,
  type PickerChoice,
  type PickerTerminal,
  pickerPageRows,
  pickSession,
  type RowsToCome,
} from "./session-picker.ts";
import { liveProblem, type SessionTarget } from "./session-target.ts";

export interface PickCommand extends Omit<ListCommand, "json" | "selection"> {
  stdin: PickerTerminal["stdin"];
  io: ListCommand["io"] & { stdout: PickerTerminal["stdout"] };
  pathEntries: string[];
  /** Where running processes are listed (/proc): the picker never changes a live session. */
  procRoot?: string;
}

/**
 * `claude-reindex pick`: every session of every project, newest first. On a terminal: type to
 * filter (title, first and last prompt, branch, path, session id; Tab: what was said, full text),
 * arrows to move, Enter to resume, Ctrl keys to rename, tag, archive, delete or print. Otherwise a numbered
 * list, and the number on stdin picks. The chosen session is resumed with the real `claude
 * --resume <id>` in the session's own directory, and its exit status is the result.
 */
export async function runPick(command: PickCommand): Promise<CommandResult> {
  const chosen = command.stdin.isTTY ? await pickOnTerminal(command) : await pickByNumber(command);
  if (chosen === "none") {
    const where = projectsRoot(command.configRoot);
    return {
      kind: "failed",
      problems: [`no sessions to pick from under ${where} (set CLAUDE_CONFIG_DIR if they live elsewhere)`],
    };
  }
  // Ctrl-C or Escape: nothing to resume, as an interrupted command exits.
  if (chosen === null) return { kind: "cancelled" };
  if ("problem" in chosen) return done(chosen.problem ? [chosen.problem] : []);
  if (chosen.kind === "print") {
    command.io.stdout.write(`${resumeLine(chosen.row)}\n`);
    return done();
  }
  return resume(command, chosen.row);
}

/**
 * The picker on the terminal. It starts once the newest rows of a screen are known, while the other
 * projects are still read (and stops their reading when it ends first, at Ctrl-C); "none" when there is
 * no session at all.
 */
async function pickOnTerminal(command: PickCommand): Promise<PickerChoice | null | "none"> {
  const { configRoot } = command;
  const textSearch = (redraw: () => void) =>
    new PickerTextSearch(configRoot, () => selectProjectDirs(configRoot, { kind: "all" }), redraw);
  const terminal = { stdin: command.stdin, stdout: command.io.stdout };
  const pick = (rows: SessionRow[], rest?: RowsToCome) =>
    pickSession(rows, terminal, command.now().getTime(), textSearch, pickerActions(command), rest);
  const reading = new AbortController();
  let picker: Promise<PickerChoice | null> | null = null;
  const read = { done: 0, total: 0 };
  // `show` comes after sessionsOf has returned `all` (it reads before it shows): the picker takes the rows to come.
  const all: Promise<SessionRow[]> = sessionsOf(
    { ...command, selection: { kind: "all" } },
    {
      count: pickerPageRows(terminal.stdout),
      show: (newest) => {
        picker = pick(newest, { rows: all, read }).finally(() => reading.abort());
      },
      read,
      signal: reading.signal,
    },
  );
  try {
    await all;
  } catch (error) {
    // Once the picker shows, it ends with the error itself, or has ended and stopped the reading.
    if (picker === null) throw error;
  }
  if (picker !== null) return picker;
  const sessions = await all;
  return sessions.length === 0 ? "none" : pick(sessions);
}

/** `cd <its directory> && claude --resume <id>`, quoted for a POSIX shell: what the print key prints. */
export function resumeLine(row: SessionRow): string {
  const resume = `claude --resume ${row.sessionId}`;
  return row.projectPath === null ? resume : `cd ${shellQuote(row.projectPath)} && ${resume}`;
}

/** The picker's changes: the managing commands' own, on the selected row; a live or kept session is refused. */
function pickerActions(command: PickCommand): PickerActions {
  return {
    async apply(action, row, value) {
      if (row.kept)
        return { problem: `${row.sessionId} is a kept session: restore it first (Enter restores and resumes it)` };
      const target: SessionTarget = {
        sessionId: row.sessionId,
        locations: [{ sessionId: row.sessionId, projectDir: row.projectDir, transcript: row.fullPath }],
      };
      const live = liveProblem(target, { procRoot: command.procRoot ?? "/proc", nowMs: command.now().getTime() });
      if (live !== null) return { problem: live };
      // Loaded for a change only: it brings the index's schema (zod), 30–40 ms before the first screen.
      const { archiveTarget, renameTarget, tagTarget, trashTarget } = await import("./session-change.ts");
      switch (action) {
        case "rename": {
          const title = (value ?? "").trim();
          if (title === "") return { problem: "not renamed: the title is empty" };
          renameTarget(target, title);
          return { row: { ...row, customTitle: title, title }, message: `renamed to ${JSON.stringify(title)}` };
        }
        case "tag": {
          const tag = (value ?? "").trim();
          tagTarget(target, tag === "" ? null : tag);
          const { tag: _old, ...rest } = row;
          return {
            row: { ...rest, tag: tag === "" ? null : tag },
            message: tag === "" ? "tag cleared" : `tagged ${tag}`,
          };
        }
        case "archive": {
          const archived = row.archived !== true;
          archiveTarget(target, archived, command.now());
          const { archived: _was, ...rest } = row;
          return {
            row: archived ? { ...rest, archived: true } : rest,
            message: archived ? "archived" : "unarchived",
          };
        }
        case "delete": {
          const report = await trashTarget(command.configRoot, target, command.now);
          if (report.problems.length > 0) return { problem: report.problems[0]! };
          return {
            row: null,
            message: `moved ${row.sessionId} into the trash (claude-reindex restore ${row.sessionId})`,
          };
        }
      }
    },
  };
}

/** The session whose number comes on stdin; nothing chosen for no line, a problem for a wrong number. */
async function pickByNumber(
  command: PickCommand,
): Promise<{ kind: "resume"; row: SessionRow } | { problem: string | null } | "none"> {
  const sessions = await sessionsOf({ ...command, selection: { kind: "all" } });
  if (sessions.length === 0) return "none";
  const now = command.now().getTime();
  const { stdout } = command.io;
  for (const [i, session] of sessions.entries()) {
    stdout.write(`${String(i + 1).padStart(4)}  ${sessionLine(session, now, (stdout.columns ?? 120) - 6, "path")}\n`);
  }
  const line = await firstLine(command.stdin);
  if (line === null || line.trim() === "") return { problem: null };
  const number = Number(line.trim());
  if (!Number.isInteger(number) || number < 1 || number > sessions.length)
    return { problem: `"${line.trim()}" is not a number from 1 to ${sessions.length}` };
  return { kind: "resume", row: sessions[number - 1]! };
}

function firstLine(stream: NodeJS.ReadableStream): Promise<string | null> {
  return new Promise((resolve) => {
    const lines = readline.createInterface({ input: stream });
    let answered = false;
    lines.once("line", (line) => {
      answered = true;
      lines.close();
      resolve(line);
    });
    lines.once("close", () => {
      if (!answered) resolve(null);
    });
  });
}

/** Runs `claude --resume <id>` in the session's directory and passes its exit status on. */
async function resume(command: PickCommand, session: SessionRow): Promise<CommandResult> {
  const { io, env } = command;
  const claude = env.CLAUDE_REINDEX_REAL_CLAUDE || firstOnPath("claude", command.pathEntries);
  if (!claude) {
    const problem = "no claude on PATH to resume with; install Claude Code or set CLAUDE_REINDEX_REAL_CLAUDE";
    return { kind: "no-claude", problems: [problem] };
  }
  const cwd = session.projectPath ?? process.cwd();
  if (!fs.existsSync(cwd)) {
    const problem =
      `the session's directory ${terminalLine(cwd)} no longer exists; Claude Code ` +
      `resumes a session from its own directory (claude-reindex why ` +
      `${session.sessionId})`;
    return { kind: "failed", problems: [problem] };
  }
  if (session.kept) {
    // Deleted by Claude Code, kept by the guard: back into its project directory first.
    const problem = restoreForResume(command.configRoot, session);
    if (problem !== null) return { kind: "failed", problems: [problem] };
    io.stderr.write(`claude-reindex: restored ${session.sessionId} into ${terminalLine(session.projectDir)}\n`);
  }
  io.stderr.write(`claude-reindex: resuming ${session.sessionId} in ${terminalLine(cwd)}\n`);
  const child = spawn(claude, ["--resume", session.sessionId], { cwd, stdio: "inherit", env });
  // Ctrl-C reaches claude directly (same terminal and process group): this process only waits,
  // and must not die of it and leave claude without its parent.
  const ignore = () => {};
  process.on("SIGINT", ignore);
  try {
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code, signal) => resolve(code ?? 128 + (signal ? signalNumber(signal) : 1)));
    });
    return { kind: "resumed", exitCode };
  } finally {
    process.off("SIGINT", ignore);
  }
}

/** Restores a kept session (as `claude-reindex restore` does); the problem when it cannot. */
function restoreForResume(configRoot: string, session: SessionRow): string | null {
  const kept = listKeptSessions(configRoot).find(
    (k) => k.sessionId === session.sessionId && k.projectDirName === path.basename(session.projectDir),
  );
  if (kept === undefined) return `kept session ${session.sessionId} is no longer kept (forgotten meanwhile?)`;
  const report = restoreKeptSession(configRoot, kept);
  if (report.refused !== null) return `not restored: ${report.refused}`;
  if (report.conflicts.length === 0) return null;
  return (
    `not restored: ${path.join(session.projectDir, report.conflicts[0]!)} exists and ` +
    `differs from the kept file; move it away and pick again`
  );
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 1;
}

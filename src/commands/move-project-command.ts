// `claude-reindex move-project <old> <new>`: a moved project folder's sessions, memory and index brought
// to the project directory of its new path, every file whole and with its times, merged without
// overwriting; Claude Code's `relocated` record appended; optionally its keys in .claude.json and
// history.jsonl renamed. Idempotent: a second run finds everything in place and writes nothing.
import fs from "node:fs";
import path from "node:path";
import { firstString, readWindows, typedValue } from "../catalog/resume-view.ts";
import { catalogPath } from "../catalog/session-catalog.ts";
import { agentFilesBySession } from "../layout/agent-files.ts";
import { projectsRoot, promptHistoryPath } from "../layout/config-root.ts";
import { INDEX_FILE_NAME } from "../layout/index-path.ts";
import { encodeProjectDirName, findProjectDirs } from "../layout/project-dir.ts";
import { stampPath } from "../layout/project-stamp.ts";
import { listSessionFiles, sessionIdOfFileName } from "../layout/session-file.ts";
import {
  compareTranscripts,
  recoverTransfersIn,
  transferDirectory,
  transferSession,
} from "../layout/session-transfer.ts";
import { rebuildProjects } from "../rebuild/rebuild-projects.ts";
import {
  movedPath,
  moveHistoryProjects,
  moveProjectKeys,
  type RewriteOutcome,
  rewriteWithBackup,
} from "../settings/moved-project-config.ts";
import { withDirectoryLock } from "../system/directory-lock.ts";
import { type ExactTimes, setExactTimesMany } from "../system/file-times.ts";
import { isTransferLeftover, transferFile } from "../system/file-transfer.ts";
import { isTemporaryNameOf, makeDirectory } from "../system/replace-file.ts";
import type { CommandIo } from "../text/command-io.ts";
import { errorText } from "../text/error-text.ts";
import { terminalLine } from "../text/terminal-text.ts";
import {
  appendRelocatedRecord,
  pendingRelocations,
  type RelocationEntry,
  relocationJournalPath,
  writeRelocationJournal,
} from "../transcript/relocated-record.ts";
import type { CommandResult } from "./command-result.ts";

export interface MoveProjectCommand {
  configRoot: string;
  /** The folder as it was (absolute). */
  oldPath: string;
  /** The folder as it is now (absolute, its real path when it exists). */
  newPath: string;
  dryRun: boolean;
  updateConfig: boolean;
  json: boolean;
  /** Claude Code's .claude.json. */
  globalConfig: string;
  now: () => Date;
  io: CommandIo;
  workerScript?: URL;
}

/** One thing in an old project directory and what becomes of it. */
type Step =
  | { kind: "session"; from: string; to: string; sessionId: string; agents: string[]; state: "move" | "there" }
  | { kind: "other"; from: string; to: string; directory: boolean }
  /** Left where it is: a problem (something in the way), or as it should be (another folder's session). */
  | { kind: "stays"; from: string; why: string; problem: boolean };

export interface MoveReport {
  oldPath: string;
  newPath: string;
  dryRun: boolean;
  from: string[];
  to: string;
  /** Sessions moved now (or that would be). */
  sessionsMoved: number;
  sessionsAlreadyThere: number;
  /** Other files (memory/, …) moved now. */
  filesMoved: number;
  /** "<source> -> <destination>": a name that was taken by a different file; ours placed beside it. */
  keptBoth: string[];
  /** Transcripts given a `relocated` record naming the new path. */
  relocated: number;
  config: { file: string; outcome: RewriteOutcome }[];
  problems: string[];
  notes: string[];
}

export async function runMoveProject(command: MoveProjectCommand): Promise<CommandResult> {
  const { io, oldPath, newPath, configRoot } = command;
  const root = projectsRoot(configRoot);
  const to = path.join(root, encodeProjectDirName(newPath));
  const sources = fs.existsSync(root)
    ? findProjectDirs(configRoot, oldPath).filter((dir) => path.resolve(dir) !== path.resolve(to))
    : [];
  const report: MoveReport = {
    oldPath,
    newPath,
    dryRun: command.dryRun,
    from: sources,
    to,
    sessionsMoved: 0,
    sessionsAlreadyThere: 0,
    filesMoved: 0,
    keptBoth: [],
    relocated: 0,
    config: [],
    problems: [],
    notes: [],
  };
  const shown = (p: string) => terminalLine(p);
  const say = (line: string) => {
    if (!command.json) io.stdout.write(`${line}\n`);
  };
  const targetIsLink = isLink(to);
  if (targetIsLink) report.problems.push(`${to} is a symbolic link; claude-reindex does not write through links`);
  if (fs.existsSync(oldPath) && fs.statSync(oldPath).isDirectory())
    report.notes.push(
      `${oldPath} still exists: ` +
        "Claude Code started there makes a new project directory for it (move the folder first?)",
    );

  // A run killed after appending records but before putting the files' times back: put them back now.
  if (!command.dryRun && fs.existsSync(relocationJournalPath(configRoot))) {
    putTimesBack(pendingRelocations(configRoot), report);
    fs.rmSync(relocationJournalPath(configRoot), { force: true });
  }
  const steps: Step[] = [];
  for (const source of sources) {
    if (isLink(source)) {
      report.problems.push(`${source} is a symbolic link; not followed, left as it is`);
      continue;
    }
    // What a killed run left (a file renamed aside, a temporary copy) is put right before planning.
    if (!command.dryRun && !targetIsLink) for (const dir of [source, to]) recoverTransfersIn(dir);
    steps.push(...planDirectory(source, to, oldPath));
  }
  for (const step of steps) {
    if (step.kind === "session" && step.state === "move") {
      report.sessionsMoved++;
      say(`${command.dryRun ? "would move" : "move"} ${shown(step.from)} -> ${shown(step.to)}`);
    } else if (step.kind === "session") report.sessionsAlreadyThere++;
    else if (step.kind === "other")
      say(`${command.dryRun ? "would merge" : "merge"} ${shown(step.from)} -> ${shown(step.to)}`);
    else (step.problem ? report.problems : report.notes).push(`stays: ${step.from}: ${step.why}`);
  }
  // Claude Code's own record of a session that now belongs to another folder, once per transcript.
  const work = steps.some((s) => s.kind !== "stays") && !targetIsLink;
  if (command.dryRun) report.relocated = targetIsLink ? 0 : relocationEntries(command, to, steps).length;
  else if (work || (!targetIsLink && relocationEntries(command, to, []).length > 0)) {
    makeDirectory(root, 0o700);
    const lockFile = path.join(configRoot, "claude-reindex", "move-project");
    makeDirectory(path.dirname(lockFile), 0o700);
    await withDirectoryLock(lockFile, { staleMs: 10_000, waitMs: 15_000 }, async () => {
      if (work) carryOut(steps, sources, to, report);
      relocate(command, relocationEntries(command, to, []), report);
    });
    for (const source of sources) retire(source, configRoot, report);
  }

  if (!command.dryRun && !targetIsLink) {
    const dirs = [to, ...sources].filter((dir) => fs.existsSync(dir) && !isLink(dir));
    if (dirs.length > 0) {
      const reports = await rebuildProjects(
        dirs,
        { configRoot, dryRun: false, now: command.now, workerScript: command.workerScript },
        () => {},
      );
      for (const r of reports) if (r.problem) report.problems.push(r.problem);
    }
  }

  if (command.updateConfig) await updateConfig(command, report);

  for (const kept of report.keptBoth)
    report.notes.push(`kept both: a different file had the name, so ours went beside it: ${kept}`);
  if (command.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const note of report.notes) io.stderr.write(`note: ${shown(note)}\n`);
    const would = command.dryRun ? "would move" : "moved";
    const others = report.filesMoved > 0 ? `, ${count(report.filesMoved, "other file")}` : "";
    const dry = command.dryRun ? " (dry run: nothing changed)" : "";
    say(
      sources.length === 0
        ? `nothing left to move: no project directory for ${shown(oldPath)} under ${shown(root)}` +
            `${fs.existsSync(to) ? ` (its sessions are in ${shown(to)})` : ""}${dry}`
        : `${would} ${count(report.sessionsMoved, "session")}${others} of ${shown(oldPath)} to ${shown(to)}; ` +
            `${report.sessionsAlreadyThere} already there; ${command.dryRun ? "would record" : "recorded"} ` +
            `the new path in ${count(report.relocated, "transcript")}${dry}`,
    );
  }
  return report.problems.length > 0
    ? { kind: "failed", problems: report.problems.map(shown) }
    : { kind: "done", problems: [] };
}

/** What becomes of each thing in one old project directory. */
function planDirectory(source: string, to: string, oldPath: string): Step[] {
  const steps: Step[] = [];
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(source, { withFileTypes: true });
  } catch (error) {
    return [{ kind: "stays", from: source, why: `cannot be listed: ${errorText(error)}`, problem: true }];
  }
  const agents = agentFilesBySession(source);
  const names = new Set(dirents.map((d) => d.name));
  const taken = new Set<string>();
  const staying = new Set<string>();
  for (const d of dirents) {
    const sessionId = sessionIdOfFileName(d.name);
    if (sessionId === null || !d.isFile()) continue;
    const from = path.join(source, d.name);
    const cwd = recordedCwd(from);
    // The encoding is lossy: a session of another folder with the same encoded name stays.
    if (cwd !== null && cwd !== oldPath && !cwd.startsWith(`${oldPath}/`)) {
      staying.add(sessionId);
      steps.push({ kind: "stays", from, why: `a session of ${cwd}, which shares the encoded name`, problem: false });
      continue;
    }
    const target = path.join(to, d.name);
    const comparison = compareTranscripts(from, target);
    if (comparison === "different") {
      staying.add(sessionId);
      steps.push({
        kind: "stays",
        from,
        why: `${target} is a different transcript of the same id; both kept`,
        problem: true,
      });
      continue;
    }
    const own = agents.get(sessionId) ?? [];
    for (const name of own) taken.add(name);
    if (names.has(sessionId)) taken.add(sessionId);
    steps.push({
      kind: "session",
      from,
      to: target,
      sessionId,
      agents: own,
      state: comparison === "same" || comparison === "destination-ahead" ? "there" : "move",
    });
    taken.add(d.name);
  }
  for (const id of staying) {
    taken.add(id).add(`${id}.jsonl`);
    for (const name of agents.get(id) ?? []) taken.add(name);
  }
  for (const d of dirents) {
    const from = path.join(source, d.name);
    if (taken.has(d.name) || isTransferLeftover(d.name) || isIndexFile(d.name)) continue;
    if (d.isDirectory() || d.isFile())
      steps.push({ kind: "other", from, to: path.join(to, d.name), directory: d.isDirectory() });
    else
      steps.push({ kind: "stays", from, why: "not a regular file or folder (a link?); not followed", problem: true });
  }
  return steps;
}

function carryOut(steps: Step[], sources: string[], to: string, report: MoveReport): void {
  makeDirectory(to, 0o700);
  recoverTransfersIn(to);
  for (const source of sources) recoverTransfersIn(source);
  const tag = `from-${path.basename(report.oldPath).replace(/[^a-zA-Z0-9_-]/g, "-") || "moved"}`;
  for (const step of steps) {
    try {
      if (step.kind === "session") {
        const moved = transferSession(step.from, step.to, true, step.agents);
        report.problems.push(...moved.problems);
      } else if (step.kind === "other" && step.directory) {
        const moved = transferDirectory(step.from, step.to, true, tag);
        report.filesMoved += moved.files;
        report.keptBoth.push(...moved.keptBoth);
        report.problems.push(...moved.problems);
      } else if (step.kind === "other") {
        report.filesMoved += moveKeepingBoth(step.from, step.to, tag, report);
      }
    } catch (error) {
      report.problems.push(`${step.from}: ${errorText(error)}`);
    }
  }
}

/** One file to `to`, or beside it under a new name when a different file has that name. */
function moveKeepingBoth(from: string, to: string, tag: string, report: MoveReport): number {
  const dir = path.dirname(to);
  const base = path.basename(to);
  const ext = path.extname(base.replace(/^\./, "x"));
  for (let n = 0; n < 100; n++) {
    const target =
      n === 0 ? to : path.join(dir, `${base.slice(0, base.length - ext.length)}.${tag}${n === 1 ? "" : `-${n}`}${ext}`);
    const outcome = transferFile(from, target, { move: true });
    if (outcome.kind === "conflict") continue;
    if (n > 0) report.keptBoth.push(`${from} -> ${target}`);
    if (outcome.kind === "source-changed")
      report.problems.push(`${from} changed while it was moved; it was kept (run again to finish)`);
    return outcome.kind === "moved" || outcome.kind === "copied" ? 1 : 0;
  }
  report.problems.push(`${from}: no free name beside ${to}`);
  return 0;
}

/**
 * An old project directory left with no session: its index (a cache of what moved) and the stamps and
 * catalog we kept for it go, then the directory itself when empty. One that still holds something is
 * left, and rebuilt.
 */
function retire(source: string, configRoot: string, report: MoveReport): void {
  let names: string[];
  try {
    names = fs.readdirSync(source);
  } catch {
    return;
  }
  if (names.some((name) => !isIndexFile(name))) {
    report.notes.push(`${source} still holds ${names.filter((n) => !isIndexFile(n)).join(", ")}`);
    return;
  }
  for (const name of names) if (name === INDEX_FILE_NAME) fs.rmSync(path.join(source, name), { force: true });
  try {
    fs.rmdirSync(source);
  } catch {
    return; // something appeared meanwhile: it stays
  }
  for (const ours of [stampPath(configRoot, source), catalogPath(configRoot, source)]) fs.rmSync(ours, { force: true });
  const cache = path.join(configRoot, "claude-reindex", "transcript-cache", path.basename(source));
  if (!isLink(cache)) fs.rmSync(cache, { recursive: true, force: true });
}

/**
 * The transcripts for the new path (and, in a dry run, those about to move there) whose working
 * directory still reads as the old one or a folder below it (their last `relocated` record, else their
 * first `cwd`), with the same place in the new folder and their times as they are.
 */
function relocationEntries(command: MoveProjectCommand, to: string, steps: Step[]): RelocationEntry[] {
  const candidates: { file: string; sessionId: string }[] = [];
  for (const step of steps)
    if (step.kind === "session") candidates.push({ file: step.from, sessionId: step.sessionId });
  if (fs.existsSync(to) && !isLink(to)) {
    for (const file of listSessionFiles(to).sessions.values())
      candidates.push({ file: file.path, sessionId: file.sessionId });
  }
  const entries: RelocationEntry[] = [];
  const seen = new Set<string>();
  for (const { file, sessionId } of candidates) {
    if (seen.has(sessionId)) continue;
    seen.add(sessionId);
    let before: fs.BigIntStats;
    try {
      before = fs.lstatSync(file, { bigint: true });
    } catch {
      continue;
    }
    const cwd = recordedCwd(file);
    const relocatedCwd = cwd === null ? null : movedPath(cwd, command.oldPath, command.newPath);
    if (relocatedCwd === null) continue;
    const size = Number(before.size);
    entries.push({ file, sessionId, relocatedCwd, size, atimeNs: `${before.atimeNs}`, mtimeNs: `${before.mtimeNs}` });
  }
  return entries;
}

/**
 * Appends Claude Code's `relocated` record to each transcript, then puts every one's times back, all at
 * once. The times are journaled first, so that a run killed in between is made whole by the next.
 */
function relocate(command: MoveProjectCommand, entries: RelocationEntry[], report: MoveReport): void {
  report.relocated = entries.length;
  if (entries.length === 0) return;
  writeRelocationJournal(command.configRoot, entries);
  const appended: { file: string; times: ExactTimes }[] = [];
  for (const entry of entries) {
    try {
      appendRelocatedRecord(entry.file, entry.sessionId, entry.relocatedCwd);
      appended.push({ file: entry.file, times: { atimeNs: BigInt(entry.atimeNs), mtimeNs: BigInt(entry.mtimeNs) } });
    } catch (error) {
      report.problems.push(`${entry.file}: the new path could not be recorded: ${errorText(error)}`);
    }
  }
  putTimesBack(appended, report);
  fs.rmSync(relocationJournalPath(command.configRoot), { force: true });
}

function putTimesBack(files: { file: string; times: ExactTimes }[], report: MoveReport): void {
  for (const file of setExactTimesMany(files))
    report.notes.push(`${file}: its times could be put back only to the microsecond (no GNU touch or python3)`);
}

async function updateConfig(command: MoveProjectCommand, report: MoveReport): Promise<void> {
  const backupDir = path.join(command.configRoot, "claude-reindex", "backups");
  for (const [file, change, lock] of [
    [command.globalConfig, moveProjectKeys, false],
    [promptHistoryPath(command.configRoot), moveHistoryProjects, true],
  ] as const) {
    const outcome = await rewriteWithBackup({
      file,
      backupDir,
      now: command.now(),
      dryRun: command.dryRun,
      lock,
      change: (text) => change(text, command.oldPath, command.newPath),
    });
    report.config.push({ file, outcome });
    const shownFile = terminalLine(file);
    if (outcome.kind === "refused") report.problems.push(`${outcome.problem}; not rewritten`);
    if (outcome.kind === "changed" && !command.json) {
      const verb = command.dryRun ? "would rewrite" : "rewrote";
      const backup = outcome.backup ? ` (backup: ${terminalLine(outcome.backup)})` : "";
      command.io.stdout.write(`${verb} ${shownFile}: ${outcome.changed.map(terminalLine).join("; ")}${backup}\n`);
    }
    if (outcome.kind === "changed" || outcome.kind === "unchanged")
      for (const clash of outcome.clashes) report.notes.push(`${file}: not renamed: ${clash}`);
  }
}

/** The working directory a transcript reads as: its last `relocated` record, else its first `cwd`. */
function recordedCwd(file: string): string | null {
  const windows = readWindows(file);
  if (windows === null) return null;
  return typedValue(windows.tail, "relocatedCwd", "relocated") ?? firstString(windows.head, "cwd") ?? null;
}

function isIndexFile(name: string): boolean {
  return (
    name === INDEX_FILE_NAME ||
    name === `${INDEX_FILE_NAME}.lock` ||
    name === `${INDEX_FILE_NAME}.tmp` ||
    isTemporaryNameOf(name, INDEX_FILE_NAME)
  );
}

function count(n: number, singular: string): string {
  return `${n} ${n === 1 ? singular : `${singular}s`}`;
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

// `claude-reindex migrate --from <dir>`: brings sessions from a custom layout or another copy into the
// project directories their working directories name, keeping file times, then rebuilds those indexes.
import fs from "node:fs";
import path from "node:path";
import { agentFilesBySession } from "../layout/agent-files.ts";
import { projectsRoot } from "../layout/config-root.ts";
import { indexPathOf } from "../layout/index-path.ts";
import { encodeProjectDirName } from "../layout/project-dir.ts";
import { sessionIdOfFileName } from "../layout/session-file.ts";
import { compareTranscripts, recoverTransfersIn, transferSession } from "../layout/session-transfer.ts";
import { rebuildProjects } from "../rebuild/rebuild-projects.ts";
import { removeOrphanedIndexTemporaryFiles } from "../sessions-index/index-store.ts";
import { PlaceGuard } from "../system/place-guard.ts";
import { describeFileError, readFileHead } from "../system/regular-file.ts";
import type { CommandIo } from "../text/command-io.ts";
import { errorText } from "../text/error-text.ts";
import { terminalLine } from "../text/terminal-text.ts";
import type { CommandResult } from "./command-result.ts";

export interface MigrateCommand {
  configRoot: string;
  /** An existing directory holding transcripts anywhere below it (a custom layout, another host's copy). */
  from: string;
  /** Put every session into this project directory instead of the one its cwd names. */
  project?: string;
  /** Move instead of copy. */
  move: boolean;
  dryRun: boolean;
  now: () => Date;
  io: CommandIo;
}

type Plan =
  | { kind: "move"; from: string; to: string; projectDir: string }
  | { kind: "already-there"; from: string; to: string }
  | { kind: "conflict"; from: string; to: string }
  | { kind: "no-cwd"; from: string }
  | { kind: "unreadable"; from: string; reason: string };

/**
 * `claude-reindex migrate --from <dir>`: brings sessions into `<root>/projects/<encoded cwd>/`,
 * the directory named from each transcript's own `cwd` as Claude Code names it. A session goes whole:
 * its transcript, its `<uuid>/` folder and the old layout's `agent-*.jsonl` beside it that name it. File times are
 * kept to the nanosecond (the index and Claude Code's cleanup both go by them), a different file of
 * the same name is never overwritten, every copy is verified before it is put in place and a move
 * removes only what is verified at the destination; a rerun finishes what an interrupted run started
 * and finds the rest already there. The indexes of the projects that received sessions are rebuilt at
 * the end. Failed when some session (or some file of one) could not go.
 */
export async function runMigrate(command: MigrateCommand): Promise<CommandResult> {
  const { io } = command;
  const source = path.resolve(command.from);
  const problems: string[] = [];
  // Paths come from the disk: shown on one line, control characters escaped.
  const shown = (p: string) => terminalLine(p);
  const plans = findTranscripts(source, !command.dryRun).map((file) => plan(file, command));
  const verb = command.move ? "move" : "copy";
  const moving = plans.filter((p) => p.kind === "move");
  for (const p of plans) {
    if (p.kind === "move")
      io.stdout.write(`${command.dryRun ? `would ${verb}` : verb} ${shown(p.from)} -> ${shown(p.to)}\n`);
    if (p.kind === "conflict") problems.push(`not migrated: ${shown(p.to)} exists and differs from ${shown(p.from)}`);
    if (p.kind === "unreadable") problems.push(`not migrated: ${shown(p.from)}: ${shown(p.reason)}`);
    if (p.kind === "no-cwd")
      problems.push(`not migrated: ${shown(p.from)} names no working directory (no cwd in its records); use --project`);
  }
  let failedFiles = 0;
  if (!command.dryRun) {
    // Sessions already there still go through the transfer: their `<uuid>/` files may be incomplete (an
    // interrupted run), and a move removes their verified sources.
    const transferring = plans.filter((p) => p.kind === "move" || p.kind === "already-there");
    const recovered = new Set<string>();
    // projects/ (or --project's parent) as it resolves now; below it, never a link: the project
    // directory, the transcript and its `<uuid>/` folder are checked before each session is transferred.
    const guards = new Map<string, PlaceGuard>();
    const guardOf = (projectDir: string) => {
      const base = path.dirname(projectDir);
      if (!guards.has(base)) guards.set(base, new PlaceGuard(base));
      return guards.get(base)!;
    };
    for (const p of transferring) guardOf(path.dirname(p.to));
    // The old layout's agent transcripts go with the session their records name.
    const agentsByDir = new Map<string, Map<string | null, string[]>>();
    const agentsOf = (p: (typeof transferring)[number]) => {
      const dir = path.dirname(p.from);
      if (!agentsByDir.has(dir)) agentsByDir.set(dir, agentFilesBySession(dir));
      return agentsByDir.get(dir)!.get(path.basename(p.from, ".jsonl")) ?? [];
    };
    for (const p of transferring) {
      const guard = guardOf(path.dirname(p.to));
      const linked = guard.problemWith(p.to) ?? guard.problemWith(path.join(p.to.slice(0, -".jsonl".length), "-"));
      if (linked !== null) {
        problems.push(`not migrated: ${shown(linked)}`);
        failedFiles++;
        continue;
      }
      for (const dir of [path.dirname(p.from), path.dirname(p.to)]) {
        if (!recovered.has(dir)) recoverTransfersIn(dir);
        recovered.add(dir);
      }
      if (path.resolve(p.from) === path.resolve(p.to)) continue;
      let fileProblems: string[];
      try {
        fileProblems = transferSession(p.from, p.to, command.move, agentsOf(p)).problems;
      } catch (error) {
        fileProblems = [`${p.from}: ${errorText(error)}`];
      }
      for (const problem of fileProblems) problems.push(`not migrated: ${shown(problem)}`);
      failedFiles += fileProblems.length;
    }
    const projectDirs = [...new Set(transferring.map((p) => path.dirname(p.to)))];
    // A run killed inside its rebuild leaves an index temporary file, and a rerun with nothing left to
    // move writes no index (which would remove it): clear them in every place migrate writes to.
    for (const dir of new Set([...projectDirs, ...projectDirsUnder(command)]))
      if (guardOf(dir).problemWith(dir) === null) removeOrphanedIndexTemporaryFiles(indexPathOf(dir));
    if (projectDirs.length > 0) {
      const reports = await rebuildProjects(
        projectDirs,
        { configRoot: command.configRoot, dryRun: false, now: command.now },
        () => {},
      );
      for (const report of reports) if (report.problem) problems.push(shown(report.problem));
    }
  }
  const count = (kind: Plan["kind"]) => plans.filter((p) => p.kind === kind).length;
  const notMigrated = count("conflict") + count("no-cwd") + count("unreadable");
  const done = command.dryRun
    ? `would ${verb} ${moving.length}`
    : `${verb === "move" ? "moved" : "copied"} ${moving.length}`;
  const left = failedFiles > 0 ? `, ${failedFiles} ${failedFiles === 1 ? "file" : "files"} left where they were` : "";
  io.stdout.write(
    `${done} of ${plans.length} sessions from ${shown(source)}; ` +
      `${count("already-there")} already there, ${notMigrated} not ` +
      `migrated${left}${command.dryRun ? " (dry run: nothing changed)" : ""}\n`,
  );
  // An index that could not be rebuilt is said, but the sessions are in place: the next rebuild lists them.
  return { kind: notMigrated + failedFiles > 0 ? "failed" : "done", problems };
}

/**
 * Session transcripts below `dir`, not agent transcripts, not `subagents/` contents, not our own
 * folder (`claude-reindex/`: kept sessions, caches). With `recover`,
 * each directory is first cleared of what a killed migrate left (a source renamed aside goes back).
 */
function findTranscripts(dir: string, recover: boolean, maxDepth = 6): string[] {
  const found: string[] = [];
  const pending: [string, number][] = [[dir, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (recover) recoverTransfersIn(current);
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const d of dirents) {
      const full = path.join(current, d.name);
      if (d.isFile() && sessionIdOfFileName(d.name) !== null) found.push(full);
      else if (d.isDirectory() && d.name !== "subagents" && d.name !== "claude-reindex" && depth < maxDepth)
        pending.push([full, depth + 1]);
    }
  }
  return found.sort();
}

/** The project directories migrate may have written to: every one under `projects/`, and `--project`. */
function projectDirsUnder(command: MigrateCommand): string[] {
  const root = projectsRoot(command.configRoot);
  let names: fs.Dirent[] = [];
  try {
    names = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    // no projects/ yet
  }
  const dirs = names.filter((d) => d.isDirectory()).map((d) => path.join(root, d.name));
  return command.project ? [...dirs, path.resolve(command.project)] : dirs;
}

function plan(file: string, command: MigrateCommand): Plan {
  const cwd = command.project ? null : firstCwd(file);
  if (!command.project && cwd === null) return { kind: "no-cwd", from: file };
  const projectDir = command.project
    ? path.resolve(command.project)
    : path.join(projectsRoot(command.configRoot), encodeProjectDirName(cwd!));
  const to = path.join(projectDir, path.basename(file));
  if (path.resolve(to) === path.resolve(file)) return { kind: "already-there", from: file, to };
  let comparison: ReturnType<typeof compareTranscripts>;
  try {
    comparison = compareTranscripts(file, to);
  } catch (error) {
    return { kind: "unreadable", from: file, reason: describeFileError(error) };
  }
  switch (comparison) {
    case "missing":
    // A shorter copy of this transcript's beginning: an earlier run's, before more was appended.
    case "destination-behind":
      return { kind: "move", from: file, to, projectDir };
    // The destination holds every byte (a session continued there holds more).
    case "same":
    case "destination-ahead":
      return { kind: "already-there", from: file, to };
    default:
      return { kind: "conflict", from: file, to };
  }
}

/** The first string `cwd` among the transcript's first records (queue-operation lines have none). */
function firstCwd(file: string): string | null {
  const head = readFileHead(file, 1 << 20);
  for (const line of head === null ? [] : head.split("\n")) {
    try {
      const cwd = (JSON.parse(line.trim()) as { cwd?: unknown } | null)?.cwd;
      if (typeof cwd === "string" && cwd !== "") return cwd;
    } catch {
      // a torn or foreign line
    }
  }
  return null;
}

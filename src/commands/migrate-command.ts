import fs from "node:fs";
import path from "node:path";
import { projectsRoot } from "../layout/config-root.ts";
import { encodeProjectDirName } from "../layout/project-dir.ts";
import { sessionIdOfFileName } from "../layout/session-file.ts";
import { rebuildProjects } from "../rebuild/rebuild-projects.ts";
import type { CommandIo } from "../text/command-io.ts";
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
  | { kind: "no-cwd"; from: string };

/**
 * `claude-reindex migrate --from <dir>`: brings sessions into `<root>/projects/<encoded cwd>/`,
 * the directory named from each transcript's own `cwd` as Claude Code names it. File times are
 * kept (the index and Claude Code's cleanup both go by them), a different file of the same name
 * is never overwritten, a second run finds everything already there, and the indexes of the
 * projects that received sessions are rebuilt at the end. Failed when some session could not go.
 */
export async function runMigrate(command: MigrateCommand): Promise<CommandResult> {
  const { io } = command;
  const source = path.resolve(command.from);
  const problems: string[] = [];
  const plans = findTranscripts(source).map((file) => plan(file, command));
  const verb = command.move ? "move" : "copy";
  const moving = plans.filter((p) => p.kind === "move");
  for (const p of plans) {
    if (p.kind === "move") io.stdout.write(`${command.dryRun ? `would ${verb}` : verb} ${p.from} -> ${p.to}\n`);
    if (p.kind === "conflict") problems.push(`not migrated: ${p.to} exists and differs from ${p.from}`);
    if (p.kind === "no-cwd")
      problems.push(`not migrated: ${p.from} names no working directory (no cwd in its records); use --project`);
  }
  if (!command.dryRun) {
    for (const p of moving) transfer(p.from, p.to, command.move);
    const projectDirs = [...new Set(moving.map((p) => p.projectDir))];
    if (projectDirs.length > 0) {
      const reports = await rebuildProjects(
        projectDirs,
        { configRoot: command.configRoot, dryRun: false, now: command.now },
        () => {},
      );
      for (const report of reports) if (report.problem) problems.push(report.problem);
    }
  }
  const count = (kind: Plan["kind"]) => plans.filter((p) => p.kind === kind).length;
  const done = command.dryRun
    ? `would ${verb} ${moving.length}`
    : `${verb === "move" ? "moved" : "copied"} ${moving.length}`;
  io.stdout.write(
    `${done} of ${plans.length} sessions from ${source}; ${count("already-there")} already there, ${count("conflict") + count("no-cwd")} not migrated${command.dryRun ? " (dry run: nothing changed)" : ""}\n`,
  );
  // An index that could not be rebuilt is said, but the sessions are in place: the next rebuild lists them.
  return { kind: count("conflict") + count("no-cwd") > 0 ? "failed" : "done", problems };
}

/** Session transcripts below `dir`, not agent transcripts and not `subagents/` contents. */
function findTranscripts(dir: string, depth = 6): string[] {
  const found: string[] = [];
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const d of dirents) {
    const full = path.join(dir, d.name);
    if (d.isFile() && sessionIdOfFileName(d.name) !== null) found.push(full);
    else if (d.isDirectory() && d.name !== "subagents" && depth > 0) found.push(...findTranscripts(full, depth - 1));
  }
  return found.sort();
}

function plan(file: string, command: MigrateCommand): Plan {
  const cwd = command.project ? null : firstCwd(file);
  if (!command.project && cwd === null) return { kind: "no-cwd", from: file };
  const projectDir = command.project
    ? path.resolve(command.project)
    : path.join(projectsRoot(command.configRoot), encodeProjectDirName(cwd!));
  const to = path.join(projectDir, path.basename(file));
  if (path.resolve(to) === path.resolve(file)) return { kind: "already-there", from: file, to };
  if (!fs.existsSync(to)) return { kind: "move", from: file, to, projectDir };
  return sameBytes(file, to) ? { kind: "already-there", from: file, to } : { kind: "conflict", from: file, to };
}

/** The first string `cwd` among the transcript's first records (queue-operation lines have none). */
function firstCwd(file: string): string | null {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    const bytes = fs.readSync(fd, buffer, 0, buffer.length, 0);
    for (const line of buffer.toString("utf8", 0, bytes).split("\n")) {
      try {
        const cwd = (JSON.parse(line.trim()) as { cwd?: unknown } | null)?.cwd;
        if (typeof cwd === "string" && cwd !== "") return cwd;
      } catch {
        // a torn or foreign line
      }
    }
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

function sameBytes(a: string, b: string): boolean {
  if (fs.statSync(a).size !== fs.statSync(b).size) return false;
  return fs.readFileSync(a).equals(fs.readFileSync(b));
}

/** Copies (or moves) a transcript and its `<uuid>/` directory, keeping every file's times. */
function transfer(from: string, to: string, move: boolean): void {
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
  copyKeepingTimes(from, to);
  const companion = from.slice(0, -".jsonl".length);
  if (fs.existsSync(companion) && fs.statSync(companion).isDirectory()) {
    fs.cpSync(companion, to.slice(0, -".jsonl".length), {
      recursive: true,
      preserveTimestamps: true,
      force: false,
      errorOnExist: false,
    });
    if (move) fs.rmSync(companion, { recursive: true });
  }
  if (move) fs.rmSync(from);
}

function copyKeepingTimes(from: string, to: string): void {
  fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  // Private like Claude Code's own transcripts: they hold whole conversations.
  fs.chmodSync(to, 0o600);
  const { atime, mtime } = fs.statSync(from);
  fs.utimesSync(to, atime, mtime);
}

// The kept sessions under `<root>/claude-reindex/kept/`: a mirror of `projects/` (`<project dir>/
// <uuid>.jsonl`, its `<uuid>/` folder, the old layout's `agent-*.jsonl`) holding hard links to, or
// copies of, the sessions the keep guard saved from Claude Code's cleanup. Users' data, not a cache:
// only `forget` removes a kept session. Restoring puts the files back under their own names, never
// over a different file.
import fs from "node:fs";
import path from "node:path";
import { directoryNames } from "../system/directory-names.ts";
import { isPlacementLeftover, type PlaceOptions, type PlaceOutcome, placeFile } from "../system/linked-copy.ts";
import { PlaceChangedError, PlaceGuard } from "../system/place-guard.ts";
import { removeEmptyDirs } from "../system/remove-empty-dirs.ts";
import { agentSessionId, isAgentFileName } from "./agent-files.ts";
import { projectsRoot } from "./config-root.ts";
import { mirroredSessions } from "./session-file.ts";

export interface KeptSession {
  sessionId: string;
  /** The project directory's name under `projects/` (and under `kept/`). */
  projectDirName: string;
  keptPath: string;
  /** Where Claude Code keeps (kept) it: `projects/<project dir>/<uuid>.jsonl`. */
  originalPath: string;
  /** Whether a transcript is at `originalPath` (the session was restored, or not yet deleted). */
  originalExists: boolean;
  size: number;
  mtimeMs: number;
  /** Bytes on disk held by the kept files alone (a hard link shared with the original holds none). */
  ownBytes: number;
  /** Bytes on disk of every kept file of the session. */
  bytes: number;
}

export function keptRoot(configRoot: string): string {
  return path.join(configRoot, "claude-reindex", "kept");
}

/**
 * The files that belong to a session in one project directory, relative to it: its transcript, its
 * `<uuid>/` folder and (unless `withAgents` is false) the old-layout agent files that name it.
 */
export function sessionFilesIn(projectDir: string, sessionId: string, withAgents = true): string[] {
  const files = [`${sessionId}.jsonl`, ...sessionFolderFiles(projectDir, sessionId)];
  for (const name of withAgents ? directoryNames(projectDir) : []) {
    if (isAgentFileName(name) && agentSessionId(path.join(projectDir, name)) === sessionId) files.push(name);
  }
  return files.filter((f) => isRegularFile(path.join(projectDir, f)));
}

/** The files of a session's `<uuid>/` folder, relative to the project directory. */
export function sessionFolderFiles(projectDir: string, sessionId: string): string[] {
  return treeFiles(path.join(projectDir, sessionId)).map((relative) => path.join(sessionId, relative));
}

/**
 * Keeps one file of a project directory under `kept/`: `relative` is its path inside the project
 * directory. A kept file that differs from the current one (the session went on) is replaced.
 * `checkedDirs` spares a run the folder checks it already made; `place` is passed on to placeFile.
 */
export function keepFile(
  configRoot: string,
  projectDirName: string,
  relative: string,
  checkedDirs: Set<string> = new Set(),
  place: Pick<PlaceOptions, "beforeCopy" | "source"> = {},
): PlaceOutcome {
  // Plain concatenation below the two roots: `projectDirName` is a bare name and `relative` a path that
  // path.join made, and path.join's normalisation of the whole is measurable over thousands of files.
  const roots = storeRoots(configRoot);
  const from = `${roots.projects}${path.sep}${projectDirName}${path.sep}${relative}`;
  const keptProject = `${roots.kept}${path.sep}${projectDirName}`;
  const to = `${keptProject}${path.sep}${relative}`;
  const dir = relative.includes(path.sep) ? path.dirname(to) : keptProject;
  if (!checkedDirs.has(dir)) {
    if (!checkedDirs.has(roots.base)) fs.mkdirSync(roots.base, { recursive: true, mode: 0o700 });
    makeDirsBelow(roots.base, dir, checkedDirs);
  }
  return placeFile(from, to, { ...place, replace: true });
}

/** The roots keepFile works below, for the config root it was last given (a run keeps thousands of files). */
let lastRoots: { configRoot: string; projects: string; kept: string; base: string } | null = null;

function storeRoots(configRoot: string): { projects: string; kept: string; base: string } {
  if (lastRoots?.configRoot !== configRoot) {
    const kept = keptRoot(configRoot);
    lastRoots = { configRoot, projects: projectsRoot(configRoot), kept, base: path.dirname(kept) };
  }
  return lastRoots;
}

/** Every kept session, by project directory then id. */
export function listKeptSessions(configRoot: string): KeptSession[] {
  const root = keptRoot(configRoot);
  const kept: KeptSession[] = [];
  for (const { projectDirName, dir, name, sessionId, stat } of mirroredSessions(root)) {
    const keptPath = path.join(dir, name);
    let bytes = 0;
    let ownBytes = 0;
    for (const relative of sessionFilesIn(dir, sessionId)) {
      const s = fs.lstatSync(path.join(dir, relative));
      bytes += s.blocks * 512;
      if (s.nlink === 1) ownBytes += s.blocks * 512;
    }
    const originalPath = path.join(projectsRoot(configRoot), projectDirName, name);
    kept.push({
      sessionId,
      projectDirName,
      keptPath,
      originalPath,
      originalExists: fs.existsSync(originalPath),
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      ownBytes,
      bytes,
    });
  }
  return kept;
}

/** The kept sessions whose id is `idOrPrefix` or starts with it (one session kept in two projects counts twice). */
export function matchKeptSessions(configRoot: string, idOrPrefix: string): KeptSession[] {
  const needle = idOrPrefix.toLowerCase();
  const all = listKeptSessions(configRoot);
  const exact = all.filter((k) => k.sessionId === needle);
  return exact.length > 0 ? exact : all.filter((k) => k.sessionId.startsWith(needle));
}

/**
 * The kept session `idOrPrefix` names: one session id (kept in one or more project directories), or
 * why not (no such kept session, a prefix that matches several, not an id at all).
 */
export function findKeptSession(
  configRoot: string,
  idOrPrefix: string,
): { ok: true; kept: KeptSession[] } | { ok: false; problem: string } {
  if (!/^[0-9a-f-]+$/i.test(idOrPrefix))
    return { ok: false, problem: `${JSON.stringify(idOrPrefix)} is not a session id or the start of one` };
  const matches = matchKeptSessions(configRoot, idOrPrefix);
  const ids = [...new Set(matches.map((k) => k.sessionId))];
  if (ids.length === 0)
    return {
      ok: false,
      problem:
        `no kept session ${idOrPrefix} under ${keptRoot(configRoot)} (claude-reindex list ` +
        `--all --json marks the kept ones)`,
    };
  if (ids.length > 1)
    return {
      ok: false,
      problem:
        `${idOrPrefix} starts ${ids.length} kept sessions ` +
        `(${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", ..." : ""}); give more of ` +
        `the id`,
    };
  return { ok: true, kept: matches };
}

export interface RestoreReport {
  /** Files put back (relative to the project directory). */
  placed: string[];
  /** Files already there, the same. */
  already: string[];
  /** Files left alone because a different file has the name. */
  conflicts: string[];
  /** Why restoring stopped (a link in the way, on either side), in one line; nothing was written through it. */
  refused: string | null;
}

/**
 * Puts a kept session's files back into its project directory, each byte for byte with its times
 * (a hard link where possible), never over a different file. The kept files stay (a link shares
 * their space) until `forget`.
 */
export function restoreKeptSession(configRoot: string, kept: KeptSession): RestoreReport {
  const keptDir = path.dirname(kept.keptPath);
  const projectDir = path.join(projectsRoot(configRoot), kept.projectDirName);
  const report: RestoreReport = { placed: [], already: [], conflicts: [], refused: null };
  // projects/ and our folder as they resolve now; below them no link, checked before every file.
  const projects = new PlaceGuard(projectsRoot(configRoot));
  const ours = new PlaceGuard(path.dirname(keptRoot(configRoot)));
  try {
    for (const relative of sessionFilesIn(keptDir, kept.sessionId)) {
      const from = path.join(keptDir, relative);
      const to = path.join(projectDir, relative);
      ours.check(from);
      projects.check(to);
      fs.mkdirSync(projectsRoot(configRoot), { recursive: true, mode: 0o700 });
      makeDirsBelow(projectsRoot(configRoot), path.dirname(to));
      projects.check(to);
      const outcome = placeFile(from, to);
      if (outcome === "conflict") report.conflicts.push(relative);
      else if (outcome === "same") report.already.push(relative);
      else report.placed.push(relative);
    }
  } catch (error) {
    if (!(error instanceof PlaceChangedError)) throw error;
    report.refused = error.message;
  }
  return report;
}

/**
 * Removes a kept session's files for good (the original, if any, is not touched). Refuses, in one line,
 * when a folder on the way is a link (kept/, its project folder, the `<uuid>/` folder): nothing is
 * removed through one.
 */
export function forgetKeptSession(
  configRoot: string,
  kept: KeptSession,
): { removed: string[]; refused: string | null } {
  const keptDir = path.dirname(kept.keptPath);
  const ours = new PlaceGuard(path.dirname(keptRoot(configRoot)));
  const refused = ours.problemWith(kept.keptPath) ?? ours.problemWith(path.join(keptDir, kept.sessionId, "-"));
  if (refused !== null) return { removed: [], refused };
  const files = sessionFilesIn(keptDir, kept.sessionId);
  for (const relative of files.slice(1)) {
    const problem = ours.problemWith(path.join(keptDir, relative));
    if (problem !== null) return { removed: [], refused: problem };
    fs.rmSync(path.join(keptDir, relative), { force: true });
  }
  const problem = ours.problemWith(kept.keptPath);
  if (problem !== null) return { removed: [], refused: problem };
  fs.rmSync(kept.keptPath, { force: true }); // last: a rerun after a kill finds the session and finishes
  removeEmptyDirs(path.join(keptDir, kept.sessionId));
  for (const name of directoryNames(keptDir)) if (isPlacementLeftover(name)) fs.rmSync(path.join(keptDir, name));
  try {
    fs.rmdirSync(keptDir);
  } catch {
    // other sessions kept there
  }
  return { removed: files, refused: null };
}

/** Regular files below `dir`, relative to it; links are not followed. */
function treeFiles(dir: string): string[] {
  const found: string[] = [];
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const d of dirents) {
    if (isPlacementLeftover(d.name)) continue;
    if (d.isFile()) found.push(d.name);
    else if (d.isDirectory()) for (const f of treeFiles(path.join(dir, d.name))) found.push(path.join(d.name, f));
  }
  return found.sort();
}

/**
 * Creates `dir` and every folder between `base` and it, 0700; refuses a link or a non-folder on the way.
 * `checkedDirs`: the levels this run has found or made already (not looked at again), and gets the new ones.
 */
function makeDirsBelow(base: string, dir: string, checkedDirs?: Set<string>): void {
  const relative = path.relative(base, dir);
  if (relative.startsWith("..") || path.isAbsolute(relative)) throw new Error(`${dir} is not inside ${base}`);
  let current = base;
  for (const part of ["", ...relative.split(path.sep).filter((p) => p !== "")]) {
    current = part === "" ? current : path.join(current, part);
    // Each level once a run: found a folder already, or made one.
    if (checkedDirs?.has(current)) continue;
    // Mostly there already: a stat first spares the thrown EEXIST of a mkdir (the guard runs this for
    // every project directory on every due launch).
    let found = fs.lstatSync(current, { throwIfNoEntry: false });
    if (found === undefined) {
      try {
        fs.mkdirSync(current, { mode: 0o700 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      found = fs.lstatSync(current);
    }
    if (!found.isDirectory()) throw new Error(`${current} is not a folder (a link is not followed)`);
    checkedDirs?.add(current);
  }
}

function isRegularFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

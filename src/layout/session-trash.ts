// The trash under `<root>/claude-reindex/trash/`: sessions `claude-reindex delete` took away, kept
// whole until `restore` puts them back or `delete --purge` removes them. It mirrors the places the
// files came from: `trash/projects/<project dir>/` holds the transcript, its `<uuid>/` folder and its
// old-layout agent files; `trash/kept/<project dir>/` the keep guard's copy, if there was one. Files
// move (a hard link and an unlink within a file system, else a verified copy), so bytes, modes and
// times stay the files' own. The transcript moves last either way: a killed run leaves the session
// where it was found, and a rerun finishes the move.
import fs from "node:fs";
import path from "node:path";
import { recoverTransfersIn, transferFile } from "../system/file-transfer.ts";
import { removeEmptyDirs } from "../system/remove-empty-dirs.ts";
import { makeDirectory } from "../system/replace-file.ts";
import { projectsRoot } from "./config-root.ts";
import { keptRoot, sessionFilesIn } from "./kept-store.ts";
import { mirroredSessions } from "./session-file.ts";

export interface TrashedSession {
  sessionId: string;
  projectDirName: string;
  /** `trash/projects/<project dir>/<uuid>.jsonl`. */
  trashedPath: string;
  /** Where it goes back to: `projects/<project dir>/<uuid>.jsonl`. */
  originalPath: string;
  size: number;
  mtimeMs: number;
  /** Files of the session in the trash, its kept copy's included. */
  files: number;
  /** Bytes on disk they take. */
  bytes: number;
  /** The keep guard's copy went with it. */
  withKeptCopy: boolean;
}

export interface SessionMove {
  /** Files moved now (relative paths, `kept/` first for the keep guard's copy). */
  moved: string[];
  /** Files that could not move (a different file of that name, a change while moving): left in place. */
  problems: string[];
}

export function trashRoot(configRoot: string): string {
  return path.join(configRoot, "claude-reindex", "trash");
}

function trashedProjectDir(configRoot: string, projectDirName: string): string {
  return path.join(trashRoot(configRoot), "projects", projectDirName);
}

function trashedKeptDir(configRoot: string, projectDirName: string): string {
  return path.join(trashRoot(configRoot), "kept", projectDirName);
}

/** Moves a session of `projects/<project dir>/` (and its kept copy) into the trash. */
export function trashSession(configRoot: string, projectDirName: string, sessionId: string): SessionMove {
  const result: SessionMove = { moved: [], problems: [] };
  const keptDir = path.join(keptRoot(configRoot), projectDirName);
  moveSessionFiles(keptDir, trashedKeptDir(configRoot, projectDirName), sessionId, "kept/", result);
  if (result.problems.length > 0) return result;
  const projectDir = path.join(projectsRoot(configRoot), projectDirName);
  moveSessionFiles(projectDir, trashedProjectDir(configRoot, projectDirName), sessionId, "", result);
  return result;
}

/** Puts a trashed session back where it came from; a different file in the way stays, and is reported. */
export function restoreTrashedSession(configRoot: string, trashed: TrashedSession): SessionMove {
  const result: SessionMove = { moved: [], problems: [] };
  const name = trashed.projectDirName;
  fs.mkdirSync(path.dirname(keptRoot(configRoot)), { recursive: true, mode: 0o700 });
  moveSessionFiles(
    trashedKeptDir(configRoot, name),
    path.join(keptRoot(configRoot), name),
    trashed.sessionId,
    "kept/",
    result,
  );
  if (result.problems.length > 0) return result;
  moveSessionFiles(
    trashedProjectDir(configRoot, name),
    path.join(projectsRoot(configRoot), name),
    trashed.sessionId,
    "",
    result,
  );
  removeEmptyTrashDirs(configRoot, name);
  return result;
}

/** Removes a trashed session for good; returns the files removed. */
export function purgeTrashedSession(configRoot: string, trashed: TrashedSession): string[] {
  const removed: string[] = [];
  for (const dir of [trashedKeptDir(configRoot, trashed.projectDirName), path.dirname(trashed.trashedPath)]) {
    // The transcript last: a rerun after a kill finds the session and finishes.
    for (const relative of transcriptLast(sessionFilesIn(dir, trashed.sessionId), trashed.sessionId)) {
      fs.rmSync(path.join(dir, relative), { force: true });
      removed.push(relative);
    }
    removeEmptyDirs(path.join(dir, trashed.sessionId));
  }
  removeEmptyTrashDirs(configRoot, trashed.projectDirName);
  return removed;
}

/** Every trashed session, by project directory then id. */
export function listTrashedSessions(configRoot: string): TrashedSession[] {
  const trashed: TrashedSession[] = [];
  const root = path.join(trashRoot(configRoot), "projects");
  for (const { projectDirName, dir, name, sessionId, stat } of mirroredSessions(root)) {
    const trashedPath = path.join(dir, name);
    const keptDir = trashedKeptDir(configRoot, projectDirName);
    const keptFiles = sessionFilesIn(keptDir, sessionId).filter((f) => fs.existsSync(path.join(keptDir, f)));
    let bytes = 0;
    const all = [
      ...sessionFilesIn(dir, sessionId).map((f) => path.join(dir, f)),
      ...keptFiles.map((f) => path.join(keptDir, f)),
    ];
    const seen = new Set<string>();
    for (const file of all) {
      const s = fs.lstatSync(file, { bigint: true });
      const key = `${s.dev}:${s.ino}`;
      if (seen.has(key)) continue; // a kept copy linked to the transcript takes its space once
      seen.add(key);
      bytes += Number(s.blocks) * 512;
    }
    trashed.push({
      sessionId,
      projectDirName,
      trashedPath,
      originalPath: path.join(projectsRoot(configRoot), projectDirName, name),
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      files: all.length,
      bytes,
      withKeptCopy: keptFiles.length > 0,
    });
  }
  return trashed;
}

/** The trashed sessions whose id is `idOrPrefix` or starts with it (an exact id wins). */
export function matchTrashedSessions(configRoot: string, idOrPrefix: string): TrashedSession[] {
  const needle = idOrPrefix.toLowerCase();
  const all = listTrashedSessions(configRoot);
  const exact = all.filter((t) => t.sessionId === needle);
  return exact.length > 0 ? exact : all.filter((t) => t.sessionId.startsWith(needle));
}

/**
 * Moves the files of a session from `fromDir` to the same names in `toDir`: its folder's files and
 * agent files first, the transcript last. Nothing is written over a different file.
 */
function moveSessionFiles(fromDir: string, toDir: string, sessionId: string, label: string, result: SessionMove): void {
  const files = transcriptLast(sessionFilesIn(fromDir, sessionId), sessionId);
  if (files.length === 0) return;
  makeDirectory(toDir, 0o700);
  recoverTransfersIn(fromDir);
  recoverTransfersIn(toDir);
  for (const relative of files) {
    const from = path.join(fromDir, relative);
    const to = path.join(toDir, relative);
    makeDirectory(path.dirname(to), 0o700);
    recoverTransfersIn(path.dirname(from));
    recoverTransfersIn(path.dirname(to));
    const outcome = transferFile(from, to, { move: true });
    if (outcome.kind === "conflict") {
      result.problems.push(`${outcome.reason}; nothing was overwritten: move one of them away and run again`);
      return;
    }
    if (outcome.kind === "source-changed") {
      result.problems.push(`${from} changed while it was moved; it was kept where it was (run again to finish)`);
      return;
    }
    result.moved.push(`${label}${relative}`);
  }
  removeEmptyDirs(path.join(fromDir, sessionId));
}

/** The files with the session's transcript (when among them) moved to the end. */
function transcriptLast(files: string[], sessionId: string): string[] {
  const transcript = `${sessionId}.jsonl`;
  return [...files.filter((f) => f !== transcript), ...files.filter((f) => f === transcript)];
}

function removeEmptyTrashDirs(configRoot: string, projectDirName: string): void {
  for (const dir of [trashedProjectDir(configRoot, projectDirName), trashedKeptDir(configRoot, projectDirName)]) {
    for (let d = dir; d.startsWith(trashRoot(configRoot)) && d !== path.dirname(trashRoot(configRoot)); ) {
      try {
        fs.rmdirSync(d);
      } catch {
        break; // not empty, or not there
      }
      d = path.dirname(d);
    }
  }
}

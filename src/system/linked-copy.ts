// Placing a second name for a file without losing or overwriting a byte: a hard link where the file
// system allows (no space used, the inode and so its times are the file's own), otherwise a copy
// written under a temporary name, given the source's mode and times, then linked into place. Never
// writes into an existing file, never follows a link: a name is only ever created or (when asked)
// replaced as a whole by rename.
import fs from "node:fs";
import path from "node:path";
import { setExactTimes, timesOf } from "./file-times.ts";

export type PlaceOutcome =
  /** A new hard link to the source. */
  | "linked"
  /** A copy, its mode and times the source's. */
  | "copied"
  /** The destination already was the source (the same inode) or a copy of it (size and mtime). */
  | "same"
  /** The destination exists and is something else; nothing was changed. */
  | "conflict";

export interface PlaceOptions {
  /** A destination that differs is replaced (by rename) instead of reported: for names we own. */
  replace?: boolean;
  /** Called before a copy (no hard link could be made), which takes time in proportion to the bytes. */
  beforeCopy?: () => void;
  /** The source's lstat, taken by the caller just before: not taken again (thousands of files a launch). */
  source?: fs.BigIntStats;
}

const TEMP_MARK = ".claude-reindex-place-";

/** Puts `from` (a regular file, not a link) at `to`, whose directory must exist. */
export function placeFile(from: string, to: string, options: PlaceOptions = {}): PlaceOutcome {
  const source = options.source ?? fs.lstatSync(from, { bigint: true });
  if (!source.isFile()) throw new Error(`${from} is not a regular file`);
  const existing = lstatOrNull(to);
  if (existing !== null) {
    if (isSameFile(source, existing)) return "same";
    if (!options.replace) return "conflict";
  }
  const temp = path.join(path.dirname(to), `${TEMP_MARK}${process.pid}-${Math.random().toString(36).slice(2)}`);
  let outcome: PlaceOutcome = "linked";
  try {
    try {
      fs.linkSync(from, temp);
    } catch (error) {
      if (!cannotLink(error)) throw error;
      options.beforeCopy?.();
      copyWithTimes(from, temp, source);
      outcome = "copied";
    }
    if (existing !== null) {
      fs.renameSync(temp, to); // replace: a name we own, swapped whole
      return outcome;
    }
    try {
      fs.linkSync(temp, to); // fails if someone created `to` meanwhile: never over another file
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const now = lstatOrNull(to);
      return now !== null && isSameFile(source, now) ? "same" : "conflict";
    }
    return outcome;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** The same inode, or a regular file of the same size and modification time (a copy we made). */
export function isSameFile(a: fs.BigIntStats, b: fs.BigIntStats): boolean {
  if (!b.isFile()) return false;
  if (a.ino === b.ino && a.dev === b.dev) return true;
  // A copy's times are the source's to the nanosecond (file-times.ts), or within a microsecond where
  // touch(1) cannot set nanoseconds.
  const skew = a.mtimeNs > b.mtimeNs ? a.mtimeNs - b.mtimeNs : b.mtimeNs - a.mtimeNs;
  return a.size === b.size && skew < 5_000n;
}

/** Whether a name is one of our temporary names (left by a killed run; safe to remove). */
export function isPlacementLeftover(name: string): boolean {
  return name.startsWith(TEMP_MARK);
}

function copyWithTimes(from: string, temp: string, source: fs.BigIntStats): void {
  fs.copyFileSync(from, temp, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(temp, Number(source.mode & 0o777n));
  // The source's times as they were before the copy read it, to the nanosecond the file system keeps.
  setExactTimes(temp, timesOf(source));
}

function cannotLink(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "EXDEV" || code === "EPERM" || code === "ENOTSUP" || code === "EMLINK" || code === "EOPNOTSUPP";
}

function lstatOrNull(file: string): fs.BigIntStats | null {
  try {
    return fs.lstatSync(file, { bigint: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

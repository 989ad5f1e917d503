// Session transcripts on disk: `<uuid>.jsonl` files in a project directory, listed and statted as
// Claude Code's index writer sees them.
import fs from "node:fs";
import path from "node:path";
import { directoryNames } from "../system/directory-names.ts";
import { millisecondsOf } from "../system/file-times.ts";
import { errorText } from "../text/error-text.ts";

export const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isSessionId(value: string): boolean {
  return SESSION_ID.test(value);
}

/** The session id a file name stands for (`<uuid>.jsonl`), or null for any other file. */
export function sessionIdOfFileName(name: string): string | null {
  if (!name.endsWith(".jsonl")) return null;
  const stem = name.slice(0, -".jsonl".length);
  return isSessionId(stem) ? stem : null;
}

/** A transcript as the index sees it, from its stat (or one in nanoseconds, read as Node reads `mtimeMs`). */
export function sessionFileFrom(sessionId: string, filePath: string, stat: fs.Stats | fs.BigIntStats): SessionFile {
  const mtimeMs = typeof stat.mtimeMs === "number" ? stat.mtimeMs : millisecondsOf((stat as fs.BigIntStats).mtimeNs);
  // Node builds `stat().mtime` as `new Date(Math.round(mtimeMs))`: the same number, without a Date.
  return { sessionId, path: filePath, mtime: Math.round(mtimeMs), size: Number(stat.size) };
}

/** Clock granularity: an mtime up to this far ahead of the clock is not "in the future". */
export const FUTURE_SLACK_MS = 2000;

/** An mtime in the future: written under a wrong clock, or copied from a machine with one. */
export function isFutureMtime(mtimeMs: number, nowMs: number): boolean {
  return mtimeMs > nowMs + FUTURE_SLACK_MS;
}

/** A transcript as Claude Code's index writer sees it in a directory listing. */
export interface SessionFile {
  sessionId: string;
  path: string;
  /** `stat().mtime.getTime()`: milliseconds, rounded to the nearest as Node rounds them. */
  mtime: number;
  size: number;
}

export interface SessionListing {
  /** In directory order, as Claude Code lists them. */
  sessions: Map<string, SessionFile>;
  /** Files that look like sessions but could not be statted, or are symbolic links. */
  unreadable: { path: string; reason: string }[];
}

/** Why a `<uuid>.jsonl` that is a symbolic link is not a session. */
export const LINKED_SESSION_REASON = "a symbolic link: not followed (Claude Code does not list it either)";

/**
 * The sessions of one project directory: regular files named `<uuid>.jsonl`. Agent transcripts
 * (`agent-*.jsonl`, `<uuid>/subagents/`) and symbolic links are not sessions, as in Claude Code.
 */
export function listSessionFiles(projectDir: string): SessionListing {
  const sessions = new Map<string, SessionFile>();
  const unreadable: SessionListing["unreadable"] = [];
  for (const name of fs.readdirSync(projectDir)) {
    const sessionId = sessionIdOfFileName(name);
    if (sessionId === null) continue;
    // Plain concatenation: path.join's normalisation is measurable over thousands of files.
    const filePath = `${projectDir}${path.sep}${name}`;
    let stat: fs.Stats;
    try {
      // lstat: a symbolic link is not a session, as Claude Code's listing (Dirent.isFile) has it.
      stat = fs.lstatSync(filePath);
    } catch (error) {
      unreadable.push({ path: filePath, reason: errorText(error) });
      continue;
    }
    addToListing({ sessions, unreadable }, sessionId, filePath, stat);
  }
  return { sessions, unreadable };
}

/**
 * What the lstat of a `<uuid>.jsonl` adds to a listing, by listSessionFiles' rule: a regular file is a
 * session, a link is unreadable, anything else is passed over. Also for stats taken in nanoseconds (the
 * keep guard's).
 */
export function addToListing(
  listing: SessionListing,
  sessionId: string,
  filePath: string,
  stat: fs.Stats | fs.BigIntStats,
): void {
  if (stat.isSymbolicLink()) listing.unreadable.push({ path: filePath, reason: LINKED_SESSION_REASON });
  else if (stat.isFile()) listing.sessions.set(sessionId, sessionFileFrom(sessionId, filePath, stat));
}

export function sessionFilePath(projectDir: string, sessionId: string): string {
  return path.join(projectDir, `${sessionId}.jsonl`);
}

/** A `<uuid>.jsonl` regular file in a mirror of `projects/` (kept sessions, the trash). */
export interface MirroredSession {
  projectDirName: string;
  /** The mirrored project directory that holds it. */
  dir: string;
  name: string;
  sessionId: string;
  stat: fs.Stats;
}

/**
 * The session transcripts of a tree laid out as `projects/` is (`<root>/<project dir>/<uuid>.jsonl`),
 * by project directory then name; links and other non-files are passed over, unreadable folders too.
 */
export function mirroredSessions(root: string): MirroredSession[] {
  const found: MirroredSession[] = [];
  for (const projectDirName of directoryNames(root).sort()) {
    const dir = path.join(root, projectDirName);
    for (const name of directoryNames(dir).sort()) {
      const sessionId = sessionIdOfFileName(name);
      if (sessionId === null) continue;
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(path.join(dir, name));
      } catch {
        continue;
      }
      if (stat.isFile()) found.push({ projectDirName, dir, name, sessionId, stat });
    }
  }
  return found;
}

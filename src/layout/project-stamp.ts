// What a run verified about one project: the index file it left (inode, size, mtime) and the
// mtime of every transcript it accounted for. While all of those are unchanged there is nothing
// to merge, so a repeated rebuild, the shim and the hooks can skip the project after a stat pass,
// without reading or parsing anything. A stamp only ever saves work: any difference, a missing
// or damaged stamp, sends the project through the full merge.
import fs from "node:fs";
import path from "node:path";
import { readPrivateFile, writePrivateFile } from "../system/private-file.ts";
import type { SessionListing } from "./session-file.ts";

const STAMP_FORMAT = 2;

export interface IndexFileStat {
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface ProjectStamp {
  index: IndexFileStat | null;
  /** `listingSignature` of the transcripts it accounted for. */
  sessions: string;
  entries: number;
}

export function stampPath(configRoot: string, projectDir: string): string {
  return path.join(configRoot, "claude-reindex", "verified", `${path.basename(projectDir)}.json`);
}

export function statIndexFile(indexPath: string): IndexFileStat | null {
  try {
    const { ino, size, mtimeMs } = fs.statSync(indexPath);
    return { ino, size, mtimeMs };
  } catch {
    return null;
  }
}

/**
 * The stamp's entry count when the project is exactly as the stamp recorded it, else null. `index`: the
 * index's stat when the caller has it (from a tree listing), else the index is statted now.
 */
export function verifiedEntries(
  configRoot: string,
  projectDir: string,
  indexPath: string,
  listing: SessionListing,
  index?: IndexFileStat | null,
): number | null {
  if (listing.unreadable.length > 0) return null;
  const stamp = readStamp(stampPath(configRoot, projectDir));
  if (stamp === null || !sameIndex(stamp.index, index === undefined ? statIndexFile(indexPath) : index)) return null;
  return stamp.sessions === listingSignature(listing) ? stamp.entries : null;
}

/**
 * Every session id with its mtime, in listing (directory) order: one string, so that checking a
 * stamp is one comparison, and reading it parses no object per session (this runs on every launch
 * whose check is due, over every project). A listing in another order only costs a full merge.
 */
function listingSignature(listing: SessionListing): string {
  let signature = "";
  // Values, not [id, file] entries: without the optimizing compiler (the shim's), each entry is an array,
  // destructured through an iterator. A listing's key is its file's sessionId.
  for (const file of listing.sessions.values()) signature += `${file.sessionId}=${file.mtime};`;
  return signature;
}

export function writeStamp(
  configRoot: string,
  projectDir: string,
  listing: SessionListing,
  index: IndexFileStat | null,
  entries: number,
): void {
  const stamp = { format: STAMP_FORMAT, index, sessions: listingSignature(listing), entries };
  try {
    writePrivateFile(stampPath(configRoot, projectDir), JSON.stringify(stamp));
  } catch {
    // Without a stamp the next run does the full merge: slower, never wrong.
  }
}

function sameIndex(a: IndexFileStat | null, b: IndexFileStat | null): boolean {
  if (a === null || b === null) return a === b;
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** Our own file, but still read defensively: anything unexpected means "no stamp". */
function readStamp(file: string): ProjectStamp | null {
  const text = readPrivateFile(file);
  if (text === null) return null;
  let stamp: unknown;
  try {
    stamp = JSON.parse(text);
  } catch {
    return null;
  }
  const { format, index, sessions, entries } = (stamp ?? {}) as Record<string, unknown>;
  if (format !== STAMP_FORMAT || typeof entries !== "number") return null;
  if (typeof sessions !== "string") return null;
  if (index !== null && !isIndexFileStat(index)) return null;
  return { index: index as IndexFileStat | null, sessions, entries };
}

function isIndexFileStat(value: unknown): value is IndexFileStat {
  const { ino, size, mtimeMs } = (value ?? {}) as Record<string, unknown>;
  return typeof ino === "number" && typeof size === "number" && typeof mtimeMs === "number";
}

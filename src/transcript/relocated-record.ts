// The `relocated` record Claude Code appends to a transcript whose session now belongs to another
// working directory (`{"type":"relocated","sessionId":…,"relocatedCwd":…}`): its listing and the Agent
// SDK's `listSessions` read the last one in a transcript's tail as the session's cwd. Appending one is
// the only write claude-reindex makes to a transcript: a new line after the last, nothing before it
// rewritten. The caller puts the file's times back (`--continue` picks the newest mtime; the cleanup
// cutoff goes by it), all files at once, with a journal so that a killed run's rerun still does it.
import fs from "node:fs";
import path from "node:path";
import type { ExactTimes } from "../system/file-times.ts";
import { readPrivateFile, writePrivateFile } from "../system/private-file.ts";

/** The line Claude Code writes, key for key. */
export function relocatedLine(sessionId: string, relocatedCwd: string): string {
  return `${JSON.stringify({ type: "relocated", sessionId, relocatedCwd })}\n`;
}

/**
 * Appends a `relocated` record to `file` (a regular file, never through a link). A transcript whose last
 * line is cut off gets a line break first, so that the cut line stays as it was and the record is a line
 * of its own. Returns the bytes appended.
 */
export function appendRelocatedRecord(file: string, sessionId: string, relocatedCwd: string): Buffer {
  const fd = fs.openSync(
    file,
    fs.constants.O_RDWR | fs.constants.O_APPEND | fs.constants.O_NOFOLLOW | (fs.constants.O_NONBLOCK ?? 0),
  );
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: "ENOTREG" });
    let prefix = "";
    if (stat.size > 0) {
      const last = Buffer.alloc(1);
      fs.readSync(fd, last, 0, 1, stat.size - 1);
      if (last[0] !== 0x0a) prefix = "\n";
    }
    const bytes = Buffer.from(`${prefix}${relocatedLine(sessionId, relocatedCwd)}`);
    for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written);
    fs.fsyncSync(fd);
    return bytes;
  } finally {
    fs.closeSync(fd);
  }
}

/** A transcript about to get the record: its times before, and its size (where the record starts). */
export interface RelocationEntry {
  file: string;
  sessionId: string;
  relocatedCwd: string;
  size: number;
  atimeNs: string;
  mtimeNs: string;
}

/** `<root>/claude-reindex/relocations.json`: the times to put back, written before the first append. */
export function relocationJournalPath(configRoot: string): string {
  return path.join(configRoot, "claude-reindex", "relocations.json");
}

export function writeRelocationJournal(configRoot: string, entries: RelocationEntry[]): void {
  writePrivateFile(relocationJournalPath(configRoot), JSON.stringify({ format: 1, entries }));
}

/**
 * What a killed run left to do: the entries of its journal whose transcript holds, from the size noted,
 * exactly the record (so it was appended and its times may not be back yet). Empty without a journal.
 */
export function pendingRelocations(configRoot: string): { file: string; times: ExactTimes }[] {
  const text = readPrivateFile(relocationJournalPath(configRoot));
  if (text === null) return [];
  let entries: RelocationEntry[];
  try {
    entries = (JSON.parse(text) as { entries: RelocationEntry[] }).entries;
    if (!Array.isArray(entries)) return [];
  } catch {
    return [];
  }
  const pending: { file: string; times: ExactTimes }[] = [];
  for (const entry of entries) {
    try {
      const line = relocatedLine(entry.sessionId, entry.relocatedCwd);
      const stat = fs.lstatSync(entry.file);
      if (!stat.isFile()) continue;
      const length = stat.size - entry.size;
      if (length !== Buffer.byteLength(line) && length !== Buffer.byteLength(line) + 1) continue;
      const fd = fs.openSync(entry.file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
      const tail = Buffer.alloc(length);
      try {
        fs.readSync(fd, tail, 0, length, entry.size);
      } finally {
        fs.closeSync(fd);
      }
      if (tail.toString("utf8").replace(/^\n/, "") !== line) continue;
      pending.push({ file: entry.file, times: { atimeNs: BigInt(entry.atimeNs), mtimeNs: BigInt(entry.mtimeNs) } });
    } catch {
      // gone or unreadable: nothing to put back
    }
  }
  return pending;
}

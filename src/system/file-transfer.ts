// Copying and moving files so that nothing is lost: a copy is written under a temporary name, compared
// with its source byte for byte, given the source's exact times, and only then put in place (never over
// a different file); a move removes its source only once every byte of it is verified at the
// destination. Within one file system a move is a hard link and an unlink: the file itself (its inode,
// its times) moves, so a writer still appending to it keeps appending to the moved file.
import fs from "node:fs";
import path from "node:path";
import { directoryNames } from "./directory-names.ts";
import { setExactTimes, timesOf } from "./file-times.ts";
import { isGone } from "./process-exit.ts";
import { openRegularFile } from "./regular-file.ts";
import {
  createTemporaryFile,
  finishTemporaryFile,
  ownerForNewFile,
  temporaryNameFor,
  temporaryNameParts,
} from "./replace-file.ts";

const CHUNK_BYTES = 1 << 20;
const COPY_MARK = ".claude-reindex-copy-";
const MOVE_MARK = ".claude-reindex-moving-";

export type TransferOutcome =
  /** The destination did not exist (or held an older, shorter copy); it now holds the source. */
  | { kind: "copied" }
  | { kind: "moved" }
  /** The destination already held every byte of the source; a move removed the source. */
  | { kind: "already-there"; sourceRemoved: boolean }
  /** Nothing was changed. */
  | { kind: "conflict"; reason: string }
  /** The copy is in place, but the source changed meanwhile and was kept: a rerun finishes the move. */
  | { kind: "source-changed" };

export type Comparison =
  | "missing"
  | "same"
  /** The destination is a shorter copy of the source's beginning (an interrupted copy, or a source appended since). */
  | "destination-behind"
  /** The source is a shorter copy of the destination's beginning (a session continued at the destination). */
  | "destination-ahead"
  | "different";

export interface TransferOptions {
  move: boolean;
  /** Mode of a copy (a file moved within a file system keeps its own); default the source's. */
  mode?: number;
}

/** How the destination stands against the source, by their bytes (a link or non-file is "different"). */
export function compareFiles(from: string, to: string): Comparison {
  let toStat: fs.Stats;
  try {
    toStat = fs.lstatSync(to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  if (!toStat.isFile()) return "different";
  const a = openRegularFile(from);
  try {
    const b = openRegularFile(to);
    try {
      const common = Math.min(a.stat.size, b.stat.size);
      if (!sameBytes(a.fd, b.fd, common)) return "different";
      if (a.stat.size === b.stat.size) return "same";
      return a.stat.size > b.stat.size ? "destination-behind" : "destination-ahead";
    } finally {
      fs.closeSync(b.fd);
    }
  } finally {
    fs.closeSync(a.fd);
  }
}

/**
 * Copies or moves one regular file to `to` (whose directory exists), never losing a byte. Callers run
 * recoverTransfersIn on both directories first, once, so that a rerun finishes what a killed run left.
 */
export function transferFile(from: string, to: string, options: TransferOptions): TransferOutcome {
  const comparison = compareFiles(from, to);
  if (comparison === "different") return { kind: "conflict", reason: `${to} exists and differs from ${from}` };
  if (comparison === "same" || comparison === "destination-ahead") {
    if (!options.move) return { kind: "already-there", sourceRemoved: false };
    return removeVerifiedSource(from, to) ? { kind: "already-there", sourceRemoved: true } : { kind: "source-changed" };
  }
  const replace = comparison === "destination-behind";
  // A move keeps the file itself, mode included; `mode` is for copies.
  if (options.move && !replace && moveByLink(from, to)) return { kind: "moved" };
  const copied = copyVerified(from, to, options.mode, replace);
  if (copied.kind === "conflict") return copied;
  if (!options.move) return { kind: "copied" };
  return removeVerifiedSource(from, to) ? { kind: "moved" } : { kind: "source-changed" };
}

/** Same file system: a link at the destination (never over an existing file), then the source name goes. */
function moveByLink(from: string, to: string): boolean {
  try {
    fs.linkSync(from, to);
  } catch {
    return false; // another file system, no hard links there, or the destination appeared meanwhile
  }
  fs.unlinkSync(from);
  return true;
}

/**
 * Copies the source to a temporary name beside `to`, reading to its end (bytes appended while copying are
 * copied too), compares the copy with the source, gives it the source's exact times, then puts it in place:
 * a link when `to` must not exist, a rename when it holds an older copy (checked unchanged first).
 */
function copyVerified(
  from: string,
  to: string,
  mode: number | undefined,
  replace: boolean,
): { kind: "copied" } | { kind: "conflict"; reason: string } {
  const judged = replace ? fs.lstatSync(to, { bigint: true }) : null;
  const source = openRegularFile(from);
  const temp = temporaryNameFor(to, COPY_MARK, "");
  try {
    const out = createTemporaryFile(temp);
    let length = 0;
    try {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      for (;;) {
        const bytes = fs.readSync(source.fd, buffer, 0, buffer.length, length);
        if (bytes === 0) break;
        for (let written = 0; written < bytes; ) written += fs.writeSync(out, buffer, written, bytes - written);
        length += bytes;
      }
      finishTemporaryFile(out, {
        owner: ownerForNewFile(path.dirname(to)),
        mode: mode ?? source.stat.mode & 0o7777,
        fsync: true,
      });
    } finally {
      fs.closeSync(out);
    }
    const copy = openRegularFile(temp);
    try {
      if (copy.stat.size !== length || !sameBytes(source.fd, copy.fd, length))
        throw new Error(`the copy of ${from} at ${temp} does not match it`);
    } finally {
      fs.closeSync(copy.fd);
    }
    // The times of the bytes copied: the source's as of now (it may have been appended to while copying).
    setExactTimes(temp, timesOf(fs.fstatSync(source.fd, { bigint: true })));
    if (replace) {
      const now = fs.lstatSync(to, { bigint: true });
      if (now.ino !== judged!.ino || now.size !== judged!.size || now.mtimeNs !== judged!.mtimeNs)
        return { kind: "conflict", reason: `${to} changed while ${from} was copied over it; run again` };
      fs.renameSync(temp, to);
    } else {
      try {
        fs.linkSync(temp, to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST")
          return { kind: "conflict", reason: `${to} appeared while ${from} was copied; run again` };
        // No hard links on this file system: a rename, which cannot be exclusive, right after a check.
        if (fs.existsSync(to)) return { kind: "conflict", reason: `${to} appeared while ${from} was copied` };
        fs.renameSync(temp, to);
      }
    }
    return { kind: "copied" };
  } finally {
    fs.closeSync(source.fd);
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Removes the source once the destination holds every byte of it. The source is first renamed aside, so a
 * writer that appends by name from then on writes a new file (kept, never lost); bytes that reached the
 * old file before the rename are copied over the destination again, verified, and only then is the old
 * file removed. Returns whether it was removed; if not, it is back under its name (or, if a writer made a
 * new file there meanwhile, under the aside name, which a rerun puts back once that name is free).
 */
function removeVerifiedSource(from: string, to: string): boolean {
  const aside = asideName(from);
  fs.renameSync(from, aside);
  for (let round = 0; round < 5; round++) {
    const comparison = compareFiles(aside, to);
    if (comparison === "same" || comparison === "destination-ahead") {
      fs.unlinkSync(aside);
      return true;
    }
    if (comparison !== "destination-behind") break;
    // Appended to before the rename: the destination is a verified prefix; bring it up to date.
    if (copyVerified(aside, to, undefined, true).kind !== "copied") break;
  }
  putBack(aside, from);
  return false;
}

/** A source renamed aside goes back to its name, unless a new file took that name (then it stays aside). */
function putBack(aside: string, from: string): boolean {
  try {
    fs.linkSync(aside, from);
  } catch {
    return false; // `from` exists again: both stay, nothing lost; the aside name says what it is
  }
  fs.unlinkSync(aside);
  return true;
}

/** How many times a rejoin starts over when a writer makes yet another file under the name meanwhile. */
const REJOIN_ROUNDS = 3;

/**
 * A source renamed aside by a killed move while a writer went on appending by name: the writer made a new
 * file under the name, holding what it wrote after the rename. The two become one file again under the
 * name: the aside's bytes, then the new file's (just one of them when it already holds the other's bytes
 * from its start, as a copy put back would). The new file is first renamed aside too, so a writer still
 * appending starts yet another file, joined in the next round; each part is removed only once the joined
 * file is verified to hold it. Whatever cannot be joined stays under an aside name: nothing is lost.
 */
function rejoin(aside: string, from: string): void {
  let older = aside;
  for (let round = 0; round < REJOIN_ROUNDS; round++) {
    let fromStat: fs.Stats;
    try {
      fromStat = fs.lstatSync(from);
    } catch {
      if (putBack(older, from)) return;
      continue;
    }
    if (!fromStat.isFile()) return; // a link or a directory took the name: not ours to join with
    const newer = asideName(from);
    fs.renameSync(from, newer);
    const joined = temporaryNameFor(from, COPY_MARK, "");
    try {
      const parts = joinedParts(older, newer);
      if (!writeJoined(parts, joined)) {
        putBack(newer, from);
        return;
      }
      try {
        fs.linkSync(joined, from);
      } catch {
        // Yet another file took the name: the joined one is the older part of the next round.
        const next = asideName(from);
        fs.renameSync(joined, next);
        removeParts(parts, next);
        older = next;
        continue;
      }
      removeParts(parts, from);
      return;
    } finally {
      fs.rmSync(joined, { force: true });
    }
  }
}

/** A new aside name for `from`, as a move makes. */
function asideName(from: string): string {
  return temporaryNameFor(from, MOVE_MARK, "");
}

interface JoinPart {
  file: string;
  /** Bytes of the file that go into the joined one, from its start: all of them, or none (held already). */
  take: number;
  /** The part's stat when judged: it is removed only if still this file, this size. */
  stat: fs.BigIntStats;
}

/** The older file's bytes then the newer one's, unless one starts with all of the other. */
function joinedParts(older: string, newer: string): JoinPart[] {
  const olderStat = fs.lstatSync(older, { bigint: true });
  const newerStat = fs.lstatSync(newer, { bigint: true });
  const comparison = compareFiles(older, newer);
  const olderTake = comparison === "same" || comparison === "destination-ahead" ? 0 : Number(olderStat.size);
  const newerTake = comparison === "destination-behind" ? 0 : Number(newerStat.size);
  return [
    { file: older, take: olderTake, stat: olderStat },
    { file: newer, take: newerTake, stat: newerStat },
  ];
}

/** Writes the parts' bytes to `joined` (a new name), verified, with the newer part's times and mode. */
function writeJoined(parts: JoinPart[], joined: string): boolean {
  const newest = parts[parts.length - 1]!;
  const out = createTemporaryFile(joined);
  try {
    let at = 0;
    for (const part of parts) {
      const source = openRegularFile(part.file);
      try {
        copyRange(source.fd, out, part.take, at);
      } finally {
        fs.closeSync(source.fd);
      }
      at += part.take;
    }
    finishTemporaryFile(out, {
      owner: ownerForNewFile(path.dirname(joined)),
      mode: Number(newest.stat.mode & 0o7777n),
      fsync: true,
    });
  } finally {
    fs.closeSync(out);
  }
  let at = 0;
  const copy = openRegularFile(joined);
  try {
    for (const part of parts) {
      const source = openRegularFile(part.file);
      try {
        if (!sameBytes(source.fd, copy.fd, part.take, 0, at)) return false;
      } finally {
        fs.closeSync(source.fd);
      }
      at += part.take;
    }
    if (copy.stat.size !== at) return false;
  } finally {
    fs.closeSync(copy.fd);
  }
  setExactTimes(joined, timesOf(newest.stat));
  return true;
}

/**
 * Removes the parts now in the joined file at `into`. A part a writer still appended to after it was
 * judged gives those bytes to the joined file first (appended, as the writer would have); a part that is
 * no longer the file judged, or got shorter, stays under its aside name.
 */
function removeParts(parts: JoinPart[], into: string): void {
  for (const part of parts) {
    const now = fs.lstatSync(part.file, { bigint: true });
    if (now.ino !== part.stat.ino || now.size < part.stat.size) continue;
    if (now.size > part.stat.size) {
      const source = openRegularFile(part.file);
      const out = fs.openSync(into, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_NOFOLLOW);
      try {
        const extra = Buffer.alloc(Number(now.size - part.stat.size));
        if (readFully(source.fd, extra, extra.length, Number(part.stat.size)) !== extra.length) continue;
        for (let written = 0; written < extra.length; ) written += fs.writeSync(out, extra, written);
      } finally {
        fs.closeSync(out);
        fs.closeSync(source.fd);
      }
    }
    fs.unlinkSync(part.file);
  }
}

function copyRange(from: number, to: number, length: number, toOffset: number): void {
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, length)));
  for (let offset = 0; offset < length; ) {
    const bytes = readFully(from, buffer, Math.min(buffer.length, length - offset), offset);
    if (bytes === 0) throw new Error("a file being joined got shorter while it was read");
    for (let written = 0; written < bytes; )
      written += fs.writeSync(to, buffer, written, bytes - written, toOffset + offset + written);
    offset += bytes;
  }
}

/**
 * Finishes what killed transfers left in `dir`: a source renamed aside goes back to its name, and a
 * temporary copy that was never put in place is removed. Only names of processes that are gone.
 */
export function recoverTransfersIn(dir: string): void {
  for (const name of directoryNames(dir)) {
    for (const mark of [MOVE_MARK, COPY_MARK]) {
      const parts = temporaryNameParts(name, mark, "");
      if (parts === null || !isGone(parts.pid)) continue;
      if (mark === COPY_MARK) fs.rmSync(path.join(dir, name), { force: true });
      else if (!putBack(path.join(dir, name), path.join(dir, parts.baseName)))
        rejoin(path.join(dir, name), path.join(dir, parts.baseName));
    }
  }
}

/** Whether a name is one of the temporary names a transfer makes (skipped when walking a tree). */
export function isTransferLeftover(name: string): boolean {
  return name.includes(COPY_MARK) || name.includes(MOVE_MARK);
}

/** Whether `length` bytes of `a` from `offsetA` equal those of `b` from `offsetB`. */
function sameBytes(a: number, b: number, length: number, offsetA = 0, offsetB = 0): boolean {
  const bufferA = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, length)));
  const bufferB = Buffer.allocUnsafe(bufferA.length);
  for (let offset = 0; offset < length; ) {
    const want = Math.min(bufferA.length, length - offset);
    const readA = readFully(a, bufferA, want, offsetA + offset);
    const readB = readFully(b, bufferB, want, offsetB + offset);
    if (readA !== want || readB !== want || !bufferA.subarray(0, want).equals(bufferB.subarray(0, want))) return false;
    offset += want;
  }
  return true;
}

function readFully(fd: number, buffer: Buffer, length: number, position: number): number {
  let total = 0;
  while (total < length) {
    const bytes = fs.readSync(fd, buffer, total, length - total, position + total);
    if (bytes === 0) break;
    total += bytes;
  }
  return total;
}

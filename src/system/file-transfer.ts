// Copying and moving files so that nothing is lost: a copy is written under a temporary name, compared
// with its source byte for byte, given the source's exact times, and only then put in place (never over
// a different file); a move removes its source only once every byte of it is verified at the
// destination. Within one file system a move is a hard link and an unlink: the file itself (its inode,
// its times) moves, so a writer still appending to it keeps appending to the moved file.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setExactTimes, timesOf } from "./file-times.ts";
import { openRegularFile } from "./regular-file.ts";
import { ownerForNewFile } from "./replace-file.ts";

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
  const temp = `${to}${COPY_MARK}${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  try {
    const out = fs.openSync(
      temp,
      fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW,
      0o600,
    );
    let length = 0;
    try {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      for (;;) {
        const bytes = fs.readSync(source.fd, buffer, 0, buffer.length, length);
        if (bytes === 0) break;
        for (let written = 0; written < bytes; ) written += fs.writeSync(out, buffer, written, bytes - written);
        length += bytes;
      }
      const owner = ownerForNewFile(path.dirname(to));
      if (owner) fs.fchownSync(out, owner.uid, owner.gid);
      fs.fchmodSync(out, mode ?? source.stat.mode & 0o7777);
      fs.fsyncSync(out);
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
  const aside = `${from}${MOVE_MARK}${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
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
function putBack(aside: string, from: string): void {
  try {
    fs.linkSync(aside, from);
    fs.unlinkSync(aside);
  } catch {
    // `from` exists again: both stay, nothing lost; the aside name says what it is
  }
}

/**
 * Finishes what killed transfers left in `dir`: a source renamed aside goes back to its name, and a
 * temporary copy that was never put in place is removed. Only names of processes that are gone.
 */
export function recoverTransfersIn(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    for (const mark of [MOVE_MARK, COPY_MARK]) {
      const at = name.lastIndexOf(mark);
      if (at <= 0) continue;
      const rest = name.slice(at + mark.length);
      if (!/^\d+-[0-9a-f]{8}$/.test(rest) || !isGone(Number(rest.split("-")[0]))) continue;
      if (mark === MOVE_MARK) putBack(path.join(dir, name), path.join(dir, name.slice(0, at)));
      else fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}

/** Whether a name is one of the temporary names a transfer makes (skipped when walking a tree). */
export function isTransferLeftover(name: string): boolean {
  return name.includes(COPY_MARK) || name.includes(MOVE_MARK);
}

function isGone(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function sameBytes(a: number, b: number, length: number): boolean {
  const bufferA = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, length)));
  const bufferB = Buffer.allocUnsafe(bufferA.length);
  for (let offset = 0; offset < length; ) {
    const want = Math.min(bufferA.length, length - offset);
    const readA = readFully(a, bufferA, want, offset);
    const readB = readFully(b, bufferB, want, offset);
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

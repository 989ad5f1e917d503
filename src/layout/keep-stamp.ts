// The keep guard's stamp, <root>/claude-reindex/kept-verified: when its last whole pass began, as the file
// system dates files (the stamp's own mtime), and the threshold that pass kept by (its text). A pass that
// kept every due file without a problem leaves one. A file that was due by that threshold and whose ctime
// is older than the stamp was kept then and has not changed since; if its kept folder has not changed
// since either (no kept file removed, added or renamed), its kept file is still the one that pass checked,
// and the next pass need not look at it: on a tree whose sessions are all old, that is one lstat less
// per transcript at every due launch.
import fs from "node:fs";
import path from "node:path";
import { writePrivateFile } from "../system/private-file.ts";
import { isGone } from "../system/process-exit.ts";

export interface KeepStamp {
  /** When the pass began: the stamp's mtime, in nanoseconds, from the same clock as the files' ctimes. */
  beganNs: bigint;
  /** The mtime (ms) before which a file was due in that pass. */
  thresholdMs: number;
}

export function keepStampPath(configRoot: string): string {
  return path.join(configRoot, "claude-reindex", "kept-verified");
}

/** The stamp of the last whole pass, or null (none, unreadable, a link, not ours). */
export function readKeepStamp(configRoot: string): KeepStamp | null {
  let fd: number;
  try {
    fd = fs.openSync(keepStampPath(configRoot), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  try {
    // One descriptor for the time and the text: a pass that replaces the stamp meanwhile cannot mix them.
    const stat = fs.fstatSync(fd, { bigint: true });
    if (!stat.isFile() || stat.size > 64n) return null;
    const buffer = Buffer.alloc(Number(stat.size));
    const text = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0)).toString("utf8");
    const thresholdMs = /^\d+\n$/.test(text) ? Number(text.trim()) : Number.NaN;
    return Number.isSafeInteger(thresholdMs) ? { beganNs: stat.mtimeNs, thresholdMs } : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A pass's stamp, written before it looks at any file (its mtime is when the pass began) under a name of
 * its own (`kept-verified.<pid>`: two passes at once each keep their own time); `settle` makes it the stamp
 * once the pass kept everything due, `drop` removes it when it did not. Null when it cannot be written:
 * the pass then leaves no stamp. Those of passes that were killed (the shim's check has a time limit) go.
 */
export function beginKeepStamp(configRoot: string, thresholdMs: number): PendingKeepStamp | null {
  const stamp = keepStampPath(configRoot);
  const pending = `${stamp}.${process.pid}`;
  removeLeftovers(path.dirname(stamp), `${path.basename(stamp)}.`);
  try {
    writePrivateFile(pending, `${Math.floor(thresholdMs)}\n`);
    return new PendingKeepStamp(pending, stamp, fs.lstatSync(pending, { bigint: true }).mtimeNs);
  } catch {
    fs.rmSync(pending, { force: true });
    return null;
  }
}

/**
 * The last whole pass's stamp as this pass may trust it: not when this pass has no stamp of its own, nor
 * when the last one is dated after this one began (the clock was set back since: files changed meanwhile
 * could have older ctimes than the stamp).
 */
export function trustedKeepStamp(configRoot: string, pending: PendingKeepStamp | null): KeepStamp | null {
  if (pending === null) return null;
  const last = readKeepStamp(configRoot);
  return last !== null && last.beganNs <= pending.beganNs ? last : null;
}

export class PendingKeepStamp {
  constructor(
    private readonly pending: string,
    private readonly stamp: string,
    /** When this pass began, as the file system dates files. */
    readonly beganNs: bigint,
  ) {}

  settle(): void {
    try {
      fs.renameSync(this.pending, this.stamp);
    } catch {
      this.drop();
    }
  }

  drop(): void {
    fs.rmSync(this.pending, { force: true });
  }
}

/** Removes `<prefix><pid>` files in `dir` whose process is gone. */
function removeLeftovers(dir: string, prefix: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) continue;
    if (isGone(Number(name.slice(prefix.length)))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

// The keep guard's stamp, <root>/claude-reindex/kept-verified: when its last whole pass began, as the file
// system dates files (the stamp's own mtime), the threshold that pass kept by and the `projects/` folder it
// looked in (device and inode; its text). A pass that kept every due file without a problem leaves one. A
// file that was due by that threshold and whose ctime is older than the stamp was kept then and has not
// changed since; if neither its project folder nor its kept folder has changed since either (no file in
// them removed, added or renamed, neither moved), its kept file is still the one that pass checked, and
// the next pass need not look at it: on a tree whose sessions are all old, that is one lstat less per
// transcript at every due launch.
import fs from "node:fs";
import path from "node:path";
import { directoryNames } from "../system/directory-names.ts";
import { writePrivateFile } from "../system/private-file.ts";
import { isGone } from "../system/process-exit.ts";
import { projectsRoot } from "./config-root.ts";

export interface KeepStamp {
  /** When the pass began: the stamp's mtime, in nanoseconds, from the same clock as the files' ctimes. */
  beganNs: bigint;
  /** The mtime (ms) before which a file was due in that pass. */
  thresholdMs: number;
  /** The `projects/` folder it looked in: `<device>:<inode>` (where a link pointed then). */
  projects: string;
}

/** `<device>:<inode>` of a folder, links followed; null when there is none. */
function folderIdentity(dir: string): string | null {
  const stat = fs.statSync(dir, { bigint: true, throwIfNoEntry: false });
  return stat?.isDirectory() === true ? `${stat.dev}:${stat.ino}` : null;
}

export function keepStampPath(configRoot: string): string {
  return path.join(configRoot, "claude-reindex", "kept-verified");
}

/** The stamp of the last whole pass, or null (none, unreadable, a link, not ours). */
function readKeepStamp(configRoot: string): KeepStamp | null {
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
    const fields = /^(\d+) (\d+:\d+)\n$/.exec(text);
    const thresholdMs = Number(fields?.[1]);
    return fields && Number.isSafeInteger(thresholdMs)
      ? { beganNs: stat.mtimeNs, thresholdMs, projects: fields[2]! }
      : null;
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
 * the pass then leaves no stamp, nor when there is no `projects/` folder. Those of passes that were killed
 * (the shim's check has a time limit) go.
 */
export function beginKeepStamp(configRoot: string, thresholdMs: number): PendingKeepStamp | null {
  const projects = folderIdentity(projectsRoot(configRoot));
  if (projects === null) return null;
  const stamp = keepStampPath(configRoot);
  const pending = `${stamp}.${process.pid}`;
  removeLeftovers(path.dirname(stamp), `${path.basename(stamp)}.`);
  try {
    writePrivateFile(pending, `${Math.floor(thresholdMs)} ${projects}\n`);
    return new PendingKeepStamp(pending, stamp, fs.lstatSync(pending, { bigint: true }).mtimeNs, projects);
  } catch {
    fs.rmSync(pending, { force: true });
    return null;
  }
}

/**
 * The last whole pass's stamp as this pass may trust it: not when this pass has no stamp of its own, when
 * the last one looked in another `projects/` folder (a link pointed elsewhere, a folder put in its place),
 * nor when it is dated after this one began (the clock was set back since: files changed meanwhile could
 * have older ctimes than the stamp).
 */
export function trustedKeepStamp(configRoot: string, pending: PendingKeepStamp | null): KeepStamp | null {
  if (pending === null) return null;
  const last = readKeepStamp(configRoot);
  return last !== null && last.projects === pending.projects && last.beganNs <= pending.beganNs ? last : null;
}

export class PendingKeepStamp {
  constructor(
    private readonly pending: string,
    private readonly stamp: string,
    /** When this pass began, as the file system dates files. */
    readonly beganNs: bigint,
    readonly projects: string,
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
  for (const name of directoryNames(dir)) {
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) continue;
    if (isGone(Number(name.slice(prefix.length)))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

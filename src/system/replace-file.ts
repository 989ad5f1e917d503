// Replacing a file whole: written under a temporary name of our own beside it, then renamed over it, so a
// reader sees the old file or the new one. Never through a symbolic link; the owner and mode of the file
// replaced are kept, and a file made by root in somebody else's directory is given to that directory's owner.
import fs from "node:fs";
import path from "node:path";
import { directoryNames } from "./directory-names.ts";
import { isGone } from "./process-exit.ts";

const TEMP_MARK = ".claude-reindex-";
const TEMP_SUFFIX = ".tmp";
const WRITER = /^(\d+)-[0-9a-f]{8}$/;

export class SymbolicLinkError extends Error {
  readonly code = "ELOOP";
  constructor(readonly file: string) {
    super(`${file} is a symbolic link; claude-reindex does not write through links`);
  }
}

export class ForeignOwnerError extends Error {
  readonly code = "EPERM";
  constructor(
    readonly file: string,
    readonly uid: number,
  ) {
    super(`${file} belongs to another user (uid ${uid}); replacing it would change its owner`);
  }
}

export interface ReplaceOptions {
  /** Mode of a file that does not exist yet (an existing file keeps its own). */
  newFileMode: number;
  /** fsync the file before the rename (indexes, settings); caches skip it. */
  fsync: boolean;
  /** Called after the new content is on disk, just before the rename; throwing cancels the rename. */
  beforeRename?: () => void;
}

/**
 * `<file><mark><pid>-<random><suffix>`: a name nobody else makes, so ours to clean up once the process
 * named in it is gone. replaceFile's are `<file>.claude-reindex-<pid>-<random>.tmp`. The random part
 * only spreads names apart (a temporary file is created with O_EXCL, never opened if it exists):
 * Math.random, since loading node:crypto costs the shim's check 10–25 ms of CPU.
 */
export function temporaryNameFor(file: string, mark = TEMP_MARK, suffix = TEMP_SUFFIX): string {
  const random = Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, "0");
  return `${file}${mark}${process.pid}-${random}${suffix}`;
}

/** The file a temporary name of temporaryNameFor stands beside, and the pid of its writer; else null. */
export function temporaryNameParts(
  name: string,
  mark = TEMP_MARK,
  suffix = TEMP_SUFFIX,
): { baseName: string; pid: number } | null {
  const at = name.lastIndexOf(mark);
  if (at <= 0 || !name.endsWith(suffix)) return null;
  const writer = WRITER.exec(name.slice(at + mark.length, name.length - suffix.length));
  return writer ? { baseName: name.slice(0, at), pid: Number(writer[1]) } : null;
}

/** Whether `name` is a temporary name that temporaryNameFor gives for `baseName`. */
export function isTemporaryNameOf(name: string, baseName: string): boolean {
  return temporaryNameParts(name)?.baseName === baseName;
}

/** A new temporary file, open for writing: made exclusively, never through a link, 0600 until finished. */
export function createTemporaryFile(temp: string): number {
  return fs.openSync(
    temp,
    fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW,
    0o600,
  );
}

/** Gives a temporary file its owner (when root writes for someone) and mode, and syncs it when asked. */
export function finishTemporaryFile(
  fd: number,
  done: { owner: { uid: number; gid: number } | null; mode: number; fsync: boolean },
): void {
  if (done.owner) fs.fchownSync(fd, done.owner.uid, done.owner.gid);
  fs.fchmodSync(fd, done.mode);
  if (done.fsync) fs.fsyncSync(fd);
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The uid and gid a new file in `dir` should have when root makes it: the directory's own. */
export function ownerForNewFile(dir: string): { uid: number; gid: number } | null {
  if (!isRoot()) return null;
  try {
    const { uid, gid } = fs.statSync(dir);
    return uid === 0 && gid === 0 ? null : { uid, gid };
  } catch {
    return null;
  }
}

/** Gives a file or directory root just made to the owner of the directory it is in. */
export function giveToDirectoryOwner(made: string): void {
  const owner = ownerForNewFile(path.dirname(made));
  if (owner === null) return;
  try {
    fs.lchownSync(made, owner.uid, owner.gid);
  } catch {
    // best effort: the file is still correct, only its owner is root
  }
}

/** mkdir -p that hands every directory root creates to the owner of the one above it. */
export function makeDirectory(dir: string, mode: number): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !fs.existsSync(d); d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  fs.mkdirSync(dir, { recursive: true, mode });
  for (const d of missing) giveToDirectoryOwner(d);
}

/** Writes `content` to `file` by temporary file and rename, keeping the replaced file's owner and mode. */
export function replaceFile(file: string, content: string | Buffer, options: ReplaceOptions): void {
  let existing: fs.Stats | null = null;
  try {
    existing = fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (existing?.isSymbolicLink()) throw new SymbolicLinkError(file);
  if (existing && !existing.isFile())
    throw Object.assign(new Error(`${file} is not a regular file`), { code: "ENOTREG" });
  const uid = process.getuid?.();
  if (existing && uid !== undefined && uid !== 0 && existing.uid !== uid)
    throw new ForeignOwnerError(file, existing.uid);

  const mode = existing ? existing.mode & 0o7777 : options.newFileMode;
  const owner = existing
    ? isRoot()
      ? { uid: existing.uid, gid: existing.gid }
      : null
    : ownerForNewFile(path.dirname(file));
  const temp = temporaryNameFor(file);
  const fd = createTemporaryFile(temp);
  try {
    try {
      const bytes = typeof content === "string" ? Buffer.from(content) : content;
      for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written);
      finishTemporaryFile(fd, { owner, mode, fsync: options.fsync });
    } finally {
      fs.closeSync(fd);
    }
    options.beforeRename?.();
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Removes temporary files of ours left beside `file` by a writer that was killed before its rename. */
export function removeOrphanedTemporaryFiles(file: string, isOrphan: (name: string) => boolean = () => true): void {
  const base = path.basename(file);
  const dir = path.dirname(file);
  for (const name of directoryNames(dir)) {
    if (isTemporaryNameOf(name, base) && isOrphan(name)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Whether the process that made this temporary name is gone (its pid is in the name). */
export function writerIsGone(name: string): boolean {
  const parts = temporaryNameParts(name);
  return parts !== null && isGone(parts.pid);
}

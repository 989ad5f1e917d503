// Opening files that come from outside (indexes, transcripts, settings): only regular files, never through a
// symbolic link, and never blocking: a FIFO or a device named like one of them is refused, not waited on.
import fs from "node:fs";
import { errorText } from "../text/error-text.ts";

/** Read-only, not waiting for a writer on a FIFO. */
const READ_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;

const NO_ATIME = (fs.constants as { O_NOATIME?: number }).O_NOATIME ?? 0;

export interface OpenOptions {
  /** Follow a symbolic link to the file it names (a settings.json kept with dotfiles); default: refuse it. */
  followLinks?: boolean;
}

export class NotRegularFileError extends Error {
  readonly code = "ENOTREG";
  constructor(readonly file: string) {
    super(`${file} is not a regular file`);
  }
}

export class FileTooLargeError extends Error {
  readonly code = "EFBIG";
  constructor(
    readonly file: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${file} is ${size} bytes, more than ${limit} bytes`);
  }
}

/**
 * Opens a regular file for reading and returns its descriptor with the stat of the very file opened.
 * A symbolic link fails with ELOOP; a FIFO, socket or device with NotRegularFileError, at once (O_NONBLOCK
 * makes the open itself return instead of waiting for a writer; a regular file reads as usual with it).
 */
export function openRegularFile(file: string, options: OpenOptions = {}): { fd: number; stat: fs.Stats } {
  const flags = READ_FLAGS | (options.followLinks ? 0 : fs.constants.O_NOFOLLOW);
  let fd: number;
  try {
    // O_NOATIME: our reads leave the access time as it was (allowed only on one's own files).
    fd = fs.openSync(file, flags | NO_ATIME);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM" || NO_ATIME === 0) throw error;
    fd = fs.openSync(file, flags);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory())
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), { code: "EISDIR" });
    if (!stat.isFile()) throw new NotRegularFileError(file);
    return { fd, stat };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/** The whole text of a regular file, refused (unread) when larger than `maxBytes`. */
export function readRegularFile(
  file: string,
  maxBytes = Number.POSITIVE_INFINITY,
  options: OpenOptions = {},
): { text: string; stat: fs.Stats } {
  const { fd, stat } = openRegularFile(file, options);
  try {
    if (stat.size > maxBytes) throw new FileTooLargeError(file, stat.size, maxBytes);
    return { text: fs.readFileSync(fd, "utf8"), stat };
  } finally {
    fs.closeSync(fd);
  }
}

/** The text of a regular file, or null when it is missing, unreadable, not regular or too large. */
export function readRegularFileOrNull(file: string, maxBytes?: number): string | null {
  try {
    return readRegularFile(file, maxBytes).text;
  } catch {
    return null;
  }
}

/** The first `maxBytes` of a regular file as text (fewer when it is shorter), or null when it cannot be read. */
export function readFileHead(file: string, maxBytes: number): string | null {
  let opened: { fd: number; stat: fs.Stats };
  try {
    opened = openRegularFile(file);
  } catch {
    return null;
  }
  try {
    const buffer = Buffer.alloc(Math.min(maxBytes, opened.stat.size));
    const bytes = fs.readSync(opened.fd, buffer, 0, buffer.length, 0);
    return buffer.toString("utf8", 0, bytes);
  } catch {
    return null;
  } finally {
    fs.closeSync(opened.fd);
  }
}

/** A short reason for a failed open or read, for one line to the user. */
export function describeFileError(error: unknown): string {
  const { code } = error as NodeJS.ErrnoException;
  if (code === "ELOOP") return "is a symbolic link (not followed)";
  if (code === "ENOTREG") return "is not a regular file (a FIFO, socket or device?)";
  return errorText(error);
}

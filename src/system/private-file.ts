// claude-reindex's own files (caches, stamps, the install record): private, replaced whole, never through a link.
import fs from "node:fs";
import path from "node:path";
import { makeDirectory, replaceFile } from "./replace-file.ts";

/**
 * Writes one of claude-reindex's own files (caches, stamps): 0600 in 0700 directories, since
 * they may hold first prompts, replaced by rename so a reader never sees half a file. No fsync:
 * losing one of these files only costs time on the next run. Made by root in a user's tree, the
 * files and directories are the user's.
 */
export function writePrivateFile(file: string, content: string | Buffer): void {
  makeDirectory(path.dirname(file), 0o700);
  replaceFile(file, content, { newFileMode: 0o600, fsync: false });
}

/**
 * Never through a symbolic link (ELOOP), never waiting on a FIFO (without a writer it reads as
 * empty). Node takes fs.open's numeric flags here too; its types only say string.
 */
const PRIVATE_READ_FLAGS = (fs.constants.O_RDONLY |
  fs.constants.O_NOFOLLOW |
  fs.constants.O_NONBLOCK) as unknown as string;

/**
 * The file's text, or null when it is missing, unreadable, a link, a directory, a FIFO or empty
 * (none of our files is ever empty). One call (open, read and close in Node's own code): the stat
 * pass reads a stamp per project, and the open–fstat–read–close of readRegularFile cost it more
 * than the stats of the transcripts.
 */
export function readPrivateFile(file: string): string | null {
  return readPrivateBytes(file)?.toString("utf8") ?? null;
}

/** As readPrivateFile, the bytes. */
export function readPrivateBytes(file: string): Buffer | null {
  try {
    const bytes = fs.readFileSync(file, { flag: PRIVATE_READ_FLAGS });
    return bytes.length === 0 ? null : bytes;
  } catch {
    return null;
  }
}

// claude-reindex's own files (caches, stamps, the install record): private, replaced whole, never through a link.
import path from "node:path";
import { readRegularFileOrNull } from "./regular-file.ts";
import { makeDirectory, replaceFile } from "./replace-file.ts";

/**
 * Writes one of claude-reindex's own files (caches, stamps): 0600 in 0700 directories, since
 * they may hold first prompts, replaced by rename so a reader never sees half a file. No fsync:
 * losing one of these files only costs time on the next run. Made by root in a user's tree, the
 * files and directories are the user's.
 */
export function writePrivateFile(file: string, content: string): void {
  makeDirectory(path.dirname(file), 0o700);
  replaceFile(file, content, { newFileMode: 0o600, fsync: false });
}

/** The file's text, or null when it is missing, unreadable, or not a regular file. */
export function readPrivateFile(file: string): string | null {
  return readRegularFileOrNull(file);
}

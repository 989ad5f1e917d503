// The hooks' own log, <root>/claude-reindex/hooks.log: one line per problem, rotated, never a reason
// for a hook to fail.
import fs from "node:fs";
import path from "node:path";
import { giveToDirectoryOwner, makeDirectory } from "../system/replace-file.ts";

const APPEND_FLAGS =
  fs.constants.O_WRONLY |
  fs.constants.O_APPEND |
  fs.constants.O_CREAT |
  fs.constants.O_NOFOLLOW |
  fs.constants.O_NONBLOCK;

/** Rotated at this size to hooks.log.1, so it never grows past twice that. */
const MAX_LOG_BYTES = 256 * 1024;

export function hookLogPath(configRoot: string): string {
  return path.join(configRoot, "claude-reindex", "hooks.log");
}

/**
 * Appends one line to the hooks' log (0600 in a 0700 directory: lines may name sessions and
 * paths). Hooks must never fail because of their log, so every error here is swallowed.
 */
export function appendHookLog(configRoot: string, now: Date, line: string): void {
  const file = hookLogPath(configRoot);
  try {
    makeDirectory(path.dirname(file), 0o700);
    try {
      if (fs.lstatSync(file).size > MAX_LOG_BYTES) fs.renameSync(file, `${file}.1`);
    } catch {
      // no log yet
    }
    // O_NOFOLLOW: a link put at hooks.log is not appended through (the open fails, the line is dropped).
    const fd = fs.openSync(file, APPEND_FLAGS, 0o600);
    try {
      if (!fs.fstatSync(fd).isFile()) return;
      if (fs.fstatSync(fd).size === 0) giveToDirectoryOwner(file);
      fs.writeSync(fd, `${now.toISOString()} ${line}\n`);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // the line still went to stderr
  }
}

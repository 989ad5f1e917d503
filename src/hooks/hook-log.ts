import fs from "node:fs";
import path from "node:path";

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
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      if (fs.statSync(file).size > MAX_LOG_BYTES) fs.renameSync(file, `${file}.1`);
    } catch {
      // no log yet
    }
    fs.appendFileSync(file, `${now.toISOString()} ${line}\n`, { mode: 0o600 });
  } catch {
    // the line still went to stderr
  }
}

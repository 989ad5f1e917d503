import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach } from "vitest";

const made: string[] = [];

/** A fresh directory removed after the test (see below); mode 0700 like Claude Code's own. */
export function tempDir(prefix = "claude-reindex-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

// A detached hook worker (or a helper Claude Code started) may still be finishing a write into the
// directory when the test ends; Node retries ENOTEMPTY/EBUSY with a linear back-off (about 5 s in all).
// Removed once no test of the file is running: with concurrent tests, the end of one must not remove a
// tree another is still using (global hooks do not know which concurrent test made a directory).
let running = 0;
beforeEach(() => {
  running++;
});
afterEach(() => {
  running--;
  if (running > 0) return;
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

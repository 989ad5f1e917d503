import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach } from "vitest";

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
// A tree still written to after that (a process of Claude Code's own, on a loaded machine) is tried again
// once every test of the file has ended, for up to about a minute, and then only reported: a temporary
// directory that outlives its test is not the test's failure.
let running = 0;
const lingering: string[] = [];
beforeEach(() => {
  running++;
});
afterEach(() => {
  running--;
  if (running > 0) return;
  for (const dir of made.splice(0)) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      lingering.push(dir);
    }
  }
});
afterAll(() => {
  for (const dir of lingering.splice(0)) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
    } catch (error) {
      console.warn(`could not remove ${dir}: ${(error as Error).message}`);
    }
  }
}, 120_000);

// A hard time limit on this process that holds even while its main thread is stuck in synchronous code (a
// pathological input, a blocking read): a worker thread with its own timer ends the process.
const WATCHDOG = `
const { workerData } = require("node:worker_threads");
const fs = require("node:fs");
const tty = require("node:tty");
setTimeout(() => {
  try {
    fs.writeSync(2, (tty.isatty(2) ? "\\r\\x1b[K" : "") + workerData.message + "\\n");
    if (workerData.record) {
      const temp = workerData.record.file + ".claude-reindex-" + process.pid + "-watchdog.tmp";
      fs.writeFileSync(temp, workerData.record.text, { flag: "wx", mode: 0o600 });
      fs.renameSync(temp, workerData.record.file);
    }
  } catch {
    // the kill below matters, not the note
  } finally {
    process.kill(process.pid, "SIGKILL");
  }
}, Math.max(0, workerData.deadline - Date.now()));
`;

/**
 * Ends the process (SIGKILL, after one line on stderr) `budgetMs` from now unless disarmed first. What it
 * interrupts must be safe to interrupt at any point: everything claude-reindex writes is.
 */
export function armWatchdog(
  budgetMs: number,
  message: string,
  /** A file to write (by temporary name and rename) before the end: a stamp that the work was cut off. */
  record?: { file: string; text: string },
): () => Promise<void> {
  // Loaded when armed: node:worker_threads takes ~10 ms to load, which the shim's stat pass (where a limit
  // is armed only before a copy) would otherwise pay on every launch.
  const { Worker } = process.getBuiltinModule("node:worker_threads");
  const worker = new Worker(WATCHDOG, {
    eval: true,
    workerData: { deadline: Date.now() + budgetMs, message, record },
  });
  worker.unref();
  return async () => {
    await worker.terminate();
  };
}

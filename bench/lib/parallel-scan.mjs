// A plain parallel scan, the engine `search` could have been without an index: every transcript
// read and searched for the phrase's bytes (no JSON parsing at all, so a lower bound on a real
// scan), the files shared among as many worker threads as there are cores. Prints matching paths.
// node bench/lib/parallel-scan.mjs <NUL-separated list of files> <phrase>

import fs from "node:fs";
import os from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

if (isMainThread) {
  const [list, phrase] = process.argv.slice(2);
  const files = fs.readFileSync(list, "utf8").split("\0").filter(Boolean);
  const threads = os.availableParallelism();
  const found = [];
  await Promise.all(
    Array.from({ length: threads }, (_, i) => {
      const mine = files.filter((_, k) => k % threads === i);
      return new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { files: mine, phrase } });
        worker.on("message", (paths) => found.push(...paths));
        worker.on("error", reject);
        worker.on("exit", resolve);
      });
    }),
  );
  process.stdout.write(found.map((f) => `${f}\n`).join(""));
  process.exitCode = found.length > 0 ? 0 : 1;
} else {
  const needle = Buffer.from(workerData.phrase);
  const buffer = Buffer.allocUnsafe(4 << 20);
  const hits = [];
  for (const file of workerData.files) {
    const fd = fs.openSync(file, "r");
    let carry = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, carry, buffer.length - carry, null);
      if (n === 0) break;
      const end = carry + n;
      if (buffer.subarray(0, end).indexOf(needle) !== -1) {
        hits.push(file);
        break;
      }
      // Keep the last bytes in case the phrase straddles two reads.
      carry = Math.min(needle.length - 1, end);
      buffer.copyWithin(0, end - carry, end);
    }
    fs.closeSync(fd);
  }
  parentPort.postMessage(hits);
}

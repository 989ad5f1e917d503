// npm run bench:phases [-- --dir D] [--every N] [--rounds R]
//
// Where a cold rebuild's CPU goes, phase by phase, on the benchmark tree (every Nth transcript;
// default every one): each phase adds one step to the one before it, on one thread, and reports
// the CPU time it took (user + system, from process.cpuUsage). The rounds alternate the phases'
// order; the table shows medians. Figures for the README's profile breakdown.

import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import { scriptOption } from "./lib/script-option.mjs";

const REPO = path.resolve(import.meta.dirname, "..");
const dir = path.resolve(scriptOption("--dir", path.join(REPO, ".bench", "tree")));
const every = Number(scriptOption("--every", 1));
const rounds = Number(scriptOption("--rounds", 3));

// The library's transcript code, bundled as it ships (esbuild), so Node can load it here.
const bundle = path.join(REPO, ".bench", "phases-bundle.mjs");
await build({
  stdin: {
    contents: [
      'export { lineBuffer, scanLine, scanLineInJs } from "./src/transcript/line-scanner.ts";',
      'export { deriveTranscript } from "./src/transcript/transcript.ts";',
      'export { listSessionFiles } from "./src/layout/session-file.ts";',
    ].join("\n"),
    resolveDir: REPO,
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: bundle,
  logLevel: "warning",
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const lib = await import(bundle);

const projects = path.join(dir, "projects");
const projectDirs = fs.readdirSync(projects).map((name) => path.join(projects, name));
const files = [];
let n = 0;
for (const projectDir of projectDirs) {
  for (const file of lib.listSessionFiles(projectDir).sessions.values()) if (n++ % every === 0) files.push(file);
}
const totalBytes = files.reduce((sum, f) => sum + f.size, 0);

let buffer = Buffer.allocUnsafe(1 << 20);
/**
 * Reads every file in 1 MiB reads into a reused buffer, handing each complete line to `onLine`.
 * `into`: the buffer to read into instead (the native walk's memory); a longer line moves to a new one.
 */
function eachLine(onLine, into = null) {
  const own = buffer;
  if (into !== null) buffer = into;
  for (const file of files) {
    const fd = fs.openSync(file.path, "r");
    let filled = 0;
    let start = 0;
    let offset = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (start === 0) {
          const bigger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(bigger);
          buffer = bigger;
        } else {
          buffer.copyWithin(0, start, filled);
          filled -= start;
          start = 0;
        }
      }
      const read = fs.readSync(fd, buffer, filled, buffer.length - filled, offset);
      if (read === 0) break;
      offset += read;
      let scan = filled;
      filled += read;
      if (onLine === null) {
        start = filled;
        continue;
      }
      for (;;) {
        const newline = buffer.indexOf(10, scan);
        if (newline === -1 || newline >= filled) break;
        onLine(buffer, start, newline);
        start = scan = newline + 1;
      }
    }
    fs.closeSync(fd);
  }
  if (into !== null) buffer = own;
}

let sink = 0;
const phases = {
  "read (1 MiB reads into one reused buffer)": () => eachLine(null),
  "+ line splitting (indexOf newline)": () => eachLine(() => {}),
  "+ decoding every line (utf8 toString)": () =>
    eachLine((b, s, e) => {
      sink += b.toString("utf8", s, e).length;
    }),
  "+ JSON.parse of every decoded line (the exact path)": () =>
    eachLine((b, s, e) => {
      try {
        sink += JSON.parse(b.toString("utf8", s, e).trim()) ? 1 : 0;
      } catch {}
    }),
  "+ byte-level scan of every line instead, walked in JavaScript (scanLineInJs)": () =>
    eachLine((b, s, e) => {
      sink += lib.scanLineInJs(b, s, e).kind.length;
    }),
  "+ the same scan walked in native code, as it ships (scanLine: line-walk.c as WebAssembly)": () =>
    eachLine(
      (b, s, e) => {
        sink += lib.scanLine(b, s, e).kind.length;
      },
      lib.lineBuffer(1 << 20),
    ),
  "+ derivation: the whole deriveTranscript (scan, state, chain, entry)": () => {
    for (const file of files) sink += lib.deriveTranscript(file, null).kind.length;
  },
  "stat pass: readdir and lstat of every project and transcript": () => {
    for (const projectDir of projectDirs) sink += lib.listSessionFiles(projectDir).sessions.size;
  },
};

function cpuOf(run) {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Wall time to start two workers that load the derivation bundle and answer one message. */
async function workerStart() {
  const script = path.join(REPO, "dist", "derivation-worker.mjs");
  if (!fs.existsSync(script)) return null;
  const started = performance.now();
  const workers = [0, 1].map(
    () => new Worker(script, { workerData: { configRoot: path.join(REPO, ".bench", "none"), writableCache: false } }),
  );
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve) => {
          w.once("message", resolve);
          w.postMessage([]);
        }),
    ),
  );
  const ms = performance.now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  return ms;
}

const names = Object.keys(phases);
const results = Object.fromEntries(names.map((name) => [name, []]));
eachLine(null); // page cache warm
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? names : [...names].reverse();
  for (const name of order) results[name].push(cpuOf(phases[name]));
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const mb = totalBytes / 1e6;
console.log(`${files.length} transcripts, ${mb.toFixed(0)} MB (every ${every}), ${rounds} rounds, CPU ms (median)\n`);
console.log("| phase | CPU | per GB |");
console.log("|---|---|---|");
for (const name of names) {
  const ms = median(results[name]);
  console.log(`| ${name} | ${ms.toFixed(0)} ms | ${((ms / mb) * 1000).toFixed(0)} ms |`);
}
const start = await workerStart();
if (start !== null) console.log(`| starting 2 derivation workers (wall) | ${start.toFixed(0)} ms | |`);
if (sink < 0) console.log(sink);

// Generates a realistic $CLAUDE_CONFIG_DIR tree for the benchmark:
//   <dir>/projects/<encoded cwd>/<uuid>.jsonl               sessions (what the tool indexes)
//   <dir>/projects/<encoded cwd>/agent-<id>.jsonl            pre-2.1.2 subagent transcripts
//   <dir>/projects/<encoded cwd>/<uuid>/subagents/agent-*.jsonl, <uuid>/tool-results/*.txt
//   <dir>/.bench-tree.json                                   parameters + facts, written last
//
// Usage: node bench/generate-tree.mjs --dir D [--scale 0.01] [--seed 1] [--force]
//
// Everything is derived from the seed (own PRNG, one stream per file), so two runs with the same
// parameters give byte-identical files with identical mtimes. Files are written by one worker
// thread per core, largest first, so the 2 GB default tree takes well under a minute.

import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { buildCorpus, WORDS } from "./lib/corpus.mjs";
import { makeRng } from "./lib/prng.mjs";
import { writeTranscript } from "./lib/transcript.mjs";

/** Hash of the generator's own sources: any change to them invalidates cached trees. */
export function generatorHash() {
  const h = crypto.createHash("sha1");
  for (const f of ["generate-tree.mjs", "lib/prng.mjs", "lib/corpus.mjs", "lib/transcript.mjs"]) {
    h.update(fs.readFileSync(new URL(f, import.meta.url)));
  }
  return h.digest("hex").slice(0, 12);
}
export const META_FILE = ".bench-tree.json";
const PARTIAL_FILE = ".bench-tree.partial";

export const DEFAULTS = Object.freeze({
  projects: 200,
  transcripts: 5000,
  totalBytes: 2e9,
  largeFiles: 8,
  largeFileBytes: 64e6,
  seed: 1,
  // "Now" for the tree: mtimes spread over the ~200 days before it. A constant (not Date.now())
  // keeps the tree reproducible; it only needs to lie in the past.
  nowMs: Date.UTC(2026, 9, 1),
});

const DAY = 86400e3;
const MIN_SMALL_BYTES = 10e3;
// Claude Code releases in rough date order; older sessions get older versions.
const VERSIONS = ["2.0.14", "2.0.31", "2.0.55", "2.0.65", "2.0.76", "2.1.1", "2.1.9", "2.1.20", "2.1.29"];
const MODELS = [
  "claude-sonnet-4-5-20250929",
  "claude-sonnet-4-5-20250929",
  "claude-opus-4-5-20251101",
  "claude-haiku-4-5-20251001",
];

/** Shrinks the default tree proportionally (at least one project, transcript and large file). */
export function scaleParams(scale = 1, base = DEFAULTS) {
  if (scale === 1) return { ...base };
  return {
    ...base,
    projects: Math.max(1, Math.round(base.projects * scale)),
    transcripts: Math.max(2, Math.round(base.transcripts * scale)),
    totalBytes: Math.round(base.totalBytes * scale),
    largeFiles: Math.max(1, Math.round(base.largeFiles * scale)),
    // A quick-try tree still needs one clearly largest transcript that is a few MB.
    largeFileBytes: Math.round(Math.min((base.totalBytes * scale) / 4, Math.max(4e6, base.largeFileBytes * scale))),
  };
}

/** Claude Code's directory name for a cwd: every UTF-16 unit outside [a-zA-Z0-9] becomes '-'. */
export function encodeCwd(cwd) {
  return cwd.replace(/[^a-zA-Z0-9]/g, "-");
}

// ---------------------------------------------------------------------------------------------
// Planning: decide every file (path, size, identity, times) up front, from the master stream.

function projectPath(rng) {
  const home = rng.chance(0.25)
    ? `/Users/${rng.pick(["alice", "sam"])}`
    : `/home/${rng.pick(["dev", "jmartin", "ubuntu"])}`;
  const area = rng.pick([
    "src",
    "work",
    "projects",
    "code",
    "Documents/GitHub",
    "go/src/github.com/acme",
    "dev/clients/acme-corp",
  ]);
  let name = [rng.pick(WORDS), rng.pick(WORDS)].join(rng.pick(["-", "_", ".", ""]));
  if (rng.chance(0.2)) name += rng.pick(["-v2", "_old", ".js", "2"]);
  if (rng.chance(0.04)) name = `My ${name} Project`;
  if (rng.chance(0.04)) name = rng.pick(["café-", "проект-", "日本語-", "naïve_"]) + name;
  let p = `${home}/${area}/${name}`;
  if (rng.chance(0.06)) p += `/.worktrees/feature-${rng.pick(WORDS)}`;
  // biome-ignore lint/suspicious/noDuplicateElseIf: each chance() draws a new number
  else if (rng.chance(0.06)) p += `/packages/${rng.pick(["api", "web", "core"])}`;
  return p;
}

function planProjects(rng, count) {
  const projects = [];
  const seen = new Set();
  while (projects.length < count) {
    const cwd = projectPath(rng);
    const dirName = encodeCwd(cwd);
    if (seen.has(dirName)) continue; // the encoding is lossy; keep one cwd per directory here
    seen.add(dirName);
    projects.push({ cwd, dirName, git: !rng.chance(0.1), weight: 1 / (projects.length + 1) ** 0.9 });
  }
  return projects;
}

/** Heavy-tailed sizes (log-normal) for the ordinary transcripts, rescaled to hit the budget. */
function planSmallSizes(rng, count, budget, maxBytes) {
  const sizes = Array.from({ length: count }, () => Math.exp(1.6 * rng.normal()));
  for (let pass = 0; pass < 8; pass++) {
    const sum = sizes.reduce((a, b) => a + b, 0);
    const factor = budget / sum;
    for (let i = 0; i < count; i++) sizes[i] = Math.min(maxBytes, Math.max(MIN_SMALL_BYTES, sizes[i] * factor));
  }
  return sizes.map(Math.round);
}

function weightedPick(rng, items, total) {
  let x = rng.float() * total;
  for (const it of items) {
    x -= it.weight;
    if (x < 0) return it;
  }
  return items[items.length - 1];
}

function identity(rng, project, startMs, p) {
  const frac = Math.min(0.999, Math.max(0, (startMs - (p.nowMs - 200 * DAY)) / (200 * DAY)));
  const version = VERSIONS[Math.floor(frac * VERSIONS.length)];
  const branch = rng.chance(0.7)
    ? "main"
    : rng.pick(["master", "develop", `feature/${rng.pick(WORDS)}-${rng.pick(WORDS)}`, `fix/${rng.int(100, 999)}`]);
  return {
    sessionId: rng.uuid(),
    cwd: project.cwd,
    gitBranch: project.git ? branch : undefined,
    version,
    slug:
      version >= "2.0.55" && rng.chance(0.7)
        ? `${rng.pick(WORDS)}-${rng.pick(WORDS)}-${rng.pick(["pony", "otter", "lake", "comet"])}`
        : undefined,
    model: rng.pick(MODELS),
  };
}

/** Planned multi-MB single lines: big transcripts hold a few huge Read/Bash outputs. */
function planHugeLines(rng, targetBytes, large) {
  const count = large ? rng.int(2, 4) : targetBytes > 4e6 && rng.chance(0.4) ? 1 : 0;
  const lines = Array.from({ length: count }, () => ({
    at: Math.round(targetBytes * rng.float() * 0.6), // early enough not to overshoot the target
    size: Math.round(targetBytes * (large ? 0.025 + rng.float() * 0.035 : 0.1 + rng.float() * 0.1)),
  }));
  return lines.sort((a, b) => a.at - b.at);
}

export function planTree(p) {
  const rng = makeRng(p.seed, 0);
  const projects = planProjects(rng, p.projects);
  const totalWeight = projects.reduce((n, x) => n + x.weight, 0);
  const nLarge = Math.min(p.largeFiles, p.transcripts);
  const largeSizes = Array.from({ length: nLarge }, () => Math.round(p.largeFileBytes * (1 + rng.float() * 0.15)));
  const otherBudget = Math.round(p.totalBytes * 0.01);
  const smallBudget = Math.max(0, p.totalBytes - otherBudget - largeSizes.reduce((a, b) => a + b, 0));
  const smallSizes = planSmallSizes(
    rng,
    p.transcripts - nLarge,
    smallBudget,
    Math.max(MIN_SMALL_BYTES, p.largeFileBytes / 3),
  );
  // Large files at random positions among the sessions, so they land in random projects.
  const largeAt = new Set();
  while (largeAt.size < nLarge) largeAt.add(rng.int(0, p.transcripts - 1));

  const jobs = [];
  let stream = 1;
  for (let i = 0, small = 0, large = 0; i < p.transcripts; i++) {
    // Every project gets one session; the rest follow a Zipf-like popularity.
    const project = i < projects.length ? projects[i] : weightedPick(rng, projects, totalWeight);
    const isLarge = largeAt.has(i);
    const targetBytes = isLarge ? largeSizes[large++] : smallSizes[small++];
    const startMs = p.nowMs - Math.round((4 + 196 * rng.float() ** 1.3) * DAY);
    const id = identity(rng, project, startMs, p);
    jobs.push({
      ...id,
      file: path.join(project.dirName, `${id.sessionId}.jsonl`),
      kind: rng.pick(["interactive", "interactive", "print", "plain"]),
      startMs,
      targetBytes,
      large: isLarge,
      huge: planHugeLines(rng, targetBytes, isLarge),
      mtimeLagMs: rng.int(2, 400),
      stream: stream++,
    });
  }
  planSideFiles(rng, p, jobs, otherBudget, () => stream++);
  return { projects, jobs };
}

/** Subagent transcripts and tool-result files: present in real trees, not sessions. */
function planSideFiles(rng, p, jobs, budget, nextStream) {
  const sessions = jobs.filter((j) => !j.large);
  const count = Math.max(2, Math.round(p.transcripts * 0.04));
  for (let i = 0; i < count; i++) {
    const parent = rng.pick(sessions);
    const agentId = `a${rng.hex(7)}`;
    const dir = path.dirname(parent.file);
    // Before 2.1.2 subagent files sat next to the sessions; since then under <session>/subagents.
    const file =
      parent.version < "2.1.1"
        ? path.join(dir, `agent-${agentId}.jsonl`)
        : path.join(dir, parent.sessionId, "subagents", `agent-${agentId}.jsonl`);
    jobs.push({
      ...parent,
      file,
      agentId,
      slug: undefined,
      kind: "plain",
      startMs: parent.startMs + rng.int(5e3, 60e3),
      targetBytes: Math.round(Math.min((budget / count) * 3, Math.max(3e3, rng.logNormal(budget / count / 2, 1)))),
      large: false,
      huge: [],
      mtimeLagMs: rng.int(2, 400),
      stream: nextStream(),
    });
    if (rng.chance(0.2))
      jobs.push({
        toolResultText: true,
        file: path.join(dir, parent.sessionId, "tool-results", `toolu_01${rng.base62(22)}.txt`),
        startMs: parent.startMs,
        stream: nextStream(),
      });
  }
}

// ---------------------------------------------------------------------------------------------
// Writing (worker threads)

function writeJob(root, job, corpus, seed) {
  const file = path.join(root, "projects", job.file);
  if (job.toolResultText) {
    const text = corpus.code.slice(0, 4000 + (job.stream % 5000));
    fs.writeFileSync(file, text, { mode: 0o600 });
    fs.utimesSync(file, new Date(job.startMs), new Date(job.startMs));
    return { bytes: Buffer.byteLength(text) };
  }
  const { bytes, lastMs } = writeTranscript(file, job, corpus, seed);
  const mtime = new Date(lastMs + job.mtimeLagMs);
  fs.utimesSync(file, mtime, mtime);
  return { bytes };
}

function workerMain() {
  const { root, seed } = workerData;
  const corpus = buildCorpus(seed);
  parentPort.on("message", (job) => {
    const r = writeJob(root, job, corpus, seed);
    parentPort.postMessage({ file: job.file, bytes: r.bytes });
  });
}

/** Hands out jobs one at a time to `n` workers (largest first) until all are done. */
function runWorkers(root, seed, jobs, n, onDone) {
  const queue = [...jobs].sort((a, b) => (b.targetBytes ?? 0) - (a.targetBytes ?? 0));
  return new Promise((resolve, reject) => {
    let running = 0;
    for (let i = 0; i < Math.min(n, queue.length); i++) {
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { benchTreeWorker: true, root, seed } });
      running++;
      const next = () => (queue.length ? w.postMessage(queue.shift()) : w.terminate());
      w.on("message", (m) => {
        onDone(m);
        next();
      });
      w.on("error", reject);
      w.on("exit", () => {
        if (--running === 0) resolve();
      });
      next();
    }
    if (running === 0) resolve();
  });
}

// ---------------------------------------------------------------------------------------------
// Public API

function readMeta(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, META_FILE), "utf8"));
  } catch {
    return null;
  }
}

/** Refuses to wipe a directory that this generator did not create (e.g. a real ~/.claude). */
function resetDir(dir) {
  if (fs.existsSync(dir)) {
    const entries = fs.readdirSync(dir);
    const ours = entries.includes(META_FILE) || entries.includes(PARTIAL_FILE);
    if (entries.length > 0 && !ours)
      throw new Error(`${dir} is not empty and holds no ${META_FILE}: refusing to overwrite it`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dir, PARTIAL_FILE), "generation in progress\n");
}

/** Generates the tree into `dir` (wiping a previous bench tree there); returns its facts. */
export async function generateTree({ dir, ...opts }) {
  const params = { ...DEFAULTS, ...opts };
  const t0 = process.hrtime.bigint();
  resetDir(dir);
  const { projects, jobs } = planTree(params);
  for (const j of jobs)
    fs.mkdirSync(path.join(dir, "projects", path.dirname(j.file)), { recursive: true, mode: 0o700 });

  const written = new Map();
  let bytes = 0;
  let lastReport = Date.now();
  await runWorkers(dir, params.seed, jobs, Math.max(1, os.availableParallelism()), (m) => {
    written.set(m.file, m.bytes);
    bytes += m.bytes;
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      process.stderr.write(`  generated ${written.size}/${jobs.length} files, ${(bytes / 1e6).toFixed(0)} MB\n`);
    }
  });

  const sessions = jobs.filter((j) => !j.agentId && !j.toolResultText);
  const sessionBytes = sessions.reduce((n, j) => n + written.get(j.file), 0);
  const largest = sessions.reduce((a, j) => (written.get(j.file) > written.get(a.file) ? j : a));
  const facts = {
    generator: generatorHash(),
    params,
    projects: projects.length,
    transcripts: sessions.length,
    transcriptBytes: sessionBytes,
    otherFiles: jobs.length - sessions.length,
    otherBytes: bytes - sessionBytes,
    largest: { file: largest.file, bytes: written.get(largest.file) },
    largeTranscripts: sessions.filter((j) => j.large).map((j) => ({ file: j.file, bytes: written.get(j.file) })),
    generationSeconds: Number(process.hrtime.bigint() - t0) / 1e9,
  };
  fs.writeFileSync(path.join(dir, META_FILE), `${JSON.stringify(facts, null, 2)}\n`);
  fs.rmSync(path.join(dir, PARTIAL_FILE), { force: true });
  return facts;
}

/** Reuses the tree in `dir` when its metadata records the same parameters; else generates it. */
export async function ensureTree({ dir, ...opts }) {
  const params = { ...DEFAULTS, ...opts };
  const meta = readMeta(dir);
  if (meta && meta.generator === generatorHash() && JSON.stringify(meta.params) === JSON.stringify(params)) {
    return { ...meta, reused: true };
  }
  return { ...(await generateTree({ dir, ...params })), reused: false };
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const out = { scale: 1, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--dir") out.dir = argv[++i];
    else if (a === "--scale") out.scale = Number(argv[++i]);
    else if (a === "--seed") out.seed = Number(argv[++i]);
    else if (a === "--force") out.force = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!out.dir) throw new Error("usage: node bench/generate-tree.mjs --dir D [--scale 0.01] [--seed N] [--force]");
  if (!(out.scale > 0)) throw new Error("--scale must be a positive number");
  return out;
}

if (!isMainThread && workerData?.benchTreeWorker) {
  workerMain();
} else if (isMainThread && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const params = scaleParams(args.scale);
  if (args.seed !== undefined) params.seed = args.seed;
  const dir = path.resolve(args.dir);
  const facts = args.force ? await generateTree({ dir, ...params }) : await ensureTree({ dir, ...params });
  console.log(JSON.stringify({ dir, reused: facts.reused ?? false, ...facts, largeTranscripts: undefined }, null, 2));
}

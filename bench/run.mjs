// npm run bench [-- --dir D] [--scale S] [--runs N] [--cli PATH] [--json [FILE]] [--only TEXT]...
//               [--memory-probe time|proc]
//
// Generates (or reuses) the benchmark tree, then runs every case in cases.mjs: ours and its
// baselines interleaved (one warm-up round, then N measured rounds, alternating the order), and
// prints a Markdown table of medians and ratios. The machine is shared and noisy, so only ratios
// measured side by side in one run mean anything; absolute times are for context.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cases } from "./cases.mjs";
import { ensureTree, scaleParams } from "./generate-tree.mjs";
import { detectMemoryProbe, median, NODE_START_SETTINGS, runTimed, timedEnv } from "./lib/measure.mjs";
import { listTranscripts } from "./lib/tree-ops.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv) {
  const o = {
    scale: 1,
    runs: 5,
    cli: path.join(REPO, "bin", "claude-reindex"),
    json: null,
    only: [],
    memoryProbe: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--dir") o.dir = path.resolve(value());
    else if (a === "--scale") o.scale = Number(value());
    else if (a === "--runs") o.runs = Number(value());
    else if (a === "--cli") o.cli = path.resolve(value());
    else if (a === "--only") o.only.push(value());
    else if (a === "--memory-probe") o.memoryProbe = value();
    else if (a === "--json")
      o.json =
        argv[i + 1] && !argv[i + 1].startsWith("--")
          ? path.resolve(argv[++i])
          : path.join(REPO, ".bench", "results.json");
    else throw new Error(`unknown argument ${a}`);
  }
  if (!(o.scale > 0)) throw new Error("--scale must be a positive number");
  if (!(Number.isInteger(o.runs) && o.runs >= 1)) throw new Error("--runs must be a positive integer");
  // A shrunk tree gets its own directory so a quick try does not throw away the full tree.
  o.dir ??= path.join(REPO, ".bench", o.scale === 1 ? "tree" : `tree-scale-${o.scale}`);
  return o;
}

// ---------------------------------------------------------------------------------------------
// Context handed to the cases

function makeContext(opts, facts) {
  const transcripts = listTranscripts(opts.dir);
  const largest = transcripts.reduce((a, t) => (t.bytes > a.bytes ? t : a));
  const ctx = {
    dir: opts.dir,
    projectsDir: path.join(opts.dir, "projects"),
    transcripts,
    large: largest,
    facts,
    state: {},
    warnings: [],
    notes: [],
    /** A fact the report should carry (a size, the query used), once per case. */
    note: (msg) => {
      if (!ctx.notes.includes(msg)) ctx.notes.push(msg);
    },
    warn: (msg) => {
      ctx.warnings.push(msg);
      console.error(`warning: ${msg}`);
    },
    /** The CLI under test, with CLAUDE_CONFIG_DIR pointing at the tree. */
    rebuild: (args) => cliCommand(opts.cli, args, { CLAUDE_CONFIG_DIR: opts.dir }),
    sh: (script, args, cwd) => ({ file: "/bin/sh", args: ["-c", script, "sh", ...args], cwd, stdout: "ignore" }),
    runOnce: (cmd) => {
      const r = spawnSync(cmd.file, cmd.args, {
        cwd: cmd.cwd,
        env: { ...process.env, ...cmd.env },
        stdio: ["ignore", "ignore", "pipe"],
      });
      if (r.status !== 0)
        abort(`${describe(cmd)} exited with ${r.status ?? r.signal ?? r.error}`, String(r.stderr ?? ""));
    },
  };
  return ctx;
}

/** Runs the CLI directly when it is executable, else through this Node binary. */
function cliCommand(cli, args, env) {
  try {
    fs.accessSync(cli, fs.constants.X_OK);
    return { file: cli, args, env };
  } catch {
    return { file: process.execPath, args: [cli, ...args], env };
  }
}

function describe(cmd) {
  const args = cmd.args ?? [];
  const shown = args.length > 6 ? [...args.slice(0, 5), `… (${args.length} args)`] : args;
  return [cmd.file, ...shown].join(" ");
}

class BenchAbort extends Error {}
function abort(message, stderr = "") {
  const tail = stderr.trim().split("\n").slice(-30).join("\n");
  throw new BenchAbort(`${message}${tail ? `\n--- stderr (last lines) ---\n${tail}` : ""}`);
}

// ---------------------------------------------------------------------------------------------
// Measuring one case

async function measureOnce(ctx, variant, probe) {
  await variant.setup?.(ctx);
  const cmd = variant.command(ctx);
  const r = await runTimed(cmd, { memory: variant.memory ? probe : null });
  if (r.status !== 0) abort(`${variant.label}: ${describe(cmd)} exited with ${r.status ?? r.signal}`, r.stderr);
  return r;
}

async function runCase(ctx, c, opts, probe) {
  const variants = [
    { role: "ours", label: c.name, setup: c.setup, command: c.command, memory: c.memory },
    { role: "baseline", label: c.baseline.name, setup: c.baseline.setup, command: c.baseline.command, goal: c.goal },
    ...(c.info ?? []).map((b) => ({ role: "info", label: b.name, setup: b.setup, command: b.command, goal: null })),
  ];
  const samples = variants.map(() => ({ ms: [], rssKB: [] }));
  ctx.state = {};
  try {
    await c.prepare?.(ctx);
    // Round 0 warms the page cache and the CLI's files and is not counted; then alternate the
    // order every round so slow drifts of a noisy machine hit every variant alike.
    for (let round = 0; round <= opts.runs; round++) {
      const order = variants.map((_, i) => i);
      if (round % 2 === 1) order.reverse();
      for (const i of order) {
        const r = await measureOnce(ctx, variants[i], probe);
        if (round === 0 && i === 0) await c.verify?.(ctx);
        if (round === 0) continue;
        samples[i].ms.push(r.ms);
        if (r.maxRssKB) samples[i].rssKB.push(r.maxRssKB);
      }
      process.stderr.write(round === 0 ? `  ${c.name}: warm-up done` : ` ${round}`);
    }
    process.stderr.write("\n");
  } finally {
    await c.teardown?.(ctx);
  }
  const ours = samples[0];
  const oursMedian = median(ours.ms);
  return {
    name: c.name,
    ours: {
      command: describe(c.command(ctx)),
      runsMs: ours.ms,
      medianMs: oursMedian,
      maxRssKB: ours.rssKB.length
        ? { median: median(ours.rssKB), max: Math.max(...ours.rssKB), runs: ours.rssKB }
        : null,
    },
    rows: variants.slice(1).map((v, k) => {
      const ms = samples[k + 1].ms;
      const ratio = oursMedian / median(ms);
      return {
        baseline: v.label,
        info: v.role === "info",
        runsMs: ms,
        medianMs: median(ms),
        ratio,
        // Each round's two runs are neighbours in time: their ratio cancels a load that drifts.
        pairedRatio: median(ms.map((x, i) => ours.ms[i] / x)),
        goal: v.goal,
        met: v.goal == null ? null : ratio <= v.goal,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Facts and report

function catNote(ctx) {
  const version = spawnSync("cat", ["--version"], { encoding: "utf8" }).stdout?.split("\n")[0] ?? "cat";
  const sample = ctx.transcripts.find((t) => t.bytes > 256e3) ?? ctx.transcripts[0];
  const trace = path.join(os.tmpdir(), `bench-strace-${process.pid}.txt`);
  const r = spawnSync(
    "strace",
    [
      "-f",
      "-qq",
      "-o",
      trace,
      "-e",
      "trace=splice,copy_file_range,sendfile",
      "cat",
      path.join(ctx.projectsDir, sample.rel),
    ],
    { stdio: "ignore" },
  );
  if (r.error || r.status !== 0)
    return (
      `${version}: could not check for splice/copy_file_range (no working strace); ` +
      "if it uses them, the /dev/null baseline is unrealistically fast"
    );
  const calls = fs
    .readFileSync(trace, "utf8")
    .split("\n")
    .filter((l) => /^\d*\s*(splice|copy_file_range|sendfile)\(.*= [1-9]/.test(l));
  fs.rmSync(trace, { force: true });
  const used = [...new Set(calls.map((l) => l.match(/(splice|copy_file_range|sendfile)/)[1]))].join("/");
  return calls.length
    ? `${version} moves data with ${used} (strace): ` +
        "the /dev/null baseline skips copying to user space and is unrealistically fast; " +
        "the piped row is the fairer yardstick"
    : `${version} copies with read()/write(): strace saw no successful splice, copy_file_range or sendfile, ` +
        "so the /dev/null baseline does read every byte into user space";
}

/** What the Node start settings this machine has (NODE_START_SETTINGS) would have added to every Node command. */
async function nodeStartNote() {
  const set = NODE_START_SETTINGS.filter((key) => process.env[key]);
  if (set.length === 0) return null;
  const nodeE0 = async (env) => {
    const times = [];
    for (let i = 0; i < 7; i++)
      times.push((await runTimed({ file: process.execPath, args: ["-e", "0"], env, cleanEnv: true })).ms);
    return median(times);
  };
  const [withThem, without] = [await nodeE0(process.env), await nodeE0(timedEnv())];
  const [are, them] = set.length > 1 ? ["are", "them"] : ["is", "it"];
  return (
    `${set.join(" and ")} ${are} set here, and no timed command had ${them}: ` +
    `\`node -e 0\` takes ${fmtMs(withThem)} with, ${fmtMs(without)} without (medians of 7). ` +
    "That start cost falls on ours and on the baseline alike and would flatter every ratio to `node -e 0`."
  );
}

function machineFacts() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cores: os.availableParallelism(),
    cpu: cpus[0]?.model ?? "unknown",
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    loadavg: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" "),
  };
}

const fmtMs = (ms) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
const fmtBytes = (b) =>
  b >= 1e9 ? `${(b / 1e9).toFixed(2)} GB` : b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${(b / 1e3).toFixed(1)} KB`;
const cell = (s) => String(s).replace(/\|/g, "\\|");

function report(results, tree, machine, notes, opts, probe) {
  const lines = [];
  lines.push("| case | ours (median) | baseline | baseline (median) | ratio | goal | met |");
  lines.push("|---|---|---|---|---|---|---|");
  for (const r of results) {
    for (const row of r.rows) {
      const name = row.info ? `${r.name} (informational)` : r.name;
      const goal = row.goal == null ? "—" : `≤ ${row.goal}`;
      const met = row.met == null ? "—" : row.met ? "yes" : "**no**";
      const baseline = cell(`\`${row.baseline}\``);
      const cells = [
        cell(name),
        fmtMs(r.ours.medianMs),
        baseline,
        fmtMs(row.medianMs),
        row.ratio.toFixed(2),
        goal,
        met,
      ];
      lines.push(`| ${cells.join(" | ")} |`);
    }
  }
  lines.push("");
  for (const r of results) {
    const rss = r.ours.maxRssKB;
    if (rss)
      lines.push(
        `Peak memory (max RSS) of ${r.name}: median ${fmtBytes(rss.median * 1024)}, ` +
          `max ${fmtBytes(rss.max * 1024)} over ${rss.runs.length} runs (${probe.label}).`,
      );
  }
  lines.push("");
  lines.push(`Runs per command: ${opts.runs} measured + 1 warm-up, interleaved, page cache warm. All times (ms):`);
  for (const r of results) {
    lines.push(`- ${r.name}: ${r.ours.runsMs.map((x) => x.toFixed(0)).join(", ")}`);
    for (const row of r.rows)
      lines.push(
        `  - vs \`${row.baseline}\`: ${row.runsMs.map((x) => x.toFixed(0)).join(", ")} ` +
          `(median of the per-round ratios: ${row.pairedRatio.toFixed(2)})`,
      );
  }
  lines.push("");
  lines.push(
    `Tree: ${tree.dir} — ${tree.projects} projects, ${tree.transcripts} transcripts, ` +
      `${fmtBytes(tree.transcriptBytes)} of transcripts (+ ${tree.otherFiles} ` +
      `subagent/tool-result files, ${fmtBytes(tree.otherBytes)}), largest ` +
      `${fmtBytes(tree.largest.bytes)} (${tree.largest.file}), ${tree.over60MB} ` +
      `transcripts ≥ 60 MB; seed ${tree.seed}, ` +
      `${tree.reused ? "reused" : `generated in ${tree.generationSeconds.toFixed(1)} s`}.`,
  );
  lines.push(
    `Machine: Node ${machine.node}, ${machine.cores} cores (${machine.cpu}), ` +
      `${machine.memoryGB} GB RAM, ${machine.kernel}, load ${machine.loadavg}.`,
  );
  for (const n of notes) lines.push(`Note: ${n}`);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.cli)) {
    const hint = opts.cli === path.join(REPO, "bin", "claude-reindex") ? " (build it first: npm run build)" : "";
    throw new BenchAbort(`CLI not found: ${opts.cli}${hint}`);
  }
  const params = scaleParams(opts.scale);
  process.stderr.write(`tree: ${opts.dir} (scale ${opts.scale})\n`);
  const facts = await ensureTree({ dir: opts.dir, ...params });
  const ctx = makeContext(opts, facts);
  const probe = detectMemoryProbe(opts.memoryProbe);
  const notes = [catNote(ctx), await nodeStartNote()].filter((note) => note !== null);

  const selected = cases.filter((c) => opts.only.length === 0 || opts.only.some((text) => c.name.includes(text)));
  const results = [];
  for (const c of selected) results.push(await runCase(ctx, c, opts, probe));

  if (ctx.large.bytes < 60e6)
    notes.push(`the appended-to transcript is ${fmtBytes(ctx.large.bytes)} (scaled tree), not ≥ 60 MB`);
  notes.push(...ctx.notes, ...ctx.warnings);
  const tree = {
    dir: opts.dir,
    projects: facts.projects,
    transcripts: ctx.transcripts.length,
    transcriptBytes: ctx.transcripts.reduce((n, t) => n + t.bytes, 0),
    otherFiles: facts.otherFiles,
    otherBytes: facts.otherBytes,
    largest: { file: ctx.large.rel, bytes: ctx.large.bytes },
    over60MB: ctx.transcripts.filter((t) => t.bytes >= 60e6).length,
    seed: facts.params.seed,
    reused: facts.reused,
    generationSeconds: facts.generationSeconds,
  };
  const machine = machineFacts();
  console.log(report(results, tree, machine, notes, opts, probe));
  if (opts.json) {
    fs.mkdirSync(path.dirname(opts.json), { recursive: true });
    const doc = {
      date: new Date().toISOString(),
      cli: opts.cli,
      runs: opts.runs,
      scale: opts.scale,
      memoryProbe: probe.label,
      machine,
      tree,
      notes,
      results,
    };
    fs.writeFileSync(opts.json, `${JSON.stringify(doc, null, 2)}\n`);
    console.error(`results written to ${opts.json}`);
  }
}

main().catch((e) => {
  console.error(e instanceof BenchAbort ? `bench aborted: ${e.message}` : e);
  process.exit(1);
});

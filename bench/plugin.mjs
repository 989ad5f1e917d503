// npm run bench:plugin [-- --runs N] [--version V] [--from DIR]
//
// What the session-reindex plugin costs inside Claude Code: `claude -p` of a real release (default
// 2.1.332) against the loopback stand-in API, in one config root with the plugin installed (with
// `claude plugin marketplace add` and `claude plugin install`, as a user does) and in one without,
// interleaved (one warm-up round, then N measured rounds, alternating the order). Prints the medians
// and their ratio, and checks that every run with the plugin ended up in its index. The machine is
// shared and noisy: only the ratio measured side by side means anything.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { installClaudeCode, offlineEnv, runClaudeCode } from "../test/support/claude-code.mjs";
import { startStandInApi } from "../test/support/stand-in-api.mjs";
import { median } from "./lib/measure.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PLUGIN_ID = "session-reindex@claude-reindex";

const options = { runs: 7, version: "2.1.332", from: REPO };
for (let i = 2; i < process.argv.length; i++) {
  const flag = process.argv[i];
  const value = process.argv[++i];
  if (value === undefined) throw new Error(`${flag} needs a value`);
  if (flag === "--runs") options.runs = Number(value);
  else if (flag === "--version") options.version = value;
  else if (flag === "--from") options.from = path.resolve(value);
  else throw new Error(`unknown argument ${flag}`);
}
if (!(Number.isInteger(options.runs) && options.runs >= 1)) throw new Error("--runs must be a positive integer");

const { command } = await installClaudeCode(options.version);
const api = await startStandInApi({ reply: "Done." });
const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "claude-reindex-bench-plugin-")));
try {
  const home = path.join(base, "home");
  fs.mkdirSync(home);
  const roots = { plugin: path.join(base, "with-plugin"), none: path.join(base, "without") };
  for (const args of [
    ["plugin", "marketplace", "add", options.from],
    ["plugin", "install", PLUGIN_ID],
  ]) {
    const r = spawnSync(command, args, {
      cwd: base,
      env: offlineEnv({ apiUrl: api.url, home, configDir: roots.plugin }),
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`claude ${args.join(" ")} failed: ${r.stdout}${r.stderr}`);
  }

  const times = { plugin: [], none: [] };
  const missing = [];
  let n = 0;
  const once = async (arm, measured) => {
    const project = path.join(base, "work", `${arm}-${n++}`);
    fs.mkdirSync(project, { recursive: true });
    const sessionId = crypto.randomUUID();
    const started = process.hrtime.bigint();
    const run = await runClaudeCode({
      version: options.version,
      args: ["-p", "hello", "--session-id", sessionId],
      cwd: project,
      apiUrl: api.url,
      configDir: roots[arm],
      home,
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (run.exitCode !== 0) throw new Error(`claude -p (${arm}) exited ${run.exitCode}: ${run.stderr}`);
    if (measured) times[arm].push(ms);
    if (arm === "plugin") {
      const index = path.join(roots.plugin, "projects", project.replace(/[^a-zA-Z0-9]/g, "-"), "sessions-index.json");
      const deadline = Date.now() + 2000;
      const indexed = () => fs.existsSync(index) && fs.readFileSync(index, "utf8").includes(sessionId);
      while (!indexed() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      if (!indexed()) missing.push(sessionId);
    }
  };
  for (let round = 0; round <= options.runs; round++) {
    const order = round % 2 === 0 ? ["plugin", "none"] : ["none", "plugin"];
    for (const arm of order) await once(arm, round > 0);
  }

  const withPlugin = median(times.plugin);
  const without = median(times.none);
  const ms = (t) => `${Math.round(t)} ms`;
  console.log(`claude -p, Claude Code ${options.version}, ${options.runs} interleaved rounds (after one warm-up)`);
  console.log(`  with the plugin:    median ${ms(withPlugin)}  (${times.plugin.map(ms).join(", ")})`);
  console.log(`  without:            median ${ms(without)}  (${times.none.map(ms).join(", ")})`);
  console.log(`  ratio with/without: ${(withPlugin / without).toFixed(2)}x`);
  console.log(
    missing.length === 0
      ? `  every run with the plugin was in its index within 2 s of exit`
      : `  NOT indexed within 2 s of exit: ${missing.join(", ")}`,
  );
  if (missing.length > 0) process.exitCode = 1;
} finally {
  await api.close();
  fs.rmSync(base, { recursive: true, force: true });
}

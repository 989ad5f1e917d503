// node bench/interactive-exit.mjs [--runs N] [--releases 2.1.29,2.1.118,2.1.332]
//
// What our hooks add to leaving an interactive Claude Code: each release runs in tmux against the
// loopback stand-in API, one prompt, then /exit, with our hooks installed and without them,
// interleaved. Times from the Enter that runs /exit to the end of the process; medians and the
// difference. Also checks that every session's entry is current within 2 s after each exit.
// Needs tmux; takes about 15 s a run.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startInteractive } from "../test/support/claude-code-tmux.mjs";
import { startStandInApi } from "../test/support/stand-in-api.mjs";
import { settle } from "./lib/claude-code-run.mjs";
import { median } from "./lib/measure.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv) {
  const o = { runs: 5, releases: ["2.1.29", "2.1.118", "2.1.332"] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--runs") o.runs = Number(argv[++i]);
    else if (argv[i] === "--releases") o.releases = argv[++i].split(",");
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const api = await startStandInApi({ reply: "Done." });
const base = fs.mkdtempSync(path.join(os.tmpdir(), "claude-reindex-exit-bench-"));
const rows = [];
try {
  for (const version of opts.releases) {
    const dirs = {};
    for (const variant of ["with", "without"]) {
      const dir = path.join(base, version, variant);
      dirs[variant] = {
        cwd: path.join(dir, "work"),
        configDir: path.join(dir, "config"),
        home: path.join(dir, "home"),
      };
      fs.mkdirSync(dirs[variant].cwd, { recursive: true });
      fs.mkdirSync(dirs[variant].configDir, { recursive: true });
    }
    fs.writeFileSync(path.join(dirs.without.configDir, "settings.json"), "{}\n");
    execFileSync(path.join(REPO, "bin/claude-reindex"), ["install"], {
      env: { ...process.env, CLAUDE_CONFIG_DIR: dirs.with.configDir },
      stdio: "ignore",
    });
    const times = { with: [], without: [] };
    let late = 0;
    for (let round = 0; round <= opts.runs; round++) {
      const order = round % 2 ? ["without", "with"] : ["with", "without"];
      for (const variant of order) {
        const session = await startInteractive({ version, apiUrl: api.url, ...dirs[variant] });
        try {
          await session.prompt(`prompt ${round}`);
          const { exitMs } = await session.exit();
          if (round > 0) times[variant].push(exitMs);
        } finally {
          await session.close();
        }
        if (variant === "with" && (await settle(dirs.with.configDir, 2_000)).length > 0) late++;
      }
      process.stderr.write(round === 0 ? `${version}: warm-up done` : ` ${round}`);
    }
    process.stderr.write("\n");
    rows.push({ version, with: median(times.with), without: median(times.without), times, late });
  }
} finally {
  await api.close();
  // Hook workers may still be finishing their merges: retry rather than hide an earlier error.
  try {
    fs.rmSync(base, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
  } catch (error) {
    console.error(`could not remove ${base}: ${error.message}`);
  }
}

console.log(
  "| release | /exit with hooks (median) | without (median) | difference | sessions not current 2 s after exit |",
);
console.log("|---|---|---|---|---|");
for (const r of rows)
  console.log(
    `| ${r.version} | ${r.with.toFixed(0)} ms | ${r.without.toFixed(0)} ms | ` +
      `${(r.with - r.without).toFixed(0)} ms | ${r.late} |`,
  );
console.log(`\nRuns: ${opts.runs} measured + 1 warm-up per variant, interleaved. All times (ms):`);
for (const r of rows)
  console.log(
    `- ${r.version} with: ${r.times.with.map((x) => x.toFixed(0)).join(", ")}; ` +
      `without: ${r.times.without.map((x) => x.toFixed(0)).join(", ")}`,
  );
console.log(
  `Machine: Node ${process.version}, ${os.availableParallelism()} cores, load ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}.`,
);

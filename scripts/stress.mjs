// npm run stress: the reliability suite at full scale (hundreds of kills, more generated
// inputs), then the table of its figures. `npm test` runs the same tests at a smaller scale.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const repo = path.resolve(import.meta.dirname, "..");
const results = path.join(repo, ".stress-results.json");
fs.rmSync(results, { force: true });

const env = {
  ...process.env,
  TZ: "UTC",
  CLAUDE_REINDEX_STRESS: "full",
  CLAUDE_REINDEX_PROPERTY_RUNS: process.env.CLAUDE_REINDEX_PROPERTY_RUNS ?? "2000",
  CLAUDE_REINDEX_STRESS_RESULTS: results,
};
const tests = [
  "test/stress",
  "test/e2e/hostile.test.ts",
  "test/e2e/hostile-trees.test.ts",
  "test/tree/hostile-files.test.ts",
  "test/tree/migrate-safety.test.ts",
  "test/unit/properties.test.ts",
  "test/e2e/hooks.test.ts",
  "test/e2e/security.test.ts",
];
const started = Date.now();
const run = spawnSync("npx", ["vitest", "run", ...tests], { cwd: repo, env, stdio: "inherit" });

const figures = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, "utf8")) : {};
console.log(
  `\nclaude-reindex stress run, ${new Date().toISOString().slice(0, 10)}, ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s, vitest ` +
    `${run.status === 0 ? "passed" : "FAILED"}\n`,
);
// The guard rails first: kills survived, hangs (0), bytes lost (0), peak memory against input size.
const rank = (name) =>
  ["kills survived", "hangs", "bytes lost", "peak memory"].findIndex((word) => name.includes(word)) >>> 0;
console.log("| figure | value |\n|---|---|");
for (const [name, value] of Object.entries(figures).sort((a, b) => rank(a[0]) - rank(b[0])))
  console.log(`| ${name} | ${value} |`);
process.exitCode = run.status ?? 1;

// npm run bench:compare-cold -- --other /path/to/other/checkout/bin/claude-reindex [--dir D] [--runs N]
//
// A cold `rebuild --all` of this checkout against another build (another commit, checked out and built
// elsewhere), side by side: each round deletes the indexes and caches, then times one, then does the
// same for the other, alternating which goes first. How a change to the cold rebuild is measured when
// the machine's speed drifts by more than the change within the hour.

import path from "node:path";
import { median, runTimed } from "./lib/measure.mjs";
import { scriptOption } from "./lib/script-option.mjs";
import { deleteIndexes } from "./lib/tree-ops.mjs";

const REPO = path.resolve(import.meta.dirname, "..");
const other = scriptOption("--other", null);
if (other === null) {
  console.error(
    "usage: npm run bench:compare-cold -- --other <bin/claude-reindex of another build> [--dir D] [--runs N]",
  );
  process.exit(2);
}
const dir = path.resolve(scriptOption("--dir", path.join(REPO, ".bench", "tree")));
const runs = Number(scriptOption("--runs", 7));
const sides = [
  { name: `other (${other})`, cli: path.resolve(other), times: [] },
  { name: "this checkout", cli: path.join(REPO, "bin", "claude-reindex"), times: [] },
];

for (let round = 0; round <= runs; round++) {
  const order = round % 2 === 0 ? sides : [...sides].reverse();
  for (const side of order) {
    deleteIndexes(dir);
    const run = await runTimed({
      file: side.cli,
      args: ["rebuild", "--all"],
      env: { CLAUDE_CONFIG_DIR: dir },
      stdout: "ignore",
    });
    if (run.status !== 0) throw new Error(`${side.cli} rebuild --all exited ${run.status}: ${run.stderr}`);
    // Round 0 warms the page cache and is not counted.
    if (round > 0) side.times.push(run.ms);
  }
}
for (const side of sides) {
  const ms = side.times.map((t) => t.toFixed(0)).join(", ");
  console.log(`${side.name}: median ${median(side.times).toFixed(0)} ms (${ms})`);
}
console.log(`ratio this/other: ${(median(sides[1].times) / median(sides[0].times)).toFixed(3)}`);

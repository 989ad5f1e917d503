import fs from "node:fs";
import path from "node:path";

/** Scale of the stress suite: small inside `npm test`, full under `npm run stress`. */
export const FULL_STRESS = process.env.CLAUDE_REINDEX_STRESS === "full";

const resultsFile =
  process.env.CLAUDE_REINDEX_STRESS_RESULTS ?? path.resolve(import.meta.dirname, "../../.stress-results.json");

/** Records one figure of the stress table (printed by scripts/stress.mjs) and prints it now. */
export function recordFigure(name: string, value: string | number): void {
  let figures: Record<string, string | number> = {};
  try {
    figures = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
  } catch {
    // first figure
  }
  figures[name] = value;
  fs.writeFileSync(resultsFile, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`${name}: ${value}`);
}

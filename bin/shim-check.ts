// Entry point of the check bin/claude runs before Claude Code starts, bundled on its own as
// dist/shim-check.cjs (CommonJS: no module loader to start, nothing else to load). With the keep guard
// on it loads dist/shim-keep.cjs (the guard, with zod and jsonc-parser) and keeps first. Exit 0: no index
// needs a repair (or the check ran recently); exit 3, or 4 once the guard has kept: bin/claude runs
// `claude-reindex shim-check`, which repairs and reports.
import os from "node:os";
import path from "node:path";
import { checkDeadline } from "../src/commands/shim-check-budget.ts";
import { fastShimCheck, KEPT_THEN_REPAIR, NEEDS_REPAIR } from "../src/commands/shim-fast-check.ts";
import { resolveConfigRoot } from "../src/layout/config-root.ts";

type ShimKeep = typeof import("../src/commands/keep-before-launch.ts");

// Ctrl-C during the check skips it: Claude Code starts.
process.once("SIGINT", () => process.exit(0));
let kept = false;
try {
  const configRoot = resolveConfigRoot(process.env, os.homedir());
  const now = new Date();
  const keep = () => {
    // A file of its own beside this one, loaded only now (esbuild leaves a computed require alone).
    const { keepBeforeLaunch } = require(path.join(__dirname, "shim-keep.cjs")) as ShimKeep;
    const env = process.env;
    const workingDir = process.cwd();
    const listings = keepBeforeLaunch({ configRoot, workingDir, env, now, stderr: process.stderr, limitCopies: true });
    kept = true;
    return listings;
  };
  const deadline = checkDeadline(process.env, now);
  // process.stderr only when a line is written: making it loads Node's streams, on the path of every due launch.
  const stderr = { write: (text: string) => process.stderr.write(text) };
  const outcome = fastShimCheck({ configRoot, env: process.env, now, deadline, clock: Date.now, stderr, keep });
  process.exitCode = outcome === "done" ? 0 : kept ? KEPT_THEN_REPAIR : NEEDS_REPAIR;
} catch {
  // Whatever went wrong here, the full check tries again (keeping too) and says what it was.
  process.exitCode = NEEDS_REPAIR;
}

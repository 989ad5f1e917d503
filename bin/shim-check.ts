// Entry point of the check bin/claude runs before Claude Code starts, bundled on its own as
// dist/shim-check.cjs (CommonJS: no module loader to start, nothing else to load). Exit 0: no
// index needs a repair (or the check ran recently); exit 3: bin/claude runs
// `claude-reindex shim-check`, which repairs and reports (and keeps, with the keep guard on).
import os from "node:os";
import { fastShimCheck } from "../src/commands/shim-fast-check.ts";
import { resolveConfigRoot } from "../src/layout/config-root.ts";

const NEEDS_REPAIR = 3;

// Ctrl-C during the check skips it: Claude Code starts.
process.once("SIGINT", () => process.exit(0));
try {
  const configRoot = resolveConfigRoot(process.env, os.homedir());
  process.exitCode = fastShimCheck({ configRoot, env: process.env, now: new Date() }) === "done" ? 0 : NEEDS_REPAIR;
} catch {
  // Whatever went wrong here, the full check tries again and says what it was.
  process.exitCode = NEEDS_REPAIR;
}

// Entry point of `claude-reindex rebuild --all` on a tree where nothing changed, bundled on its own as
// dist/rebuild-unchanged.cjs (CommonJS, our own small modules only: no module loader to start, no
// command line to load). bin/claude-reindex calls it first for exactly `rebuild --all`; when some
// project needs more than the stat pass (or anything goes wrong), it prints nothing and returns
// false, and the full command runs.
import os from "node:os";
import { rebuildAllIfUnchanged } from "../src/commands/rebuild-command.ts";
import { resolveConfigRoot } from "../src/layout/config-root.ts";

export function rebuildAllUnchanged(): boolean {
  let result: ReturnType<typeof rebuildAllIfUnchanged>;
  try {
    const configRoot = resolveConfigRoot(process.env, os.homedir());
    result = rebuildAllIfUnchanged({
      configRoot,
      env: process.env,
      io: { stdout: process.stdout, stderr: process.stderr },
    });
  } catch {
    // The full command meets the same problem and says what it is.
    result = null;
  }
  if (result === null) return false;
  // A reader that stops early (`claude-reindex rebuild --all | head -0`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  return true;
}

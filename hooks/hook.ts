// The hooks' worker: `node dist/hook.mjs <SessionStart|Stop|SessionEnd>`,
// started by hooks/launch (detached) or run in the foreground. Reads Claude Code's hook JSON on
// stdin, calls the library, exits 0 whatever happens, and keeps stdout empty.
import os from "node:os";
import { parseArgs } from "node:util";
import { HOOK_EVENTS, type HookEvent, isHookEvent } from "../src/hooks/hook-event.ts";
import { HOOK_WORKER_LIMITS, runHookWorker } from "../src/hooks/hook-worker.ts";
import { resolveConfigRoot } from "../src/layout/config-root.ts";
import { numberSetting } from "../src/system/environment-setting.ts";

// Detached from Claude Code, the worker must not die with its terminal, nor outlive its purpose.
process.on("SIGHUP", () => {});
setTimeout(() => process.exit(0), 180_000).unref();
// It yields the CPU to Claude Code, as `nice -n 10` would (hooks/launch starts no nice process).
try {
  os.setPriority(Math.min(19, os.getPriority() + 10));
} catch {
  // not allowed here: the merge is short either way
}

async function main(): Promise<void> {
  let event: HookEvent;
  try {
    const { positionals } = parseArgs({ allowPositionals: true, options: {} });
    if (positionals.length !== 1 || !isHookEvent(positionals[0]!)) throw new Error("bad arguments");
    event = positionals[0];
  } catch {
    process.stderr.write(`usage: hook.mjs <${HOOK_EVENTS.join("|")}>\n`);
    return;
  }
  await runHookWorker({
    event,
    stdin: process.stdin,
    configRoot: resolveConfigRoot(process.env, os.homedir()),
    env: process.env,
    now: () => new Date(),
    stderr: process.stderr,
    // CLAUDE_REINDEX_HOOK_STDIN_MS: how long stdin may stay open (tests shorten it).
    limits: { stdinMs: numberSetting(process.env, "CLAUDE_REINDEX_HOOK_STDIN_MS", HOOK_WORKER_LIMITS.stdinMs) },
  });
}

main().finally(() => {
  process.exitCode = 0;
});

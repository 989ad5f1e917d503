// One hook's work, as the detached worker that hooks/launch starts does it: read the input, then
// merge. hooks/launch starts it once Claude Code has exited (SessionEnd: its last records come after
// the hook), so that waiting is the launcher's, in sh, and not repeated here.
import type { Readable } from "node:stream";
import type { HookEvent } from "./hook-event.ts";
import { MAX_HOOK_INPUT_BYTES } from "./hook-input.ts";
import { appendHookLog } from "./hook-log.ts";
import { readHookStdin } from "./hook-stdin.ts";
import { runSessionHook } from "./session-hook.ts";

export interface HookWorker {
  event: HookEvent;
  stdin: Readable & { isTTY?: boolean };
  configRoot: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  stderr: NodeJS.WritableStream;
  limits?: Partial<HookWorkerLimits>;
}

export interface HookWorkerLimits {
  /** How long stdin may stay open (Claude Code writes the JSON at once and closes it). */
  stdinMs: number;
}

/** Generous: on a starved machine a worker may wait seconds for its first turn on a core. */
export const HOOK_WORKER_LIMITS: HookWorkerLimits = { stdinMs: 20_000 };

/** Never throws; problems go to stderr (/dev/null when detached) and the hooks' log. */
export async function runHookWorker(worker: HookWorker): Promise<void> {
  const limits = { ...HOOK_WORKER_LIMITS, ...worker.limits };
  const note = (line: string) => {
    worker.stderr.write(`claude-reindex ${worker.event} hook: ${line}\n`);
    appendHookLog(worker.configRoot, worker.now(), `${worker.event}: ${line}`);
  };
  const read = await readHookStdin(worker.stdin, { maxBytes: MAX_HOOK_INPUT_BYTES, timeoutMs: limits.stdinMs });
  if (!read.ok) return note(`${read.problem}; nothing written`);
  await runSessionHook({
    event: worker.event,
    input: read.text,
    configRoot: worker.configRoot,
    env: worker.env,
    now: worker.now,
    stderr: worker.stderr,
  });
}

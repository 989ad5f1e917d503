// One hook's work, as the detached worker that hooks/launch starts does it: read the input, wait
// for Claude Code to exit when it is SessionEnd's turn, then merge.
import type { Readable } from "node:stream";
import { waitForExit } from "../system/process-exit.ts";
import type { HookEvent } from "./hook-event.ts";
import { MAX_HOOK_INPUT_BYTES } from "./hook-input.ts";
import { appendHookLog } from "./hook-log.ts";
import { readHookStdin } from "./hook-stdin.ts";
import { runSessionHook } from "./session-hook.ts";

export interface HookWorker {
  event: HookEvent;
  stdin: Readable & { isTTY?: boolean };
  /**
   * SessionEnd: the Claude Code process to outlive. Claude Code 2.1.29 appends its last records
   * to the transcript after SessionEnd has run, so the last word is the one spoken after it exits.
   */
  afterExitOf?: number;
  configRoot: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  stderr: NodeJS.WritableStream;
  limits?: Partial<HookWorkerLimits>;
}

export interface HookWorkerLimits {
  /** How long stdin may stay open (Claude Code writes the JSON at once and closes it). */
  stdinMs: number;
  /** How long to wait for Claude Code to exit (its other SessionEnd hooks may take up to 60 s). */
  exitWaitMs: number;
}

/** Generous: on a starved machine a worker may wait seconds for its first turn on a core. */
export const HOOK_WORKER_LIMITS: HookWorkerLimits = { stdinMs: 20_000, exitWaitMs: 90_000 };

/** Never throws; problems go to stderr (/dev/null when detached) and the hooks' log. */
export async function runHookWorker(worker: HookWorker): Promise<void> {
  const limits = { ...HOOK_WORKER_LIMITS, ...worker.limits };
  const note = (line: string) => {
    worker.stderr.write(`claude-reindex ${worker.event} hook: ${line}\n`);
    appendHookLog(worker.configRoot, worker.now(), `${worker.event}: ${line}`);
  };
  const read = await readHookStdin(worker.stdin, { maxBytes: MAX_HOOK_INPUT_BYTES, timeoutMs: limits.stdinMs });
  if (!read.ok) return note(`${read.problem}; nothing written`);
  if (worker.afterExitOf !== undefined && worker.afterExitOf > 1) {
    const exited = await waitForExit(worker.afterExitOf, limits.exitWaitMs);
    if (!exited) note(`Claude Code (pid ${worker.afterExitOf}) still runs after ${limits.exitWaitMs} ms; merging now`);
  }
  await runSessionHook({
    event: worker.event,
    input: read.text,
    configRoot: worker.configRoot,
    env: worker.env,
    now: worker.now,
    stderr: worker.stderr,
  });
}

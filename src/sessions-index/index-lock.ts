import lockfile from "proper-lockfile";

export interface LockOptions {
  /** A lock not refreshed for this long belongs to a dead process and is taken over. */
  staleMs: number;
  /** How long to wait for a live holder before giving up. */
  waitMs: number;
}

export const DEFAULT_LOCK: LockOptions = { staleMs: 10_000, waitMs: 15_000 };

export class LockBusyError extends Error {
  constructor(readonly file: string) {
    super(`${file} is locked by another claude-reindex process`);
  }
}

/**
 * Runs `work` while holding the lock of `file` (a `<file>.lock` directory, refreshed while held).
 * The lock is shared by every claude-reindex process: rebuild, hooks and shim.
 */
export async function withLock<T>(
  file: string,
  options: LockOptions,
  work: () => Promise<T>,
  sleep = delay,
): Promise<T> {
  const deadline = Date.now() + options.waitMs;
  let compromised: Error | null = null;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lockfile.lock(file, {
        realpath: false,
        stale: options.staleMs,
        update: Math.max(1000, Math.floor(options.staleMs / 2)),
        retries: 0,
        onCompromised: (error) => {
          compromised = error;
        },
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED" || Date.now() >= deadline) {
        if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw new LockBusyError(file);
        throw error;
      }
      await sleep(50 + Math.floor(Math.random() * 100));
    }
  }
  try {
    const result = await work();
    if (compromised) throw compromised;
    return result;
  } finally {
    await release().catch(() => {});
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

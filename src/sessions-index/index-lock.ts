// The lock of a project's index, shared by every claude-reindex process (rebuild, hooks, shim): the
// directory `sessions-index.json.lock`, as proper-lockfile makes it, so older releases of ours respect it.
import {
  type DirectoryLockOptions,
  type HeldLock,
  LockBusyError,
  LockLostError,
  withDirectoryLock,
} from "../system/directory-lock.ts";

export type LockOptions = DirectoryLockOptions;
export type { HeldLock };
export { LockBusyError, LockLostError };

export const DEFAULT_LOCK: LockOptions = { staleMs: 10_000, waitMs: 15_000 };

/** Runs `work` while holding the lock of `file` (a `<file>.lock` directory, touched while held). */
export function withLock<T>(
  file: string,
  options: LockOptions,
  work: (lock: HeldLock) => Promise<T>,
  sleep?: (ms: number) => Promise<void>,
): Promise<T> {
  return withDirectoryLock(file, options, work, sleep);
}

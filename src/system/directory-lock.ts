// A lock shared between processes: the directory `<file>.lock`, made with mkdir (atomic) and touched while
// held. The holder can ask, right before it commits, whether the lock is still its own: a holder stopped
// (Ctrl-Z, SIGSTOP, a debugger) past the stale time has lost it to another process.
import fs from "node:fs";

export interface DirectoryLockOptions {
  /** A lock not touched for this long (or dated this far in the future) belongs to nobody and is taken over. */
  staleMs: number;
  /** How long to wait for a live holder before giving up. */
  waitMs: number;
}

export class LockBusyError extends Error {
  constructor(readonly file: string) {
    super(`${file} is locked by another claude-reindex process`);
  }
}

export class LockLostError extends Error {
  constructor(readonly file: string) {
    super(`the lock of ${file} was taken over by another process while this one held it`);
  }
}

export interface HeldLock {
  /** Whether the lock directory is still the one this process made (and last touched). */
  isHeld(): boolean;
  /** Throws LockLostError unless isHeld(). */
  assertHeld(): void;
}

interface Identity {
  ino: bigint;
  mtimeNs: bigint;
}

/** Runs `work` while holding the lock of `file`; the lock is released (if still ours) whatever happens. */
export async function withDirectoryLock<T>(
  file: string,
  options: DirectoryLockOptions,
  work: (lock: HeldLock) => Promise<T>,
  sleep: (ms: number) => Promise<void> = delay,
): Promise<T> {
  const lockDir = `${file}.lock`;
  const deadline = Date.now() + options.waitMs;
  let identity: Identity;
  for (;;) {
    const acquired = tryAcquire(lockDir, options.staleMs);
    if (acquired !== null) {
      identity = acquired;
      break;
    }
    if (Date.now() >= deadline) throw new LockBusyError(file);
    await sleep(50 + Math.floor(Math.random() * 100));
  }
  const isHeld = () => {
    const now = identify(lockDir);
    return now !== null && now.ino === identity.ino && now.mtimeNs === identity.mtimeNs;
  };
  const refresh = setInterval(
    () => {
      if (!isHeld()) return clearInterval(refresh);
      try {
        const now = new Date();
        fs.utimesSync(lockDir, now, now);
        identity = identify(lockDir) ?? identity;
      } catch {
        clearInterval(refresh);
      }
    },
    Math.max(250, Math.floor(options.staleMs / 3)),
  );
  refresh.unref();
  const lock: HeldLock = {
    isHeld,
    assertHeld() {
      if (!isHeld()) throw new LockLostError(file);
    },
  };
  try {
    return await work(lock);
  } finally {
    clearInterval(refresh);
    if (isHeld()) tryRemoveDir(lockDir);
  }
}

/** Makes the lock directory, first clearing what cannot be a live lock; null when a live holder has it. */
function tryAcquire(lockDir: string, staleMs: number): Identity | null {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.mkdirSync(lockDir, { mode: 0o700 });
      return identify(lockDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(lockDir);
    } catch {
      continue; // released meanwhile
    }
    if (!stat.isDirectory()) {
      // A plain file or a link (dangling or not) is no lock that any holder made: a leftover.
      removeNonDirectory(lockDir);
      continue;
    }
    const age = Date.now() - stat.mtimeMs;
    // A holder touches its lock every staleMs/3 with this machine's clock: a lock dated far in the future
    // was made by a clock that has since been set right, and nobody keeps it fresh.
    if (age <= staleMs && age >= -staleMs) return null;
    tryRemoveDir(lockDir);
  }
  return null;
}

function identify(lockDir: string): Identity | null {
  try {
    const stat = fs.lstatSync(lockDir, { bigint: true });
    return stat.isDirectory() ? { ino: stat.ino, mtimeNs: stat.mtimeNs } : null;
  } catch {
    return null;
  }
}

function removeNonDirectory(lockDir: string): void {
  try {
    fs.unlinkSync(lockDir);
  } catch {
    // gone already, or a directory by now (unlink never removes one)
  }
}

function tryRemoveDir(lockDir: string): void {
  try {
    fs.rmdirSync(lockDir);
  } catch {
    // gone already, or not empty: not a lock of ours
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

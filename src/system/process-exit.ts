// Other processes (not children of ours): whether one still runs.
import fs from "node:fs";

/** Whether process `pid` still runs: it exists and (where /proc tells) is not a zombie. */
export function isRunning(pid: number): boolean {
  if (!isSignalable(pid)) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    // No /proc, or the process was reaped since the signal: the signal again decides.
    return isSignalable(pid);
  }
}

/** Whether a signal could reach `pid` (kill 0): it exists, ours or another user's. */
function isSignalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the process that put its pid in a temporary name is gone, so that what it left is ours to
 * finish or clear: never this process, never a pid that is not one.
 */
export function isGone(pid: number): boolean {
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid);
}

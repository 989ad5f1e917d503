// Other processes (not children of ours): whether one still runs.
import fs from "node:fs";

/** Whether process `pid` still runs: it exists and (where /proc tells) is not a zombie. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

/**
 * Whether the process that put its pid in a temporary name is gone, so that what it left is ours to
 * finish or clear: never this process, never a pid that is not one.
 */
export function isGone(pid: number): boolean {
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid);
}

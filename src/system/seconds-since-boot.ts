// The clock bin/claude can read without starting a process: /proc/uptime (Linux), seconds since boot with
// two decimals. It times the shim's check across sh and node.
import fs from "node:fs";

/** Seconds since boot, or null where /proc/uptime is missing or unreadable. */
export function secondsSinceBoot(): number | null {
  try {
    const seconds = Number.parseFloat(fs.readFileSync("/proc/uptime", "latin1"));
    return Number.isFinite(seconds) ? seconds : null;
  } catch {
    return null;
  }
}

// Setting a file's access and modification times to another file's, to the nanosecond where the file
// system keeps them: Node's utimes takes seconds as a double (a fraction of a microsecond is lost at
// today's dates) and its Date form rounds to milliseconds, so the exact times are set with touch(1).
// The one place times are kept: migrate's transfers (file-transfer.ts) and the keep guard's and restore's
// copies (linked-copy.ts) both come here. A file whose times have no sub-microsecond part costs no process.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

export interface ExactTimes {
  atimeNs: bigint;
  mtimeNs: bigint;
}

export function timesOf(stat: fs.BigIntStats): ExactTimes {
  return { atimeNs: stat.atimeNs, mtimeNs: stat.mtimeNs };
}

/**
 * Gives `file` these times, checked by a nanosecond stat. Returns whether they are exact; when touch(1)
 * cannot set nanoseconds (not GNU), they are as close as utimes gets: within a microsecond.
 */
export function setExactTimes(file: string, times: ExactTimes): boolean {
  fs.utimesSync(file, seconds(times.atimeNs), seconds(times.mtimeNs));
  if (matches(file, times)) return true;
  try {
    for (const [flag, ns] of [
      ["-a", times.atimeNs],
      ["-m", times.mtimeNs],
    ] as const) {
      execFileSync("touch", ["-c", "-h", flag, "-d", `@${decimalSeconds(ns)}`, "--", file], { stdio: "ignore" });
    }
  } catch {
    // no GNU touch: the microsecond from utimes stays
  }
  return matches(file, times);
}

function matches(file: string, times: ExactTimes): boolean {
  const stat = fs.lstatSync(file, { bigint: true });
  return stat.mtimeNs === times.mtimeNs && stat.atimeNs === times.atimeNs;
}

function seconds(ns: bigint): number {
  return Number(ns / 1_000_000_000n) + Number(ns % 1_000_000_000n) / 1e9;
}

function decimalSeconds(ns: bigint): string {
  const sign = ns < 0n ? "-" : "";
  const abs = ns < 0n ? -ns : ns;
  return `${sign}${abs / 1_000_000_000n}.${(abs % 1_000_000_000n).toString().padStart(9, "0")}`;
}

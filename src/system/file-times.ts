// Setting a file's access and modification times to another file's, to the nanosecond where the file
// system keeps them: Node's utimes takes seconds as a double and libuv truncates them to the microsecond
// (measured on ext4: 0 of 300 exact, up to 1.1 µs off), and its Date form to the millisecond, so the
// exact times are set with touch(1), or, for many files at once, with one python3 (os.utime takes
// nanoseconds), since each process costs tens of milliseconds on a loaded machine.
// The one place times are kept: migrate's transfers (file-transfer.ts), the keep guard's and restore's
// copies (linked-copy.ts) and move-project come here. A file whose times have no sub-microsecond part
// costs no process.
import fs from "node:fs";

export interface ExactTimes {
  atimeNs: bigint;
  mtimeNs: bigint;
}

export function timesOf(stat: fs.BigIntStats): ExactTimes {
  return { atimeNs: stat.atimeNs, mtimeNs: stat.mtimeNs };
}

const NS_PER_SECOND = 1_000_000_000n;

/** A time as Node's plain stat gives it (`mtimeMs`), from its whole seconds and nanoseconds. */
export function millisecondsFrom(seconds: number, nanoseconds: number): number {
  return seconds * 1000 + nanoseconds / 1_000_000;
}

/** A time in nanoseconds as Node's plain stat gives it (`mtimeMs`). */
export function millisecondsOf(ns: bigint): number {
  let seconds = ns / NS_PER_SECOND;
  let nanoseconds = ns % NS_PER_SECOND;
  // The kernel's nanoseconds are never negative: a time before 1970 is whole seconds back, then forward.
  if (nanoseconds < 0n) {
    seconds -= 1n;
    nanoseconds += NS_PER_SECOND;
  }
  return millisecondsFrom(Number(seconds), Number(nanoseconds));
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
      childProcess().execFileSync("touch", ["-c", "-h", flag, "-d", `@${decimalSeconds(ns)}`, "--", file], {
        stdio: "ignore",
      });
    }
  } catch {
    // no GNU touch: the microsecond from utimes stays
  }
  return matches(file, times);
}

/**
 * Gives each file its times, as setExactTimes does, in one extra process for all of them where python3
 * is there (then touch(1) per file for what is still off). Returns the files whose times are not exact.
 */
export function setExactTimesMany(list: readonly { file: string; times: ExactTimes }[]): string[] {
  let off = list.filter(({ file, times }) => {
    fs.utimesSync(file, seconds(times.atimeNs), seconds(times.mtimeNs));
    return !matches(file, times);
  });
  if (off.length > 1) {
    try {
      childProcess().execFileSync("python3", ["-c", PYTHON_UTIME], {
        input: JSON.stringify(off.map(({ file, times }) => [file, String(times.atimeNs), String(times.mtimeNs)])),
        stdio: ["pipe", "ignore", "ignore"],
        timeout: 60_000,
      });
    } catch {
      // no python3: touch(1) per file below
    }
    off = off.filter(({ file, times }) => !matches(file, times));
  }
  return off.filter(({ file, times }) => !setExactTimes(file, times)).map(({ file }) => file);
}

/** Reads [[path, atimeNs, mtimeNs], …] as JSON on stdin; never follows a link. */
const PYTHON_UTIME =
  "import json, os, sys\nfor p, a, m in json.load(sys.stdin):\n" +
  "    os.utime(p, ns=(int(a), int(m)), follow_symlinks=False)\n";

/**
 * node:child_process, loaded when a process is needed (rarely): loading it costs ~15 ms, which the shim's
 * keep guard (dist/shim-keep.cjs, with this module) would otherwise pay on every launch whose check is due.
 */
function childProcess(): typeof import("node:child_process") {
  return process.getBuiltinModule("node:child_process");
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

// Runs one command and measures its wall time (process.hrtime) and, optionally, its peak RSS.
//
// A command is { file, args, env, cleanEnv, cwd, stdout, input, reportsMs }: `env` is added to process.env
// (or replaces it with `cleanEnv`), less NODE_START_SETTINGS; `stdout` is
// "pipe" (captured, the default) or "ignore" (Node opens /dev/null for the child). With `reportsMs`, its
// time is the one it prints on stderr as `first screen after <ms> ms` (lib/first-screen.mjs), not its wall
// time: what a picker's user waits for ends at its first screen, not when the driver has wound it down.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Picks how peak memory is measured: GNU time's %M if it works here, else polling /proc. */
export function detectMemoryProbe(forced) {
  if (forced !== "proc") {
    const out = path.join(os.tmpdir(), `bench-time-${process.pid}.txt`);
    const r = spawnSync("/usr/bin/time", ["-f", "%M", "-o", out, "true"], { stdio: "ignore" });
    const ok = r.status === 0 && /^\d+\s*$/.test(safeRead(out));
    fs.rmSync(out, { force: true });
    if (ok) return { kind: "time", label: "GNU /usr/bin/time -f %M (ru_maxrss of the process tree, via wait4)" };
    if (forced === "time") throw new Error("/usr/bin/time -f %M does not work here");
  }
  return { kind: "proc", label: "VmHWM from /proc/<pid>/status of the process and its children, polled every 5 ms" };
}

function safeRead(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/**
 * Settings of this machine's that change what every Node start costs. NODE_EXTRA_CA_CERTS makes each
 * start read and parse that file: on a machine seen here it was set to the system's whole bundle and
 * took `node -e 0` from 20 ms to 50 ms. The same cost on both sides of a ratio flatters it, and most
 * users set neither, so no timed command gets them (a case may still set one in its own `env`).
 */
export const NODE_START_SETTINGS = ["NODE_EXTRA_CA_CERTS", "NODE_OPTIONS"];

/** The environment a timed command runs in: ours and `env`, less NODE_START_SETTINGS. */
export function timedEnv(env = {}) {
  const merged = { ...process.env };
  for (const key of NODE_START_SETTINGS) delete merged[key];
  return { ...merged, ...env };
}

function spawnOptions(cmd) {
  return {
    cwd: cmd.cwd,
    // `cleanEnv`: the command's environment is `env` alone (real Claude Code must not see ours).
    env: cmd.cleanEnv ? cmd.env : timedEnv(cmd.env),
    // `input`: text for the command's stdin (a hook's JSON); otherwise stdin is closed.
    stdio: [cmd.input === undefined ? "ignore" : "pipe", cmd.stdout ?? "pipe", "pipe"],
    input: cmd.input,
    maxBuffer: 256 << 20,
  };
}

const elapsedMs = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Runs `cmd` once; returns { ms, status, signal, stderr, maxRssKB? }. */
export async function runTimed(cmd, { memory = null } = {}) {
  const run =
    memory?.kind === "time"
      ? runUnderGnuTime(cmd)
      : memory?.kind === "proc"
        ? await runPollingProc(cmd)
        : runPlain(cmd);
  return cmd.reportsMs ? withReportedTime(run) : run;
}

function runPlain(cmd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd.file, cmd.args ?? [], spawnOptions(cmd));
  const ms = elapsedMs(t0);
  return {
    ms,
    status: r.error ? -1 : r.status,
    signal: r.signal,
    stderr: r.error ? String(r.error) : String(r.stderr ?? ""),
  };
}

/** `run` with the time its command printed (`reportsMs`); a run that printed none failed, whatever its status. */
function withReportedTime(run) {
  const reported = /^first screen after (\d+(?:\.\d+)?) ms$/m.exec(run.stderr);
  return reported ? { ...run, ms: Number(reported[1]) } : { ...run, status: -1 };
}

// GNU time adds one fork+exec (~1 ms) to the measured wall time; negligible next to a rebuild.
function runUnderGnuTime(cmd) {
  const out = path.join(os.tmpdir(), `bench-time-${process.pid}.txt`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", "-o", out, cmd.file, ...(cmd.args ?? [])], spawnOptions(cmd));
  const ms = elapsedMs(t0);
  const lines = safeRead(out).trim().split("\n");
  fs.rmSync(out, { force: true });
  const maxRssKB = Number(lines.at(-1));
  return {
    ms,
    status: r.error ? -1 : r.status,
    signal: r.signal,
    stderr: r.error ? String(r.error) : String(r.stderr ?? ""),
    maxRssKB,
  };
}

/** All descendants of `pid` (needs /proc/<pid>/task/<tid>/children, present on Linux ≥ 3.5). */
function descendants(pid) {
  const out = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    let tasks = [];
    try {
      tasks = fs.readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      for (const c of safeRead(`/proc/${p}/task/${t}/children`).split(" ").filter(Boolean)) {
        out.push(Number(c));
        stack.push(Number(c));
      }
    }
  }
  return out;
}

function vmHwmKB(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(safeRead(`/proc/${pid}/status`));
  return m ? Number(m[1]) : 0;
}

// VmHWM is a high-water mark, so sampling misses at most the growth of the last 5 ms.
function runPollingProc(cmd) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd.file, cmd.args ?? [], spawnOptions(cmd));
    let peak = 0;
    let stderr = "";
    const sample = () => {
      for (const pid of [child.pid, ...descendants(child.pid)]) peak = Math.max(peak, vmHwmKB(pid));
    };
    const timer = setInterval(sample, 5);
    child.stdout?.resume();
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (e) => (stderr += String(e)));
    child.on("close", (status, signal) => {
      const ms = elapsedMs(t0);
      clearInterval(timer);
      resolve({ ms, status: status ?? -1, signal, stderr, maxRssKB: peak || undefined });
    });
  });
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

import fs from "node:fs";
import { execa } from "execa";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isGone, isRunning } from "../../src/system/process-exit.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("isRunning", () => {
  it("a running process runs; once it has ended and been reaped, it does not", async () => {
    const child = execa("sleep", ["5"]);
    const pid = child.pid as number;
    expect(isRunning(pid)).toBe(true);
    expect(isGone(pid)).toBe(false);
    child.kill();
    await child.catch(() => {});
    expect(isRunning(pid)).toBe(false);
    expect(isGone(pid)).toBe(true);
  });

  it("a zombie that its parent has yet to reap has ended", async () => {
    // sh starts a short sleep and becomes a long one, which never reaps the short one.
    const parent = execa("sh", ["-c", "sleep 0.1 & echo $!; exec sleep 3"]);
    const pid = await new Promise<number>((resolve) => parent.stdout?.once("data", (d) => resolve(Number(d))));
    await new Promise((r) => setTimeout(r, 600));
    expect(() => process.kill(pid, 0)).not.toThrow(); // still there, as a zombie
    expect(isRunning(pid)).toBe(false);
    parent.kill();
    await parent.catch(() => {});
  });

  it("a process reaped between the signal and the read of its stat has ended", () => {
    // The race hooks/launch's alive() has too: kill 0 finds the zombie, then its parent reaps it.
    const kill = vi.spyOn(process, "kill").mockImplementationOnce(() => true);
    kill.mockImplementationOnce(() => {
      throw Object.assign(new Error("kill ESRCH"), { code: "ESRCH" });
    });
    vi.spyOn(fs, "readFileSync").mockImplementationOnce(() => {
      throw Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
    });
    expect(isRunning(424242)).toBe(false);
    expect(kill).toHaveBeenCalledTimes(2);
  });

  it("where the stat cannot be read but the process answers the signal, it runs", () => {
    vi.spyOn(process, "kill").mockImplementation(() => true);
    vi.spyOn(fs, "readFileSync").mockImplementationOnce(() => {
      throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    });
    expect(isRunning(424242)).toBe(true);
  });
});

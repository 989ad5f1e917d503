import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { ClaudeTree } from "../support/claude-tree.ts";
import { recordFigure } from "../support/stress-results.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const MB = 1024 * 1024;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/** Runs a rebuild and reads its peak resident memory (VmHWM) from /proc just before it exits. */
async function rebuildPeakMb(root: string): Promise<{ code: number | null; peakMb: number }> {
  const child = spawn(process.execPath, [path.join(repo, "dist/claude-reindex.mjs"), "rebuild", "--all"], {
    env: { ...process.env, CLAUDE_CONFIG_DIR: root },
    stdio: "ignore",
  });
  let peakKb = 0;
  const timer = setInterval(() => {
    try {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // exited between two polls
    }
  }, 5);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(timer);
  return { code, peakMb: Math.round(peakKb / 1024) };
}

/** Writes a transcript line by line through a file descriptor, without holding it in memory. */
function writeLines(file: string, lines: Iterable<string | Buffer>) {
  const fd = fs.openSync(file, "a");
  for (const line of lines) fs.writeSync(fd, typeof line === "string" ? Buffer.from(line) : line);
  fs.closeSync(fd);
}

describe.runIf(process.platform === "linux")("memory", () => {
  it("a single line of 200 MB: read, indexed, and memory flat (the line is read in chunks, never held)", async () => {
    const tree = new ClaudeTree();
    const session = tree.session("/home/dev/app", ["before the huge line"]);
    const huge = Buffer.alloc(200 * MB, "x");
    const head = Buffer.from(
      JSON.stringify({
        parentUuid: session.builder.tip,
        isSidechain: false,
        type: "user",
        message: { role: "user", content: [{ type: "tool_result", tool_use_id: "t", content: "PLACEHOLDER" }] },
        uuid: "huge-1",
        timestamp: "2026-10-02T00:00:00.000Z",
        cwd: "/home/dev/app",
      }).split("PLACEHOLDER")[0]!,
    );
    const tail = Buffer.from(`"}]}, "uuid": "huge-1", "timestamp": "2026-10-02T00:00:00.000Z"}\n`);
    writeLines(session.path, [head, huge, tail]);
    const { code, peakMb } = await rebuildPeakMb(tree.root);
    expect(code).toBe(0);
    // The huge record is the newest leaf: the main chain ends with it, so it was read.
    expect(tree.readIndex("/home/dev/app").entries[0]).toMatchObject({
      firstPrompt: "before the huge line",
      messageCount: 2,
      modified: "2026-10-02T00:00:00.000Z",
    });
    recordFigure("peak memory reading a 200 MB line", `${peakMb} MB`);
    expect(peakMb).toBeLessThan(130);
  }, 120_000);

  it("a 300 MB transcript of ordinary lines: memory does not grow with the file", async () => {
    const tree = new ClaudeTree();
    const session = tree.session("/home/dev/big", ["start"]);
    const record = (i: number) =>
      `${JSON.stringify({
        parentUuid: i === 0 ? session.builder.tip : `big-${i - 1}`,
        isSidechain: false,
        type: i % 2 ? "assistant" : "user",
        message: { role: "user", content: [{ type: "tool_result", content: "y".repeat(60_000) }] },
        uuid: `big-${i}`,
        timestamp: new Date(Date.UTC(2026, 9, 2) + i * 1000).toISOString(),
        cwd: "/home/dev/big",
      })}\n`;
    writeLines(
      session.path,
      (function* () {
        for (let i = 0; i < 5300; i++) yield record(i);
      })(),
    );
    expect(fs.statSync(session.path).size).toBeGreaterThan(300 * MB);
    const { code, peakMb } = await rebuildPeakMb(tree.root);
    expect(code).toBe(0);
    expect(tree.readIndex("/home/dev/big").entries).toHaveLength(1);
    recordFigure("peak memory reading a 300 MB transcript", `${peakMb} MB`);
    expect(peakMb).toBeLessThan(200);
  }, 120_000);
});

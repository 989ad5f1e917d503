import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { ClaudeTree } from "../support/claude-tree.ts";
import { addHostile, allHostile, HOSTILE_CLASSES } from "../support/hostile-tree.ts";
import { recordFigure } from "../support/stress-results.ts";
import { readStubRecord, writeStubClaude } from "../support/stub-claude.ts";
import { tempDir } from "../support/temp.ts";

/**
 * Generated hostile trees (FIFOs and sockets named like indexes and transcripts, values nested 10,000 deep,
 * 100,000 unclosed `<command-name>`, 130,000 children of one message, a transcript without a newline, a
 * 600 MB index, locks that no one holds, foreign keys named `__proto__`, mtimes in the future): every
 * command ends within its time budget, and the real shim starts Claude Code within 2 s.
 */
const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const shim = path.join(repo, "bin/claude");
/** Generous for a shared, noisy machine; a hang is for ever. */
const COMMAND_BUDGET_MS = Number(process.env.CLAUDE_REINDEX_COMMAND_BUDGET_MS ?? 30_000);
const SHIM_BUDGET_MS = 2000;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/** Launches the real shim (a stub claude behind it); `checks: false` is CLAUDE_REINDEX=0, the bare shim. */
async function launchThroughShim(
  root: string,
  checks = true,
): Promise<{ ms: number; started: boolean; stderr: string }> {
  const stubDir = path.join(tempDir(), "bin");
  writeStubClaude(stubDir);
  const record = path.join(tempDir(), "record.json");
  const started = performance.now();
  const result = await execa(shim, ["-p", "hi"], {
    env: {
      ...(checks ? {} : { CLAUDE_REINDEX: "0" }),
      CLAUDE_CONFIG_DIR: root,
      PATH: `${stubDir}:${process.env.PATH}`,
      CLAUDE_REINDEX_CHECK_MINUTES: "0",
      CLAUDE_REINDEX_STALE_HOURS: "0",
      STUB_RECORD: record,
    },
    input: "",
    reject: false,
    timeout: 20_000,
  });
  return {
    ms: performance.now() - started,
    started: fs.existsSync(record) && readStubRecord(record).argv[0] === "-p",
    stderr: result.stderr,
  };
}

describe("hostile trees", () => {
  it.each(HOSTILE_CLASSES)(
    "%s: rebuild, doctor and list end within their budget",
    async (kind) => {
      const tree = new ClaudeTree();
      addHostile(tree, kind);
      for (const args of [["rebuild", "--all"], ["doctor"], ["list", "--all"], ["rebuild", "--all"]]) {
        const result = await execa(cli, args, {
          env: { CLAUDE_CONFIG_DIR: tree.root, CLAUDE_REINDEX_LOCK_STALE_MS: "2000" },
          reject: false,
          timeout: COMMAND_BUDGET_MS,
        });
        expect(result.timedOut, `${args.join(" ")} hung`).toBe(false);
        expect(result.stderr).not.toMatch(/Maximum call stack|RangeError|TypeError/);
        expect([0, 1]).toContain(result.exitCode);
      }
    },
    120_000,
  );

  it("the real shim starts Claude Code within 2 s on a tree with every class at once", async () => {
    const tree = allHostile();
    // The machine is shared: what the shell and a stub claude cost without any check, measured alongside.
    const bare = await launchThroughShim(tree.root, false);
    const { ms, started, stderr } = await launchThroughShim(tree.root);
    expect(started, stderr).toBe(true);
    recordFigure(
      "shim launch on a tree of every hostile class (bare shim alongside)",
      `${Math.round(ms)} ms (${Math.round(bare.ms)} ms)`,
    );
    // 2 s on an idle machine; on a loaded one, what the bare launch costs beyond its idle ~0.1 s comes on top.
    expect(ms).toBeLessThan(SHIM_BUDGET_MS + Math.max(0, bare.ms - 100) * 2);
  }, 120_000);
});

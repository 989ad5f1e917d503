import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/temp.ts";
import { TranscriptBuilder } from "../support/transcript-builder.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

const run = (root: string, args: string[], cwd = root) =>
  execa(cli, args, { cwd, env: { CLAUDE_CONFIG_DIR: root, HOME: root }, reject: false });

describe("move-project on the command line", () => {
  it("takes exactly two different paths and only its own options (exit 2)", async () => {
    const root = tempDir();
    for (const args of [
      ["move-project"],
      ["move-project", "/a"],
      ["move-project", "/a", "/b", "/c"],
      ["move-project", "/a", "/a/"],
      ["move-project", "/a", "/b", "--all"],
      ["move-project", "/a", "/b", "--move"],
    ]) {
      const result = await run(root, args);
      expect(result.exitCode, args.join(" ")).toBe(2);
      expect(result.stderr.split("\n").filter(Boolean), args.join(" ")).toHaveLength(1);
    }
    const help = await run(root, ["move-project", "--help"]);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("Usage: claude-reindex move-project <old path> <new path>");
    expect((await run(root, ["--help"])).stdout).toContain("move-project");
  });

  it("resolves relative paths against its own directory, takes a path after --, and reports in text", async () => {
    const root = tempDir();
    const cwd = fs.realpathSync(tempDir());
    const id = "c0000000-0000-4000-8000-000000000001";
    const dir = path.join(root, "projects", `${cwd.replace(/[^a-zA-Z0-9]/g, "-")}--old`);
    fs.mkdirSync(dir, { recursive: true });
    const t = new TranscriptBuilder({ sessionId: id, cwd: path.join(cwd, "-old") });
    t.turn("hello");
    fs.writeFileSync(path.join(dir, `${id}.jsonl`), t.toString());
    const result = await run(root, ["move-project", "--dry-run", "--", "-old", "new"], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`would move 1 session of ${path.join(cwd, "-old")} to `);
    const moved = await run(root, ["move-project", "--", "-old", "new"], cwd);
    expect(moved.exitCode, moved.stderr).toBe(0);
    const target = path.join(root, "projects", `${cwd.replace(/[^a-zA-Z0-9]/g, "-")}-new`, `${id}.jsonl`);
    expect(fs.existsSync(target)).toBe(true);
    const json = JSON.parse((await run(root, ["move-project", "--json", "--", "-old", "new"], cwd)).stdout);
    expect(json).toMatchObject({ sessionsMoved: 0, relocated: 0, problems: [] });
  });
});

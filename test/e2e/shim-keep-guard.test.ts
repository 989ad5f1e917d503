import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { keptRoot } from "../../src/layout/kept-store.ts";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";
import { shimStampPath } from "../../src/layout/shim-stamp.ts";
import { ClaudeTree } from "../support/claude-tree.ts";
import { readStubRecord, writeStubClaude } from "../support/stub-claude.ts";
import { tempDir } from "../support/temp.ts";

/**
 * The keep guard through bin/claude as people launch it: no CLAUDE_REINDEX_DEBUG, every index current,
 * so the shim's stat pass (dist/shim-check.cjs) finds nothing to repair. With the guard on it must
 * still hand over to the full check, which keeps what Claude Code's cleanup is about to delete before
 * the real claude starts.
 */
const repo = path.resolve(import.meta.dirname, "../..");
const shim = path.join(repo, "bin/claude");
const cli = path.join(repo, "bin/claude-reindex");
const DAY = 86_400_000;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/** A tree with a session 40 days old (with its `<uuid>/` folder) and one 2 days old, every index current. */
async function setup(keepSessions: boolean) {
  const tree = new ClaudeTree();
  const work = fs.realpathSync(tempDir("claude-reindex-shim-keep-"));
  const cwd = path.join(work, "project");
  const home = path.join(work, "home");
  fs.mkdirSync(cwd);
  fs.mkdirSync(home);
  const old = tree.session(cwd, ["forty days"], { mtime: Date.now() - 40 * DAY });
  const fresh = tree.session(cwd, ["two days"], { mtime: Date.now() - 2 * DAY });
  const projectDirName = encodeProjectDirName(cwd);
  const folderFile = path.join(old.id, "custom-title.json");
  fs.mkdirSync(path.join(tree.projectDir(cwd), old.id));
  fs.writeFileSync(path.join(tree.projectDir(cwd), folderFile), '{"customTitle":"old"}\n');
  const realDir = path.join(work, "real-bin");
  writeStubClaude(realDir);
  const record = path.join(work, "record.json");
  const env = {
    CLAUDE_CONFIG_DIR: tree.root,
    HOME: home,
    // No managed settings of this machine's: Claude Code's default cleanupPeriodDays, 30.
    CLAUDE_REINDEX_MANAGED_SETTINGS_DIR: path.join(work, "managed"),
    PATH: `${realDir}:${process.env.PATH}`,
  };
  const ours = async (args: string[]) => {
    const run = await execa(cli, args, { cwd, env, extendEnv: false, reject: false });
    expect(run.exitCode, run.stderr).toBe(0);
  };
  await ours(["rebuild", "--all"]);
  if (keepSessions) await ours(["install", "--keep-sessions"]);
  const launch = () =>
    execa(shim, ["-p", "hello"], {
      cwd,
      env: {
        ...env,
        STUB_RECORD: record,
        // What the check does, not its time budget (test/e2e/hostile-trees.test.ts).
        CLAUDE_REINDEX_CHECK_BUDGET_MS: "120000",
      },
      extendEnv: false,
      reject: false,
    });
  const kept = (relative: string) => path.join(keptRoot(tree.root), projectDirName, relative);
  return { tree, cwd, old, fresh, folderFile, record, launch, kept, project: tree.projectDir(cwd) };
}

describe("bin/claude with the keep guard on", () => {
  it("keeps a session past the cutoff before the real claude starts, though no index is stale", async () => {
    const s = await setup(true);
    const index = fs.readFileSync(s.tree.indexPath(s.cwd));
    expect(fs.existsSync(shimStampPath(s.tree.root))).toBe(false);

    const result = await s.launch();
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expect(readStubRecord(s.record).argv).toEqual(["-p", "hello"]);
    // Kept (the stub claude deletes nothing and runs no hook: only the shim's check can have kept it).
    for (const relative of [`${s.old.id}.jsonl`, s.folderFile]) {
      const original = fs.statSync(path.join(s.project, relative));
      const copy = fs.statSync(s.kept(relative));
      expect(copy.ino, relative).toBe(original.ino);
    }
    expect(fs.existsSync(s.kept(`${s.fresh.id}.jsonl`))).toBe(false);
    // Nothing was stale: the index is as it was, and the check is recorded.
    expect(fs.readFileSync(s.tree.indexPath(s.cwd))).toEqual(index);
    expect(fs.existsSync(shimStampPath(s.tree.root))).toBe(true);
  });

  it("keeps nothing with the guard off", async () => {
    const s = await setup(false);
    const result = await s.launch();
    expect(result.exitCode, result.stderr).toBe(0);
    expect(fs.existsSync(s.record)).toBe(true);
    expect(fs.existsSync(keptRoot(s.tree.root))).toBe(false);
    expect(fs.existsSync(shimStampPath(s.tree.root))).toBe(true);
  });
});

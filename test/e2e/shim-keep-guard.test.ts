import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { keptRoot } from "../../src/layout/kept-store.ts";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";
import { shimStampPath } from "../../src/layout/shim-stamp.ts";
import { ClaudeTree } from "../support/claude-tree.ts";
import { writeRecordingNode } from "../support/recording-node.ts";
import { readStubRecord, writeStubClaude } from "../support/stub-claude.ts";
import { tempDir } from "../support/temp.ts";

/**
 * The keep guard through bin/claude as people launch it: no CLAUDE_REINDEX_DEBUG, every index current,
 * so the shim's stat pass (dist/shim-check.cjs) finds nothing to repair. With the guard on, the stat
 * pass keeps what Claude Code's cleanup is about to delete before the real claude starts, itself
 * (dist/shim-keep.cjs), and starts the full check only when an index needs a repair.
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
  // A node first on PATH that notes each start (the stat pass's status it was handed, and its arguments).
  const nodeDir = path.join(work, "node-bin");
  const nodeLog = path.join(work, "node.log");
  writeRecordingNode(nodeDir, nodeLog, `printf '%s|%s\\n' "\${CLAUDE_REINDEX_STAT_PASS_STATUS:-}" "$*"`);
  const nodeStarts = () => (fs.existsSync(nodeLog) ? fs.readFileSync(nodeLog, "utf8").split("\n").slice(0, -1) : []);
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
        PATH: `${nodeDir}:${env.PATH}`,
      },
      extendEnv: false,
      reject: false,
    });
  const kept = (relative: string) => path.join(keptRoot(tree.root), projectDirName, relative);
  return { tree, cwd, old, fresh, folderFile, record, launch, kept, nodeStarts, project: tree.projectDir(cwd) };
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
    // By the stat pass alone: the full `claude-reindex shim-check` never started.
    expect(s.nodeStarts().filter((line) => !line.includes(path.join(repo, "real-bin")))).toEqual([
      `|--max-opt=1 ${repo}/bin/../dist/shim-check.cjs`,
      expect.stringMatching(/^\|.*real-bin\/claude -p hello$/),
    ]);
  });

  it("keeps, then has the full check repair a stale index without keeping again", async () => {
    const s = await setup(true);
    fs.rmSync(s.tree.indexPath(s.cwd));
    // A settings file Claude Code ignores: the stat pass says so, as the full check would; said once,
    // since the full check does not keep again.
    const settings = path.join(s.tree.root, "settings.json");
    fs.writeFileSync(settings, '{"cleanupPeriodDays": 0}\n');

    const result = await s.launch();
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      `claude-reindex: cleanupPeriodDays 0 in ${settings} is not a whole number of days of at least 1; ` +
        "Claude Code ignores that file\n" +
        "claude-reindex: repaired 1 stale session index (up to 40 days behind)",
    );
    expect(fs.statSync(s.kept(`${s.old.id}.jsonl`)).ino).toBe(
      fs.statSync(path.join(s.project, `${s.old.id}.jsonl`)).ino,
    );
    expect(fs.existsSync(s.kept(`${s.fresh.id}.jsonl`))).toBe(false);
    expect(fs.existsSync(s.tree.indexPath(s.cwd))).toBe(true);
    expect(fs.existsSync(shimStampPath(s.tree.root))).toBe(true);
    // The full check was started, told that the guard has kept (status 4).
    expect(s.nodeStarts().filter((line) => line.endsWith(" shim-check"))).toEqual([
      `4|${repo}/bin/../dist/claude-reindex.mjs shim-check`,
    ]);
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

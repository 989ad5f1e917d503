import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";
import { describe, expect, it } from "vitest";
import { runRebuild } from "../../src/commands/rebuild-command.ts";
import { resolveConfigRoot } from "../../src/layout/config-root.ts";
import { rebuildProject } from "../../src/rebuild/rebuild-project.ts";
import { deriveTranscript } from "../../src/transcript/transcript.ts";
import { MIN_CACHED_BYTES, REFRESH_AFTER_BYTES, TranscriptCache } from "../../src/transcript/transcript-cache.ts";
import { ClaudeTree, captureIo, setMtime } from "../support/claude-tree.ts";

const APP = "/home/dev/app";
const API = "/home/dev/api.v2";
const now = () => new Date("2026-11-21T10:00:00.000Z");

async function rebuildAll(tree: ClaudeTree, options: { dryRun?: boolean } = {}) {
  const capture = captureIo();
  const configRoot = resolveConfigRoot({ CLAUDE_CONFIG_DIR: tree.root }, "/nonexistent-home");
  const { kind: outcome } = await runRebuild({
    configRoot,
    selection: { kind: "all" },
    dryRun: options.dryRun ?? false,
    json: true,
    now,
    io: capture.io,
  });
  return { outcome, report: JSON.parse(capture.stdout()), stderr: capture.stderr() };
}

describe("rebuild on a config tree", () => {
  it("writes one index per project, mode 0600, with every session that has messages", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["build it", "test it"], { mtime: 1_763_000_000_000 });
    const b = tree.session(APP, ["second session"], { mtime: 1_763_000_100_000 });
    tree.session(API, ["api work"]);
    fs.writeFileSync(
      path.join(tree.projectDir(APP), "ffffffff-0000-4000-8000-000000000000.jsonl"),
      '{"type":"queue-operation"}\n',
    );
    fs.writeFileSync(path.join(tree.projectDir(APP), "agent-1234.jsonl"), fs.readFileSync(a.path));
    fs.mkdirSync(path.join(tree.projectDir(APP), a.id, "subagents"), { recursive: true });
    fs.copyFileSync(a.path, path.join(tree.projectDir(APP), a.id, "subagents", "agent-5678.jsonl"));

    const { outcome, report } = await rebuildAll(tree);
    expect(outcome).toBe("done");
    expect(report.totals).toMatchObject({ projects: 2, written: 2, added: 3, skipped: 1 });
    const index = tree.readIndex(APP);
    expect(index.originalPath).toBe(APP);
    expect(index.entries.map((e) => e.sessionId).sort()).toEqual([a.id, b.id].sort());
    const entryA = index.entries.find((e) => e.sessionId === a.id)!;
    expect(entryA).toMatchObject({
      fullPath: a.path,
      fileMtime: 1_763_000_000_000,
      firstPrompt: "build it",
      messageCount: 4,
      projectPath: APP,
    });
    expect(fs.statSync(tree.indexPath(APP)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(tree.indexPath(APP), "utf8").endsWith("}")).toBe(true);
  });

  it("writes nothing when nothing changed, and only re-reads what did", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["one"], { mtime: 1_763_000_000_000 });
    tree.session(APP, ["two"], { mtime: 1_763_000_000_000 });
    await rebuildAll(tree);
    const before = fs.readFileSync(tree.indexPath(APP), "utf8");
    const beforeStat = fs.statSync(tree.indexPath(APP));

    const second = await rebuildAll(tree);
    expect(second.report.totals).toMatchObject({ written: 0, unchanged: 1 });
    expect(fs.statSync(tree.indexPath(APP)).mtimeMs).toBe(beforeStat.mtimeMs);

    tree.append(a, "one more", 1_763_000_500_000);
    const third = await rebuildAll(tree);
    expect(third.report.projects[0]).toMatchObject({ status: "written", added: 0, updated: 1, kept: 1 });
    const updated = tree.readIndex(APP).entries.find((e) => e.sessionId === a.id)!;
    expect(updated).toMatchObject({ fileMtime: 1_763_000_500_000, messageCount: 4 });
    expect(fs.readFileSync(tree.indexPath(APP), "utf8")).not.toBe(before);
  });

  it("keeps unknown keys, merges into the existing order, and removes entries of deleted transcripts", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["one"], { mtime: 1_763_000_000_000 });
    const b = tree.session(APP, ["two"], { mtime: 1_763_000_000_000 });
    await rebuildAll(tree);
    const index = tree.readIndex(APP);
    index.viewerSettings = { sort: "modified" };
    index.entries.find((e) => e.sessionId === a.id)!.starred = true;
    fs.writeFileSync(tree.indexPath(APP), JSON.stringify(index, null, 2));
    fs.rmSync(b.path);
    tree.append(a, "again", 1_763_000_900_000);
    const c = tree.session(APP, ["three"]);

    const { report } = await rebuildAll(tree);
    expect(report.projects[0]).toMatchObject({ added: 1, updated: 1, removed: 1, kept: 0 });
    const after = tree.readIndex(APP);
    expect(after.viewerSettings).toEqual({ sort: "modified" });
    expect(after.entries.map((e) => e.sessionId)).toEqual([a.id, c.id]);
    expect(after.entries[0]).toMatchObject({ starred: true, fileMtime: 1_763_000_900_000, messageCount: 4 });
    expect(Object.keys(after.entries[0]!).at(-1)).toBe("starred");
  });

  it("moves an unusable index aside and rebuilds; leaves an index of another version untouched", async () => {
    const tree = new ClaudeTree();
    tree.session(APP, ["one"]);
    tree.session(API, ["two"]);
    fs.writeFileSync(tree.indexPath(APP), '{"version": 1, "entries": [');
    fs.writeFileSync(tree.indexPath(API), '{"version": 2, "sessions": []}');

    const { outcome, report, stderr } = await rebuildAll(tree);
    expect(outcome).toBe("failed");
    const app = report.projects.find((p: { projectDir: string }) => p.projectDir === tree.projectDir(APP));
    expect(app.status).toBe("written");
    expect(fs.readFileSync(app.backup, "utf8")).toBe('{"version": 1, "entries": [');
    expect(path.basename(app.backup)).toBe("sessions-index.json.invalid-2026-11-21T10-00-00-000Z");
    expect(tree.readIndex(APP).entries).toHaveLength(1);
    expect(fs.readFileSync(tree.indexPath(API), "utf8")).toBe('{"version": 2, "sessions": []}');
    const api = report.projects.find((p: { projectDir: string }) => p.projectDir === tree.projectDir(API));
    expect(api.status).toBe("failed");
    expect(api.problem).toContain("version 2");
    expect(stderr).toBe("");
  });

  it("changes nothing in a dry run", async () => {
    const tree = new ClaudeTree();
    tree.session(APP, ["one"]);
    const { outcome, report } = await rebuildAll(tree, { dryRun: true });
    expect(outcome).toBe("done");
    expect(report.projects[0]).toMatchObject({ status: "would-write", added: 1 });
    expect(fs.existsSync(tree.indexPath(APP))).toBe(false);
    expect(fs.existsSync(path.join(tree.root, "claude-reindex"))).toBe(false);
  });

  it("waits for a live lock holder, then gives up; takes over a stale lock", async () => {
    const tree = new ClaudeTree();
    tree.session(APP, ["one"]);
    const indexPath = tree.indexPath(APP);
    const release = await lockfile.lock(indexPath, { realpath: false, stale: 10_000 });
    const options = { dryRun: false, cache: null, now, lock: { staleMs: 10_000, waitMs: 300 } };
    const busy = await rebuildProject(tree.projectDir(APP), options);
    expect(busy.status).toBe("failed");
    expect(busy.problem).toContain("locked");
    await release();

    fs.mkdirSync(`${indexPath}.lock`);
    const old = (Date.now() - 60_000) / 1000;
    fs.utimesSync(`${indexPath}.lock`, old, old);
    const taken = await rebuildProject(tree.projectDir(APP), { ...options, lock: { staleMs: 2_000, waitMs: 300 } });
    expect(taken.status).toBe("written");
    expect(fs.existsSync(`${indexPath}.lock`)).toBe(false);
  });

  it("loses no entry when rebuilds of one project run at the same time", async () => {
    const tree = new ClaudeTree();
    for (let i = 0; i < 30; i++) tree.session(APP, [`session ${i}`]);
    const options = { dryRun: false, cache: null, now };
    const reports = await Promise.all(Array.from({ length: 6 }, () => rebuildProject(tree.projectDir(APP), options)));
    expect(reports.every((r) => r.status !== "failed")).toBe(true);
    expect(tree.readIndex(APP).entries).toHaveLength(30);
  });
});

describe("the transcript cache", () => {
  it("resumes a large transcript after an append, with the same entry as a full read", async () => {
    const tree = new ClaudeTree();
    const big = tree.session(
      APP,
      Array.from({ length: 400 }, (_, i) => `prompt ${i} ${"z".repeat(4000)}`),
    );
    expect(fs.statSync(big.path).size).toBeGreaterThan(MIN_CACHED_BYTES);
    const cache = TranscriptCache.under(tree.root, { writable: true });
    const file = () => ({ sessionId: big.id, path: big.path, mtime: fs.statSync(big.path).mtime.getTime() });

    expect(deriveTranscript(file(), cache).kind).toBe("entry");
    const cacheFile = path.join(
      tree.root,
      "claude-reindex",
      "transcript-cache",
      path.basename(tree.projectDir(APP)),
      `${big.id}.json`,
    );
    expect(fs.existsSync(cacheFile)).toBe(true);
    expect(fs.statSync(cacheFile).mode & 0o777).toBe(0o600);

    const savedOffset = () => JSON.parse(fs.readFileSync(cacheFile, "utf8")).offset;
    const firstOffset = savedOffset();
    expect(firstOffset).toBe(fs.statSync(big.path).size);
    tree.append(big, "the newest prompt");
    expect(deriveTranscript(file(), cache)).toEqual(deriveTranscript(file(), null));
    // One turn is read again next time rather than rewriting the whole saved state now.
    expect(savedOffset()).toBe(firstOffset);
    tree.append(big, `a long turn ${"w".repeat(REFRESH_AFTER_BYTES)}`);
    expect(deriveTranscript(file(), cache)).toEqual(deriveTranscript(file(), null));
    expect(savedOffset()).toBe(fs.statSync(big.path).size);

    // A rewrite in place (Claude Code's "remove message") breaks the fingerprint: read again in full.
    const text = fs.readFileSync(big.path, "utf8");
    const lines = text.split("\n");
    lines.splice(lines.length - 3, 1);
    fs.writeFileSync(big.path, `${lines.join("\n")}${"\n".repeat(0)}`);
    setMtime(big.path, Date.now() + 5000);
    expect(deriveTranscript(file(), cache)).toEqual(deriveTranscript(file(), null));
  });
});

describe("verified stamps", () => {
  it("skip a project that has not changed, and notice an index rewritten behind our back", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["one"], { mtime: 1_763_000_000_000 });
    tree.session(APP, ["two"], { mtime: 1_763_000_000_000 });
    fs.writeFileSync(
      path.join(tree.projectDir(APP), "ffffffff-0000-4000-8000-000000000000.jsonl"),
      '{"type":"queue-operation"}\n',
    );
    await rebuildAll(tree);
    const stamp = path.join(tree.root, "claude-reindex", "verified", `${path.basename(tree.projectDir(APP))}.json`);
    expect(fs.statSync(stamp).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(stamp, "utf8")).sessions).toContain("ffffffff-0000-4000-8000-000000000000=");

    const second = await rebuildAll(tree);
    expect(second.report.projects[0]).toMatchObject({ status: "unchanged", kept: 2, skipped: [] });

    // Claude Code's own writer overwrites from a stale snapshot: one entry vanishes.
    const index = tree.readIndex(APP);
    index.entries = index.entries.filter((e) => e.sessionId !== a.id);
    fs.writeFileSync(tree.indexPath(APP), JSON.stringify(index, null, 2));
    const third = await rebuildAll(tree);
    expect(third.report.projects[0]).toMatchObject({ status: "written", added: 1 });
    expect(tree.readIndex(APP).entries).toHaveLength(2);
  });

  it("are ignored when damaged, and never stand in for a transcript that changed", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["one"], { mtime: 1_763_000_000_000 });
    await rebuildAll(tree);
    const stamp = path.join(tree.root, "claude-reindex", "verified", `${path.basename(tree.projectDir(APP))}.json`);
    fs.writeFileSync(stamp, "{ damaged");
    expect((await rebuildAll(tree)).report.projects[0].status).toBe("unchanged");
    tree.append(a, "more", 1_763_000_000_500);
    expect((await rebuildAll(tree)).report.projects[0]).toMatchObject({ status: "written", updated: 1 });
  });
});

describe("temporary files of killed writers", () => {
  it("are removed by the next write; every other file beside the index is left alone", async () => {
    const tree = new ClaudeTree();
    tree.session(APP, ["one"]);
    const deadPid = spawnSync("true").pid;
    const orphan = `${tree.indexPath(APP)}.claude-reindex-${deadPid}-0123abcd.tmp`;
    fs.writeFileSync(orphan, '{"version": 1, "entr');
    // Claude Code's own temporary file, and the user's copies: not names we make.
    const theirs = ["tmp", "1", "20250101", "3141592653", "claude-reindex-1-0123abcd.bak"].map(
      (suffix) => `${tree.indexPath(APP)}.${suffix}`,
    );
    for (const file of theirs) fs.writeFileSync(file, "{}");
    await rebuildAll(tree);
    expect(fs.existsSync(orphan)).toBe(false);
    for (const file of theirs) expect(fs.readFileSync(file, "utf8")).toBe("{}");
  });
});

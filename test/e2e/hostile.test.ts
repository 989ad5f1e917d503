import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { ClaudeTree } from "../support/claude-tree.ts";
import { recordFigure } from "../support/stress-results.ts";
import { tempDir } from "../support/temp.ts";

/**
 * Bad input. Transcripts: fixtures/hostile (fixtures/regenerate-hostile.mjs), with the index the
 * real Claude Code 2.1.29 wrote for them as the oracle. Index files: made here.
 */
const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const fixture = path.join(repo, "fixtures/hostile");
const manifest: {
  genRoot: string;
  configDir: string;
  oracleProject: string;
  unindexedProject: string;
  cases: { name: string; sessionId: string; project: string; mtimeMs: number }[];
} = JSON.parse(fs.readFileSync(path.join(fixture, "manifest.json"), "utf8"));

let badInputs = 0;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

function copyFixture(): string {
  const root = path.join(tempDir(), "config");
  fs.cpSync(path.join(fixture, "config"), root, { recursive: true });
  for (const c of manifest.cases) {
    const file = path.join(root, "projects", c.project, `${c.sessionId}.jsonl`);
    fs.utimesSync(file, c.mtimeMs / 1000, c.mtimeMs / 1000);
  }
  return root;
}

const rebuild = (root: string, args = ["--all", "--json"]) =>
  execa(cli, ["rebuild", ...args], { env: { CLAUDE_CONFIG_DIR: root }, reject: false });

describe("hostile transcripts", () => {
  it.each(manifest.cases.filter((c) => c.project === manifest.oracleProject).map((c) => [c.name, c] as const))(
    "%s: the entry Claude Code 2.1.29 writes, or none where it writes none",
    async (_name, c) => {
      const root = copyFixture();
      const projectDir = path.join(root, "projects", manifest.oracleProject);
      const oracle = JSON.parse(fs.readFileSync(path.join(projectDir, "sessions-index.json"), "utf8"));
      fs.rmSync(path.join(projectDir, "sessions-index.json"));
      const result = await rebuild(root, ["--project", projectDir, "--json"]);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stderr).toBe("");
      const ours = JSON.parse(fs.readFileSync(path.join(projectDir, "sessions-index.json"), "utf8")).entries.find(
        (e: { sessionId: string }) => e.sessionId === c.sessionId,
      );
      const theirs = oracle.entries.find((e: { sessionId: string }) => e.sessionId === c.sessionId);
      if (theirs)
        theirs.fullPath = String(theirs.fullPath).replace(path.join(manifest.genRoot, manifest.configDir), root);
      expect(JSON.stringify(ours, null, 2)).toBe(JSON.stringify(theirs, null, 2));
      if (!theirs) {
        const skipped = JSON.parse(result.stdout).projects[0].skipped.map((s: { path: string }) =>
          path.basename(s.path),
        );
        expect(skipped).toContain(`${c.sessionId}.jsonl`);
      }
      badInputs++;
    },
  );

  it("parent cycles, which make Claude Code loop forever, end here", async () => {
    const root = copyFixture();
    const projectDir = path.join(root, "projects", manifest.unindexedProject);
    const started = Date.now();
    const result = await rebuild(root, ["--project", projectDir, "--json"]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.exitCode, result.stderr).toBe(0);
    const entries = JSON.parse(fs.readFileSync(path.join(projectDir, "sessions-index.json"), "utf8")).entries;
    const [systemCycle, messageCycle] = manifest.cases.filter((c) => c.project === manifest.unindexedProject);
    expect(entries.find((e: { sessionId: string }) => e.sessionId === systemCycle!.sessionId)).toMatchObject({
      firstPrompt: "hello",
      messageCount: 2,
    });
    expect(entries.find((e: { sessionId: string }) => e.sessionId === messageCycle!.sessionId)).toBeUndefined();
    badInputs += 2;
  });
});

describe("bad index files", () => {
  const APP = "/home/dev/app";

  function treeWithIndex(index: string | Buffer) {
    const tree = new ClaudeTree();
    const sessions = [tree.session(APP, ["one"]), tree.session(APP, ["two"]), tree.session(APP, ["three"])];
    fs.writeFileSync(tree.indexPath(APP), index);
    return { tree, sessions };
  }

  const expectAllEntries = (tree: ClaudeTree, ids: string[]) => {
    const entries = tree.readIndex(APP).entries;
    expect(entries.map((e) => e.sessionId).sort()).toEqual([...ids].sort());
    expect(new Set(entries.map((e) => e.sessionId)).size).toBe(entries.length);
  };

  it.each([
    ["not JSON", "{ this is not json"],
    ["JSON of the wrong shape", '["version", 1]'],
    ["entries that are not an array", '{"version": 1, "entries": {"a": 1}}'],
    ["an empty file", ""],
    ["NUL bytes", Buffer.alloc(512)],
  ])("%s: moved aside, rebuilt, reported in one line", async (_name, index) => {
    const { tree, sessions } = treeWithIndex(index);
    const result = await rebuild(tree.root, ["--all"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /wrote .*: 3 added, 0 updated, 0 removed, 0 kept \(unusable index moved to .*sessions-index\.json\.invalid-/,
    );
    expectAllEntries(
      tree,
      sessions.map((s) => s.id),
    );
    const backups = fs.readdirSync(tree.projectDir(APP)).filter((n) => n.includes(".invalid-"));
    expect(fs.readFileSync(path.join(tree.projectDir(APP), backups[0]!))).toEqual(Buffer.from(index));
    badInputs++;
  });

  it("version 2: left untouched, exit 1, one line", async () => {
    const { tree } = treeWithIndex('{"version": 2, "sessions": []}');
    const result = await rebuild(tree.root, ["--all"]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("has version 2, not 1: left untouched");
    expect(fs.readFileSync(tree.indexPath(APP), "utf8")).toBe('{"version": 2, "sessions": []}');
    badInputs++;
  });

  it("entries with wrong types and duplicate sessionIds: re-derived and deduplicated, the rest kept", async () => {
    const tree = new ClaudeTree();
    const [a, b, c] = [tree.session(APP, ["one"]), tree.session(APP, ["two"]), tree.session(APP, ["three"])];
    await rebuild(tree.root, ["--all"]);
    const index = tree.readIndex(APP);
    const [ea, eb, ec] = [a, b, c].map((s) => index.entries.find((e) => e.sessionId === s.id)!);
    (index as { entries: unknown[] }).entries = [
      { ...ea, messageCount: "2", fileMtime: null },
      eb!,
      { ...eb, firstPrompt: "a duplicate" },
      ec!,
      7,
      null,
      { foo: "bar" },
    ];
    fs.writeFileSync(tree.indexPath(APP), JSON.stringify(index, null, 2));
    const result = await rebuild(tree.root, ["--all", "--json"]);
    const changes = JSON.parse(result.stdout).projects[0].changes;
    expect(changes).toContainEqual({ sessionId: a.id, change: "updated", reason: "entry is invalid" });
    expect(changes).toContainEqual({ sessionId: b.id, change: "removed", reason: "duplicate entry" });
    expectAllEntries(tree, [a.id, b.id, c.id]);
    expect(tree.readIndex(APP).entries.find((e) => e.sessionId === b.id)!.firstPrompt).toBe("two");
    badInputs += 2;
  });

  it("50 MB of entries, most for transcripts long gone: merged in seconds, the live ones kept", async () => {
    const tree = new ClaudeTree();
    const live = [tree.session(APP, ["one"]), tree.session(APP, ["two"])];
    await rebuild(tree.root, ["--all"]);
    const index = tree.readIndex(APP);
    const template = index.entries[0]!;
    const filler = "f".repeat(400);
    const gone = Array.from({ length: 90_000 }, (_, i) => ({
      ...template,
      sessionId: `dead0000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      firstPrompt: filler,
      summary: filler,
    }));
    const text = JSON.stringify({ ...index, entries: [...index.entries, ...gone] }, null, 2);
    expect(text.length).toBeGreaterThan(50e6);
    fs.writeFileSync(tree.indexPath(APP), text);
    const started = Date.now();
    const result = await rebuild(tree.root, ["--all", "--json"]);
    const seconds = (Date.now() - started) / 1000;
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).projects[0]).toMatchObject({ removed: 90_000, kept: 2 });
    expectAllEntries(
      tree,
      live.map((s) => s.id),
    );
    expect(seconds).toBeLessThan(60);
    badInputs++;
  });
});

describe("figures", () => {
  it("records how many bad inputs were tried", () => {
    recordFigure("bad inputs tried (transcripts with Claude Code 2.1.29 as oracle, index files)", badInputs);
    expect(badInputs).toBeGreaterThan(30);
  });
});

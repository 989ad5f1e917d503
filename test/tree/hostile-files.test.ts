import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogSessions } from "../../src/catalog/session-catalog.ts";
import { runDoctor } from "../../src/commands/doctor-command.ts";
import { cleanupPeriodInForce } from "../../src/layout/cleanup-period.ts";
import { sessionFilesIn } from "../../src/layout/kept-store.ts";
import { rebuildProject } from "../../src/rebuild/rebuild-project.ts";
import { assessProject } from "../../src/rebuild/staleness.ts";
import { atomicIndexWriter } from "../../src/sessions-index/index-store.ts";
import { readIndex } from "../../src/sessions-index/session-index.ts";
import { ClaudeTree, captureIo, setMtime } from "../support/claude-tree.ts";
import { addHostile, deepJson } from "../support/hostile-tree.ts";
import { FULL_STRESS } from "../support/stress-results.ts";

const now = () => new Date();
const APP = "/home/dev/app";
const rebuild = (projectDir: string, extra: Partial<Parameters<typeof rebuildProject>[1]> = {}) =>
  rebuildProject(projectDir, { dryRun: false, cache: null, now, ...extra });

describe("files that are not regular files", () => {
  it("a FIFO as sessions-index.json: refused at once, not waited on", async () => {
    const tree = new ClaudeTree();
    const dir = addHostile(tree, "fifo-index");
    const started = Date.now();
    const report = await rebuild(dir);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(report.status).toBe("failed");
    expect(report.problem).toContain("not a regular file");
    expect(assessProject(tree.root, dir, 0, Date.now())).toMatchObject({ stale: true, why: "index unreadable" });
  });

  it("a FIFO named like a transcript is not a session and is never opened", async () => {
    const tree = new ClaudeTree();
    const dir = addHostile(tree, "fifo-transcript");
    const report = await rebuild(dir);
    expect(report.status).toBe("written");
    expect(readIndex(path.join(dir, "sessions-index.json"))).toMatchObject({ kind: "ok" });
  });

  it("FIFOs where sidecar, agent and settings files go: passed over at once, never waited on", async () => {
    const tree = new ClaudeTree();
    const s = tree.session(APP, ["hello"]);
    const dir = tree.projectDir(APP);
    fs.mkdirSync(path.join(dir, s.id));
    execFileSync("mkfifo", [path.join(dir, s.id, "custom-title.json")]);
    execFileSync("mkfifo", [path.join(dir, "agent-0badcafe.jsonl")]);
    const work = tree.root; // stands for the working directory whose .claude/ settings count
    fs.mkdirSync(path.join(work, ".claude"));
    execFileSync("mkfifo", [path.join(work, ".claude", "settings.local.json")]);
    const started = Date.now();
    const rows = await catalogSessions({ configRoot: tree.root, projectDirs: [dir], writable: false });
    expect(rows.map((r) => r.sessionId)).toEqual([s.id]);
    expect(sessionFilesIn(dir, s.id)).toEqual([`${s.id}.jsonl`]);
    const period = cleanupPeriodInForce({ configRoot: tree.root, workingDir: work, managedDir: tree.root });
    expect(period).toMatchObject({ days: 30, source: null });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("an index over 512 MB is moved aside unread and rebuilt", async () => {
    const tree = new ClaudeTree();
    const dir = addHostile(tree, "huge-index");
    const report = await rebuild(dir);
    expect(report.status).toBe("written");
    expect(report.backup).toMatch(/sessions-index\.json\.invalid-/);
    expect(fs.statSync(report.backup!).size).toBe(600 * 1024 * 1024);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "sessions-index.json"), "utf8")).entries).toHaveLength(1);
  });
});

describe("locks that nobody holds", () => {
  it.each(["lock-future", "lock-plain-file", "lock-dangling-link"] as const)(
    "%s: taken over, the index written at once",
    async (kind) => {
      const tree = new ClaudeTree();
      const dir = addHostile(tree, kind);
      const started = Date.now();
      const report = await rebuild(dir, { lock: { staleMs: 10_000, waitMs: 5_000 } });
      expect(report.status).toBe("written");
      expect(Date.now() - started).toBeLessThan(3000);
      expect(fs.existsSync(path.join(dir, "sessions-index.json.lock"))).toBe(false);
    },
  );

  it("a writer stopped past the stale time while holding the lock re-merges instead of " +
    "replacing a newer index", async () => {
    const tree = new ClaudeTree();
    const first = tree.session(APP, ["first"]);
    const dir = tree.projectDir(APP);
    await rebuild(dir);
    tree.append(first, "more");
    const late = tree.nextId();
    let stopped = false;
    const report = await rebuild(dir, {
      lock: { staleMs: 400, waitMs: 5_000 },
      write: async (file, content, beforeRename) => {
        if (!stopped) {
          stopped = true;
          // Another writer, while this one is stopped (SIGSTOP: no timer of ours runs), adds a session.
          tree.session(APP, ["written while the first writer was stopped"], { id: late });
          const other = execFileSync(
            process.execPath,
            [path.resolve(import.meta.dirname, "../../bin/claude-reindex"), "rebuild", "--project", dir],
            { env: { ...process.env, CLAUDE_CONFIG_DIR: tree.root, CLAUDE_REINDEX_LOCK_STALE_MS: "400" } },
          );
          expect(String(other)).toContain("written");
        }
        await atomicIndexWriter(file, content, beforeRename);
      },
    });
    // Its retry found the other writer's index already complete: nothing left to write.
    expect(["written", "unchanged"]).toContain(report.status);
    const ids = JSON.parse(fs.readFileSync(path.join(dir, "sessions-index.json"), "utf8")).entries.map(
      (e: { sessionId: string }) => e.sessionId,
    );
    expect(ids.sort()).toEqual([first.id, late].sort());
    const entry = JSON.parse(fs.readFileSync(path.join(dir, "sessions-index.json"), "utf8")).entries.find(
      (e: { sessionId: string }) => e.sessionId === first.id,
    );
    expect(entry.messageCount).toBe(4);
  }, 30_000);
});

describe("what we do not own is kept", () => {
  it("entry and index keys named __proto__ and constructor survive a rewrite", async () => {
    const tree = new ClaudeTree();
    const dir = addHostile(tree, "proto-keys");
    const report = await rebuild(dir);
    expect(report.status).toBe("written");
    const text = fs.readFileSync(path.join(dir, "sessions-index.json"), "utf8");
    const index = JSON.parse(text);
    expect(Object.hasOwn(index, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(index, "__proto__")?.value).toEqual({ top: 1 });
    expect(Object.hasOwn(index.entries[0], "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(index.entries[0], "__proto__")?.value).toEqual({ theirs: true });
    expect(index.entries[0].constructor).toBe("kept");
    expect(index.entries[0].firstPrompt).toBe("an ordinary session in proto-keys");
  });

  it("an originalPath that is not a string is kept, and the index is not moved aside", async () => {
    const tree = new ClaudeTree();
    const dir = addHostile(tree, "odd-original-path");
    const report = await rebuild(dir);
    expect(report.status).toBe("written");
    expect(report.backup).toBeNull();
    const index = JSON.parse(fs.readFileSync(path.join(dir, "sessions-index.json"), "utf8"));
    expect(index.originalPath).toEqual({ theirs: [1, 2] });
    expect(index["x-viewer"]).toBe("kept");
    expect(index.entries).toHaveLength(1);
  });
});

describe("values nested 10,000 levels deep", () => {
  it("in a transcript: that session gives no entry, the rest of the project is written", async () => {
    const tree = new ClaudeTree();
    const dir = addHostile(tree, "deep-nesting");
    tree.session("/home/dev/hostile-deep-nesting", ["a second, ordinary session"]);
    const report = await rebuild(dir);
    expect(report.status).toBe("written");
    expect(report.skipped.map((s) => s.reason)).toEqual(["its gitBranch is nested more than 1000 levels deep"]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "sessions-index.json"), "utf8")).entries).toHaveLength(1);
  });

  it("in a foreign key of the index: kept, and the index stays writable", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["one"]);
    const dir = tree.projectDir(APP);
    fs.writeFileSync(path.join(dir, "sessions-index.json"), `{"version":1,"entries":[],"x-deep":${deepJson(10_000)}}`);
    const report = await rebuild(dir);
    expect(report.status).toBe("written");
    const text = fs.readFileSync(path.join(dir, "sessions-index.json"), "utf8");
    expect(text).toContain(a.id);
    expect(text.replace(/\s/g, "")).toContain(`"x-deep":${deepJson(10_000)}`);
  });
});

describe("large fan-out", () => {
  // 130,000 files cost a minute on a loaded machine: under `npm run stress` only.
  it.runIf(FULL_STRESS)(
    "130,000 sessions in one project: the staleness check needs no spread of arguments",
    async () => {
      const tree = new ClaudeTree();
      const s = tree.session(APP, ["a real one"]);
      const dir = tree.projectDir(APP);
      await rebuild(dir);
      for (let i = 0; i < 130_000; i++)
        fs.writeFileSync(path.join(dir, `${i.toString(16).padStart(8, "0")}-0000-4000-8000-000000000000.jsonl`), "");
      tree.append(s, "newer than the index", Date.now() + 60_000);
      expect(() => assessProject(tree.root, dir, 0, Date.now())).not.toThrow();
      expect(assessProject(tree.root, dir, 0, Date.now())).toMatchObject({ stale: true, why: "index behind" });
      // Removed here, within this test's time, not by the shorter after-each hook.
      fs.rmSync(tree.root, { recursive: true, force: true });
    },
    300_000,
  );

  it("one message with 130,000 children: derived, no stack overflow", async () => {
    const tree = new ClaudeTree();
    const dir = addHostile(tree, "many-children");
    const report = await rebuild(dir);
    expect(report.status).toBe("written");
    expect(report.skipped).toEqual([]);
  }, 60_000);
});

describe("mtimes in the future", () => {
  it("an entry derived under a clock that ran ahead is derived again once the transcript changes", async () => {
    const tree = new ClaudeTree();
    const s = tree.session(APP, ["one"]);
    const dir = tree.projectDir(APP);
    const future = Date.now() + 30 * 86_400_000;
    setMtime(s.path, future);
    await rebuild(dir);
    // The clock is right again; the session goes on.
    tree.append(s, "two", Date.now());
    const report = await rebuild(dir);
    expect(report.status).toBe("written");
    const entry = JSON.parse(fs.readFileSync(path.join(dir, "sessions-index.json"), "utf8")).entries[0];
    expect(entry.messageCount).toBe(4);
  });

  it("doctor names transcripts modified in the future and how to fix them", async () => {
    const tree = new ClaudeTree();
    addHostile(tree, "future-mtime");
    const capture = captureIo();
    const result = await runDoctor({
      configRoot: tree.root,
      selection: { kind: "all" },
      json: false,
      now,
      io: capture.io,
    });
    expect(result.kind).toBe("attention");
    expect(capture.stdout()).toMatch(/1 transcript modified in the future \(up to (29|30) days ahead/);
    expect(capture.stdout()).toContain("fix: touch -c ");
  });
});

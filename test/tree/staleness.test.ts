import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runRebuild } from "../../src/commands/rebuild-command.ts";
import { fastShimCheck } from "../../src/commands/shim-fast-check.ts";
import { shimStampPath } from "../../src/layout/shim-stamp.ts";
import { assessProject } from "../../src/rebuild/staleness.ts";
import { ClaudeTree, captureIo, setMtime } from "../support/claude-tree.ts";

const APP = "/home/dev/app";
const DAY = 86_400_000;
const HOURS_24 = 24 * 3_600_000;
const NOW = Date.UTC(2026, 10, 21, 12);

describe("assessProject (the shim's staleness rules)", () => {
  it.each([
    ["no index", (t: ClaudeTree) => fs.rmSync(t.indexPath(APP)), { stale: true, why: "no index", behindMs: 30 * DAY }],
    [
      "an index that is not JSON",
      (t: ClaudeTree) => fs.writeFileSync(t.indexPath(APP), "{"),
      { stale: true, why: "index unreadable" },
    ],
    [
      "an index without entries",
      (t: ClaudeTree) => fs.writeFileSync(t.indexPath(APP), '{"version":1}'),
      { stale: true, why: "index unreadable" },
    ],
    [
      "an index of another version",
      (t: ClaudeTree) => fs.writeFileSync(t.indexPath(APP), '{"version":2,"entries":[]}'),
      { stale: false, why: "not our version" },
    ],
    [
      "an index a day and a minute behind",
      (t: ClaudeTree) => setMtime(t.indexPath(APP), NOW - 10 * DAY - DAY - 60_000),
      { stale: true, why: "index behind", behindMs: 10 * DAY },
    ],
    [
      "an index 23 hours behind",
      (t: ClaudeTree) => setMtime(t.indexPath(APP), NOW - 10 * DAY - 23 * 3_600_000),
      { stale: false, why: "recent enough" },
    ],
  ])("%s", async (_name, damage, expected) => {
    const tree = new ClaudeTree();
    tree.session(APP, ["old"], { mtime: NOW - 30 * DAY });
    const recent = tree.session(APP, ["recent"], { mtime: NOW - 20 * DAY });
    await runRebuild({
      configRoot: tree.root,
      selection: { kind: "all" },
      dryRun: false,
      json: true,
      now: () => new Date(NOW),
      io: captureIo().io,
    });
    expect(assessProject(tree.root, tree.projectDir(APP), HOURS_24, NOW)).toMatchObject({
      stale: false,
      why: "verified",
    });
    tree.append(recent, "later", NOW - 10 * DAY);
    damage(tree);
    expect(assessProject(tree.root, tree.projectDir(APP), HOURS_24, NOW)).toMatchObject(expected);
  });

  it("a project without transcripts is never stale", () => {
    const tree = new ClaudeTree();
    tree.projectDir(APP);
    expect(assessProject(tree.root, tree.projectDir(APP), HOURS_24, NOW)).toEqual({ stale: false, why: "no sessions" });
  });
});

describe("fastShimCheck (the stat pass bin/claude runs before the full check)", () => {
  const check = (tree: ClaudeTree, env: NodeJS.ProcessEnv = { CLAUDE_REINDEX_CHECK_MINUTES: "0" }) =>
    fastShimCheck({
      configRoot: tree.root,
      env,
      now: new Date(NOW),
      deadline: Number.POSITIVE_INFINITY,
      clock: Date.now,
      stderr: process.stderr,
      keep: () => expect.fail("the guard is off"),
    });

  it("records the check when no index needs a repair, and defers to the full check when one does", async () => {
    const tree = new ClaudeTree();
    tree.session(APP, ["one"], { mtime: NOW - 10 * DAY });
    tree.session("/elsewhere", ["two"], { mtime: NOW - 10 * DAY });
    expect(check(tree)).toBe("repair");
    expect(fs.existsSync(shimStampPath(tree.root))).toBe(false);

    await runRebuild({
      configRoot: tree.root,
      selection: { kind: "all" },
      dryRun: false,
      json: true,
      now: () => new Date(NOW),
      io: captureIo().io,
    });
    expect(check(tree)).toBe("done");
    expect(fs.existsSync(shimStampPath(tree.root))).toBe(true);

    // A transcript more than a day newer than its index, in any project, needs the full check.
    tree.session("/elsewhere", ["three"], { mtime: fs.statSync(tree.indexPath("/elsewhere")).mtimeMs + 2 * DAY });
    expect(check(tree)).toBe("repair");
  });

  it("asks its clock before each project, and cut off by its deadline counts as a check that repairs nothing", () => {
    const tree = new ClaudeTree();
    tree.projectDir("/a"); // looked at in time: no sessions
    tree.session("/b", ["two"], { mtime: NOW - 10 * DAY }); // stale, but past the deadline
    const err = captureIo();
    let asked = 0;
    const cutOff = fastShimCheck({
      configRoot: tree.root,
      env: { CLAUDE_REINDEX_CHECK_MINUTES: "0", CLAUDE_REINDEX_CHECK_BUDGET_MS: "900" },
      now: new Date(NOW),
      deadline: 0,
      clock: () => asked++,
      stderr: err.io.stderr,
      keep: () => expect.fail("the guard is off"),
    });
    expect(cutOff).toBe("done");
    expect(asked).toBe(2); // in time for the first project (0 is not past 0), then cut off
    expect(err.stderr()).toBe(
      "claude-reindex: the index check took longer than 900 ms; " +
        "starting Claude Code (claude-reindex doctor tells what is wrong)\n",
    );
    expect(fs.existsSync(shimStampPath(tree.root))).toBe(true);
    expect(check(tree)).toBe("repair");
  });

  it("skips a recent check, and leaves tracing (CLAUDE_REINDEX_DEBUG=1) to the full check", () => {
    const tree = new ClaudeTree();
    tree.session(APP, ["one"], { mtime: NOW - 10 * DAY });
    fs.mkdirSync(path.dirname(shimStampPath(tree.root)), { recursive: true });
    fs.writeFileSync(shimStampPath(tree.root), "");
    setMtime(shimStampPath(tree.root), NOW - 60_000);
    expect(check(tree, {})).toBe("done");
    expect(check(tree, { CLAUDE_REINDEX_CHECK_MINUTES: "0" })).toBe("repair");
    expect(check(tree, { CLAUDE_REINDEX_DEBUG: "1" })).toBe("repair");
  });
});

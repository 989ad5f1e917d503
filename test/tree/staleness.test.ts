import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { runRebuild } from "../../src/commands/rebuild-command.ts";
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

import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { runDoctor } from "../../src/commands/doctor-command.ts";
import { runRebuild } from "../../src/commands/rebuild-command.ts";
import { ClaudeTree, captureIo } from "../support/claude-tree.ts";

const APP = "/home/dev/app";
const now = () => new Date("2026-11-21T10:00:00.000Z");

async function doctor(tree: ClaudeTree, json = false) {
  const capture = captureIo();
  const { kind: outcome } = await runDoctor({
    now: () => new Date(),
    configRoot: tree.root,
    selection: { kind: "all" },
    json,
    io: capture.io,
  });
  return { outcome, out: capture.stdout() };
}

describe("doctor", () => {
  it("reports a missing index with the command that fixes it, and is content after the fix", async () => {
    const tree = new ClaudeTree();
    tree.session(APP, ["one"]);
    const before = await doctor(tree);
    expect(before.outcome).toBe("attention");
    expect(before.out).toContain("no index, and 1 session to list");
    expect(before.out).toContain(`  fix: claude-reindex rebuild --project ${tree.projectDir(APP)}\n`);
    expect(fs.existsSync(tree.indexPath(APP))).toBe(false);

    await runRebuild({
      configRoot: tree.root,
      selection: { kind: "all" },
      dryRun: false,
      json: false,
      now,
      io: captureIo().io,
    });
    const after = await doctor(tree);
    expect(after.outcome).toBe("done");
    expect(after.out).toContain("All 1 project indexes are in order (1 sessions");
  });

  it("tells how far the index lags, and which entries are stale, missing or gone", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["one"], { mtime: Date.UTC(2026, 7, 1) });
    const b = tree.session(APP, ["two"], { mtime: Date.UTC(2026, 7, 1) });
    await runRebuild({
      configRoot: tree.root,
      selection: { kind: "all" },
      dryRun: false,
      json: false,
      now,
      io: captureIo().io,
    });
    tree.append(a, "later", Date.UTC(2026, 7, 4));
    tree.session(APP, ["three"], { mtime: Date.UTC(2026, 7, 11) });
    fs.rmSync(b.path);
    const indexBefore = fs.readFileSync(tree.indexPath(APP), "utf8");

    const { outcome, out } = await doctor(tree);
    expect(outcome).toBe("attention");
    expect(out).toContain("the index is 10 days behind its newest transcript");
    expect(out).toContain("1 transcript without an entry");
    expect(out).toContain("1 entry older than their transcript");
    expect(out).toContain("1 entry whose transcript is gone");
    expect(fs.readFileSync(tree.indexPath(APP), "utf8")).toBe(indexBefore);

    const json = JSON.parse((await doctor(tree, true)).out);
    expect(json.projects[0].findings.map((f: { kind: string }) => f.kind)).toEqual([
      "index-lagging",
      "sessions-missing",
      "entries-stale",
      "entries-gone",
    ]);
    expect(json.projects[0].lagMs).toBe(10 * 86_400_000);
  });

  it("reports an index of another version and an unusable index", async () => {
    const tree = new ClaudeTree();
    tree.session(APP, ["one"]);
    tree.session("/home/dev/other", ["two"]);
    fs.writeFileSync(tree.indexPath(APP), '{"version":3,"entries":[]}');
    fs.writeFileSync(tree.indexPath("/home/dev/other"), "garbage");
    const { outcome, out } = await doctor(tree);
    expect(outcome).toBe("attention");
    expect(out).toContain("the index has version 3, not 1; claude-reindex leaves it untouched");
    expect(out).toContain("the index is unusable (not JSON");
  });

  it("says so when there is no projects directory at all", async () => {
    const tree = new ClaudeTree();
    const { outcome, out } = await doctor(tree);
    expect(outcome).toBe("done");
    expect(out).toContain("No Claude Code sessions under");
  });
});

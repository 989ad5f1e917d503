import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogSessions } from "../../src/catalog/session-catalog.ts";
import { compareWithSdk } from "../support/sdk-parity.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");

function copyFixture(name: string): string {
  const root = tempDir("claude-reindex-catalog-");
  fs.cpSync(path.join(repo, "fixtures", name, "config"), root, { recursive: true, preserveTimestamps: true });
  return root;
}

function projectDirsOf(root: string): string[] {
  const projects = path.join(root, "projects");
  return fs.readdirSync(projects).map((name) => path.join(projects, name));
}

describe("the catalog against Claude Code's Agent SDK 0.3.332 (listSessions)", () => {
  it("on the tree made by real releases: every session it lists, its titles, and hiddenFromResume", async () => {
    const root = copyFixture("cc-parity");
    const rows = await catalogSessions({ configRoot: root, projectDirs: projectDirsOf(root), writable: true });
    const result = await compareWithSdk(root, rows);
    console.log(
      "SDK-PARITY cc-parity",
      JSON.stringify({
        sdkAll: result.sdkAll,
        rows: result.rows,
        hidden: result.visibility.filter((v) => !v.sdkLists).map((v) => v.ours.join("+")),
      }),
    );
    expect(result.missing).toEqual([]);
    expect(result.titleDiffs).toEqual([]);
    expect(result.disagreements).toEqual([]);
  }, 120_000);
});

describe("sessions made by real releases 2.1.29, 2.1.118 and 2.1.332 (fixtures/cc-resume)", () => {
  it("print-mode, resumed, renamed, compacted, forked, command-only and subagent " +
    "sessions: same sessions, titles, hiding", async () => {
    const root = copyFixture("cc-resume");
    const rows = await catalogSessions({ configRoot: root, projectDirs: projectDirsOf(root), writable: true });
    const result = await compareWithSdk(root, rows);
    console.log(
      "SDK-PARITY cc-resume",
      JSON.stringify({
        sdkAll: result.sdkAll,
        rows: result.rows,
        hidden: result.visibility.filter((v) => !v.sdkLists).map((v) => v.ours.join("+")),
      }),
    );
    expect(result.rows).toBeGreaterThanOrEqual(16);
    expect(result.missing).toEqual([]);
    expect(result.titleDiffs).toEqual([]);
    expect(result.disagreements).toEqual([]);
  }, 120_000);
});

describe("crafted hidden cases against the SDK", () => {
  it("each reason code where the SDK leaves the session out, [] exactly where it lists " +
    "it, and its titles", async () => {
    const { craftHiddenTree } = await import("../support/hidden-sessions.ts");
    const tree = craftHiddenTree();
    const rows = await catalogSessions({
      configRoot: tree.root,
      projectDirs: projectDirsOf(tree.root),
      writable: true,
    });
    const result = await compareWithSdk(tree.root, rows);
    console.log(
      "SDK-PARITY crafted",
      JSON.stringify({
        sdkAll: result.sdkAll,
        rows: result.rows,
        hidden: result.visibility.filter((v) => !v.sdkLists).map((v) => v.ours.join("+")),
      }),
    );
    expect(result.missing).toEqual([]);
    expect(result.titleDiffs).toEqual([]);
    expect(result.disagreements).toEqual([]);
    const byId = new Map(rows.map((r) => [r.sessionId, r]));
    for (const [name, session] of Object.entries(tree.sessions)) {
      const row = byId.get(session.id);
      expect(row, name).toBeDefined();
      expect([name, row!.hiddenFromResume]).toEqual([name, session.hidden]);
      if (session.title !== undefined) expect([name, row!.title]).toEqual([name, session.title]);
    }
  }, 120_000);
});

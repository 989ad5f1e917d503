import { describe, expect, it } from "vitest";
import type { SessionFile } from "../../src/layout/session-file.ts";
import { chooseOriginalPath, type MergeInput, mergeIndex } from "../../src/sessions-index/index-merge.ts";
import type { SessionEntry } from "../../src/transcript/session-entry.ts";
import type { TranscriptDerivation } from "../../src/transcript/transcript.ts";

const DIR = "/root/.claude/projects/-home-dev-app";
const ids = [
  "11111111-1111-4111-8111-111111111111",
  "22222222-2222-4222-8222-222222222222",
  "33333333-3333-4333-8333-333333333333",
] as const;

function file(sessionId: string, mtime: number): SessionFile {
  return { sessionId, path: `${DIR}/${sessionId}.jsonl`, mtime, size: 100 };
}

function entry(sessionId: string, fileMtime: number, firstPrompt = `prompt of ${sessionId.slice(0, 4)}`): SessionEntry {
  return {
    sessionId,
    fullPath: `${DIR}/${sessionId}.jsonl`,
    fileMtime,
    firstPrompt,
    messageCount: 2,
    created: "2026-01-01T00:00:00.000Z",
    modified: "2026-01-01T00:01:00.000Z",
    gitBranch: "main",
    projectPath: "/home/dev/app",
    isSidechain: false,
  };
}

function input(
  overrides: Partial<MergeInput> & { files: SessionFile[]; derived?: Record<string, TranscriptDerivation> },
): MergeInput & { derivedIds: string[] } {
  const derivedIds: string[] = [];
  return {
    current: null,
    projectDirName: "-home-dev-app",
    sessions: new Map(overrides.files.map((f) => [f.sessionId, f])),
    derive: (f) => {
      derivedIds.push(f.sessionId);
      return overrides.derived?.[f.sessionId] ?? { kind: "entry", entry: entry(f.sessionId, f.mtime, "fresh") };
    },
    transcriptExists: () => false,
    nowMs: Date.UTC(2027, 0, 1),
    derivedIds,
    ...overrides,
  };
}

describe("mergeIndex", () => {
  it("builds a new index in directory order with originalPath", () => {
    const plan = mergeIndex(input({ files: [file(ids[1], 5), file(ids[0], 6)] }));
    expect(plan.index).toEqual({
      version: 1,
      entries: [entry(ids[1], 5, "fresh"), entry(ids[0], 6, "fresh")],
      originalPath: "/home/dev/app",
    });
    expect(plan.changes.map((c) => c.change)).toEqual(["added", "added"]);
    expect(plan.changed).toBe(true);
  });

  it("trusts an entry whose file is not newer, without reading the transcript", () => {
    const m = input({
      files: [file(ids[0], 10)],
      current: { version: 1, entries: [entry(ids[0], 10, "old")], originalPath: "/home/dev/app" },
    });
    const plan = mergeIndex(m);
    expect(m.derivedIds).toEqual([]);
    expect(plan.changed).toBe(false);
    expect(plan.kept).toBe(1);
  });

  it("re-derives an entry whose file is newer, in place, keeping keys it does not own", () => {
    const old = { ...entry(ids[0], 10, "old"), pinned: true, "x-viewer": { color: "red" } };
    const plan = mergeIndex(
      input({
        files: [file(ids[1], 3), file(ids[0], 20)],
        current: { version: 1, entries: [old, entry(ids[1], 3)], originalPath: "/p", extra: 1 },
      }),
    );
    expect(plan.index.entries[0]).toEqual({
      ...entry(ids[0], 20, "fresh"),
      pinned: true,
      "x-viewer": { color: "red" },
    });
    expect(plan.index).toMatchObject({ extra: 1, originalPath: "/p" });
    expect(plan.changes).toEqual([{ sessionId: ids[0], change: "updated", reason: "transcript is newer" }]);
  });

  it("never drops an entry whose transcript exists, even when the transcript no longer gives one", () => {
    const current = { version: 1, entries: [entry(ids[0], 10)] };
    const derived = { [ids[0]]: { kind: "unreadable", reason: "EACCES" } as const };
    const plan = mergeIndex(input({ files: [file(ids[0], 99)], current, derived }));
    expect(plan.index.entries).toEqual([entry(ids[0], 10)]);
    expect(plan.skipped).toEqual([{ sessionId: ids[0], path: `${DIR}/${ids[0]}.jsonl`, reason: "EACCES" }]);
  });

  it("keeps an entry whose transcript appeared after the listing, and removes those that are gone", () => {
    const current = { version: 1, entries: [entry(ids[0], 1), entry(ids[1], 1)] };
    const plan = mergeIndex(input({ files: [], current, transcriptExists: (id) => id === ids[1] }));
    expect(plan.index.entries).toEqual([entry(ids[1], 1)]);
    expect(plan.changes).toEqual([{ sessionId: ids[0], change: "removed", reason: "transcript is gone" }]);
  });

  it("keeps the concurrent writer's newer entry over an older derivation", () => {
    const current = { version: 1, entries: [entry(ids[0], 50, "written by someone else")] };
    const derived = { [ids[0]]: { kind: "entry", entry: entry(ids[0], 40, "ours") } as const };
    const plan = mergeIndex(input({ files: [file(ids[0], 50)], current, derived }));
    expect(plan.index.entries).toEqual([entry(ids[0], 50, "written by someone else")]);
  });

  it("replaces invalid entries, drops duplicates and entries without a session id", () => {
    const current = {
      version: 1,
      entries: [{ ...entry(ids[0], 99), messageCount: "two" }, entry(ids[0], 1), null, { foo: 1 }, entry(ids[2], 5)],
    };
    const plan = mergeIndex(input({ files: [file(ids[0], 10), file(ids[2], 5)], current }));
    expect(plan.index.entries).toEqual([entry(ids[0], 10, "fresh"), entry(ids[2], 5)]);
    expect(plan.changes).toEqual([
      { sessionId: ids[0], change: "updated", reason: "entry is invalid" },
      { sessionId: ids[0], change: "removed", reason: "duplicate entry" },
      { sessionId: null, change: "removed", reason: "entry has no session id" },
      { sessionId: null, change: "removed", reason: "entry has no session id" },
    ]);
  });

  it("re-derives an entry copied from another host (fullPath elsewhere)", () => {
    const copied = { ...entry(ids[0], 10), fullPath: `/Users/other/.claude/projects/-home-dev-app/${ids[0]}.jsonl` };
    const plan = mergeIndex(input({ files: [file(ids[0], 10)], current: { version: 1, entries: [copied] } }));
    expect(plan.index.entries).toEqual([entry(ids[0], 10, "fresh")]);
    expect(plan.changes).toEqual([{ sessionId: ids[0], change: "updated", reason: "entry is for another path" }]);
  });

  it("does not create an index when no transcript gives an entry", () => {
    const plan = mergeIndex(
      input({ files: [file(ids[0], 1)], derived: { [ids[0]]: { kind: "no-entry", reason: "no messages" } } }),
    );
    expect(plan.changed).toBe(false);
  });
});

describe("chooseOriginalPath", () => {
  it("prefers the projectPath that encodes to the directory name", () => {
    const entries = [
      { projectPath: "/home/dev/app/sub" },
      { projectPath: "/home/dev/app/sub" },
      { projectPath: "/home/dev/app" },
    ];
    expect(chooseOriginalPath("-home-dev-app", entries)).toBe("/home/dev/app");
    expect(chooseOriginalPath("-elsewhere", entries)).toBe("/home/dev/app/sub");
    expect(chooseOriginalPath("-elsewhere", [])).toBeUndefined();
  });
});

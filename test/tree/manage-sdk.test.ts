// rename, tag, archive and unarchive against Claude Code's Agent SDK 0.3.332: on two copies of the same
// sessions (made by real releases), the SDK's renameSession/tagSession/archiveSession/unarchiveSession
// on one and ours on the other leave the same bytes (the archived mark's time apart); then the SDK's
// own listSessions shows what we wrote, and so does our catalog.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { archiveMarkPath } from "../../src/catalog/archive-mark.ts";
import { catalogSessions } from "../../src/catalog/session-catalog.ts";
import { archiveTarget, renameTarget, tagTarget } from "../../src/commands/session-change.ts";
import { findTarget } from "../../src/commands/session-target.ts";
import { callSdkIn, listSessionsIn } from "../support/agent-sdk.mjs";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const id = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function copyFixture(): string {
  const root = tempDir("claude-reindex-manage-");
  fs.cpSync(path.join(repo, "fixtures", "cc-resume", "config"), root, { recursive: true, preserveTimestamps: true });
  return root;
}

function transcriptOf(root: string, sessionId: string): string {
  const projects = path.join(root, "projects");
  for (const dir of fs.readdirSync(projects)) {
    const file = path.join(projects, dir, `${sessionId}.jsonl`);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`no ${sessionId} under ${projects}`);
}

function target(root: string, sessionId: string) {
  const found = findTarget(root, sessionId, null);
  if (!found.ok) throw new Error(found.problem);
  return found.target;
}

function projectDirsOf(root: string): string[] {
  const projects = path.join(root, "projects");
  return fs.readdirSync(projects).map((name) => path.join(projects, name));
}

describe("rename, tag, archive: byte for byte what the Agent SDK 0.3.332 writes", () => {
  it("the same records appended, the same marks written, on copies of sessions made by real releases", async () => {
    const sdkRoot = copyFixture();
    const ourRoot = copyFixture();
    const before = fs.readFileSync(transcriptOf(ourRoot, id(1)));
    const tags = ["  release-1  ", "ｆｕｌｌ\u200bwidth café", "emoji 🚀 ok", "\u202eevil\u202c tag"];
    const calls = [
      { fn: "renameSession", args: [id(1), "  A title of mine  "] },
      { fn: "renameSession", args: [id(15), 'über "quotes" and \\ slashes'] },
      ...tags.map((tag) => ({ fn: "tagSession", args: [id(3), tag] })),
      { fn: "tagSession", args: [id(3), null] },
      { fn: "tagSession", args: [id(8), "kept-tag"] },
      { fn: "archiveSession", args: [id(8)] },
      { fn: "archiveSession", args: [id(16)] },
      { fn: "unarchiveSession", args: [id(16)] },
    ];
    await callSdkIn(sdkRoot, calls);
    const now = new Date();
    renameTarget(target(ourRoot, id(1)), "  A title of mine  ");
    renameTarget(target(ourRoot, id(15)), 'über "quotes" and \\ slashes');
    for (const tag of tags) tagTarget(target(ourRoot, id(3)), tag);
    tagTarget(target(ourRoot, id(3)), null);
    tagTarget(target(ourRoot, id(8)), "kept-tag");
    archiveTarget(target(ourRoot, id(8)), true, now);
    archiveTarget(target(ourRoot, id(16)), true, now);
    archiveTarget(target(ourRoot, id(16)), false, now);

    for (const n of [1, 3, 8, 15, 16]) {
      const ours = fs.readFileSync(transcriptOf(ourRoot, id(n)));
      const sdk = fs.readFileSync(transcriptOf(sdkRoot, id(n)));
      expect(ours.toString("utf8"), `transcript ${n}`).toBe(sdk.toString("utf8"));
    }
    // Appended, not rewritten: the old bytes are the new file's start.
    const after = fs.readFileSync(transcriptOf(ourRoot, id(1)));
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString()).toBe(
      `{"type":"custom-title","customTitle":"A title of mine","sessionId":"${id(1)}"}\n`,
    );

    const at = /"at":"[^"]+"/;
    for (const n of [8, 16]) {
      const ourMark = archiveMarkPath(transcriptOf(ourRoot, id(n)), id(n));
      const sdkMark = archiveMarkPath(transcriptOf(sdkRoot, id(n)), id(n));
      const ourText = fs.readFileSync(ourMark, "utf8");
      const sdkText = fs.readFileSync(sdkMark, "utf8");
      expect(ourText.replace(at, '"at":"T"'), `mark ${n}`).toBe(sdkText.replace(at, '"at":"T"'));
      expect(ourText).toContain(`"at":"${now.toISOString()}"`);
      expect(fs.statSync(ourMark).mode & 0o777).toBe(fs.statSync(sdkMark).mode & 0o777);
      expect(fs.statSync(path.dirname(ourMark)).mode & 0o777).toBe(fs.statSync(path.dirname(sdkMark)).mode & 0o777);
    }
  }, 120_000);

  it("Claude Code's listing (SDK listSessions) and our catalog then show title, tag and archived state", async () => {
    const root = copyFixture();
    renameTarget(target(root, id(1)), "Renamed by claude-reindex");
    tagTarget(target(root, id(3)), "ｔａｇ one");
    archiveTarget(target(root, id(8)), true, new Date());
    archiveTarget(target(root, id(16)), true, new Date());
    archiveTarget(target(root, id(16)), false, new Date());
    const [rows] = await listSessionsIn(root, [{ includeProgrammatic: true }]);
    const sdk = new Map(rows!.map((r) => [r.sessionId, r]));
    expect(sdk.get(id(1))).toMatchObject({
      customTitle: "Renamed by claude-reindex",
      summary: "Renamed by claude-reindex",
    });
    expect(sdk.get(id(3))?.tag).toBe("tag one");
    expect(sdk.get(id(8))?.archived).toBe(true);
    expect(sdk.get(id(16))?.archived).toBe(false);
    expect(sdk.get(id(5))?.archived).toBeUndefined();

    const ours = new Map(
      (await catalogSessions({ configRoot: root, projectDirs: projectDirsOf(root), writable: true })).map((r) => [
        r.sessionId,
        r,
      ]),
    );
    expect(ours.get(id(1))).toMatchObject({
      title: "Renamed by claude-reindex",
      customTitle: "Renamed by claude-reindex",
    });
    expect(ours.get(id(3))?.tag).toBe("tag one");
    expect(ours.get(id(8))?.archived).toBe(true);
    expect(ours.get(id(16))?.archived).toBeUndefined();
  }, 120_000);

  it("an archived session with a prompt typed after the mark counts as unarchived, for the SDK and us", async () => {
    const root = copyFixture();
    const file = transcriptOf(root, id(1));
    archiveTarget(target(root, id(1)), true, new Date(Date.now() - 60_000));
    archiveTarget(target(root, id(3)), true, new Date(Date.now() - 60_000));
    const last = fs
      .readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .reverse()
      .map((l) => JSON.parse(l));
    const any = last.find((r) => r.type === "user" && typeof r.cwd === "string")!;
    const prompt = {
      ...any,
      uuid: "e0000000-0000-4000-8000-000000000001",
      parentUuid: last.find((r) => typeof r.uuid === "string")!.uuid,
      timestamp: new Date().toISOString(),
      message: { role: "user", content: "one more question, typed later" },
    };
    delete prompt.toolUseResult;
    delete prompt.sourceToolAssistantUUID;
    fs.appendFileSync(file, `${JSON.stringify(prompt)}\n`);
    // A tool result after the mark is no prompt: the other session stays archived.
    const [rows] = await listSessionsIn(root, [{ includeProgrammatic: true }]);
    const sdk = new Map(rows!.map((r) => [r.sessionId, r]));
    const ours = new Map(
      (await catalogSessions({ configRoot: root, projectDirs: projectDirsOf(root), writable: false })).map((r) => [
        r.sessionId,
        r,
      ]),
    );
    expect(sdk.get(id(1))?.archived).toBe(false);
    expect(ours.get(id(1))?.archived).toBeUndefined();
    expect(sdk.get(id(3))?.archived).toBe(true);
    expect(ours.get(id(3))?.archived).toBe(true);
  }, 120_000);
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogPath, catalogSessions } from "../../src/catalog/session-catalog.ts";
import { ClaudeTree } from "../support/claude-tree.ts";

const savedIds = (root: string, projectDir: string) =>
  Object.keys(JSON.parse(fs.readFileSync(catalogPath(root, projectDir), "utf8")).sessions).sort();

describe("catalogSessions with `only` (the few sessions a search shows)", () => {
  it("lists only those, reads a changed one again, and keeps what is saved of the others", async () => {
    const tree = new ClaudeTree();
    const a = tree.session("/w/app", ["first of a"]);
    const b = tree.session("/w/app", ["first of b"]);
    const c = tree.session("/w/app", ["first of c"]);
    const projectDir = path.dirname(a.path);
    const options = { configRoot: tree.root, projectDirs: [projectDir], writable: true };
    expect((await catalogSessions(options)).map((r) => r.sessionId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(savedIds(tree.root, projectDir)).toEqual([a.id, b.id, c.id].sort());

    tree.append(b, "b goes on", Date.now() + 60_000);
    const some = await catalogSessions({ ...options, only: new Set([b.path]) });
    expect(some.map((r) => [r.sessionId, r.messageCount])).toEqual([[b.id, 4]]);
    // b was read again and saved; a and c, not looked at, are still saved.
    expect(savedIds(tree.root, projectDir)).toEqual([a.id, b.id, c.id].sort());

    fs.rmSync(c.path);
    const none = await catalogSessions({ ...options, only: new Set([c.path]) });
    expect(none).toEqual([]);
    // A full listing prunes the gone one.
    expect((await catalogSessions(options)).map((r) => r.sessionId)).toEqual([b.id, a.id]);
    expect(savedIds(tree.root, projectDir)).toEqual([a.id, b.id].sort());
  });
});

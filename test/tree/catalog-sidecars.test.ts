import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogSessions } from "../../src/catalog/session-catalog.ts";
import { ClaudeTree } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";

describe("catalogSessions and the sessions' <uuid>/ sidecars", () => {
  it("reads them where the <uuid> folder is, a link to one too, and looks for none without it", async () => {
    const tree = new ClaudeTree();
    const app = "/w/app";
    const inFolder = tree.session(app, ["first prompt of a"], { mtime: Date.UTC(2026, 10, 1) });
    const throughLink = tree.session(app, ["first prompt of b"], { mtime: Date.UTC(2026, 10, 2) });
    const none = tree.session(app, ["first prompt of c"], { mtime: Date.UTC(2026, 10, 3) });
    const projectDir = tree.projectDir(app);
    fs.mkdirSync(path.join(projectDir, inFolder.id));
    fs.writeFileSync(path.join(projectDir, inFolder.id, "custom-title.json"), '{"customTitle":"From its folder"}');
    fs.writeFileSync(
      path.join(projectDir, inFolder.id, "archived.json"),
      '{"archived":true,"at":"2026-11-20T00:00:00.000Z","by":"sdk"}',
    );
    const elsewhere = tempDir("claude-reindex-sidecars-");
    fs.writeFileSync(path.join(elsewhere, "custom-title.json"), '{"customTitle":"Through a link"}');
    fs.symlinkSync(elsewhere, path.join(projectDir, throughLink.id));
    const rows = await catalogSessions({ configRoot: tree.root, projectDirs: [projectDir], writable: true });
    expect(rows.map((r) => [r.sessionId, r.title, r.archived ?? false])).toEqual([
      [none.id, "first prompt of c", false],
      [throughLink.id, "Through a link", false],
      [inFolder.id, "From its folder", true],
    ]);
  });
});

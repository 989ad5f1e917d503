import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runForget } from "../../src/commands/forget-command.ts";
import { runMigrate } from "../../src/commands/migrate-command.ts";
import { runRestore } from "../../src/commands/restore-command.ts";
import { runSessionHook } from "../../src/hooks/session-hook.ts";
import { keepDueSessions } from "../../src/layout/keep-guard.ts";
import { keptRoot, listKeptSessions } from "../../src/layout/kept-store.ts";
import { rebuildProject } from "../../src/rebuild/rebuild-project.ts";
import { atomicIndexWriter } from "../../src/sessions-index/index-store.ts";
import { NOT_THROUGH_LINKS } from "../../src/system/place-guard.ts";
import { ClaudeTree, captureIo } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";
import { TranscriptBuilder } from "../support/transcript-builder.ts";

const APP = "/home/dev/app";
const DAY = 86_400_000;
const NOW = new Date("2026-11-30T10:00:00.000Z");

/** Every file below `dir` (links not followed), relative to it. */
function filesBelow(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

/** Replaces the directory `dir` by a link to `target`, keeping what `dir` held there. */
function swapForLink(dir: string, target: string): void {
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(dir, target);
  fs.symlinkSync(target, dir);
}

describe("links in parent directories: nothing is written through them", () => {
  it("rebuild: a project directory swapped for a link mid-run stops the write before the rename", async () => {
    const tree = new ClaudeTree();
    tree.session(APP, ["one"]);
    const projectDir = tree.projectDir(APP);
    const elsewhere = path.join(tempDir("claude-reindex-elsewhere-"), "target");
    const report = await rebuildProject(projectDir, {
      dryRun: false,
      cache: null,
      now: () => NOW,
      // The swap lands between the checks made at the start and the index write.
      write: async (file, content, beforeRename) => {
        swapForLink(projectDir, elsewhere);
        await atomicIndexWriter(file, content, beforeRename);
      },
    });
    expect(report.status).toBe("failed");
    expect(report.problem).toBe(`${projectDir} is a symbolic link (to ${elsewhere}); ${NOT_THROUGH_LINKS}`);
    // Only the transcript that was moved there: no index, no temporary file, no lock left behind.
    expect(filesBelow(elsewhere).filter((n) => !n.endsWith(".jsonl"))).toEqual([]);
  });

  it("rebuild: projects/ re-pointed mid-run (a custom layout linked elsewhere) stops the write", async () => {
    const tree = new ClaudeTree();
    tree.session(APP, ["one"]);
    const base = tempDir("claude-reindex-layout-");
    const first = path.join(base, "first");
    const second = path.join(base, "second");
    swapForLink(path.join(tree.root, "projects"), first);
    fs.cpSync(first, second, { recursive: true });
    const projectDir = tree.projectDir(APP);
    const report = await rebuildProject(projectDir, {
      dryRun: false,
      cache: null,
      now: () => NOW,
      write: async (file, content, beforeRename) => {
        fs.unlinkSync(path.join(tree.root, "projects"));
        fs.symlinkSync(second, path.join(tree.root, "projects"));
        await atomicIndexWriter(file, content, beforeRename);
      },
    });
    expect(report.status).toBe("failed");
    expect(report.problem).toContain(`${path.join(tree.root, "projects")} changed while claude-reindex ran`);
    expect(fs.readdirSync(path.join(second, path.basename(projectDir))).filter((n) => !n.endsWith(".jsonl"))).toEqual(
      [],
    );
    // As it was when the run began, the linked layout is followed (Claude Code follows it too).
    fs.unlinkSync(path.join(tree.root, "projects"));
    fs.symlinkSync(first, path.join(tree.root, "projects"));
    // (The lock the stopped write held stays in the first layout until it is stale.)
    const again = await rebuildProject(projectDir, { dryRun: false, cache: null, now: () => NOW, lockStaleMs: 500 });
    expect(again.status).toBe("written");
    expect(fs.existsSync(path.join(first, path.basename(projectDir), "sessions-index.json"))).toBe(true);
  });

  it("the hooks' merge: a project directory that is a link is reported on stderr, not written into", async () => {
    const tree = new ClaudeTree();
    const s = tree.session(APP, ["one"]);
    const elsewhere = path.join(tempDir("claude-reindex-elsewhere-"), "target");
    swapForLink(tree.projectDir(APP), elsewhere);
    const io = captureIo();
    await runSessionHook({
      event: "Stop",
      input: JSON.stringify({ session_id: s.id, transcript_path: s.path, hook_event_name: "Stop" }),
      configRoot: tree.root,
      env: {},
      now: () => NOW,
      stderr: io.io.stderr,
    });
    expect(io.stderr()).toContain(`${tree.projectDir(APP)} is a symbolic link`);
    expect(filesBelow(elsewhere)).toEqual([path.basename(s.path)]);
  });

  it("migrate: a destination project directory or <uuid>/ folder that is a link is not migrated into", async () => {
    const root = tempDir();
    const from = tempDir();
    const ids = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];
    const cwds = ["/home/dev/linked", "/home/dev/folder"];
    for (const [i, id] of ids.entries()) {
      const t = new TranscriptBuilder({ sessionId: id, cwd: cwds[i]! });
      t.turn("hello");
      fs.writeFileSync(path.join(from, `${id}.jsonl`), t.toString());
      fs.mkdirSync(path.join(from, id));
      fs.writeFileSync(path.join(from, id, "custom-title.json"), "{}\n");
    }
    const elsewhere = tempDir("claude-reindex-elsewhere-");
    const projects = path.join(root, "projects");
    fs.mkdirSync(path.join(projects, "-home-dev-folder"), { recursive: true });
    fs.symlinkSync(elsewhere, path.join(projects, "-home-dev-linked"));
    fs.symlinkSync(elsewhere, path.join(projects, "-home-dev-folder", ids[1]!));
    const io = captureIo();
    const result = await runMigrate({ configRoot: root, from, move: true, dryRun: false, now: () => NOW, io: io.io });
    expect(result.kind).toBe("failed");
    expect(result.problems).toContain(
      `not migrated: ${path.join(projects, "-home-dev-linked")} is a symbolic link (to ${elsewhere}); ` +
        NOT_THROUGH_LINKS,
    );
    expect(result.problems?.join("\n")).toContain(
      `${path.join(projects, "-home-dev-folder", ids[1]!)} is a symbolic link`,
    );
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    // Nothing lost: both sessions are still at the source.
    expect(fs.readdirSync(from).sort()).toEqual([...ids, ...ids.map((id) => `${id}.jsonl`)].sort());
  });

  describe("restore and forget", () => {
    function kept() {
      const tree = new ClaudeTree();
      const old = tree.session(APP, ["forty days"], { mtime: NOW.getTime() - 40 * DAY });
      fs.mkdirSync(path.join(tree.projectDir(APP), old.id));
      fs.writeFileSync(path.join(tree.projectDir(APP), old.id, "custom-title.json"), '{"customTitle":"t"}\n');
      const places = { configRoot: tree.root, workingDir: tempDir(), managedDir: tempDir(), now: NOW };
      keepDueSessions(places);
      expect(listKeptSessions(tree.root).map((k) => k.sessionId)).toEqual([old.id]);
      const projectDir = tree.projectDir(APP);
      fs.rmSync(projectDir, { recursive: true }); // Claude Code's sweep
      const keptDir = path.join(keptRoot(tree.root), path.basename(projectDir));
      return { tree, old, keptDir, projectDir };
    }

    it("restore: a project directory that is a link is refused in one line; nothing lands in its target", async () => {
      const { tree, old, projectDir } = kept();
      const elsewhere = tempDir("claude-reindex-elsewhere-");
      fs.symlinkSync(elsewhere, projectDir);
      const io = captureIo();
      const result = await runRestore({ configRoot: tree.root, idOrPrefix: old.id, now: () => NOW, io: io.io });
      expect(result.kind).toBe("failed");
      expect(result.problems).toEqual([
        `not restored: ${projectDir} is a symbolic link (to ${elsewhere}); ${NOT_THROUGH_LINKS}`,
      ]);
      expect(fs.readdirSync(elsewhere)).toEqual([]);
    });

    it("restore: a kept folder that is a link is refused (no file elsewhere is linked into projects/)", async () => {
      const { tree, old, keptDir } = kept();
      const elsewhere = path.join(tempDir("claude-reindex-elsewhere-"), "target");
      swapForLink(keptDir, elsewhere);
      const result = await runRestore({
        configRoot: tree.root,
        idOrPrefix: old.id,
        now: () => NOW,
        io: captureIo().io,
      });
      expect(result.kind).toBe("failed");
      expect(result.problems?.[0]).toContain(`${keptDir} is a symbolic link`);
      expect(fs.existsSync(old.path)).toBe(false);
    });

    it("forget: a kept folder or <uuid>/ folder that is a link is refused; nothing is removed through it", async () => {
      const { tree, old, keptDir } = kept();
      const elsewhere = path.join(tempDir("claude-reindex-elsewhere-"), "target");
      swapForLink(path.join(keptDir, old.id), elsewhere);
      const forget = () =>
        runForget({ configRoot: tree.root, idOrPrefix: old.id, yes: true, stdin: process.stdin, io: captureIo().io });
      const first = await forget();
      expect(first.kind).toBe("failed");
      expect(first.problems).toEqual([
        `not dropped: ${path.join(keptDir, old.id)} is a symbolic link (to ${elsewhere}); ${NOT_THROUGH_LINKS}`,
      ]);
      expect(filesBelow(elsewhere)).toEqual(["custom-title.json"]);
      expect(fs.existsSync(path.join(keptDir, `${old.id}.jsonl`))).toBe(true);

      // The whole kept project folder swapped for a link.
      fs.unlinkSync(path.join(keptDir, old.id));
      fs.renameSync(elsewhere, path.join(keptDir, old.id));
      const other = path.join(tempDir("claude-reindex-elsewhere-"), "kept-project");
      swapForLink(keptDir, other);
      const second = await forget();
      expect(second.kind).toBe("failed");
      expect(second.problems?.[0]).toContain(`${keptDir} is a symbolic link`);
      expect(filesBelow(other)).toEqual([old.id, path.join(old.id, "custom-title.json"), `${old.id}.jsonl`].sort());

      // With the links gone, forget drops it.
      fs.unlinkSync(keptDir);
      fs.renameSync(other, keptDir);
      expect((await forget()).kind).toBe("done");
      expect(listKeptSessions(tree.root)).toEqual([]);
    });
  });
});

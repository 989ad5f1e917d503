// delete, restore and purge on fixture trees: the trash holds the transcript, its <uuid>/ folder and
// the kept copy; the index entry goes and comes back; list agrees; a live session is refused.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runArchive } from "../../src/commands/archive-command.ts";
import { runDelete } from "../../src/commands/delete-command.ts";
import { runList } from "../../src/commands/list-command.ts";
import { runRebuild } from "../../src/commands/rebuild-command.ts";
import { runRename } from "../../src/commands/rename-command.ts";
import { runRestore } from "../../src/commands/restore-command.ts";
import type { ManageCommand } from "../../src/commands/session-target.ts";
import { keepFile, keptRoot } from "../../src/layout/kept-store.ts";
import { listTrashedSessions, trashRoot } from "../../src/layout/session-trash.ts";
import { rebuildProjects } from "../../src/rebuild/rebuild-projects.ts";
import { UsageError } from "../../src/text/user-error.ts";
import { ClaudeTree, captureIo, setMtime } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);

function world() {
  const tree = new ClaudeTree();
  const cwd = fs.realpathSync(tempDir());
  const a = tree.session(cwd, ["the session to delete", "and its second turn"], { mtime: NOW - 2 * DAY });
  const b = tree.session(cwd, ["a session that stays"], { mtime: NOW - DAY });
  const projectDir = tree.projectDir(cwd);
  // Companions: a subagent transcript and a tool result in <uuid>/.
  const folder = path.join(projectDir, a.id);
  fs.mkdirSync(path.join(folder, "subagents"), { recursive: true, mode: 0o700 });
  fs.mkdirSync(path.join(folder, "tool-results"), { mode: 0o700 });
  fs.writeFileSync(path.join(folder, "subagents", "agent-x.jsonl"), '{"type":"user"}\n', { mode: 0o600 });
  fs.writeFileSync(path.join(folder, "tool-results", "r1.txt"), "tool output\n", { mode: 0o644 });
  setMtime(path.join(folder, "subagents", "agent-x.jsonl"), NOW - 3 * DAY);
  setMtime(path.join(folder, "tool-results", "r1.txt"), NOW - 3 * DAY);
  const emptyProc = tempDir("claude-reindex-proc-");
  return { tree, cwd, a, b, projectDir, folder, emptyProc };
}

function manage(w: ReturnType<typeof world>, idOrPrefix: string, extra: Partial<ManageCommand> = {}) {
  const cap = captureIo();
  const command: ManageCommand = {
    configRoot: w.tree.root,
    idOrPrefix,
    projectDirs: null,
    json: false,
    now: () => new Date(NOW),
    procRoot: w.emptyProc,
    io: cap.io,
    ...extra,
  };
  return { command, cap };
}

/** Every file below `dir` with its bytes, mode and mtime, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      const s = fs.lstatSync(p);
      if (s.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = `${fs.readFileSync(p, "base64")} ${(s.mode & 0o777).toString(8)} ${s.mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

async function listIds(w: ReturnType<typeof world>): Promise<string[]> {
  const cap = captureIo();
  await runList({
    configRoot: w.tree.root,
    selection: { kind: "all" },
    json: true,
    env: {},
    now: () => new Date(NOW),
    io: cap.io,
  });
  return JSON.parse(cap.stdout()).map((r: { sessionId: string }) => r.sessionId);
}

describe("delete and restore", () => {
  it("trashes transcript, folder, kept copy, drops index entry; restore puts all back, bytes and times", async () => {
    const w = world();
    await rebuildProjects(
      [w.projectDir],
      { configRoot: w.tree.root, dryRun: false, now: () => new Date(NOW) },
      () => {},
    );
    expect(
      w.tree
        .readIndex(w.cwd)
        .entries.map((e) => e.sessionId)
        .sort(),
    ).toEqual([w.a.id, w.b.id].sort());
    // The keep guard kept it (a hard link).
    keepFile(w.tree.root, path.basename(w.projectDir), `${w.a.id}.jsonl`);
    const keptDir = path.join(keptRoot(w.tree.root), path.basename(w.projectDir));
    const before = snapshot(w.projectDir);
    const keptBefore = snapshot(keptDir);

    const { command, cap } = manage(w, w.a.id.slice(0, 8));
    const result = await runDelete({ ...command, purge: false, yes: false, stdin: process.stdin });
    expect(result, cap.stdout()).toEqual({ kind: "done", problems: [] });
    expect(cap.stdout()).toContain(`moved ${w.a.id} into the trash (4 files)`);
    expect(fs.existsSync(w.a.path)).toBe(false);
    expect(fs.existsSync(w.folder)).toBe(false);
    expect(fs.existsSync(path.join(keptDir, `${w.a.id}.jsonl`))).toBe(false);
    const trashed = path.join(trashRoot(w.tree.root), "projects", path.basename(w.projectDir));
    expect(Object.keys(snapshot(trashed)).sort()).toEqual(
      [`${w.a.id}.jsonl`, `${w.a.id}/subagents/agent-x.jsonl`, `${w.a.id}/tool-results/r1.txt`].sort(),
    );
    expect(w.tree.readIndex(w.cwd).entries.map((e) => e.sessionId)).toEqual([w.b.id]);
    expect(listTrashedSessions(w.tree.root)).toMatchObject([{ sessionId: w.a.id, withKeptCopy: true, files: 4 }]);
    const again = manage(w, w.a.id);
    expect(await runRename({ ...again.command, title: "x" })).toEqual({
      kind: "failed",
      problems: [`session ${w.a.id} is in the trash: claude-reindex restore ${w.a.id} puts it back`],
    });
    // Gone from list; a rebuild does not bring its entry back (its transcript is not in projects/).
    expect(await listIds(w)).toEqual([w.b.id]);
    await runRebuild({
      configRoot: w.tree.root,
      selection: { kind: "all" },
      dryRun: false,
      json: false,
      now: () => new Date(NOW),
      io: captureIo().io,
    } as Parameters<typeof runRebuild>[0]);
    expect(w.tree.readIndex(w.cwd).entries.map((e) => e.sessionId)).toEqual([w.b.id]);

    const restored = captureIo();
    const back = await runRestore({
      configRoot: w.tree.root,
      idOrPrefix: w.a.id.slice(0, 8),
      now: () => new Date(NOW),
      io: restored.io,
    });
    expect(back, restored.stdout()).toEqual({ kind: "done", problems: [] });
    expect(restored.stdout()).toContain(`restored ${w.a.id} from the trash`);
    const after = snapshot(w.projectDir);
    delete after["sessions-index.json"];
    delete before["sessions-index.json"];
    expect(after).toEqual(before);
    expect(snapshot(keptDir)).toEqual(keptBefore);
    expect(fs.statSync(w.a.path).ino).toBe(fs.statSync(path.join(keptDir, `${w.a.id}.jsonl`)).ino);
    expect(fs.existsSync(trashRoot(w.tree.root))).toBe(false);
    expect(
      w.tree
        .readIndex(w.cwd)
        .entries.map((e) => e.sessionId)
        .sort(),
    ).toEqual([w.a.id, w.b.id].sort());
    expect((await listIds(w)).sort()).toEqual([w.a.id, w.b.id].sort());
  });

  it("--purge removes it for good with --yes; without a terminal and without --yes it changes nothing", async () => {
    const w = world();
    const noTty = Object.assign(new (await import("node:stream")).PassThrough(), { isTTY: false });
    const refused = manage(w, w.a.id);
    const r1 = await runDelete({ ...refused.command, purge: true, yes: false, stdin: noTty });
    expect(r1.kind).toBe("failed");
    expect(fs.existsSync(w.a.path)).toBe(true);

    // Trashed first, then purged from the trash.
    const del = manage(w, w.a.id);
    await runDelete({ ...del.command, purge: false, yes: false, stdin: noTty });
    const purge = manage(w, w.a.id);
    expect((await runDelete({ ...purge.command, purge: true, yes: true, stdin: noTty })).kind).toBe("done");
    expect(purge.cap.stdout()).toContain(`purged ${w.a.id} for good (3 files)`);
    expect(fs.existsSync(trashRoot(w.tree.root))).toBe(false);
    // Straight from its project.
    const direct = manage(w, w.b.id);
    expect((await runDelete({ ...direct.command, purge: true, yes: true, stdin: noTty })).kind).toBe("done");
    expect(fs.existsSync(w.b.path)).toBe(false);
    expect(fs.existsSync(trashRoot(w.tree.root))).toBe(false);
    const restore = captureIo();
    expect(
      (await runRestore({ configRoot: w.tree.root, idOrPrefix: w.b.id, now: () => new Date(NOW), io: restore.io }))
        .kind,
    ).toBe("failed");
  });

  it("a prefix of several sessions is a usage error that lists them; no session is a one-line failure", async () => {
    const w = world();
    const both = manage(w, "0000000");
    await expect(runRename({ ...both.command, title: "x" })).rejects.toThrow(UsageError);
    await expect(runRename({ ...both.command, title: "x" })).rejects.toThrow(`${w.a.id}, ${w.b.id}`);
    const none = manage(w, "ffff");
    const result = await runRename({ ...none.command, title: "x" });
    expect(result.kind).toBe("failed");
    await expect(runRename({ ...manage(w, "not-hex").command, title: "x" })).rejects.toThrow(UsageError);
  });
});

describe("never a live session", () => {
  it("refuses one written in the last 60 s (the clock is a parameter), takes it once a minute has passed", async () => {
    const w = world();
    setMtime(w.a.path, NOW - 20_000);
    const size = fs.statSync(w.a.path).size;
    const live = manage(w, w.a.id);
    const result = await runRename({ ...live.command, title: "new" });
    expect(result).toEqual({
      kind: "failed",
      problems: [
        `refused: session ${w.a.id} is live: it was written 20 s ago and may still be running: try again in a minute`,
      ],
    });
    expect(fs.statSync(w.a.path).size).toBe(size);
    // A file of its folder counts too.
    setMtime(w.a.path, NOW - DAY);
    setMtime(path.join(w.folder, "tool-results", "r1.txt"), NOW - 5_000);
    expect((await runArchive({ ...manage(w, w.a.id).command, archived: true })).kind).toBe("failed");
    const later = manage(w, w.a.id, { now: () => new Date(NOW + 60_000) });
    expect(await runRename({ ...later.command, title: "new" })).toEqual({ kind: "done", problems: [] });
  });

  it("our own writes don't make a session live: rename, archive, tag in a row; a later message does", async () => {
    const w = world();
    const now = () => new Date(Date.now());
    expect((await runRename({ ...manage(w, w.b.id, { now }).command, title: "first" })).kind).toBe("done");
    expect((await runArchive({ ...manage(w, w.b.id, { now }).command, archived: true })).kind).toBe("done");
    expect((await runRename({ ...manage(w, w.b.id, { now }).command, title: "second" })).kind).toBe("done");
    w.tree.append(w.b, "Claude Code wrote a turn just now");
    const refused = await runArchive({ ...manage(w, w.b.id, { now }).command, archived: false });
    expect(refused.kind).toBe("failed");
  });

  it("refuses one a process holds open: a laid-out proc root, and a real process under /proc", async () => {
    const w = world();
    const proc = tempDir("claude-reindex-proc-");
    fs.mkdirSync(path.join(proc, "4242", "fd"), { recursive: true });
    fs.writeFileSync(path.join(proc, "4242", "comm"), "claude\n");
    fs.symlinkSync(
      fs.realpathSync(path.join(w.folder, "subagents", "agent-x.jsonl")),
      path.join(proc, "4242", "fd", "7"),
    );
    const held = manage(w, w.a.id, { procRoot: proc });
    const result = await runDelete({ ...held.command, purge: false, yes: false, stdin: process.stdin });
    expect(result).toEqual({
      kind: "failed",
      problems: [
        `refused: session ${w.a.id} is live: agent-x.jsonl is open in process 4242 (claude); ` +
          "it may still be running: leave it first",
      ],
    });
    expect(fs.existsSync(w.a.path)).toBe(true);
    expect((await runRename({ ...manage(w, w.b.id, { procRoot: proc }).command, title: "fine" })).kind).toBe("done");

    if (process.platform !== "linux") return;
    const child = spawn(
      process.execPath,
      [
        "-e",
        `require("fs").openSync(${JSON.stringify(w.b.path)}, "r"); console.log("open"); setTimeout(() => {}, 30000)`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise((resolve) => child.stdout.once("data", resolve));
      const real = manage(w, w.b.id, { procRoot: "/proc", now: () => new Date(Date.now() + 120_000) });
      const refused = await runRename({ ...real.command, title: "again" });
      expect(refused.kind).toBe("failed");
      expect((refused as { problems: string[] }).problems[0]).toContain(`is open in process ${child.pid} (node)`);
    } finally {
      child.kill();
    }
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runDoctor } from "../../src/commands/doctor-command.ts";
import { runForget } from "../../src/commands/forget-command.ts";
import { runInstall, runUninstall } from "../../src/commands/install-command.ts";
import { keepBeforeLaunch } from "../../src/commands/keep-before-launch.ts";
import { runList } from "../../src/commands/list-command.ts";
import { runPick } from "../../src/commands/pick-command.ts";
import { runRebuild } from "../../src/commands/rebuild-command.ts";
import { runRestore } from "../../src/commands/restore-command.ts";
import { runShimCheck } from "../../src/commands/shim-check-command.ts";
import { fastShimCheck, KEPT_THEN_REPAIR, STAT_PASS_STATUS } from "../../src/commands/shim-fast-check.ts";
import { runWhy } from "../../src/commands/why-command.ts";
import { runSessionHook } from "../../src/hooks/session-hook.ts";
import { cleanupPeriodInForce } from "../../src/layout/cleanup-period.ts";
import { keepDueSessions } from "../../src/layout/keep-guard.ts";
import { keepGuardOn } from "../../src/layout/keep-guard-switch.ts";
import { keptRoot, listKeptSessions } from "../../src/layout/kept-store.ts";
import { listSessionFiles } from "../../src/layout/session-file.ts";
import { shimStampPath } from "../../src/layout/shim-stamp.ts";
import { ClaudeTree, captureIo, setMtime } from "../support/claude-tree.ts";
import { writeStubClaude } from "../support/stub-claude.ts";
import { tempDir } from "../support/temp.ts";

const APP = "/home/dev/app";
const DAY = 86_400_000;
const NOW = new Date("2026-11-30T10:00:00.000Z");

/** A tree with sessions aged 40, 26 (within the week before the cutoff) and 2 days. */
function world() {
  const tree = new ClaudeTree();
  const workingDir = tempDir("claude-reindex-wd-");
  const managedDir = tempDir("claude-reindex-managed-");
  const old = tree.session(APP, ["forty days"], { mtime: NOW.getTime() - 40 * DAY });
  const near = tree.session(APP, ["twenty-six days"], { mtime: NOW.getTime() - 26 * DAY });
  const fresh = tree.session(APP, ["two days"], { mtime: NOW.getTime() - 2 * DAY });
  const project = tree.projectDir(APP);
  fs.mkdirSync(path.join(project, old.id, "subagents"), { recursive: true });
  fs.writeFileSync(path.join(project, old.id, "subagents", "agent-x.jsonl"), '{"a":1}\n');
  fs.writeFileSync(path.join(project, old.id, "custom-title.json"), '{"customTitle":"t"}\n');
  const agent = path.join(project, "agent-0a1b.jsonl");
  fs.writeFileSync(agent, `${JSON.stringify({ sessionId: old.id, isSidechain: true })}\n`);
  setMtime(agent, NOW.getTime() - 40 * DAY);
  const places = { configRoot: tree.root, workingDir, managedDir };
  return { tree, places, old, near, fresh, project, agent };
}

describe("cleanupPeriodDays in force", () => {
  it("takes managed over local over project over user, and passes over junk and rejected values", () => {
    const { tree, places } = world();
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    };
    expect(cleanupPeriodInForce(places)).toEqual({ days: 30, source: null, problems: [] });
    write(path.join(tree.root, "settings.json"), '{ // comment\n "cleanupPeriodDays": 90, }');
    expect(cleanupPeriodInForce(places).days).toBe(90);
    const project = path.join(places.workingDir, ".claude", "settings.json");
    write(project, '{"cleanupPeriodDays": 60}');
    expect(cleanupPeriodInForce(places)).toMatchObject({ days: 60, source: project });
    const local = path.join(places.workingDir, ".claude", "settings.local.json");
    write(local, '{"cleanupPeriodDays": 0}');
    const rejected = cleanupPeriodInForce(places);
    expect(rejected).toMatchObject({ days: 60, source: project });
    expect(rejected.problems[0]).toContain(`cleanupPeriodDays 0 in ${local}`);
    write(local, "[1, 2");
    expect(cleanupPeriodInForce(places).problems[0]).toContain("not a JSON object");
    write(local, '{"cleanupPeriodDays": "ten"}');
    expect(cleanupPeriodInForce(places).days).toBe(60);
    write(path.join(places.managedDir, "managed-settings.json"), '{"cleanupPeriodDays": 7}');
    expect(cleanupPeriodInForce(places).days).toBe(7);
    write(path.join(places.managedDir, "managed-settings.d", "10-retention.json"), '{"cleanupPeriodDays": 5}');
    expect(cleanupPeriodInForce(places).days).toBe(5);
    expect(cleanupPeriodInForce({ ...places, workingDir: null }).days).toBe(5);
  });
});

describe("the keep guard", () => {
  it("keeps what is past or within 7 days of the cutoff with its companions, as hard links, idempotently", () => {
    const w = world();
    const report = keepDueSessions({ ...w.places, now: NOW });
    expect(report.due).toBe(3); // old, near, the agent file
    const kept = path.join(keptRoot(w.tree.root), path.basename(w.project));
    const names = fs.readdirSync(kept).sort();
    expect(names).toEqual([w.old.id, `${w.old.id}.jsonl`, "agent-0a1b.jsonl", `${w.near.id}.jsonl`].sort());
    expect(fs.readFileSync(path.join(kept, w.old.id, "subagents", "agent-x.jsonl"), "utf8")).toBe('{"a":1}\n');
    // Hard links: the same inode, no space of their own.
    expect(fs.statSync(path.join(kept, `${w.old.id}.jsonl`)).ino).toBe(fs.statSync(w.old.path).ino);
    expect(report.kept.length).toBe(5);
    expect(keepDueSessions({ ...w.places, now: NOW }).kept).toEqual([]);

    // The session went on after it was kept by copy (another file system): the kept copy follows.
    fs.rmSync(path.join(kept, `${w.near.id}.jsonl`));
    fs.copyFileSync(w.near.path, path.join(kept, `${w.near.id}.jsonl`));
    w.tree.append(w.near, "more", NOW.getTime() - 25 * DAY);
    expect(keepDueSessions({ ...w.places, now: NOW }).kept).toEqual([
      path.join(path.basename(w.project), `${w.near.id}.jsonl`),
    ]);
    expect(fs.readFileSync(path.join(kept, `${w.near.id}.jsonl`))).toEqual(fs.readFileSync(w.near.path));
  });

  it("looks at each due transcript once, and at its kept file once, when everything is kept already", () => {
    const w = world();
    keepDueSessions({ ...w.places, now: NOW });
    const looks = new Map<string, number>();
    const lstat = vi.spyOn(fs, "lstatSync");
    try {
      expect(keepDueSessions({ ...w.places, now: NOW }).kept).toEqual([]);
      for (const [file] of lstat.mock.calls) looks.set(String(file), (looks.get(String(file)) ?? 0) + 1);
    } finally {
      lstat.mockRestore();
    }
    const kept = path.join(keptRoot(w.tree.root), path.basename(w.project));
    for (const file of [w.old.path, w.near.path, w.agent]) {
      expect(looks.get(file), file).toBe(1);
      expect(looks.get(path.join(kept, path.basename(file))), file).toBe(1);
    }
    // Not due: looked at once, to see that it is not.
    expect(looks.get(w.fresh.path)).toBe(1);
  });

  it("trusts its last whole pass: a due file unchanged since, in a kept folder unchanged, is kept", async () => {
    const w = world();
    const kept = path.join(keptRoot(w.tree.root), path.basename(w.project));
    const keptFile = (file: string) => path.join(kept, path.basename(file));
    const stamp = path.join(w.tree.root, "claude-reindex", "kept-verified");
    // File times come from a coarse clock: a pause between passes puts each change before the next stamp.
    const pass = async (now = NOW) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return keepDueSessions({ ...w.places, now });
    };
    await pass(); // keeps (linking changes the transcripts' ctimes and the kept folder)
    await pass(); // finds everything kept, and leaves the stamp of a whole pass
    const looks = new Map<string, number>();
    const lstat = vi.spyOn(fs, "lstatSync");
    try {
      expect((await pass()).kept).toEqual([]);
      for (const [file] of lstat.mock.calls) looks.set(String(file), (looks.get(String(file)) ?? 0) + 1);
    } finally {
      lstat.mockRestore();
    }
    for (const file of [w.old.path, w.near.path, w.agent, w.fresh.path]) expect(looks.get(file), file).toBe(1);
    expect(looks.get(keptFile(w.near.path))).toBeUndefined();
    expect(looks.get(keptFile(w.agent))).toBeUndefined();
    // A session with a `<uuid>/` folder is looked at every time.
    expect(looks.get(keptFile(w.old.path))).toBe(1);

    // A kept file removed since (its folder changed): kept again.
    fs.rmSync(keptFile(w.near.path));
    expect((await pass()).kept).toEqual([path.join(path.basename(w.project), `${w.near.id}.jsonl`)]);
    await pass();
    // Kept by copy (another file system), then the copy removed: the transcript has not changed, its folder has.
    fs.rmSync(keptFile(w.near.path));
    fs.copyFileSync(w.near.path, keptFile(w.near.path));
    fs.utimesSync(keptFile(w.near.path), fs.statSync(w.near.path).atime, fs.statSync(w.near.path).mtime);
    expect((await pass()).kept).toEqual([]);
    await pass();
    fs.rmSync(keptFile(w.near.path));
    expect((await pass()).kept).toEqual([path.join(path.basename(w.project), `${w.near.id}.jsonl`)]);
    await pass();
    // The transcript replaced by another file (a new inode) with an old mtime, its kept folder unchanged: kept anew.
    const replacement = `${w.near.path}.new`;
    fs.writeFileSync(replacement, `${fs.readFileSync(w.near.path, "utf8")}{"type":"summary"}\n`);
    fs.utimesSync(replacement, fs.statSync(w.near.path).atime, fs.statSync(w.near.path).mtime);
    fs.renameSync(replacement, w.near.path);
    expect((await pass()).kept).toEqual([path.join(path.basename(w.project), `${w.near.id}.jsonl`)]);
    expect(fs.readFileSync(keptFile(w.near.path))).toEqual(fs.readFileSync(w.near.path));
    await pass();
    // A session that became due since the stamp, unchanged itself, in a kept folder unchanged: kept.
    const later = new Date(NOW.getTime() + 30 * DAY);
    expect((await pass(later)).kept).toEqual([path.join(path.basename(w.project), `${w.fresh.id}.jsonl`)]);
    expect(fs.statSync(keptFile(w.fresh.path)).ino).toBe(fs.statSync(w.fresh.path).ino);

    // A pass that was killed left its own stamp: the next removes it (never one of a process that runs).
    const left = (pid: number) => path.join(path.dirname(stamp), `kept-verified.${pid}`);
    fs.writeFileSync(left(2 ** 22 + 1), "1\n");
    fs.writeFileSync(left(process.ppid), "1\n");
    await pass(later);
    expect(fs.existsSync(left(2 ** 22 + 1))).toBe(false);
    expect(fs.existsSync(left(process.ppid))).toBe(true);
    fs.rmSync(left(process.ppid));
    // A pass that could not keep everything leaves no stamp: the last one stays, and no stamp of its own.
    const before = fs.statSync(stamp).mtimeMs;
    fs.rmSync(keptFile(w.near.path));
    fs.mkdirSync(keptFile(w.near.path));
    expect((await pass(later)).problems).toHaveLength(1);
    expect(fs.statSync(stamp).mtimeMs).toBe(before);
    expect(fs.readdirSync(path.dirname(stamp)).filter((n) => n.startsWith("kept-verified."))).toEqual([]);
    fs.rmdirSync(keptFile(w.near.path));
    expect((await pass(later)).kept).toEqual([path.join(path.basename(w.project), `${w.near.id}.jsonl`)]);
    await pass(later);

    // The project folder, or all of projects/, replaced by a copy made before the stamp (the files' ctimes are
    // older), one transcript in it different: kept anew.
    const nearKey = path.join(path.basename(w.project), `${w.near.id}.jsonl`);
    const projects = path.dirname(w.project);
    for (const replaced of [w.project, projects]) {
      const copy = path.join(tempDir("claude-reindex-copy-"), "copy");
      fs.cpSync(replaced, copy, { recursive: true, preserveTimestamps: true });
      const changed = path.join(copy, replaced === projects ? path.basename(w.project) : "", `${w.near.id}.jsonl`);
      fs.appendFileSync(changed, `${JSON.stringify({ type: "summary", summary: replaced })}\n`);
      fs.utimesSync(changed, fs.statSync(w.near.path).atime, fs.statSync(w.near.path).mtime);
      await pass(later);
      await pass(later);
      fs.renameSync(replaced, `${replaced}.before`);
      fs.renameSync(copy, replaced);
      expect((await pass(later)).kept).toContain(nearKey);
      expect(fs.readFileSync(keptFile(w.near.path))).toEqual(fs.readFileSync(w.near.path));
      await pass(later);
    }

    // A stamp dated after the pass began (the clock was set back) is not trusted: every kept file is looked at.
    const future = new Date(Date.now() + 3_600_000);
    fs.utimesSync(stamp, future, future);
    fs.rmSync(keptFile(w.agent));
    // Its folder changed, but dated before the stamp: only the distrust of the stamp finds the file gone.
    const folderTime = new Date(Date.now() - 3_600_000);
    fs.utimesSync(kept, folderTime, folderTime);
    expect((await pass(later)).kept).toEqual([path.join(path.basename(w.project), "agent-0a1b.jsonl")]);
  });

  it("lists each project as listSessionFiles does, from its own stats, for the check after it", () => {
    const w = world();
    // A link and a folder with a session's name: not sessions (the link is reported), as listSessionFiles has it.
    fs.symlinkSync(w.old.path, path.join(w.project, "0b0b0b0b-0000-4000-8000-000000000000.jsonl"));
    fs.mkdirSync(path.join(w.project, "0c0c0c0c-0000-4000-8000-000000000000.jsonl"));
    const listing = keepDueSessions({ ...w.places, now: NOW }).listings.get(path.basename(w.project));
    expect(listing).toEqual(listSessionFiles(w.project));
    expect(listing?.sessions.size).toBe(3);
    expect(listing?.unreadable).toHaveLength(1);
  });

  it("spares the shim's stat pass a second look: each transcript is statted once in a check", () => {
    const w = world();
    keepDueSessions({ ...w.places, now: NOW });
    fs.writeFileSync(
      path.join(w.tree.root, "claude-reindex", "installed.json"),
      '{"x":{"createdFile":false,"hooksKey":false,"events":[],"keepSessions":true}}',
    );
    const stderr = captureIo().io.stderr;
    const env = { CLAUDE_REINDEX_CHECK_MINUTES: "0", CLAUDE_REINDEX_MANAGED_SETTINGS_DIR: w.places.managedDir };
    const keep = () =>
      keepBeforeLaunch({ configRoot: w.tree.root, workingDir: w.places.workingDir, env, now: NOW, stderr });
    const looks = new Map<string, number>();
    const lstat = vi.spyOn(fs, "lstatSync");
    try {
      const check = { configRoot: w.tree.root, env, now: NOW, deadline: Infinity, clock: Date.now, stderr, keep };
      // No index yet: the stat pass asks for a repair, after looking at every transcript.
      expect(fastShimCheck(check)).toBe("repair");
      for (const [file] of lstat.mock.calls) looks.set(String(file), (looks.get(String(file)) ?? 0) + 1);
    } finally {
      lstat.mockRestore();
    }
    for (const file of [w.old.path, w.near.path, w.fresh.path]) expect(looks.get(file), file).toBe(1);
  });

  it("never writes through a link planted in its way", () => {
    const w = world();
    const elsewhere = tempDir("claude-reindex-elsewhere-");
    fs.mkdirSync(path.join(w.tree.root, "claude-reindex"), { recursive: true });
    fs.symlinkSync(elsewhere, keptRoot(w.tree.root));
    const report = keepDueSessions({ ...w.places, now: NOW });
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems[0]).toContain("not a folder");
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it("runs at SessionStart when on, and only then", async () => {
    const w = world();
    const hook = (event: "SessionStart" | "Stop") =>
      runSessionHook({
        event,
        input: JSON.stringify({
          session_id: w.fresh.id,
          transcript_path: w.fresh.path,
          cwd: w.places.workingDir,
          hook_event_name: event,
        }),
        configRoot: w.tree.root,
        env: { CLAUDE_REINDEX_MANAGED_SETTINGS_DIR: w.places.managedDir },
        now: () => NOW,
        stderr: captureIo().io.stderr,
      });
    await hook("SessionStart");
    expect(listKeptSessions(w.tree.root)).toEqual([]); // off
    fs.mkdirSync(path.join(w.tree.root, "claude-reindex"), { recursive: true });
    fs.writeFileSync(
      path.join(w.tree.root, "claude-reindex", "installed.json"),
      '{"x":{"createdFile":false,"hooksKey":false,"events":[],"keepSessions":true}}',
    );
    await hook("Stop");
    expect(listKeptSessions(w.tree.root)).toEqual([]);
    await hook("SessionStart");
    expect(listKeptSessions(w.tree.root).map((k) => k.sessionId)).toEqual([w.old.id, w.near.id]);
  });

  it("is run by the shim's stat pass when on, first, and the stat pass decides alone", async () => {
    const w = world();
    const io = captureIo().io;
    await runRebuild({
      configRoot: w.tree.root,
      selection: { kind: "all" },
      dryRun: false,
      json: true,
      now: () => NOW,
      io,
    });
    const stderr = captureIo().io.stderr;
    let keeps = 0;
    const keep = () => {
      keeps++;
      const env = { CLAUDE_REINDEX_MANAGED_SETTINGS_DIR: w.places.managedDir };
      return keepBeforeLaunch({ configRoot: w.tree.root, workingDir: w.places.workingDir, env, now: NOW, stderr });
    };
    const fast = (env: NodeJS.ProcessEnv = { CLAUDE_REINDEX_CHECK_MINUTES: "0" }) =>
      fastShimCheck({ configRoot: w.tree.root, env, now: NOW, deadline: Infinity, clock: Date.now, stderr, keep });
    expect(fast()).toBe("done"); // off
    expect(keeps).toBe(0);
    fs.writeFileSync(
      path.join(w.tree.root, "claude-reindex", "installed.json"),
      '{"x":{"createdFile":false,"hooksKey":false,"events":[],"keepSessions":true}}',
    );
    // On, nothing stale: kept, and no full check needed.
    expect(fast()).toBe("done");
    expect(keeps).toBe(1);
    expect(listKeptSessions(w.tree.root).map((k) => k.sessionId)).toEqual([w.old.id, w.near.id]);
    // On, an index stale: kept first, then the full check.
    w.tree.session(APP, ["newer"], { mtime: fs.statSync(w.tree.indexPath(APP)).mtimeMs + 2 * DAY });
    expect(fast()).toBe("repair");
    expect(keeps).toBe(2);
    // A check made recently is skipped whole, the guard with it, as the full check skips it.
    fs.utimesSync(shimStampPath(w.tree.root), NOW, NOW);
    expect(fast({})).toBe("done");
    expect(keeps).toBe(2);
    // Tracing: the full check does it all (and says so).
    expect(fast({ CLAUDE_REINDEX_DEBUG: "1", CLAUDE_REINDEX_CHECK_MINUTES: "0" })).toBe("repair");
    expect(keeps).toBe(2);
  });

  it("is run by the full shim check unless the stat pass of this launch ran it (status 4)", async () => {
    const w = world();
    fs.mkdirSync(path.join(w.tree.root, "claude-reindex"), { recursive: true });
    fs.writeFileSync(
      path.join(w.tree.root, "claude-reindex", "installed.json"),
      '{"x":{"createdFile":false,"hooksKey":false,"events":[],"keepSessions":true}}',
    );
    const check = async (env: NodeJS.ProcessEnv) => {
      const captured = captureIo();
      await runShimCheck({
        configRoot: w.tree.root,
        workingDir: w.places.workingDir,
        env,
        now: () => NOW,
        io: captured.io,
      });
      return captured;
    };
    const base = {
      CLAUDE_REINDEX_CHECK_MINUTES: "0",
      CLAUDE_REINDEX_MANAGED_SETTINGS_DIR: w.places.managedDir,
      CLAUDE_REINDEX_DEBUG: "1",
    };
    const told = await check({ ...base, [STAT_PASS_STATUS]: String(KEPT_THEN_REPAIR) });
    expect(told.stderr()).toContain("claude-reindex: keep guard: ran in the stat pass\n");
    expect(listKeptSessions(w.tree.root)).toEqual([]);
    // Any other status (3: the stat pass did not keep, or failed): the full check keeps.
    const untold = await check({ ...base, [STAT_PASS_STATUS]: "3" });
    expect(untold.stderr()).toContain("claude-reindex: keep guard: 3 due (cleanupPeriodDays 30), ");
    expect(listKeptSessions(w.tree.root).map((k) => k.sessionId)).toEqual([w.old.id, w.near.id]);
  });

  it("is turned on by install --keep-sessions and off by uninstall", async () => {
    const w = world();
    const command = {
      configRoot: w.tree.root,
      workingDir: w.places.workingDir,
      scope: "user" as const,
      dryRun: false,
      // This checkout, built: install refuses a package without hooks/launch and dist/hook.mjs.
      packageDir: path.resolve(import.meta.dirname, "../.."),
      shimPath: path.resolve(import.meta.dirname, "../../bin/claude"),
      homeDir: w.places.workingDir,
      pathEntries: [],
      now: () => NOW,
      io: captureIo().io,
    };
    await runInstall(command);
    expect(keepGuardOn(w.tree.root)).toBe(false);
    const out = captureIo();
    expect((await runInstall({ ...command, keepSessions: true, io: out.io })).kind).toBe("done");
    expect(out.stdout()).toContain("keep guard on");
    expect(keepGuardOn(w.tree.root)).toBe(true);
    await runInstall(command); // a plain install leaves it on
    expect(keepGuardOn(w.tree.root)).toBe(true);
    await runUninstall(command);
    expect(keepGuardOn(w.tree.root)).toBe(false);
  });
});

describe("restore and forget", () => {
  it("restore puts a deleted session back byte for byte with its times, never over a different file", async () => {
    const w = world();
    keepDueSessions({ ...w.places, now: NOW });
    const bytes = fs.readFileSync(w.old.path);
    const mtime = fs.statSync(w.old.path, { bigint: true }).mtimeNs;
    // Claude Code's sweep, as the real one does it.
    fs.rmSync(w.old.path);
    fs.rmSync(path.join(w.project, w.old.id), { recursive: true });
    fs.rmSync(w.agent);
    const listed = listKeptSessions(w.tree.root).find((k) => k.sessionId === w.old.id)!;
    expect(listed.originalExists).toBe(false);

    const out = captureIo();
    const result = await runRestore({
      configRoot: w.tree.root,
      idOrPrefix: w.old.id.slice(0, 12),
      now: () => NOW,
      io: out.io,
    });
    expect(result, out.stderr()).toEqual({ kind: "done", problems: [] });
    expect(fs.readFileSync(w.old.path)).toEqual(bytes);
    expect(fs.statSync(w.old.path, { bigint: true }).mtimeNs).toBe(mtime);
    expect(fs.readFileSync(path.join(w.project, w.old.id, "custom-title.json"), "utf8")).toBe('{"customTitle":"t"}\n');
    expect(fs.existsSync(w.agent)).toBe(true);
    const index = w.tree.readIndex(APP);
    expect(index.entries.map((e) => e.sessionId)).toContain(w.old.id);
    // Again: already in place.
    expect((await runRestore({ configRoot: w.tree.root, idOrPrefix: w.old.id, now: () => NOW, io: out.io })).kind).toBe(
      "done",
    );

    // A different file in the way is never overwritten.
    fs.rmSync(w.old.path);
    fs.writeFileSync(w.old.path, "someone else's\n");
    const blocked = await runRestore({ configRoot: w.tree.root, idOrPrefix: w.old.id, now: () => NOW, io: out.io });
    expect(blocked.kind).toBe("failed");
    expect(blocked.problems?.[0]).toContain("exists and differs");
    expect(fs.readFileSync(w.old.path, "utf8")).toBe("someone else's\n");

    // Unknown, ambiguous, not an id.
    expect((await runRestore({ configRoot: w.tree.root, idOrPrefix: "ffff", now: () => NOW, io: out.io })).kind).toBe(
      "failed",
    );
    const ambiguous = await runRestore({ configRoot: w.tree.root, idOrPrefix: "0000", now: () => NOW, io: out.io });
    expect(ambiguous.problems?.[0]).toContain("starts 2 kept sessions");
    const notId = await runRestore({ configRoot: w.tree.root, idOrPrefix: "../x", now: () => NOW, io: out.io });
    expect(notId.problems?.[0]).toContain("not a session id");
  });

  it("forget asks on a terminal, refuses without one unless --yes, and drops every kept file", async () => {
    const w = world();
    keepDueSessions({ ...w.places, now: NOW });
    const kept = path.join(keptRoot(w.tree.root), path.basename(w.project));
    const { Readable } = await import("node:stream");
    const stdin = (text: string, isTTY: boolean) => Object.assign(Readable.from([text]), { isTTY });
    const out = captureIo();
    const base = { configRoot: w.tree.root, idOrPrefix: w.old.id, io: out.io };
    const refused = await runForget({ ...base, yes: false, stdin: stdin("", false) });
    expect(refused.kind).toBe("failed");
    expect(refused.problems?.[0]).toContain("--yes");
    expect((await runForget({ ...base, yes: false, stdin: stdin("n\n", true) })).kind).toBe("done");
    expect(fs.existsSync(path.join(kept, `${w.old.id}.jsonl`))).toBe(true);
    expect((await runForget({ ...base, yes: false, stdin: stdin("y\n", true) })).kind).toBe("done");
    expect(fs.readdirSync(kept).sort()).toEqual([`${w.near.id}.jsonl`]);
    expect(fs.existsSync(w.old.path)).toBe(true); // the original is not ours to touch
    expect((await runForget({ ...base, yes: true, stdin: stdin("", false) })).kind).toBe("failed"); // gone
  });

  it("doctor warns with cleanupPeriodDays, the counts and both remedies, and reports kept space", async () => {
    const w = world();
    const out = captureIo();
    const cleanup = { workingDir: w.places.workingDir, managedDir: w.places.managedDir, now: NOW };
    const result = await runDoctor({
      configRoot: w.tree.root,
      selection: { kind: "all" },
      json: false,
      now: () => NOW,
      io: out.io,
      cleanup,
    });
    expect(result.kind).toBe("attention");
    expect(out.stdout()).toContain(
      "cleanup: cleanupPeriodDays is 30 (Claude Code's default: no settings file sets " +
        "it): Claude Code deletes every transcript untouched for 30 days: 1 session " +
        "already past the cutoff (deleted at Claude Code's next launch) and 1 more " +
        "session within 7 days\n",
    );
    expect(out.stdout()).toContain(`  fix: raise cleanupPeriodDays in ${path.join(w.tree.root, "settings.json")}`);
    expect(out.stdout()).toContain("claude-reindex install --keep-sessions");

    fs.mkdirSync(path.join(w.tree.root, "claude-reindex"), { recursive: true });
    fs.writeFileSync(
      path.join(w.tree.root, "claude-reindex", "installed.json"),
      '{"x":{"createdFile":false,"hooksKey":false,"events":[],"keepSessions":true}}',
    );
    keepDueSessions({ ...w.places, now: NOW });
    fs.rmSync(w.old.path);
    const after = captureIo();
    await runDoctor({
      configRoot: w.tree.root,
      selection: { kind: "all" },
      json: false,
      now: () => NOW,
      io: after.io,
      cleanup,
    });
    expect(after.stdout()).toMatch(
      /the keep guard is on; 2 kept sessions \(1 whose transcript Claude Code deleted\) hold [0-9.]+ MiB of their own/,
    );
  });

  it("list marks a kept session whose transcript is gone, and pick restores it before resuming", async () => {
    const tree = new ClaudeTree();
    const cwd = fs.realpathSync(tempDir("claude-reindex-cwd-"));
    const gone = tree.session(cwd, ["an old conversation"], { mtime: NOW.getTime() - 40 * DAY });
    const live = tree.session(cwd, ["a fresh one"]);
    const places = { configRoot: tree.root, workingDir: null, managedDir: tempDir() };
    keepDueSessions({ ...places, now: NOW });
    const bytes = fs.readFileSync(gone.path);
    fs.rmSync(gone.path);

    const listed = captureIo();
    const base = { configRoot: tree.root, env: {}, now: () => NOW };
    await runList({ ...base, selection: { kind: "all" }, json: true, io: listed.io });
    const rows = JSON.parse(listed.stdout()) as { sessionId: string; kept?: boolean; projectDir: string }[];
    expect(rows.map((r) => [r.sessionId, r.kept ?? false])).toEqual([
      [live.id, false],
      [gone.id, true],
    ]);
    expect(rows[1]!.projectDir).toBe(tree.projectDir(cwd));

    const record = path.join(tempDir(), "record.json");
    const stub = writeStubClaude(tempDir());
    const { Readable } = await import("node:stream");
    const picked = captureIo();
    const result = await runPick({
      ...base,
      env: { CLAUDE_REINDEX_REAL_CLAUDE: stub, STUB_RECORD: record, PATH: process.env.PATH },
      stdin: Object.assign(Readable.from(["2\n"]), { isTTY: false }) as never,
      io: picked.io as never,
      pathEntries: [],
    });
    expect(result, picked.stderr()).toEqual({ kind: "resumed", exitCode: 0 });
    expect(picked.stdout()).toMatch(/ {3}2 .* \[kept\] an old conversation/);
    expect(fs.readFileSync(gone.path)).toEqual(bytes);
    expect(JSON.parse(fs.readFileSync(record, "utf8")).argv).toEqual(["--resume", gone.id]);
  });

  it("why knows a kept session: deleted by Claude Code's cleanup, kept by us, and the restore line", async () => {
    const tree = new ClaudeTree();
    const cwd = fs.realpathSync(tempDir("claude-reindex-cwd-"));
    const gone = tree.session(cwd, ["an old conversation"], { mtime: NOW.getTime() - 40 * DAY });
    keepDueSessions({ configRoot: tree.root, workingDir: null, managedDir: tempDir(), now: NOW });
    fs.rmSync(gone.path);
    const kept = path.join(keptRoot(tree.root), path.basename(tree.projectDir(cwd)), `${gone.id}.jsonl`);

    const text = captureIo();
    expect(
      await runWhy({ configRoot: tree.root, session: gone.id.slice(0, 8), json: false, io: text.io }),
    ).toMatchObject({
      kind: "done",
    });
    expect(text.stdout()).toBe(
      [
        `${gone.id}  an old conversation  [kept]`,
        `  its transcript ${gone.path} is gone from projects/: Claude Code's cleanup deleted it (its mtime was ` +
          `older than cleanupPeriodDays), and the keep guard had kept it at ${kept}`,
        `  directory:  ${cwd}`,
        `  restore it: claude-reindex restore ${gone.id}`,
        `  then resume it: cd ${cwd} && claude --resume ${gone.id}`,
        "",
      ].join("\n"),
    );
    const json = captureIo();
    await runWhy({ configRoot: tree.root, session: gone.id, json: true, io: json.io });
    expect(JSON.parse(json.stdout())[0]).toMatchObject({
      session: { sessionId: gone.id, kept: true, fullPath: kept },
      restore: `claude-reindex restore ${gone.id}`,
    });

    // Restored, it is an ordinary session again.
    await runRestore({ configRoot: tree.root, idOrPrefix: gone.id, now: () => NOW, io: captureIo().io });
    const after = captureIo();
    await runWhy({ configRoot: tree.root, session: gone.id, json: false, io: after.io });
    expect(after.stdout()).toContain(`  transcript: ${gone.path}`);
    expect(after.stdout()).not.toContain("[kept]");
  });
});

import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type MoveReport, runMoveProject } from "../../src/commands/move-project-command.ts";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";
import {
  appendRelocatedRecord,
  relocationJournalPath,
  writeRelocationJournal,
} from "../../src/transcript/relocated-record.ts";
import { ClaudeTree, captureIo } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";
import { TranscriptBuilder } from "../support/transcript-builder.ts";
import { treeSnapshot } from "../support/tree-snapshot.ts";

const OLD = "/home/dev/app";
const NEW = "/home/dev/work/app-renamed";
const now = () => new Date("2026-11-21T10:00:00.000Z");

/** Nanosecond times no millisecond rounding keeps: a shift of even one nanosecond fails the checks. */
function touchNs(file: string, seconds: number, nanos: number): bigint {
  execFileSync("touch", ["-h", "-d", `@${seconds}.${String(nanos).padStart(9, "0")}`, file]);
  return fs.lstatSync(file, { bigint: true }).mtimeNs;
}

interface Options {
  dryRun?: boolean;
  updateConfig?: boolean;
  globalConfig?: string;
  oldPath?: string;
  newPath?: string;
}

async function move(tree: ClaudeTree, options: Options = {}) {
  const capture = captureIo();
  const result = await runMoveProject({
    configRoot: tree.root,
    oldPath: options.oldPath ?? OLD,
    newPath: options.newPath ?? NEW,
    dryRun: options.dryRun ?? false,
    updateConfig: options.updateConfig ?? false,
    json: true,
    globalConfig: options.globalConfig ?? path.join(tree.root, ".claude.json"),
    now,
    io: capture.io,
  });
  return { result, report: JSON.parse(capture.stdout()) as MoveReport, stderr: capture.stderr() };
}

/** A project with two sessions (one with a `<uuid>/` folder), an old-layout agent file and memory/. */
function movedProject() {
  const tree = new ClaudeTree();
  const a = tree.session(OLD, ["first", "second"]);
  const b = tree.session(OLD, ["another"]);
  const oldDir = tree.projectDir(OLD);
  const subagent = path.join(oldDir, a.id, "subagents", "agent-s1.jsonl");
  fs.mkdirSync(path.dirname(subagent), { recursive: true, mode: 0o700 });
  fs.writeFileSync(subagent, `${JSON.stringify({ sessionId: a.id, isSidechain: true })}\n`, { mode: 0o600 });
  const agent = path.join(oldDir, "agent-old1.jsonl");
  fs.writeFileSync(agent, `${JSON.stringify({ sessionId: b.id, isSidechain: true })}\n`, { mode: 0o640 });
  const memory = path.join(oldDir, "memory", "MEMORY.md");
  fs.mkdirSync(path.dirname(memory), { mode: 0o700 });
  fs.writeFileSync(memory, "- remember the build\n", { mode: 0o644 });
  const times = new Map<string, bigint>();
  for (const [file, s, ns] of [
    [a.path, 1_790_000_000, 123_456_789],
    [b.path, 1_790_000_500, 987_654_321],
    [subagent, 1_790_000_001, 1],
    [agent, 1_790_000_002, 999_999_999],
    [memory, 1_780_000_000, 500_000_001],
  ] as const)
    times.set(path.relative(oldDir, file), touchNs(file, s, ns));
  return { tree, a, b, oldDir, newDir: path.join(tree.root, "projects", encodeProjectDirName(NEW)), times };
}

describe("move-project", () => {
  it("moves sessions, folders, agent files, memory/ to the new path's directory, times and modes exact", async () => {
    const p = movedProject();
    const bytes = new Map([p.a, p.b].map((s) => [s.id, fs.readFileSync(s.path)]));
    const modes = new Map([...p.times.keys()].map((r) => [r, fs.statSync(path.join(p.oldDir, r)).mode]));

    const memoryDirMtime = fs.lstatSync(path.join(p.oldDir, "memory"), { bigint: true }).mtimeNs;
    const { result, report } = await move(p.tree);
    expect(result.kind, JSON.stringify(result)).toBe("done");
    expect(report.sessionsMoved).toBe(2);
    // A folder's time to about a microsecond (utimes), a file's to the nanosecond.
    const folderShift = fs.lstatSync(path.join(p.newDir, "memory"), { bigint: true }).mtimeNs - memoryDirMtime;
    expect(folderShift < 2000n && folderShift > -2000n, `${folderShift} ns`).toBe(true);
    expect(report.relocated).toBe(2);
    expect(fs.existsSync(p.oldDir)).toBe(false);
    for (const [relative, mtimeNs] of p.times) {
      const stat = fs.lstatSync(path.join(p.newDir, relative), { bigint: true });
      expect(stat.mtimeNs, relative).toBe(mtimeNs);
      expect(Number(stat.mode), relative).toBe(modes.get(relative));
    }
    // The record Claude Code writes, appended after every original byte, nothing before it touched.
    for (const s of [p.a, p.b]) {
      const now = fs.readFileSync(path.join(p.newDir, `${s.id}.jsonl`));
      const before = bytes.get(s.id)!;
      expect(now.subarray(0, before.length).equals(before)).toBe(true);
      expect(now.subarray(before.length).toString()).toBe(
        `{"type":"relocated","sessionId":"${s.id}","relocatedCwd":"${NEW}"}\n`,
      );
    }
    const index = JSON.parse(fs.readFileSync(path.join(p.newDir, "sessions-index.json"), "utf8"));
    expect(index.entries.map((e: { sessionId: string }) => e.sessionId).sort()).toEqual([p.a.id, p.b.id].sort());
    for (const entry of index.entries) expect(entry.fullPath.startsWith(p.newDir)).toBe(true);
    // No stamp or catalog of ours is left for the directory that is gone.
    expect(fs.existsSync(path.join(p.tree.root, "claude-reindex", "verified", `${path.basename(p.oldDir)}.json`))).toBe(
      false,
    );

    const before = treeSnapshot(p.tree.root);
    const again = await move(p.tree);
    expect(again.result.kind).toBe("done");
    expect(again.report).toMatchObject({ sessionsMoved: 0, relocated: 0, filesMoved: 0 });
    expect(treeSnapshot(p.tree.root)).toEqual(before);
  });

  it("--dry-run says what it would do and changes nothing under the root", async () => {
    const p = movedProject();
    const before = treeSnapshot(p.tree.root);
    const capture = captureIo();
    const result = await runMoveProject({
      configRoot: p.tree.root,
      oldPath: OLD,
      newPath: NEW,
      dryRun: true,
      updateConfig: true,
      json: false,
      globalConfig: path.join(p.tree.root, ".claude.json"),
      now,
      io: capture.io,
    });
    expect(result.kind).toBe("done");
    expect(capture.stdout()).toContain(`would move ${p.a.path} -> ${path.join(p.newDir, `${p.a.id}.jsonl`)}`);
    expect(capture.stdout()).toContain(`would merge ${path.join(p.oldDir, "memory")} -> `);
    expect(capture.stdout()).toContain("would record the new path in 2 transcripts (dry run: nothing changed)");
    expect(treeSnapshot(p.tree.root)).toEqual(before);
  });

  it("merges into an existing directory without overwriting: a clash keeps both and says so", async () => {
    const p = movedProject();
    // Claude Code already ran in the new place: a session, its own memory, and a copy of session b that
    // went on there (longer: it holds every byte of the old one).
    const there = p.tree.session(NEW, ["new place"]);
    const newMemory = path.join(p.newDir, "memory", "MEMORY.md");
    fs.mkdirSync(path.dirname(newMemory), { mode: 0o700 });
    fs.writeFileSync(newMemory, "- written in the new place\n");
    const continued = path.join(p.newDir, `${p.b.id}.jsonl`);
    fs.writeFileSync(continued, Buffer.concat([fs.readFileSync(p.b.path), Buffer.from('{"type":"summary"}\n')]));
    // And a different transcript under session a's id: nothing of it may be overwritten.
    const clash = path.join(p.newDir, `${p.a.id}.jsonl`);
    fs.writeFileSync(clash, "someone else's\n");
    const keepSnapshot = (file: string) => [fs.readFileSync(file, "utf8"), fs.statSync(file).mtimeMs];
    const kept = [there.path, newMemory, clash].map(keepSnapshot);
    const continuedBefore = fs.readFileSync(continued);
    const continuedMtime = fs.lstatSync(continued, { bigint: true }).mtimeNs;

    const { result, report } = await move(p.tree);
    expect(result.kind).toBe("failed");
    expect(report.problems.join("\n")).toContain(`${clash} is a different transcript of the same id; both kept`);
    expect([there.path, newMemory, clash].map(keepSnapshot)).toEqual(kept);
    // The copy that went on there is a session of the old path too: it gets the record, nothing else.
    expect(fs.readFileSync(continued).subarray(0, continuedBefore.length).equals(continuedBefore)).toBe(true);
    expect(fs.readFileSync(continued, "utf8").slice(continuedBefore.length)).toContain('"relocatedCwd"');
    expect(fs.lstatSync(continued, { bigint: true }).mtimeNs).toBe(continuedMtime);
    // Session a stays whole where it was; b was already there (its old copy goes); memory merged.
    expect(fs.existsSync(p.a.path)).toBe(true);
    expect(fs.existsSync(path.join(p.oldDir, p.a.id, "subagents", "agent-s1.jsonl"))).toBe(true);
    expect(fs.existsSync(p.b.path)).toBe(false);
    expect(report.sessionsAlreadyThere).toBe(1);
    const beside = path.join(p.newDir, "memory", "MEMORY.from-app.md");
    expect(fs.readFileSync(beside, "utf8")).toBe("- remember the build\n");
    expect(fs.lstatSync(beside, { bigint: true }).mtimeNs).toBe(p.times.get(path.join("memory", "MEMORY.md")));
    expect(report.keptBoth).toEqual([`${path.join(p.oldDir, "memory", "MEMORY.md")} -> ${beside}`]);
    // The agent file of b goes with b.
    expect(fs.existsSync(path.join(p.newDir, "agent-old1.jsonl"))).toBe(true);

    const before = treeSnapshot(p.tree.root);
    const again = await move(p.tree);
    expect(again.result.kind).toBe("failed");
    expect(again.report.keptBoth).toEqual([]);
    expect(treeSnapshot(p.tree.root)).toEqual(before);
  });

  it("leaves a session of another folder that only shares the encoded name", async () => {
    const tree = new ClaudeTree();
    const mine = tree.session("/home/dev/my-app", ["mine"]);
    const theirs = tree.session("/home/dev/my_app", ["theirs"]);
    expect(path.dirname(mine.path)).toBe(path.dirname(theirs.path));
    const { result, report } = await move(tree, { oldPath: "/home/dev/my-app", newPath: "/srv/my-app" });
    expect(result.kind).toBe("done");
    expect(report.sessionsMoved).toBe(1);
    expect(fs.existsSync(theirs.path)).toBe(true);
    expect(report.notes.join("\n")).toContain("a session of /home/dev/my_app, which shares the encoded name");
    expect(fs.existsSync(path.join(tree.root, "projects", "-srv-my-app", `${mine.id}.jsonl`))).toBe(true);
    // The old directory still holds a session: it stays, and its index is rebuilt without the moved one.
    const index = JSON.parse(fs.readFileSync(path.join(path.dirname(theirs.path), "sessions-index.json"), "utf8"));
    expect(index.entries.map((e: { sessionId: string }) => e.sessionId)).toEqual([theirs.id]);
  });

  it("a rerun finishes a killed run's work: a file in both places, one renamed aside, one not yet moved", async () => {
    const p = movedProject();
    fs.mkdirSync(p.newDir, { mode: 0o700 });
    // Killed after linking a's transcript into place, before unlinking the old name.
    fs.linkSync(p.a.path, path.join(p.newDir, `${p.a.id}.jsonl`));
    // Killed while b's transcript was renamed aside by a process that is gone.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const aside = `${p.b.path}.claude-reindex-moving-${dead}-0badc0de`;
    fs.renameSync(p.b.path, aside);
    const { result, report } = await move(p.tree);
    expect(result.kind, JSON.stringify(report)).toBe("done");
    expect(fs.existsSync(p.oldDir) ? fs.readdirSync(p.oldDir) : []).toEqual([]);
    for (const s of [p.a, p.b]) {
      const moved = path.join(p.newDir, `${s.id}.jsonl`);
      expect(fs.lstatSync(moved, { bigint: true }).mtimeNs).toBe(p.times.get(path.basename(s.path)));
      const relocated = fs
        .readFileSync(moved, "utf8")
        .split("\n")
        .filter((l) => l.includes('"relocated"'));
      expect(relocated).toHaveLength(1);
    }
    expect(fs.readdirSync(p.newDir).filter((n) => n.includes("claude-reindex"))).toEqual([]);
  });

  it("a rerun puts back the times of transcripts a killed run appended the record to", async () => {
    const p = movedProject();
    const { report } = await move(p.tree);
    expect(report.relocated).toBe(2);
    // As if killed between the appends and putting the times back: a journal, records, new mtimes.
    const file = path.join(p.newDir, `${p.a.id}.jsonl`);
    const stat = fs.lstatSync(file, { bigint: true });
    writeRelocationJournal(p.tree.root, [
      {
        file,
        sessionId: p.a.id,
        relocatedCwd: "/somewhere/else",
        size: Number(stat.size),
        atimeNs: `${stat.atimeNs}`,
        mtimeNs: `${stat.mtimeNs}`,
      },
    ]);
    appendRelocatedRecord(file, p.a.id, "/somewhere/else");
    expect(fs.lstatSync(file, { bigint: true }).mtimeNs).not.toBe(stat.mtimeNs);
    const again = await move(p.tree);
    expect(again.result.kind).toBe("done");
    expect(fs.lstatSync(file, { bigint: true }).mtimeNs).toBe(stat.mtimeNs);
    expect(fs.existsSync(relocationJournalPath(p.tree.root))).toBe(false);
  });

  it("keeps a cut-off last line as it was and puts the record on a line of its own", async () => {
    const tree = new ClaudeTree();
    const s = tree.session(OLD, ["one"]);
    fs.appendFileSync(s.path, '{"type":"user","cut');
    const before = fs.readFileSync(s.path);
    await move(tree);
    const after = fs.readFileSync(path.join(tree.root, "projects", encodeProjectDirName(NEW), `${s.id}.jsonl`));
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString()).toBe(
      `\n{"type":"relocated","sessionId":"${s.id}","relocatedCwd":"${NEW}"}\n`,
    );
  });

  it("never writes through a link: a linked directory for the new path is refused", async () => {
    const p = movedProject();
    const elsewhere = tempDir();
    fs.mkdirSync(path.dirname(p.newDir), { recursive: true });
    fs.symlinkSync(elsewhere, p.newDir);
    const before = treeSnapshot(p.tree.root);
    const { result, report } = await move(p.tree);
    expect(result.kind).toBe("failed");
    expect(report.problems[0]).toContain(`${p.newDir} is a symbolic link`);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(treeSnapshot(p.tree.root)).toEqual(before);
  });
});

describe("move-project --update-config", () => {
  const CONFIG = `{
    "numStartups": 3,
    "projects": {
        "/home/dev/app": { "allowedTools": [], "hasTrustDialogAccepted": true },
        "/home/dev/apple": { "allowedTools": ["Bash"] },
        "/home/dev/app/sub": { "allowedTools": [] }
    },
    "unknownKey": { "nested": "/home/dev/app" }
}
`;
  const line = (o: object) => JSON.stringify(o);
  const HISTORY = [
    line({ display: "fix it", pastedContents: {}, timestamp: 1, project: "/home/dev/app", sessionId: "x" }),
    line({ display: "other", pastedContents: {}, timestamp: 2, project: "/home/dev/apple" }),
    line({ display: "below", pastedContents: {}, timestamp: 3, project: "/home/dev/app/sub" }),
    `{ "display": "spaced", "project": "/home/dev/app" }`,
    '{"display":"cut off","project":"/home/dev/a',
  ].join("\n");

  it("renames the folder's keys and prompts on path boundaries, keeps every other byte, backs both up", async () => {
    const tree = new ClaudeTree();
    tree.session(OLD, ["one"]);
    const config = path.join(tree.root, ".claude.json");
    const history = path.join(tree.root, "history.jsonl");
    fs.writeFileSync(config, CONFIG, { mode: 0o600 });
    fs.writeFileSync(history, HISTORY, { mode: 0o600 });

    const { result, report } = await move(tree, { updateConfig: true });
    expect(result.kind, JSON.stringify(report)).toBe("done");
    expect(fs.readFileSync(config, "utf8")).toBe(
      CONFIG.replace('"/home/dev/app":', `"${NEW}":`).replace('"/home/dev/app/sub":', `"${NEW}/sub":`),
    );
    const lines = fs.readFileSync(history, "utf8").split("\n");
    const expected = HISTORY.split("\n");
    expect(lines).toEqual([
      expected[0]!.replace('"project":"/home/dev/app"', `"project":"${NEW}"`),
      expected[1],
      expected[2]!.replace('"project":"/home/dev/app/sub"', `"project":"${NEW}/sub"`),
      JSON.stringify({ display: "spaced", project: NEW }),
      expected[4],
    ]);
    expect(fs.statSync(config).mode & 0o777).toBe(0o600);
    const backups = path.join(tree.root, "claude-reindex", "backups");
    expect(fs.readFileSync(path.join(backups, ".claude.json.20261121T100000Z"), "utf8")).toBe(CONFIG);
    expect(fs.readFileSync(path.join(backups, "history.jsonl.20261121T100000Z"), "utf8")).toBe(HISTORY);

    const before = treeSnapshot(tree.root);
    const again = await move(tree, { updateConfig: true });
    expect(again.report.config.map((c) => c.outcome.kind)).toEqual(["unchanged", "unchanged"]);
    expect(treeSnapshot(tree.root)).toEqual(before);
  });

  it("keeps both keys when the new path has its own, and refuses a linked config file", async () => {
    const tree = new ClaudeTree();
    tree.session(OLD, ["one"]);
    const real = path.join(tempDir(), "dotfiles-claude.json");
    const withNew = `{"projects":{"/home/dev/app":{"a":1},"${NEW}":{"b":2}}}`;
    fs.writeFileSync(real, withNew);
    const config = path.join(tree.root, ".claude.json");
    fs.symlinkSync(real, config);
    const linked = await move(tree, { updateConfig: true });
    expect(linked.result.kind).toBe("failed");
    expect(linked.report.problems.join("\n")).toContain(`${config} is a symbolic link`);
    expect(fs.lstatSync(config).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).toBe(withNew);

    fs.rmSync(config);
    fs.writeFileSync(config, withNew);
    const clash = await move(tree, { updateConfig: true });
    expect(clash.result.kind).toBe("done");
    expect(fs.readFileSync(config, "utf8")).toBe(withNew);
    expect(clash.report.notes.join("\n")).toContain(`not renamed: /home/dev/app (${NEW} is there too; both kept)`);
  });
});

describe("relocated record and Claude Code's transcript builder", () => {
  it("is the line Claude Code writes, key for key", () => {
    const t = new TranscriptBuilder({ sessionId: "s" });
    t.meta({ type: "relocated", sessionId: "s", relocatedCwd: "/x" });
    expect(t.toString()).toBe('{"type":"relocated","sessionId":"s","relocatedCwd":"/x"}\n');
  });
});

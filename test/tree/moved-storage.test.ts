import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runDoctor } from "../../src/commands/doctor-command.ts";
import { runMigrate } from "../../src/commands/migrate-command.ts";
import { runRebuild } from "../../src/commands/rebuild-command.ts";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";
import { ClaudeTree, captureIo } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";
import { TranscriptBuilder } from "../support/transcript-builder.ts";

const now = () => new Date("2026-11-21T10:00:00.000Z");

async function doctor(root: string, storage = false) {
  const capture = captureIo();
  const { kind } = await runDoctor({
    now,
    configRoot: root,
    selection: { kind: "all" },
    json: false,
    io: capture.io,
    storage: storage ? { env: {}, accountHome: root, strayRoots: [], uid: process.getuid!() } : undefined,
  });
  return { kind, out: capture.stdout() };
}

async function rebuildAll(root: string) {
  await runRebuild({
    configRoot: root,
    selection: { kind: "all" },
    dryRun: false,
    json: false,
    now,
    io: captureIo().io,
  });
}

describe("doctor and moved project folders", () => {
  it("names a project whose folder is gone and the likely new place, with the move-project line", async () => {
    const base = fs.realpathSync(tempDir());
    const oldCwd = path.join(base, "src", "app");
    const newCwd = path.join(base, "work", "app");
    const unrelated = path.join(base, "other", "tool");
    fs.mkdirSync(newCwd, { recursive: true });
    fs.mkdirSync(unrelated, { recursive: true });
    const tree = new ClaudeTree();
    tree.session(oldCwd, ["before the move"], { mtime: Date.UTC(2026, 9, 1) });
    tree.session(newCwd, ["after the move"], { mtime: Date.UTC(2026, 9, 5) });
    tree.session(unrelated, ["elsewhere"], { mtime: Date.UTC(2026, 9, 6) });
    await rebuildAll(tree.root);
    const { kind, out } = await doctor(tree.root);
    expect(kind).toBe("attention");
    expect(out).toContain(
      `storage: 1 session of ${oldCwd}, which no longer exists; ${newCwd} has newer sessions: moved there?\n` +
        `  fix: claude-reindex move-project ${oldCwd} ${newCwd}\n`,
    );
  });

  it("only notes a gone folder when no folder of its name has newer sessions", async () => {
    const base = fs.realpathSync(tempDir());
    const oldCwd = path.join(base, "src", "app");
    const laterOnly = path.join(base, "work", "app");
    fs.mkdirSync(laterOnly, { recursive: true });
    const tree = new ClaudeTree();
    tree.session(oldCwd, ["last used after the other"], { mtime: Date.UTC(2026, 9, 9) });
    tree.session(laterOnly, ["older"], { mtime: Date.UTC(2026, 9, 1) });
    await rebuildAll(tree.root);
    const { kind, out } = await doctor(tree.root);
    expect(kind).toBe("done");
    expect(out).toContain(
      `note: 1 project's folder no longer exists (${oldCwd}); ` +
        "if one was moved: claude-reindex move-project <old path> <new path>\n",
    );
    expect(out).not.toContain("fix: claude-reindex move-project");
  });
});

describe("the ~/.claude/system/sessions layout", () => {
  const CWD = "/home/dev/app";
  const A = "aaaaaaaa-1111-4111-8111-111111111111";
  const B = "bbbbbbbb-2222-4222-8222-222222222222";

  function systemSessions() {
    const root = tempDir("claude-reindex-layout-");
    const from = path.join(root, "system", "sessions");
    const times = new Map<string, bigint>();
    const write = (relative: string, text: string, at: string) => {
      const file = path.join(from, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text, { mode: 0o600 });
      execFileSync("touch", ["-d", at, file]);
      times.set(relative, fs.statSync(file, { bigint: true }).mtimeNs);
    };
    for (const [dir, id] of [
      ["one", A],
      ["two/deeper", B],
    ] as const) {
      const t = new TranscriptBuilder({ sessionId: id, cwd: CWD });
      t.turn(`work of ${id}`);
      write(path.join(dir, `${id}.jsonl`), t.toString(), "2026-06-01 10:00:00.123456789");
    }
    // The old layout: agent transcripts beside the sessions, one of A's, one of a session not here.
    write(
      path.join("one", "agent-a1.jsonl"),
      `${JSON.stringify({ sessionId: A, isSidechain: true })}\n`,
      "@1780000000.000000007",
    );
    write(path.join("one", "agent-x1.jsonl"), `${JSON.stringify({ sessionId: "other" })}\n`, "@1780000000.5");
    write(path.join("one", A, "subagents", "agent-s.jsonl"), "{}\n", "@1780000001.999999999");
    // Kept sessions of ours are not a layout to migrate.
    const kept = path.join(root, "claude-reindex", "kept", "-x", `${A}.jsonl`);
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    fs.writeFileSync(kept, "{}\n");
    return { root, from, times };
  }

  it("doctor finds transcripts outside projects/ (fix: migrate); --move moves each session whole, exact", async () => {
    const s = systemSessions();
    const before = await doctor(s.root, true);
    expect(before.kind).toBe("attention");
    expect(before.out).toContain(
      `storage: 2 session transcripts under ${s.from}, outside ${path.join(s.root, "projects")}: ` +
        "Claude Code reads sessions only from projects/",
    );
    expect(before.out).toContain(`  fix: claude-reindex migrate --from ${s.from}\n`);

    const capture = captureIo();
    const result = await runMigrate({
      configRoot: s.root,
      from: s.from,
      move: true,
      dryRun: false,
      now,
      io: capture.io,
    });
    expect(result.kind, capture.stderr()).toBe("done");
    const project = path.join(s.root, "projects", encodeProjectDirName(CWD));
    for (const [relative, mtimeNs] of s.times) {
      if (relative.endsWith("agent-x1.jsonl")) continue;
      const placed = path.join(project, relative.replace(/^(one|two\/deeper)\//, ""));
      expect(fs.statSync(placed, { bigint: true }).mtimeNs, relative).toBe(mtimeNs);
      expect(fs.existsSync(path.join(s.from, relative)), relative).toBe(false);
    }
    // An agent file of a session that is not migrated stays where it was.
    expect(fs.existsSync(path.join(s.from, "one", "agent-x1.jsonl"))).toBe(true);
    expect(fs.existsSync(path.join(project, "agent-x1.jsonl"))).toBe(false);

    const after = await doctor(s.root, true);
    expect(after.out).not.toContain("outside");
  });

  it("is not reported when projects/ links into it (those are the projects)", async () => {
    const s = systemSessions();
    fs.symlinkSync(path.join(s.from, "one"), path.join(s.root, "projects"));
    const { out } = await doctor(s.root, true);
    expect(out).toContain(`storage: 1 session transcript under ${path.join(s.from, "two", "deeper")}`);
    expect(out).not.toContain(`under ${s.from},`);
  });
});

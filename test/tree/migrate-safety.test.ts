import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runMigrate } from "../../src/commands/migrate-command.ts";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";
import { captureIo } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";
import { TranscriptBuilder } from "../support/transcript-builder.ts";

const CWD = "/home/dev/app";
const ID = "11111111-1111-4111-8111-111111111111";

/** A directory on another file system than tempDir(), when the machine has one (/dev/shm): moves there copy. */
function otherFileSystemDir(): string | null {
  if (!fs.existsSync("/dev/shm") || fs.statSync("/dev/shm").dev === fs.statSync(os.tmpdir()).dev) return null;
  const dir = fs.mkdtempSync("/dev/shm/claude-reindex-test-");
  cleanups.push(dir);
  return dir;
}
const cleanups: string[] = [];

import { afterEach } from "vitest";

afterEach(() => {
  for (const dir of cleanups.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const projectsRootOf = (root: string) => path.join(root, "projects");

function transcriptText(turns = 3): string {
  const t = new TranscriptBuilder({ sessionId: ID, cwd: CWD });
  for (let i = 0; i < turns; i++) t.turn(`turn ${i}`);
  return t.toString();
}

function layout(base: string) {
  const from = path.join(base, "sessions");
  const file = path.join(from, `${ID}.jsonl`);
  fs.mkdirSync(from, { recursive: true });
  fs.writeFileSync(file, transcriptText());
  const companion = path.join(from, ID, "subagents");
  fs.mkdirSync(companion, { recursive: true });
  fs.writeFileSync(path.join(companion, "agent-1.jsonl"), "mine\n");
  fs.writeFileSync(path.join(companion, "agent-2.jsonl"), "also mine\n");
  return { from, file, companion };
}

async function migrate(root: string, from: string, move: boolean) {
  const capture = captureIo();
  const result = await runMigrate({
    configRoot: root,
    from,
    move,
    dryRun: false,
    now: () => new Date(),
    io: capture.io,
  });
  const code = result.kind === "done" ? 0 : 1;
  return { code, stdout: capture.stdout(), stderr: (result.problems ?? []).join("\n") };
}

const projectDir = (root: string) => path.join(root, "projects", encodeProjectDirName(CWD));

describe.each([
  ["one file system", () => tempDir()],
  ["across file systems", () => otherFileSystemDir()],
])("migrate --move, %s", (_name, sourceBase) => {
  it("keeps a companion file it could not move (a different file of that name is there): exit 1", async () => {
    const base = sourceBase();
    if (base === null) return;
    const root = tempDir();
    const s = layout(base);
    const original = fs.readFileSync(s.file, "utf8");
    const theirs = path.join(projectDir(root), ID, "subagents", "agent-1.jsonl");
    fs.mkdirSync(path.dirname(theirs), { recursive: true });
    fs.writeFileSync(theirs, "someone else's\n");
    const result = await migrate(root, s.from, true);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${theirs} exists and differs`);
    expect(fs.readFileSync(path.join(s.companion, "agent-1.jsonl"), "utf8")).toBe("mine\n");
    expect(fs.readFileSync(theirs, "utf8")).toBe("someone else's\n");
    // The file that could go went; the transcript too.
    expect(fs.readFileSync(path.join(projectDir(root), ID, "subagents", "agent-2.jsonl"), "utf8")).toBe("also mine\n");
    expect(fs.existsSync(path.join(s.companion, "agent-2.jsonl"))).toBe(false);
    expect(fs.readFileSync(path.join(projectDir(root), `${ID}.jsonl`), "utf8")).toBe(original);
  });

  it("loses no line of a transcript appended to while it moves", async () => {
    const base = sourceBase();
    if (base === null) return;
    const root = tempDir();
    const s = layout(base);
    // A large transcript, so that copying it takes a while.
    fs.appendFileSync(s.file, `${JSON.stringify({ type: "progress", pad: "p".repeat(8 << 20) })}\n`);
    const RECORDS = 4000;
    // A writer that appends by name, record by record, as Claude Code does, for about a second.
    const writer = spawn(process.execPath, [
      "-e",
      `const fs = require("fs"); const pause = new Int32Array(new SharedArrayBuffer(4));
       for (let i = 0; i < ${RECORDS}; i++) {
         fs.appendFileSync(process.argv[1], JSON.stringify({ type: "progress", n: i }) + "\\n");
         if (i % 8 === 0) Atomics.wait(pause, 0, 0, 2);
       }`,
      s.file,
    ]);
    const started = fs.statSync(s.file).size;
    while (fs.statSync(s.file).size < started + 2000) await new Promise((resolve) => setTimeout(resolve, 5));
    const result = await migrate(root, s.from, true);
    await new Promise((resolve) => writer.on("exit", resolve));
    const dest = path.join(projectDir(root), `${ID}.jsonl`);
    const seen = new Set<number>();
    for (const file of [dest, s.file]) {
      if (!fs.existsSync(file)) continue;
      for (const line of fs.readFileSync(file, "utf8").split("\n")) {
        const n = line ? (JSON.parse(line) as { n?: number }).n : undefined;
        if (n !== undefined) seen.add(n);
      }
    }
    expect(seen.size).toBe(RECORDS);
    expect([0, 1]).toContain(result.code);
  });
});

describe("migrate keeps file times exactly", () => {
  it.each([
    ["a copy", false],
    ["a move", true],
  ])("%s: mtime and atime to the nanosecond, so fileMtime does not move", async (_name, move) => {
    const base = otherFileSystemDir() ?? tempDir();
    const root = tempDir();
    const s = layout(base);
    // Half a millisecond and a few nanoseconds: utimes in any form moves the rounded millisecond.
    const { execFileSync } = await import("node:child_process");
    execFileSync("touch", ["-m", "-d", "@1700000000.000500123", s.file]);
    execFileSync("touch", ["-a", "-d", "@1700000001.000000777", s.file]);
    const before = fs.statSync(s.file, { bigint: true });
    const result = await migrate(root, s.from, move);
    expect(result.code).toBe(0);
    const after = fs.statSync(path.join(projectDir(root), `${ID}.jsonl`), { bigint: true });
    expect(after.mtimeNs).toBe(before.mtimeNs);
    expect(after.atimeNs).toBe(before.atimeNs);
    const index = JSON.parse(fs.readFileSync(path.join(projectDir(root), "sessions-index.json"), "utf8"));
    expect(index.entries[0].fileMtime).toBe(Math.round(Number(before.mtimeNs) / 1e6));
  });
});

describe("an interrupted migrate", () => {
  it("a rerun completes a half-copied <uuid>/ directory instead of calling it already there", async () => {
    const root = tempDir();
    const s = layout(tempDir());
    // What a run killed after the transcript and one companion file leaves.
    const dest = projectDir(root);
    fs.mkdirSync(path.join(dest, ID, "subagents"), { recursive: true });
    fs.copyFileSync(s.file, path.join(dest, `${ID}.jsonl`));
    fs.copyFileSync(path.join(s.companion, "agent-1.jsonl"), path.join(dest, ID, "subagents", "agent-1.jsonl"));
    const result = await migrate(root, s.from, false);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(dest, ID, "subagents", "agent-2.jsonl"), "utf8")).toBe("also mine\n");
  });

  it("a torn copy of a transcript left in projects/ is completed, not a conflict for ever", async () => {
    const root = tempDir();
    const s = layout(tempDir());
    const dest = path.join(projectDir(root), `${ID}.jsonl`);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    const text = fs.readFileSync(s.file);
    fs.writeFileSync(dest, text.subarray(0, Math.floor(text.length / 2)));
    const result = await migrate(root, s.from, true);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(dest)).toEqual(text);
    expect(fs.existsSync(s.file)).toBe(false);
  });

  it("a rerun clears the index temporaries a killed run left, with nothing left to move, and only those", async () => {
    const root = tempDir();
    const s = layout(tempDir());
    expect((await migrate(root, s.from, true)).code).toBe(0);
    // A writer of ours killed before its rename (its pid gone), one still alive, and the user's own files.
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ["-e", "0"]);
      child.on("exit", () => resolve(child.pid!));
    });
    const dest = projectDir(root);
    const other = path.join(projectsRootOf(root), "-home-dev-other");
    fs.mkdirSync(other, { recursive: true });
    const orphan = `sessions-index.json.claude-reindex-${dead}-0a1b2c3d.tmp`;
    const live = `sessions-index.json.claude-reindex-${process.ppid}-0a1b2c3d.tmp`;
    const users = ["sessions-index.json.1", `sessions-index.json.claude-reindex-${dead}-mine.tmp`, "notes.tmp"];
    for (const dir of [dest, other])
      for (const name of [orphan, live, ...users]) fs.writeFileSync(path.join(dir, name), "x");
    const rerun = await migrate(root, s.from, true);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/moved 0 of 0 sessions/);
    for (const dir of [dest, other]) {
      expect(fs.existsSync(path.join(dir, orphan))).toBe(false);
      expect(
        fs
          .readdirSync(dir)
          .filter((n) => n !== `${ID}.jsonl` && n !== ID && n !== "sessions-index.json")
          .sort(),
      ).toEqual([live, ...users].sort());
    }
  });
});

describe("a move killed while a writer appended by name", () => {
  // What a move killed between renaming its source aside and removing it leaves, when a writer (Claude
  // Code appends by name) made a new file under the name meanwhile. The pid in the aside name is one no
  // process can have (above Linux's largest pid_max), so the run that made it is gone.
  const aside = (file: string) => `${file}.claude-reindex-moving-4194305-0badcafe`;
  const lines = (text: string) => text.split("\n").filter(Boolean);
  const leftovers = (dir: string) => fs.readdirSync(dir).filter((name) => name.includes(".claude-reindex-"));

  it("a rerun joins the aside and the writer's new file, in that order, and moves the whole", async () => {
    const root = tempDir();
    const s = layout(tempDir());
    const before = fs.readFileSync(s.file, "utf8");
    // The destination got a verified copy before the kill; the source went aside.
    const dest = path.join(projectDir(root), `${ID}.jsonl`);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(s.file, dest);
    fs.renameSync(s.file, aside(s.file));
    const appended = `${JSON.stringify({ type: "progress", rid: "after the rename" })}\n`;
    fs.writeFileSync(s.file, appended);

    const result = await migrate(root, s.from, true);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(fs.readFileSync(dest, "utf8")).toBe(before + appended);
    expect(fs.existsSync(s.file)).toBe(false);
    expect(leftovers(s.from)).toEqual([]);
    expect(leftovers(path.dirname(dest))).toEqual([]);
  });

  it("a file put back under the name that already holds the aside's bytes is not doubled", async () => {
    const root = tempDir();
    const s = layout(tempDir());
    const before = fs.readFileSync(s.file, "utf8");
    fs.copyFileSync(s.file, aside(s.file));
    const more = `${JSON.stringify({ type: "progress", rid: "more" })}\n`;
    fs.appendFileSync(s.file, more); // the name holds the aside's bytes and more

    const result = await migrate(root, s.from, true);
    expect(result.code).toBe(0);
    const moved = fs.readFileSync(path.join(projectDir(root), `${ID}.jsonl`), "utf8");
    expect(moved).toBe(before + more);
    expect(new Set(lines(moved)).size).toBe(lines(moved).length);
    expect(leftovers(s.from)).toEqual([]);
  });

  it("an aside that holds all of the file under the name (and more) keeps every byte once", async () => {
    const root = tempDir();
    const s = layout(tempDir());
    const full = fs.readFileSync(s.file, "utf8");
    fs.renameSync(s.file, aside(s.file));
    fs.writeFileSync(s.file, full.slice(0, full.indexOf("\n") + 1)); // only the first line came back

    const result = await migrate(root, s.from, true);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(projectDir(root), `${ID}.jsonl`), "utf8")).toBe(full);
    expect(leftovers(s.from)).toEqual([]);
  });

  it("a rerun clears a copy a killed run left deep in the destination's <uuid>/ folder (source's gone)", async () => {
    const root = tempDir();
    const s = layout(tempDir());
    expect((await migrate(root, s.from, false)).code).toBe(0);
    fs.rmSync(path.join(s.from, ID), { recursive: true }); // the source's <uuid>/ moved whole meanwhile
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ["-e", "0"]);
      child.on("exit", () => resolve(child.pid!));
    });
    const subagents = path.join(projectDir(root), ID, "subagents");
    const torn = `agent-1.jsonl.claude-reindex-copy-${dead}-0a1b2c3d`;
    fs.writeFileSync(path.join(subagents, torn), "half");
    expect((await migrate(root, s.from, false)).code).toBe(0);
    expect(fs.readdirSync(subagents).sort()).toEqual(["agent-1.jsonl", "agent-2.jsonl"]);
  });
});

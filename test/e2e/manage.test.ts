// The managing commands run as built: rename, tag, archive, unarchive, delete, restore, and
// list --since; Claude Code's own listing (the Agent SDK's listSessions) sees what they wrote.
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { listSessionsIn } from "../support/agent-sdk.mjs";
import { ClaudeTree } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const HOUR = 3_600_000;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

function setup() {
  const tree = new ClaudeTree();
  const work = fs.realpathSync(tempDir());
  const app = path.join(work, "app");
  fs.mkdirSync(app);
  const now = Date.now();
  const at = (ago: number) => ({ start: new Date(now - ago), mtime: now - ago + 60_000 });
  const old = tree.session(app, ["an old question about parsers"], at(50 * HOUR));
  const newer = tree.session(app, ["the newer work on the app"], at(2 * HOUR));
  const proc = tempDir("claude-reindex-proc-");
  const env = { CLAUDE_CONFIG_DIR: tree.root, CLAUDE_REINDEX_PROC_ROOT: proc, TZ: "UTC" };
  const run = (args: string[], input?: string) => execa(cli, args, { cwd: app, env, reject: false, input });
  return { tree, app, old, newer, run, proc };
}

async function sdkRow(root: string, id: string) {
  const [rows] = await listSessionsIn(root, [{ includeProgrammatic: true }]);
  return rows!.find((r) => r.sessionId === id);
}

describe("rename, tag, archive, unarchive", () => {
  it("change what Claude Code's listing shows, by a unique id prefix; --json reports the change", async () => {
    const s = setup();
    const prefix = s.newer.id.slice(0, 8);
    const renamed = await s.run(["rename", prefix, "Parser", "rewrite", "notes"]);
    expect(renamed.stdout).toBe(`renamed ${s.newer.id} to "Parser rewrite notes"`);
    expect(renamed.exitCode).toBe(0);
    expect(await sdkRow(s.tree.root, s.newer.id)).toMatchObject({
      summary: "Parser rewrite notes",
      customTitle: "Parser rewrite notes",
    });
    const tagged = await s.run(["tag", prefix, "review", "--json"]);
    expect(JSON.parse(tagged.stdout)).toEqual({
      sessionId: s.newer.id,
      action: "tag",
      tag: "review",
      files: [s.newer.path],
    });
    const archived = await s.run(["archive", prefix]);
    expect(archived.stdout).toBe(`archived ${s.newer.id}`);
    expect(await sdkRow(s.tree.root, s.newer.id)).toMatchObject({ tag: "review", archived: true });
    const list = await s.run(["list"]);
    expect(list.stdout.split("\n")[0]).toMatch(/\[archived\] #review Parser rewrite notes/);

    expect((await s.run(["unarchive", prefix])).exitCode).toBe(0);
    expect((await s.run(["tag", prefix, "--clear"])).stdout).toBe(`cleared the tag of ${s.newer.id}`);
    const row = await sdkRow(s.tree.root, s.newer.id);
    expect(row?.archived).toBe(false);
    expect(row?.tag).toBeUndefined();
    const json = JSON.parse((await s.run(["list", "--json"])).stdout);
    expect(json[0]).toMatchObject({ sessionId: s.newer.id, title: "Parser rewrite notes", tag: null });
    expect(json[0].archived).toBeUndefined();
  }, 60_000);

  it("usage errors exit 2: ambiguous prefix (lists candidates), no title, tag with --clear, unknown flag", async () => {
    const s = setup();
    const common = s.old.id.slice(0, 4);
    expect(s.newer.id.startsWith(common)).toBe(true);
    const ambiguous = await s.run(["rename", common, "x"]);
    expect(ambiguous.exitCode).toBe(2);
    expect(ambiguous.stderr).toContain(`${common} starts 2 sessions (${[s.old.id, s.newer.id].sort().join(", ")})`);
    expect((await s.run(["rename", s.old.id])).exitCode).toBe(2);
    expect((await s.run(["tag", s.old.id, "x", "--clear"])).exitCode).toBe(2);
    expect((await s.run(["archive", s.old.id, "--force"])).exitCode).toBe(2);
    expect((await s.run(["delete", s.old.id, "--yes"])).exitCode).toBe(2);
    const none = await s.run(["archive", "ffffffff"]);
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain("no session ffffffff under");
  });

  it("refuses a live session with one line and exit 1: written within the minute, or open in a process", async () => {
    const s = setup();
    fs.appendFileSync(s.old.path, "");
    fs.utimesSync(s.old.path, new Date(), new Date());
    const recent = await s.run(["rename", s.old.id, "nope"]);
    expect(recent.exitCode).toBe(1);
    expect(recent.stderr.trim().split("\n")).toHaveLength(1);
    expect(recent.stderr).toMatch(/is live: it was written \d+ s ago and may still be running/);
    fs.mkdirSync(path.join(s.proc, "777", "fd"), { recursive: true });
    fs.symlinkSync(s.newer.path, path.join(s.proc, "777", "fd", "3"));
    const open = await s.run(["delete", s.newer.id]);
    expect(open.exitCode).toBe(1);
    expect(open.stderr).toContain("is open in process 777");
    expect(fs.existsSync(s.newer.path)).toBe(true);
  });
});

describe("delete and restore", () => {
  it("a deleted session is gone from list and Claude Code's listing until restored; doctor shows trash", async () => {
    const s = setup();
    const bytes = fs.readFileSync(s.old.path);
    const mtime = fs.statSync(s.old.path).mtimeMs;
    const deleted = await s.run(["delete", s.old.id.slice(0, 8)]);
    expect(deleted.exitCode).toBe(0);
    expect(deleted.stdout).toContain(`moved ${s.old.id} into the trash (1 file); claude-reindex restore ${s.old.id}`);
    expect((await s.run(["list", "--json"])).stdout).not.toContain(s.old.id);
    expect(await sdkRow(s.tree.root, s.old.id)).toBeUndefined();
    const doctor = await s.run(["doctor"]);
    expect(doctor.stdout).toContain(`trash: 1 deleted session (`);
    expect(doctor.stdout).toContain(`claude-reindex restore ${s.old.id}`);

    const restored = await s.run(["restore", s.old.id.slice(0, 8)]);
    expect(restored.exitCode, restored.stderr).toBe(0);
    expect(fs.readFileSync(s.old.path).equals(bytes)).toBe(true);
    expect(fs.statSync(s.old.path).mtimeMs).toBe(mtime);
    expect((await s.run(["list", "--json"])).stdout).toContain(s.old.id);
    expect(await sdkRow(s.tree.root, s.old.id)).toBeDefined();
    expect((await s.run(["doctor"])).stdout).not.toContain("trash:");

    // --purge without a terminal needs --yes; with it, the session is gone for good.
    expect((await s.run(["delete", "--purge", s.old.id], "")).exitCode).toBe(1);
    expect(fs.existsSync(s.old.path)).toBe(true);
    const purged = await s.run(["delete", "--purge", "--yes", s.old.id]);
    expect(purged.stdout).toContain(`purged ${s.old.id} for good`);
    expect(fs.existsSync(s.old.path)).toBe(false);
    expect((await s.run(["restore", s.old.id])).exitCode).toBe(1);
  }, 60_000);
});

describe("list --since / --until", () => {
  it("keeps the sessions changed in that time", async () => {
    const s = setup();
    const ids = async (...args: string[]) =>
      JSON.parse((await s.run(["list", "--json", ...args])).stdout).map((r: { sessionId: string }) => r.sessionId);
    expect(await ids("--since", "3h")).toEqual([s.newer.id]);
    expect(await ids("--since", "3d")).toEqual([s.newer.id, s.old.id]);
    expect(await ids("--until", "3h")).toEqual([s.old.id]);
    expect(await ids("--since", "3d", "--until", "1d")).toEqual([s.old.id]);
    const wrong = await s.run(["list", "--since", "yesterday"]);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain("--since takes an age (30m, 12h, 3d, 2w)");
    expect((await s.run(["list", "--since", "1m"])).stderr).toContain("no sessions in that time");
  });
});

import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClaudeCode } from "../support/claude-code.mjs";
import { ClaudeTree, type TreeSession } from "../support/claude-tree.ts";
import { pollIndexes } from "../support/index-poller.ts";
import { type StandInApi, startStandInApi } from "../support/stand-in-api.mjs";
import { recordFigure } from "../support/stress-results.ts";
import { writeStubClaude } from "../support/stub-claude.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
let api: StandInApi;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/hook.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
  api = await startStandInApi({ reply: "Done.", delayMs: 1500 });
}, 120_000);

afterAll(async () => {
  await api?.close();
});

/** A project whose working directory exists, so that the real Claude Code can run in it. */
function projectTree(sessionCount: number) {
  const tree = new ClaudeTree();
  const cwd = path.join(fs.realpathSync(tempDir()), "work", "raced");
  fs.mkdirSync(cwd, { recursive: true });
  const sessions = Array.from({ length: sessionCount }, (_, i) =>
    tree.session(cwd, [`session ${i}`, `more ${"x".repeat(2000)}`]),
  );
  return { tree, cwd, sessions };
}

function hook(name: string, root: string, session: TreeSession, event: string) {
  const input = JSON.stringify({
    session_id: session.id,
    transcript_path: session.path,
    hook_event_name: event,
    source: "resume",
    reason: "other",
  });
  // No waiting for the parent (here the test) to exit: these hooks are to race the other writers now.
  const env = { CLAUDE_CONFIG_DIR: root, CLAUDE_REINDEX_HOOK_WAIT_TENTHS: "0" };
  return execa(path.join(repo, "hooks", name), [], { env, input, reject: false });
}

/** Every transcript has its entry, and the entry is what a rebuild from scratch derives. */
async function expectWhole(tree: ClaudeTree, cwd: string, sessions: TreeSession[]) {
  const fresh = new ClaudeTree();
  for (const s of sessions) {
    const to = path.join(fresh.projectDir(cwd), path.basename(s.path));
    fs.copyFileSync(s.path, to);
    const { atime, mtime } = fs.statSync(s.path);
    fs.utimesSync(to, atime, mtime);
  }
  await execa(cli, ["rebuild", "--all"], { env: { CLAUDE_CONFIG_DIR: fresh.root } });
  const byId = (t: ClaudeTree) =>
    new Map(t.readIndex(cwd).entries.map((e) => [e.sessionId, { ...e, fullPath: path.basename(String(e.fullPath)) }]));
  expect(byId(tree)).toEqual(byId(fresh));
  return byId(tree).size;
}

describe("races on one project", () => {
  it("32 concurrent writers: hooks on different and on the same session, rebuild --all, the shim", async () => {
    const { tree, cwd, sessions } = projectTree(30);
    await execa(cli, ["rebuild", "--all"], { env: { CLAUDE_CONFIG_DIR: tree.root } });
    for (const s of sessions.slice(0, 24)) tree.append(s, "a turn while others write");
    const stubDir = path.join(tempDir(), "bin");
    writeStubClaude(stubDir);
    const shim = () =>
      execa(path.join(repo, "bin/claude"), ["-p", "x"], {
        env: {
          CLAUDE_CONFIG_DIR: tree.root,
          PATH: `${stubDir}:${process.env.PATH}`,
          CLAUDE_REINDEX_CHECK_MINUTES: "0",
          CLAUDE_REINDEX_STALE_HOURS: "0",
        },
        input: "",
        reject: false,
      });
    const poller = pollIndexes([tree.indexPath(cwd)]);
    const writers = [
      ...sessions.slice(0, 10).map((s) => hook("stop", tree.root, s, "Stop")),
      ...Array.from({ length: 8 }, () => hook("stop", tree.root, sessions[10]!, "Stop")),
      ...sessions.slice(11, 15).map((s) => hook("session-end", tree.root, s, "SessionEnd")),
      ...sessions.slice(15, 17).map((s) => hook("session-start", tree.root, s, "SessionStart")),
      ...Array.from({ length: 4 }, () =>
        execa(cli, ["rebuild", "--all"], { env: { CLAUDE_CONFIG_DIR: tree.root }, reject: false }),
      ),
      ...Array.from({ length: 4 }, shim),
    ];
    expect(writers).toHaveLength(32);
    const results = await Promise.all(writers);
    const { reads, failures } = await poller.stop();
    expect(failures).toEqual([]);
    for (const result of results) expect(result.exitCode).toBe(0);
    const present = new Set(tree.readIndex(cwd).entries.map((e) => e.sessionId));
    for (const s of sessions) expect(present).toContain(s.id);
    // A hook may give up on a busy lock (quietly, by design), leaving its entry one turn behind
    // until the next merge; after one, every entry is what a rebuild from scratch derives.
    await execa(cli, ["rebuild", "--all"], { env: { CLAUDE_CONFIG_DIR: tree.root } });
    const entries = await expectWhole(tree, cwd, sessions);
    recordFigure(
      "concurrent writers on one project (hooks, rebuild --all, shim)",
      `32, ${entries} entries checked, ${reads} reads during the race, all whole`,
    );
  }, 180_000);

  it("real Claude Code 2.1.29 writes its own index while our hooks run: each transcript keeps its entry", async () => {
    const { tree, cwd, sessions } = projectTree(20);
    const install = await execa(cli, ["install"], { env: { CLAUDE_CONFIG_DIR: tree.root } });
    expect(install.exitCode).toBe(0);
    await execa(cli, ["rebuild", "--all"], { env: { CLAUDE_CONFIG_DIR: tree.root } });
    for (const s of sessions) tree.append(s, "a turn while Claude Code starts");
    const poller = pollIndexes([tree.indexPath(cwd)]);
    const id = "a0000000-0000-4000-8000-0000000000d1";
    // Claude Code 2.1.29 rewrites the index from its start-up snapshot in the background, while
    // Stop hooks of the other sessions (ours) merge theirs; its own hooks (ours too) run as well.
    const claude = runClaudeCode({
      version: "2.1.29",
      args: ["-p", "racing the hooks", "--session-id", id],
      cwd,
      apiUrl: api.url,
      configDir: tree.root,
      home: path.join(tempDir(), "home"),
    });
    const hooks: Promise<unknown>[] = [];
    for (let round = 0; round < 4; round++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      hooks.push(...sessions.slice(round * 5, round * 5 + 5).map((s) => hook("stop", tree.root, s, "Stop")));
    }
    const result = await claude;
    await Promise.all(hooks);
    // Its own hooks (ours) merge its session once it has exited: within 2 s.
    const deadline = Date.now() + 2_000;
    const indexed = () => tree.readIndex(cwd).entries.some((e) => e.sessionId === id);
    while (!indexed() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const { failures } = await poller.stop();
    expect(result.exitCode, result.stderr).toBe(0);
    expect(failures).toEqual([]);
    const ids = new Set(tree.readIndex(cwd).entries.map((e) => e.sessionId));
    for (const s of sessions) expect(ids).toContain(s.id);
    expect(ids).toContain(id);
    recordFigure("Claude Code 2.1.29 writing its index during our hooks: transcripts without an entry afterwards", 0);
  }, 300_000);
});

import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { ClaudeTree } from "../support/claude-tree.ts";
import { readStubRecord, writeStubClaude } from "../support/stub-claude.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const HOUR = 3_600_000;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/** Two projects whose directories exist, sessions of different ages, a stub claude on PATH. */
function setup() {
  const tree = new ClaudeTree();
  const work = fs.realpathSync(tempDir());
  const app = path.join(work, "app");
  const api = path.join(work, "api");
  fs.mkdirSync(app);
  fs.mkdirSync(api);
  const now = Date.now();
  const old = tree.session(app, ["an old question about parsers"], { start: new Date(now - 50 * HOUR) });
  const zebra = tree.session(api, ["the zebra migration plan"], { start: new Date(now - 3 * HOUR) });
  const newest = tree.session(app, ["the newest work on the app"], { start: new Date(now - HOUR) });
  const stubDir = path.join(work, "bin");
  writeStubClaude(stubDir);
  const record = path.join(work, "record.json");
  const env = {
    CLAUDE_CONFIG_DIR: tree.root,
    STUB_RECORD: record,
    PATH: `${stubDir}:${process.env.PATH}`,
    TERM: "xterm-256color",
  };
  return { tree, app, api, old, zebra, newest, env, record, work };
}

describe("list", () => {
  it("lists the current project's sessions newest first, repairing a stale index first; --all every project; --json for scripts", async () => {
    const s = setup();
    const current = await execa(cli, ["list"], { cwd: s.app, env: s.env });
    const lines = current.stdout.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d+ (min|h) ago\s+2 {2}the newest work on the app {2}\[main\]$/);
    expect(lines[1]).toContain("an old question about parsers");
    expect(fs.existsSync(s.tree.indexPath(s.app))).toBe(true);

    const all = await execa(cli, ["list", "--all", "--json"], { cwd: s.work, env: s.env });
    const sessions = JSON.parse(all.stdout);
    expect(sessions.map((x: { sessionId: string }) => x.sessionId)).toEqual([s.newest.id, s.zebra.id, s.old.id]);
    expect(sessions[1]).toMatchObject({
      title: "the zebra migration plan",
      messageCount: 2,
      gitBranch: "main",
      projectPath: s.api,
    });
  });
});

describe("pick", () => {
  it("without a terminal: a numbered list, and the number on stdin resumes that session in its own directory", async () => {
    const s = setup();
    const result = await execa(cli, ["pick"], { cwd: s.work, env: s.env, input: "2\n", reject: false });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split("\n")[1]).toMatch(/^ {3}2 {2}\d+ h ago\s+2 {2}the zebra migration plan/);
    const seen = readStubRecord(s.record);
    expect(seen.argv).toEqual(["--resume", s.zebra.id]);
    expect(seen.cwd).toBe(s.api);
    const listOnly = await execa(cli, ["pick"], {
      cwd: s.work,
      env: { ...s.env, STUB_RECORD: path.join(s.work, "none.json") },
      input: "",
      reject: false,
    });
    expect(listOnly.exitCode).toBe(0);
    expect(listOnly.stdout.split("\n")).toHaveLength(3);
    expect(fs.existsSync(path.join(s.work, "none.json"))).toBe(false);
  });

  it("in a real 80x24 terminal: type to filter, Enter resumes the chosen session with claude --resume", async () => {
    const s = setup();
    const session = `pick-${process.pid}-${Date.now()}`;
    const exitFile = path.join(s.work, "exit");
    const envs = Object.entries(s.env)
      .map(([k, v]) => `${k}='${v}'`)
      .join(" ");
    await execa("tmux", [
      "new-session",
      "-d",
      "-s",
      session,
      "-x",
      "80",
      "-y",
      "24",
      `cd '${s.work}' && env ${envs} '${cli}' pick; echo $? > '${exitFile}'; sleep 30`,
    ]);
    const screen = async () => (await execa("tmux", ["capture-pane", "-p", "-t", session])).stdout;
    const waitFor = async (text: string) => {
      for (let waited = 0; waited < 15_000; waited += 100) {
        if ((await screen()).includes(text)) return screen();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`"${text}" never appeared on the screen:\n${await screen()}`);
    };
    try {
      await waitFor("Resume which session?");
      const first = await waitFor("the newest work on the app");
      expect(first).toContain("the zebra migration plan");
      expect(first.split("\n").every((line) => line.length <= 80)).toBe(true);

      await execa("tmux", ["send-keys", "-t", session, "-l", "zebra"]);
      // The typed text shows on the prompt line; the other sessions then leave the list.
      await waitFor("type to filter) zebra");
      for (let waited = 0; waited < 10_000 && (await screen()).includes("the newest work on the app"); waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const filtered = await screen();
      expect(filtered).not.toContain("the newest work on the app");
      expect(filtered).not.toContain("an old question about parsers");
      expect(filtered).toContain("the zebra migration plan");

      await execa("tmux", ["send-keys", "-t", session, "Enter"]);
      for (let waited = 0; waited < 15_000 && !fs.existsSync(exitFile); waited += 100)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fs.readFileSync(exitFile, "utf8").trim()).toBe("0");
      const seen = readStubRecord(s.record);
      expect(seen.argv).toEqual(["--resume", s.zebra.id]);
      expect(seen.cwd).toBe(s.api);
    } finally {
      await execa("tmux", ["kill-session", "-t", session], { reject: false });
    }
  });
});

import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installClaudeCode, offlineEnv, runClaudeCode } from "../support/claude-code.mjs";
import { setMtime } from "../support/claude-tree.ts";
import { type StandInApi, startStandInApi } from "../support/stand-in-api.mjs";
import { tempDir } from "../support/temp.ts";

/**
 * Live parity on this machine: the real Claude Code 2.1.29 from the npm registry makes sessions
 * against a loopback stand-in API and writes its own index; a rebuild from scratch must give
 * byte-identical entries.
 */
const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const DAY = 86_400_000;
const INDEX_WRITER = "2.1.29";
const INDEX_RUN = "INDEX_RUN";

let api: StandInApi;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
  await installClaudeCode(INDEX_WRITER);
  // Hold the indexing run's reply back so its background index write finishes first.
  api = await startStandInApi({
    reply: "Done.",
    delayMs: (body: unknown) => (JSON.stringify(body ?? "").includes(INDEX_RUN) ? 5000 : 0),
  });
}, 300_000);

afterAll(async () => {
  await api?.close();
});

describe(`the real Claude Code ${INDEX_WRITER}`, () => {
  it("writes the same entries as claude-reindex for the sessions it made", async () => {
    const base = fs.realpathSync(tempDir("claude-reindex-live-"));
    const configDir = path.join(base, "config");
    const cwd = path.join(base, "work", "live project");
    fs.mkdirSync(cwd, { recursive: true });
    const claude = async (args: string[]) => {
      const result = await runClaudeCode({
        version: INDEX_WRITER,
        args,
        cwd,
        apiUrl: api.url,
        configDir,
        home: path.join(base, "home"),
      });
      expect(result.exitCode, result.stderr).toBe(0);
      return result;
    };
    const first = "a0000000-0000-4000-8000-0000000000a1";
    await claude(["-p", "first prompt of the live test", "--session-id", first]);
    await claude(["-p", "a prompt\nover two lines", "--session-id", "a0000000-0000-4000-8000-0000000000a2"]);
    await claude(["--resume", first, "-p", "and a second turn"]);

    const projectDir = path.join(configDir, "projects", cwd.replace(/[^a-zA-Z0-9]/g, "-"));
    const indexPath = path.join(projectDir, "sessions-index.json");
    fs.rmSync(indexPath, { force: true });
    await claude(["-p", `${INDEX_RUN}: write the session index`, "--no-session-persistence"]);
    const theirs = fs.readFileSync(indexPath, "utf8");
    fs.rmSync(indexPath);

    const rebuild = await execa(cli, ["rebuild", "--project", cwd], {
      env: { CLAUDE_CONFIG_DIR: configDir },
      reject: false,
    });
    expect(rebuild.stderr).toBe("");
    expect(rebuild.exitCode).toBe(0);
    const ours = fs.readFileSync(indexPath, "utf8");
    const entries = (text: string) =>
      new Map(
        (JSON.parse(text).entries as { sessionId: string }[]).map((e) => [e.sessionId, JSON.stringify(e, null, 2)]),
      );
    expect(entries(ours).size).toBe(2);
    expect(entries(ours)).toEqual(entries(theirs));
    expect(JSON.parse(ours).originalPath).toBe(JSON.parse(theirs).originalPath);
  }, 300_000);
});

describe(`the real Claude Code ${INDEX_WRITER} behind the shim`, () => {
  it("starts after the stale index was repaired, and makes its session", async () => {
    const base = fs.realpathSync(tempDir("claude-reindex-live-shim-"));
    const configDir = path.join(base, "config");
    const home = path.join(base, "home");
    const cwd = path.join(base, "work", "shimmed");
    fs.mkdirSync(cwd, { recursive: true });
    const old = "a0000000-0000-4000-8000-0000000000b1";
    const made = await runClaudeCode({
      version: INDEX_WRITER,
      args: ["-p", "a session from long ago", "--session-id", old],
      cwd,
      apiUrl: api.url,
      configDir,
      home,
    });
    expect(made.exitCode, made.stderr).toBe(0);

    // The index lost that session (a crash, a stale snapshot) 45 days ago; the session is 40 days old.
    const projectDir = path.join(configDir, "projects", cwd.replace(/[^a-zA-Z0-9]/g, "-"));
    const indexPath = path.join(projectDir, "sessions-index.json");
    fs.writeFileSync(indexPath, JSON.stringify({ version: 1, entries: [], originalPath: cwd }, null, 2));
    setMtime(indexPath, Date.now() - 45 * DAY);
    setMtime(path.join(projectDir, `${old}.jsonl`), Date.now() - 40 * DAY);

    // `claude` on PATH: the shim first, then the real Claude Code.
    const { argv } = await installClaudeCode(INDEX_WRITER);
    const shimDir = path.join(base, "shim-bin");
    const realDir = path.join(base, "real-bin");
    fs.mkdirSync(shimDir);
    fs.mkdirSync(realDir);
    fs.symlinkSync(path.join(repo, "bin/claude"), path.join(shimDir, "claude"));
    fs.writeFileSync(
      path.join(realDir, "claude"),
      `#!/bin/sh\nexec ${argv.map((a: string) => `'${a}'`).join(" ")} "$@"\n`,
      { mode: 0o755 },
    );
    const env = offlineEnv({
      apiUrl: api.url,
      home,
      configDir,
      extra: { PATH: `${shimDir}:${realDir}:${process.env.PATH}` },
    });

    const result = await execa(
      "claude",
      ["-p", "hello through the shim", "--session-id", "a0000000-0000-4000-8000-0000000000b2"],
      { cwd, env, extendEnv: false, reject: false, input: "" },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("Done.");
    expect(result.stderr).toContain("claude-reindex: repaired 1 stale session index (up to 40 days behind)");
    expect(fs.existsSync(path.join(projectDir, "a0000000-0000-4000-8000-0000000000b2.jsonl"))).toBe(true);
    const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
    expect(index.entries.map((e: { sessionId: string }) => e.sessionId)).toContain(old);
  }, 300_000);
});

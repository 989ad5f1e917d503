import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installClaudeCode, runClaudeCode } from "../support/claude-code.mjs";
import { startStandInApi, type StandInApi } from "../support/stand-in-api.mjs";
import { tempDir } from "../support/temp.ts";

/**
 * Live parity on this machine: the real Claude Code 2.1.29 from the npm registry makes sessions
 * against a loopback stand-in API and writes its own index; a rebuild from scratch must give
 * byte-identical entries.
 */
const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const INDEX_WRITER = "2.1.29";
const INDEX_RUN = "INDEX_RUN";

let api: StandInApi;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
  await installClaudeCode(INDEX_WRITER);
  // Hold the indexing run's reply back so its background index write finishes first.
  api = await startStandInApi({ reply: "Done.", delayMs: (body: unknown) => (JSON.stringify(body ?? "").includes(INDEX_RUN) ? 5000 : 0) });
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
      const result = await runClaudeCode({ version: INDEX_WRITER, args, cwd, apiUrl: api.url, configDir, home: path.join(base, "home") });
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

    const rebuild = await execa(cli, ["rebuild", "--project", cwd], { env: { CLAUDE_CONFIG_DIR: configDir }, reject: false });
    expect(rebuild.stderr).toBe("");
    expect(rebuild.exitCode).toBe(0);
    const ours = fs.readFileSync(indexPath, "utf8");
    const entries = (text: string) => new Map((JSON.parse(text).entries as { sessionId: string }[]).map((e) => [e.sessionId, JSON.stringify(e, null, 2)]));
    expect(entries(ours).size).toBe(2);
    expect(entries(ours)).toEqual(entries(theirs));
    expect(JSON.parse(ours).originalPath).toBe(JSON.parse(theirs).originalPath);
  }, 300_000);
});

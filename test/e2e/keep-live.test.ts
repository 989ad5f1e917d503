import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";
import { installClaudeCode, offlineEnv, runClaudeCode, sweptSince } from "../support/claude-code.mjs";
import { type StandInApi, startStandInApi } from "../support/stand-in-api.mjs";
import { tempDir } from "../support/temp.ts";

/**
 * Issue 14's "done when", with the real Claude Code 2.1.332: doctor warns; with the keep guard on, a
 * launch through the shim in which Claude Code's own sweep deletes month-old transcripts; the
 * sessions kept; one restored byte for byte with its time, and resumed with `claude --resume`.
 */
const VERSION = "2.1.332";
const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const shim = path.join(repo, "bin/claude");
const HOLD = "HOLD THE REPLY";

let api: StandInApi;
let realClaude: string;
/** The config root of the held run, and when that run started. */
let held: { configDir: string; since: number } | null = null;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
  const installed = await installClaudeCode(VERSION);
  expect(installed.args).toEqual([]); // a native binary the shim can exec
  realClaude = installed.command;
  api = await startStandInApi({
    reply: "Done.",
    delayMs: (body: unknown) => (JSON.stringify(body ?? "").includes(HOLD) ? 15_000 : 0),
    releaseWhen: () => held !== null && sweptSince(held.configDir, held.since),
  });
}, 300_000);

afterAll(async () => {
  await api?.close();
});

describe(`the keep guard against Claude Code ${VERSION}'s cleanup`, () => {
  it("keeps what the real sweep deletes, restores it byte for byte, and Claude Code resumes it", async () => {
    const base = fs.realpathSync(tempDir("claude-reindex-keep-live-"));
    const configDir = path.join(base, "config");
    const home = path.join(base, "home");
    const cwd = path.join(base, "work", "app");
    fs.mkdirSync(cwd, { recursive: true });
    const managed = path.join(base, "managed");
    const env = {
      PATH: process.env.PATH ?? "",
      CLAUDE_CONFIG_DIR: configDir,
      CLAUDE_REINDEX_MANAGED_SETTINGS_DIR: managed,
      HOME: home,
    };
    const claude = async (args: string[]) => {
      const run = await runClaudeCode({ version: VERSION, args, cwd, apiUrl: api.url, configDir, home });
      expect(run.exitCode, run.stderr).toBe(0);
      return run;
    };
    const ours = (args: string[]) => execa(cli, args, { cwd, env, extendEnv: false, reject: false });

    // Two month-old sessions and a fresh one, made by Claude Code itself.
    const ids = ["d1000000-0000-4000-8000-000000000001", "d2000000-0000-4000-8000-000000000002"];
    const freshId = "d3000000-0000-4000-8000-000000000003";
    for (const id of [...ids, freshId]) await claude(["-p", `the prompt of ${id}`, "--session-id", id]);
    const projectDir = path.join(configDir, "projects", encodeProjectDirName(cwd));
    const transcript = (id: string) => path.join(projectDir, `${id}.jsonl`);
    await execa("touch", ["-d", "40 days ago", ...ids.map(transcript)]);
    fs.rmSync(path.join(configDir, ".last-cleanup"), { force: true });
    const before = new Map(ids.map((id) => [id, fs.readFileSync(transcript(id))]));
    const mtimeBefore = fs.statSync(transcript(ids[0]!), { bigint: true }).mtimeNs;

    const doctor = await ours(["doctor"]);
    expect(doctor.exitCode).toBe(1);
    expect(doctor.stdout).toContain(
      "cleanup: cleanupPeriodDays is 30 (Claude Code's default: no settings file sets " +
        "it): Claude Code deletes every transcript untouched for 30 days: 2 sessions " +
        "already past the cutoff",
    );
    expect(doctor.stdout).toContain("claude-reindex install --keep-sessions");

    const install = await ours(["install", "--keep-sessions"]);
    expect(install.exitCode, install.stderr).toBe(0);
    expect(install.stdout).toContain("keep guard on");
    // Every index current, as the hooks keep them: the shim's stat pass finds nothing to repair, and
    // the guard alone must send the shim on to the full check.
    expect((await ours(["rebuild", "--all"])).exitCode).toBe(0);

    // What is kept at the moment the shim hands over to Claude Code: the real claude, behind a wrapper
    // that lists kept/ and then execs it.
    const keptDir = path.join(configDir, "claude-reindex", "kept", encodeProjectDirName(cwd));
    const keptAtStart = path.join(base, "kept-at-start.txt");
    const wrapper = path.join(base, "claude-wrapper");
    fs.writeFileSync(
      wrapper,
      `#!/bin/sh\nls '${keptDir}' > '${keptAtStart}' 2>/dev/null\nexec '${realClaude}' "$@"\n`,
      { mode: 0o755 },
    );

    // A launch through the shim, as people launch it (no CLAUDE_REINDEX_DEBUG); Claude Code sweeps
    // about 5 s in, while the stand-in holds its reply (until the sweep writes its marker).
    held = { configDir, since: Date.now() };
    const launch = await execa(shim, ["-p", HOLD], {
      cwd,
      env: offlineEnv({
        apiUrl: api.url,
        home,
        configDir,
        extra: {
          CLAUDE_REINDEX_REAL_CLAUDE: wrapper,
          CLAUDE_REINDEX_CHECK_MINUTES: "0",
          CLAUDE_REINDEX_MANAGED_SETTINGS_DIR: managed,
        },
      }),
      extendEnv: false,
      reject: false,
      timeout: 120_000,
    });
    held = null;
    expect(launch.exitCode, launch.stderr).toBe(0);
    // The shim's check kept them before it started Claude Code (not the SessionStart hook, later).
    const keptNames = fs.readFileSync(keptAtStart, "utf8").split("\n");
    expect(keptNames.filter((name) => name.endsWith(".jsonl")).sort()).toEqual(ids.map((id) => `${id}.jsonl`).sort());
    expect(launch.stderr).not.toContain("claude-reindex:");
    for (const id of ids) expect(fs.existsSync(transcript(id)), `${id} swept`).toBe(false);
    expect(fs.existsSync(transcript(freshId))).toBe(true);
    expect(fs.existsSync(path.join(configDir, ".last-cleanup"))).toBe(true);

    // Kept, and doctor says so.
    const kept = JSON.parse((await ours(["doctor", "--json"])).stdout).cleanup.kept;
    expect(kept).toMatchObject({ sessions: 2, transcriptGone: 2 });
    expect(kept.ownBytes).toBeGreaterThan(0);

    // Listed, marked kept.
    const listed = JSON.parse((await ours(["list", "--all", "--json"])).stdout) as {
      sessionId: string;
      kept?: boolean;
    }[];
    expect(
      listed
        .filter((r) => r.kept)
        .map((r) => r.sessionId)
        .sort(),
    ).toEqual(ids);
    expect(listed.find((r) => r.sessionId === freshId)?.kept).toBeUndefined();

    // Restored byte for byte with its time (by a unique prefix), then resumed by Claude Code itself.
    const restore = await ours(["restore", ids[0]!.slice(0, 2)]);
    expect(restore.exitCode, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("note: its transcript is 40 days old, past cleanupPeriodDays (30)");
    expect(fs.readFileSync(transcript(ids[0]!))).toEqual(before.get(ids[0]!));
    expect(fs.statSync(transcript(ids[0]!), { bigint: true }).mtimeNs).toBe(mtimeBefore);
    expect(fs.existsSync(transcript(ids[1]!))).toBe(false);

    const resumed = await claude(["--resume", ids[0]!, "-p", "and one more turn"]);
    expect(resumed.stdout).toContain("Done.");
    const after = fs.readFileSync(transcript(ids[0]!));
    expect(after.subarray(0, before.get(ids[0]!)!.length)).toEqual(before.get(ids[0]!));
    expect(after.toString("utf8")).toContain("and one more turn");
  }, 240_000);
});

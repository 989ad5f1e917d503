import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readTreeSignature, shimSignaturePath } from "../../src/layout/tree-signature.ts";
import { deriveTranscript } from "../../src/transcript/transcript.ts";
import { installClaudeCode, runClaudeCode } from "../support/claude-code.mjs";
import { startInteractive } from "../support/claude-code-tmux.mjs";
import { type StandInApi, startStandInApi } from "../support/stand-in-api.mjs";
import { tempDir } from "../support/temp.ts";

/**
 * The hooks inside real Claude Code releases, offline against the loopback stand-in: after every
 * run, each session's entry is current within 2 s of Claude Code's exit; clean interactive exits
 * of 2.1.29 (which appends its exit records after SessionEnd) leave a current entry; and hooks
 * installed from a checkout that then moves neither fail nor linger.
 */
const repo = path.resolve(import.meta.dirname, "../..");
const RELEASES = ["2.1.29", "2.1.118", "2.1.332"];
const CURRENT_WITHIN_MS = 2_000;

let api: StandInApi;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/hook.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
  for (const version of RELEASES) await installClaudeCode(version);
  api = await startStandInApi({ reply: "Done." });
}, 600_000);

afterAll(async () => {
  await api?.close();
});

interface Place {
  base: string;
  configDir: string;
  home: string;
  cwd: string;
  projectDir: string;
}

const places: Place[] = [];

/** Hook workers of ours still running for a config dir (Linux /proc): their environment names it. */
function workersOf(configDir: string): number[] {
  const pids: number[] = [];
  for (const pid of fs.readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("hook.mjs")) continue;
      if (fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`CLAUDE_CONFIG_DIR=${configDir}`))
        pids.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

// The workers outlive Claude Code by design; let them finish before the temp dirs go.
afterEach(async () => {
  for (const p of places.splice(0)) {
    const deadline = Date.now() + 20_000;
    while (workersOf(p.configDir).length > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

function place(name: string): Place {
  const base = fs.realpathSync(tempDir(`claude-reindex-${name}-`));
  const cwd = path.join(base, "work", name);
  fs.mkdirSync(cwd, { recursive: true });
  const configDir = path.join(base, "config");
  places.push({ base, configDir, home: "", cwd, projectDir: "" });
  return {
    base,
    configDir,
    home: path.join(base, "home"),
    cwd,
    projectDir: path.join(configDir, "projects", cwd.replace(/[^a-zA-Z0-9]/g, "-")),
  };
}

/** Sessions whose entry is missing or older than the transcript, by id. */
function lagging(p: Place): string[] {
  const transcripts = fs.readdirSync(p.projectDir).filter((n) => n.endsWith(".jsonl"));
  let entries: { sessionId: string; fileMtime: number }[] = [];
  try {
    entries = JSON.parse(fs.readFileSync(path.join(p.projectDir, "sessions-index.json"), "utf8")).entries;
  } catch {
    // no index yet
  }
  return transcripts
    .map((n) => n.slice(0, -".jsonl".length))
    .filter((id) => {
      const mtime = Math.round(fs.statSync(path.join(p.projectDir, `${id}.jsonl`)).mtimeMs);
      return entries.find((e) => e.sessionId === id)?.fileMtime !== mtime;
    });
}

/** Waits until every entry is current; returns how long that took, or throws naming the laggards. */
async function currentWithin(p: Place, ms: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const behind = lagging(p);
    if (behind.length === 0) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`entries not current ${ms} ms after exit: ${behind.join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function expectExactEntry(p: Place, id: string): void {
  const transcript = path.join(p.projectDir, `${id}.jsonl`);
  const derivation = deriveTranscript(
    { sessionId: id, path: transcript, mtime: Math.round(fs.statSync(transcript).mtimeMs) },
    null,
  );
  if (derivation.kind !== "entry") throw new Error(`no entry: ${JSON.stringify(derivation)}`);
  const index = JSON.parse(fs.readFileSync(path.join(p.projectDir, "sessions-index.json"), "utf8"));
  expect(index.entries.find((e: { sessionId: string }) => e.sessionId === id)).toEqual(derivation.entry);
}

function hookLog(p: Place): string {
  const log = path.join(p.configDir, "claude-reindex", "hooks.log");
  return fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "";
}

describe.each(RELEASES)("the real Claude Code %s with the hooks installed", (version) => {
  it(`claude -p and --resume: every entry current within ${CURRENT_WITHIN_MS} ms of each exit`, async () => {
    const p = place(`hooks-p-${version}`);
    const install = await execa(path.join(repo, "bin/claude-reindex"), ["install"], {
      env: { CLAUDE_CONFIG_DIR: p.configDir },
    });
    expect(install.exitCode).toBe(0);
    const id = "a0000000-0000-4000-8000-0000000000c1";
    const waits: number[] = [];
    for (const args of [
      ["-p", "first prompt through the hooks", "--session-id", id],
      ["--resume", id, "-p", "and a second turn"],
      ["-p", "another session"],
    ]) {
      const result = await runClaudeCode({ version, args, apiUrl: api.url, ...p });
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stderr).toBe("");
      waits.push(await currentWithin(p, CURRENT_WITHIN_MS));
    }
    expectExactEntry(p, id);
    expect(hookLog(p)).toBe("");
    console.log(`${version} -p: entries current ${waits.join(", ")} ms after Claude Code exited`);
    // After the last exit, SessionEnd's worker saves the shim's tree signature (every index is fine).
    const deadline = Date.now() + 20_000;
    while (workersOf(p.configDir).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(readTreeSignature(shimSignaturePath(p.configDir))?.header).toMatch(/^claude-reindex tree signature 1,/);
    // And it kept what list and pick know of each session, for the transcripts as they are now: list reads none.
    const catalog = path.join(p.configDir, "claude-reindex", "catalog", `${path.basename(p.projectDir)}.json`);
    const records = JSON.parse(fs.readFileSync(catalog, "utf8")).sessions;
    const transcripts = fs.readdirSync(p.projectDir).filter((n) => n.endsWith(".jsonl"));
    expect(Object.keys(records).sort()).toEqual(transcripts.map((n) => n.slice(0, -".jsonl".length)).sort());
    for (const name of transcripts) {
      const stat = fs.statSync(path.join(p.projectDir, name));
      expect(records[name.slice(0, -".jsonl".length)]).toMatchObject({
        mtime: Math.round(stat.mtimeMs),
        size: stat.size,
      });
    }
  }, 300_000);
});

describe("the last word at exit", () => {
  it("2.1.29's clean /exit: the entry is current, exit records included", async () => {
    const p = place("hooks-exit");
    await execa(path.join(repo, "bin/claude-reindex"), ["install"], { env: { CLAUDE_CONFIG_DIR: p.configDir } });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const session = await startInteractive({ version: "2.1.29", apiUrl: api.url, ...p });
      try {
        await session.prompt(`interactive prompt ${i}`);
        const { endedAt } = await session.exit();
        waits.push(await currentWithin(p, CURRENT_WITHIN_MS + Math.max(0, Date.now() - endedAt)));
      } finally {
        await session.close();
      }
    }
    expect(fs.readdirSync(p.projectDir).filter((n) => n.endsWith(".jsonl"))).toHaveLength(3);
    expect(hookLog(p)).toBe("");
    console.log(`2.1.29 /exit: entries current ${waits.join(", ")} ms after the exit was seen`);
  }, 300_000);
});

describe("a checkout that moves", () => {
  it("hooks do not fail after the move, doctor names the old path, install from the " +
    "new place leaves one set", async () => {
    const p = place("hooks-move");
    const before = path.join(p.base, "src", "claude-reindex");
    fs.mkdirSync(before, { recursive: true });
    for (const part of ["bin", "dist", "hooks", "package.json"])
      fs.cpSync(path.join(repo, part), path.join(before, part), { recursive: true });
    const env = { CLAUDE_CONFIG_DIR: p.configDir };
    expect((await execa(path.join(before, "bin/claude-reindex"), ["install"], { env })).exitCode).toBe(0);
    const settingsPath = path.join(p.configDir, "settings.json");
    const settings = fs.readFileSync(settingsPath, "utf8");

    const after = path.join(p.base, "elsewhere", "claude-reindex");
    fs.mkdirSync(path.dirname(after));
    fs.renameSync(before, after);
    const claude = (prompt: string) =>
      runClaudeCode({ version: "2.1.332", args: ["-p", prompt], apiUrl: api.url, ...p });
    const moved = await claude("after the move");
    expect(moved.exitCode).toBe(0);
    expect(moved.stderr).toBe("");
    expect(hookLog(p)).toContain(`${before}/hooks/launch is missing (claude-reindex moved or was removed)`);

    const doctor = await execa(path.join(after, "bin/claude-reindex"), ["doctor"], { env, reject: false });
    expect(doctor.exitCode).toBe(1);
    expect(doctor.stdout).toContain(`, but ${before}/hooks/launch is missing\n  fix: claude-reindex install`);

    const reinstall = await execa(path.join(after, "bin/claude-reindex"), ["install"], { env });
    expect(reinstall.stdout).toContain(`the hooks now run the claude-reindex in ${after} (was ${before})`);
    expect(fs.readFileSync(settingsPath, "utf8")).toBe(settings);
    const healthy = await execa(path.join(after, "bin/claude-reindex"), ["doctor"], { env, reject: false });
    expect(healthy.stdout).toContain(`setup: hooks registered in ${settingsPath} (SessionStart, Stop, SessionEnd)\n`);
    expect(healthy.stdout).not.toContain("is missing");

    expect((await claude("after install from the new place")).exitCode).toBe(0);
    await currentWithin(p, CURRENT_WITHIN_MS);
  }, 300_000);
});

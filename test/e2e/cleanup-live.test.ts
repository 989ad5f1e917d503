import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";
import { installClaudeCode, runClaudeCode, sweptSince } from "../support/claude-code.mjs";
import { type StandInApi, startStandInApi } from "../support/stand-in-api.mjs";
import { tempDir } from "../support/temp.ts";
import { TranscriptBuilder } from "../support/transcript-builder.ts";

/**
 * What Claude Code 2.1.332's own cleanup sweep deletes, seen by running it (README "What Claude
 * Code deletes"): no `<root>/.last-cleanup`, files aged with `touch -d`, and a stand-in API that
 * holds its reply so the sweep (about 5 s after start) runs before the process exits. The hold
 * ends when the run writes `.last-cleanup`, which Claude Code does once the sweep is done, or
 * after 15 s for a run that must not sweep.
 */
const VERSION = "2.1.332";
const HOLD_MS = 15_000;

let api: StandInApi;
/** The config root of the run in progress, and when that run started. */
let running: { configDir: string; since: number } | null = null;

beforeAll(async () => {
  await installClaudeCode(VERSION);
  api = await startStandInApi({
    reply: "Done.",
    delayMs: HOLD_MS,
    releaseWhen: () => running !== null && sweptSince(running.configDir, running.since),
  });
}, 300_000);

afterAll(async () => {
  await api?.close();
});

function transcript(file: string, sessionId: string, cwd: string): string {
  const builder = new TranscriptBuilder({ sessionId, cwd, version: VERSION });
  builder.turn(`a prompt of ${sessionId}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, builder.toString(), { mode: 0o600 });
  return file;
}

async function age(days: number, ...files: string[]): Promise<void> {
  await execa("touch", ["-d", `${days} days ago`, ...files]);
}

const id = (n: number) => `c0000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;

/** A config root and a project in a temp dir; `claude -p` run in a directory of its own. */
function world() {
  const base = fs.realpathSync(tempDir("claude-reindex-cleanup-"));
  const configDir = path.join(base, "config");
  const cwd = path.join(base, "work", "runner");
  fs.mkdirSync(cwd, { recursive: true });
  const projectCwd = path.join(base, "work", "old project");
  const projectDir = path.join(configDir, "projects", encodeProjectDirName(projectCwd));
  const run = async () => {
    // The sweep starts seconds in, so even a marker's mtime kept to the second is past `since`.
    running = { configDir, since: Date.now() };
    try {
      return await runClaudeCode({
        version: VERSION,
        args: ["-p", "hello"],
        cwd,
        apiUrl: api.url,
        configDir,
        home: path.join(base, "home"),
      });
    } finally {
      running = null;
    }
  };
  return { base, configDir, cwd, projectCwd, projectDir, run };
}

// Sequential, each case in a world of its own. (The cases once ran concurrently, and the end of one test
// removed the other's temp tree while its Claude Code still ran: the "second sweep" and the "ignored
// project setting" seen on a quiet machine were files deleted by that cleanup, not by Claude Code.)
describe.sequential(`Claude Code ${VERSION}'s cleanup sweep`, () => {
  it("deletes by mtime alone, with the <uuid>/ folder, old-layout agent files and archived sessions", async () => {
    const w = world();
    const p = (name: string) => path.join(w.projectDir, name);
    // Old by mtime, though its records are dated today: goes.
    const old = transcript(p(`${id(1)}.jsonl`), id(1), w.projectCwd);
    fs.mkdirSync(p(`${id(1)}/subagents`), { recursive: true });
    fs.writeFileSync(p(`${id(1)}/subagents/agent-a1.jsonl`), "{}\n");
    fs.writeFileSync(p(`${id(1)}/custom-title.json`), '{"customTitle":"kept title"}\n');
    // Fresh by mtime, though its records are dated 2026-10-01: stays.
    const fresh = transcript(p(`${id(2)}.jsonl`), id(2), w.projectCwd);
    // Archived and old: goes all the same.
    const archived = transcript(p(`${id(3)}.jsonl`), id(3), w.projectCwd);
    fs.mkdirSync(p(id(3)));
    fs.writeFileSync(p(`${id(3)}/archived.json`), '{"archived":true}\n');
    // The old layout's agent transcript beside the sessions: goes.
    const agent = p("agent-0a1b2c3d.jsonl");
    fs.writeFileSync(agent, "{}\n");
    // The index and a non-empty memory folder: stay.
    const index = p("sessions-index.json");
    fs.writeFileSync(index, '{"version":1,"entries":[]}\n');
    fs.mkdirSync(p("memory"));
    const memory = p("memory/notes.md");
    fs.writeFileSync(memory, "remember this\n");
    // 29 days old, within the default 30: stays.
    const recent = transcript(p(`${id(4)}.jsonl`), id(4), w.projectCwd);
    await age(40, old, archived, agent, index, memory, p("memory"));
    await age(29, recent);
    expect(fs.existsSync(path.join(w.configDir, ".last-cleanup"))).toBe(false);

    const result = await w.run();
    expect(result.exitCode, result.stderr).toBe(0);

    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(p(id(1)))).toBe(false); // the whole <uuid>/ folder, fresh files in it too
    expect(fs.existsSync(archived)).toBe(false);
    expect(fs.existsSync(p(id(3)))).toBe(false);
    expect(fs.existsSync(agent)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.existsSync(recent)).toBe(true);
    expect(fs.existsSync(index)).toBe(true);
    expect(fs.readFileSync(memory, "utf8")).toBe("remember this\n");
    // The marker that holds the next sweep back for 24 h.
    const marker = path.join(w.configDir, ".last-cleanup");
    expect(fs.existsSync(marker)).toBe(true);

    // With the marker fresh, a second run sweeps nothing (held the whole 15 s, it leaves the
    // marker as it was); without the marker, the next run does.
    const again = transcript(p(`${id(5)}.jsonl`), id(5), w.projectCwd);
    await age(40, again);
    const markedAt = fs.statSync(marker).mtimeMs;
    const started = Date.now();
    expect((await w.run()).exitCode).toBe(0);
    expect(Date.now() - started).toBeGreaterThan(HOLD_MS - 1000);
    expect(fs.statSync(marker).mtimeMs).toBe(markedAt);
    expect(fs.existsSync(again)).toBe(true);
    fs.rmSync(marker);
    expect((await w.run()).exitCode).toBe(0);
    expect(fs.existsSync(again)).toBe(false);
    expect(fs.existsSync(marker)).toBe(true);
  }, 180_000);

  it("takes cleanupPeriodDays from the project's settings over the user's", async () => {
    const w = world();
    const p = (name: string) => path.join(w.projectDir, name);
    fs.mkdirSync(w.configDir, { recursive: true });
    fs.writeFileSync(path.join(w.configDir, "settings.json"), '{"cleanupPeriodDays": 100}\n');
    fs.mkdirSync(path.join(w.cwd, ".claude"));
    fs.writeFileSync(path.join(w.cwd, ".claude", "settings.json"), '{"cleanupPeriodDays": 20}\n');
    const past = transcript(p(`${id(6)}.jsonl`), id(6), w.projectCwd);
    const within = transcript(p(`${id(7)}.jsonl`), id(7), w.projectCwd);
    await age(25, past);
    await age(15, within);
    const result = await w.run();
    expect(result.exitCode, result.stderr).toBe(0);
    expect(fs.existsSync(past)).toBe(false);
    expect(fs.existsSync(within)).toBe(true);

    // The local settings win over the project's, and the cutoff applies to every project.
    fs.writeFileSync(path.join(w.cwd, ".claude", "settings.local.json"), '{"cleanupPeriodDays": 10}\n');
    fs.rmSync(path.join(w.configDir, ".last-cleanup"));
    const result2 = await w.run();
    expect(result2.exitCode, result2.stderr).toBe(0);
    expect(fs.existsSync(within)).toBe(false);
  }, 120_000);
});

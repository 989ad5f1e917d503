import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";
import { listSessionsIn } from "../support/agent-sdk.mjs";
import { runClaudeCode } from "../support/claude-code.mjs";
import { type StandInApi, startStandInApi } from "../support/stand-in-api.mjs";
import { tempDir } from "../support/temp.ts";
import { treeSnapshot } from "../support/tree-snapshot.ts";

/**
 * Issue 15's "done when", with the real Claude Code 2.1.332 and its Agent SDK: sessions made by Claude
 * Code in a folder that is then moved; move-project; the SDK's listSessions for the new path has every
 * one (with the new path as its cwd), `claude --continue` there continues the newest by mtime, memory/
 * came along, and --dry-run and a second run change nothing under the root.
 */
const VERSION = "2.1.332";
const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");

let api: StandInApi;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
  api = await startStandInApi({ reply: "Done." });
}, 300_000);

afterAll(async () => {
  await api?.close();
});

describe(`move-project with Claude Code ${VERSION}`, () => {
  it("after a folder moved, Claude Code lists and continues its sessions in the new place", async () => {
    const base = fs.realpathSync(tempDir("claude-reindex-move-live-"));
    const configDir = path.join(base, "config");
    const home = path.join(base, "home");
    const oldCwd = path.join(base, "work", "app");
    const newCwd = path.join(base, "elsewhere", "app-renamed");
    fs.mkdirSync(oldCwd, { recursive: true });
    fs.mkdirSync(path.dirname(newCwd), { recursive: true });
    const claude = async (cwd: string, args: string[]) => {
      const run = await runClaudeCode({ version: VERSION, args, cwd, apiUrl: api.url, configDir, home });
      expect(run.exitCode, run.stderr).toBe(0);
      return run;
    };
    const ours = (args: string[]) =>
      execa(cli, args, {
        cwd: base,
        env: { PATH: process.env.PATH ?? "", CLAUDE_CONFIG_DIR: configDir, HOME: home },
        extendEnv: false,
        reject: false,
      });

    const ids = [
      "e1000000-0000-4000-8000-000000000001",
      "e2000000-0000-4000-8000-000000000002",
      "e3000000-0000-4000-8000-000000000003",
    ];
    for (const id of ids) await claude(oldCwd, ["-p", `the prompt of ${id}`, "--session-id", id]);
    const oldDir = path.join(configDir, "projects", encodeProjectDirName(oldCwd));
    const newDir = path.join(configDir, "projects", encodeProjectDirName(newCwd));
    // The newest by mtime is the first one made, not the last: --continue must follow the mtimes kept.
    const transcript = (dir: string, id: string) => path.join(dir, `${id}.jsonl`);
    await execa("touch", ["-d", "2026-06-01 10:00:00.123456789", transcript(oldDir, ids[0]!)]);
    await execa("touch", ["-d", "2026-05-01 10:00:00.987654321", transcript(oldDir, ids[1]!)]);
    await execa("touch", ["-d", "2026-04-01 10:00:00.000000001", transcript(oldDir, ids[2]!)]);
    const memory = path.join(oldDir, "memory", "MEMORY.md");
    fs.mkdirSync(path.dirname(memory), { recursive: true });
    fs.writeFileSync(memory, "- the build runs with make\n", { mode: 0o600 });
    // The folder's own entry in Claude Code's .claude.json (written by Claude Code itself in this
    // config dir) and a prompt in history.jsonl, as interactive runs leave them.
    const globalConfig = path.join(configDir, ".claude.json");
    const config = JSON.parse(fs.readFileSync(globalConfig, "utf8"));
    config.projects = { [oldCwd]: { allowedTools: [], hasTrustDialogAccepted: true } };
    fs.writeFileSync(globalConfig, `${JSON.stringify(config, null, 2)}\n`);
    const history = path.join(configDir, "history.jsonl");
    fs.writeFileSync(
      history,
      `${JSON.stringify({ display: "hi", pastedContents: {}, timestamp: 1, project: oldCwd })}\n`,
    );

    const before = new Map(
      [...ids.map((id) => `${id}.jsonl`), path.join("memory", "MEMORY.md")].map((name) => {
        const file = path.join(oldDir, name);
        const stat = fs.statSync(file, { bigint: true });
        return [name, { bytes: fs.readFileSync(file), mtimeNs: stat.mtimeNs, mode: stat.mode }];
      }),
    );

    fs.renameSync(oldCwd, newCwd);

    const untouched = treeSnapshot(configDir);
    const dry = await ours(["move-project", oldCwd, newCwd, "--dry-run", "--update-config"]);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("would move 3 sessions");
    expect(dry.stdout).toContain(`would rewrite ${globalConfig}: ${oldCwd} -> ${newCwd}`);
    expect(treeSnapshot(configDir)).toEqual(untouched);

    const moved = await ours(["move-project", oldCwd, newCwd, "--update-config"]);
    expect(moved.exitCode, moved.stderr).toBe(0);
    expect(fs.existsSync(oldDir)).toBe(false);
    for (const [name, was] of before) {
      const file = path.join(newDir, name);
      const stat = fs.statSync(file, { bigint: true });
      expect(stat.mtimeNs, name).toBe(was.mtimeNs);
      expect(stat.mode, name).toBe(was.mode);
      expect(fs.readFileSync(file).subarray(0, was.bytes.length).equals(was.bytes), name).toBe(true);
    }
    expect(Object.keys(JSON.parse(fs.readFileSync(globalConfig, "utf8")).projects)).toEqual([newCwd]);
    expect(JSON.parse(fs.readFileSync(history, "utf8")).project).toBe(newCwd);
    const index = JSON.parse(fs.readFileSync(path.join(newDir, "sessions-index.json"), "utf8"));
    expect(index.entries.map((e: { sessionId: string }) => e.sessionId).sort()).toEqual(ids);

    // A second run changes nothing under the root: not a file, not a stamp, not a directory's time.
    const settled = treeSnapshot(configDir);
    const again = await ours(["move-project", oldCwd, newCwd, "--update-config"]);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(treeSnapshot(configDir)).toEqual(settled);

    // Claude Code's own listing for the new folder: every moved session, its cwd the new path.
    const [rows] = await listSessionsIn(configDir, [{ dir: newCwd }]);
    expect(rows!.map((r) => r.sessionId).sort()).toEqual(ids);
    for (const row of rows!) expect(row.cwd).toBe(newCwd);
    expect(rows!.map((r) => r.sessionId)).toEqual(ids); // newest first, by the mtimes kept

    // --continue in the new place continues the newest by mtime.
    const sizes = new Map(ids.map((id) => [id, fs.statSync(transcript(newDir, id)).size]));
    const continued = await claude(newCwd, ["--continue", "-p", "continue in the new place"]);
    expect(continued.stdout).toContain("Done.");
    const grew = ids.filter((id) => fs.statSync(transcript(newDir, id)).size !== sizes.get(id));
    expect(grew).toEqual([ids[0]]);
    const appended = fs
      .readFileSync(transcript(newDir, ids[0]!))
      .subarray(sizes.get(ids[0]!))
      .toString("utf8")
      .split("\n")
      .filter((l) => l.includes("continue in the new place"));
    expect(appended.length).toBeGreaterThan(0);
    for (const line of appended) expect(JSON.parse(line).sessionId).toBe(ids[0]);
    const prompt = appended.map((l) => JSON.parse(l)).find((r) => r.type === "user");
    expect(prompt.cwd).toBe(newCwd);
    expect(fs.readdirSync(path.join(configDir, "projects"))).toEqual([path.basename(newDir)]);
  }, 240_000);
});

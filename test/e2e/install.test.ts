import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

const EXISTING = `{
  "model": "opus",
  "permissions": { "allow": ["Bash(npm test)"] },
  "hooks": {
    "Stop": [
      { "hooks": [{ "type": "command", "command": "notify-send done" }] }
    ],
    "PreToolUse": [
      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "audit-bash", "timeout": 5 }] }
    ],
    "SessionStart": [
      { "matcher": "startup", "hooks": [{ "type": "command", "command": "echo hello" }] }
    ]
  }
}
`;

function run(args: string[], root: string, cwd = root) {
  return execa(cli, args, { cwd, env: { CLAUDE_CONFIG_DIR: root, PATH: process.env.PATH ?? "" }, reject: false });
}

describe("install and uninstall", () => {
  it("registers the three hooks among the user's own, idempotently; uninstall restores every byte", async () => {
    const root = tempDir();
    const settings = path.join(root, "settings.json");
    fs.writeFileSync(settings, EXISTING, { mode: 0o644 });

    const first = await run(["install"], root);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(
        `^registered the claude-reindex SessionStart, Stop, SessionEnd hooks in ${settings} ` +
          `\\(backup: ${settings}\\.claude-reindex-backup-`,
      ),
    );
    expect(first.stdout).toContain(`alias claude=${path.join(repo, "bin/claude")}`);
    const installed = JSON.parse(fs.readFileSync(settings, "utf8"));
    const launcher = path.join(root, "claude-reindex", "hook");
    expect(installed.hooks.Stop.map((g: { hooks: { command: string }[] }) => g.hooks[0]!.command)).toEqual([
      "notify-send done",
      `${launcher} Stop`,
    ]);
    expect(fs.readFileSync(launcher, "utf8")).toContain(`\npackage=${repo}\n`);
    expect(fs.statSync(launcher).mode & 0o777).toBe(0o700);
    expect(installed.hooks.PreToolUse).toEqual(JSON.parse(EXISTING).hooks.PreToolUse);
    expect(installed.hooks.SessionStart[0]).toEqual(JSON.parse(EXISTING).hooks.SessionStart[0]);
    expect(installed.hooks.SessionEnd[0].hooks[0]).toEqual({
      type: "command",
      command: `${launcher} SessionEnd`,
      timeout: 10,
    });
    expect(installed.permissions).toEqual({ allow: ["Bash(npm test)"] });
    expect(fs.statSync(settings).mode & 0o777).toBe(0o644);

    const second = await run(["install"], root);
    expect(second.stdout).toContain("already registered");
    expect(fs.readdirSync(root).filter((n) => n.includes("backup"))).toHaveLength(1);

    const doctor = await run(["doctor"], root);
    expect(doctor.stdout).toContain(`setup: hooks registered in ${settings} (SessionStart, Stop, SessionEnd)`);

    const removed = await run(["uninstall"], root);
    expect(removed.exitCode).toBe(0);
    expect(fs.readFileSync(settings, "utf8")).toBe(EXISTING);
    expect(fs.existsSync(launcher)).toBe(false);
    expect((await run(["uninstall"], root)).stdout).toContain("No claude-reindex hooks");
  });

  it("creates a missing settings file, and uninstall removes it again", async () => {
    const root = tempDir();
    expect((await run(["install"], root)).exitCode).toBe(0);
    const settings = path.join(root, "settings.json");
    expect(fs.statSync(settings).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(fs.readFileSync(settings, "utf8")).hooks)).toEqual([
      "SessionStart",
      "Stop",
      "SessionEnd",
    ]);
    await run(["uninstall"], root);
    expect(fs.existsSync(settings)).toBe(false);
  });

  it("shows the diff and changes nothing with --dry-run", async () => {
    const root = tempDir();
    const settings = path.join(root, "settings.json");
    fs.writeFileSync(settings, EXISTING);
    const result = await run(["install", "--dry-run"], root);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`--- ${settings}`);
    expect(result.stdout).toContain(`+            "command": "${path.join(root, "claude-reindex/hook")} SessionEnd",`);
    expect(result.stdout).toContain(
      `would write ${path.join(root, "claude-reindex/hook")} (runs the hooks of ${repo})`,
    );
    expect(fs.readFileSync(settings, "utf8")).toBe(EXISTING);
    expect(fs.readdirSync(root)).toEqual(["settings.json"]);
  });

  it.each([
    ["not JSON", '{ "model": "opus", }}'],
    ["hooks of the wrong type", '{ "hooks": ["x"] }'],
  ])("refuses a settings.json that is %s: exit 1, one line, file untouched", async (_name, text) => {
    const root = tempDir();
    const settings = path.join(root, "settings.json");
    fs.writeFileSync(settings, text);
    const result = await run(["install"], root);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(`claude-reindex: ${settings} is `);
    expect(result.stderr).toContain("nothing was changed");
    expect(fs.readFileSync(settings, "utf8")).toBe(text);
    expect(fs.readdirSync(root)).toEqual(["settings.json"]);
  });

  it("writes project and local scopes under the project's .claude/", async () => {
    const root = tempDir();
    const project = tempDir();
    expect((await run(["install", "--scope", "project"], root, project)).exitCode).toBe(0);
    expect((await run(["install", "--scope", "local"], root, project)).exitCode).toBe(0);
    expect(fs.existsSync(path.join(project, ".claude/settings.json"))).toBe(true);
    expect(fs.existsSync(path.join(project, ".claude/settings.local.json"))).toBe(true);
    expect(fs.existsSync(path.join(root, "settings.json"))).toBe(false);
    expect((await run(["install", "--scope", "everywhere"], root, project)).exitCode).toBe(2);
  });

  it("doctor tells whether claude on PATH is the shim", async () => {
    const root = tempDir();
    const bin = tempDir();
    const other = tempDir();
    fs.writeFileSync(path.join(other, "claude"), "#!/bin/sh\n", { mode: 0o755 });
    fs.symlinkSync(path.join(repo, "bin/claude"), path.join(bin, "claude"));
    const doctor = (PATH: string) => execa(cli, ["doctor"], { env: { CLAUDE_CONFIG_DIR: root, PATH }, reject: false });
    expect((await doctor(`${bin}:${other}:${process.env.PATH}`)).stdout).toContain(
      `setup: claude on PATH is the shim (${path.join(bin, "claude")})`,
    );
    expect((await doctor(`${other}:${bin}:${process.env.PATH}`)).stdout).toContain(
      `setup: claude on PATH is ${path.join(other, "claude")}, not the shim; ` +
        `to check indexes before each launch: alias claude=${path.join(repo, "bin/claude")}`,
    );
  });

  it("links the shim with --shim-dir, refuses to replace someone else's claude, and uninstall unlinks it", async () => {
    const root = tempDir();
    const shimDir = path.join(tempDir(), "bin");
    const result = await run(["install", "--shim-dir", shimDir], root);
    expect(result.exitCode).toBe(0);
    expect(fs.readlinkSync(path.join(shimDir, "claude"))).toBe(path.join(repo, "bin/claude"));
    expect(result.stdout).toContain(`note: ${shimDir} is not on PATH`);
    expect((await run(["install", "--shim-dir", shimDir], root)).stdout).toContain("already links to the shim");
    await run(["uninstall", "--shim-dir", shimDir], root);
    expect(fs.existsSync(path.join(shimDir, "claude"))).toBe(false);

    fs.writeFileSync(path.join(shimDir, "claude"), "#!/bin/sh\n");
    const refused = await run(["install", "--shim-dir", shimDir], root);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain("exists and is not a link to the shim");
  });
});

/** A copy of the built package (what install needs of it) at `dir`. */
function copyPackage(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const part of ["bin", "dist", "hooks", "package.json"])
    fs.cpSync(path.join(repo, part), path.join(dir, part), { recursive: true });
  return dir;
}

describe("install checks before it writes", () => {
  it("refuses ~/.local/bin, someone else's claude, and an npx cache, changing nothing", async () => {
    const root = tempDir();
    const home = tempDir();
    const settings = path.join(root, "settings.json");
    fs.writeFileSync(settings, EXISTING);
    const env = { CLAUDE_CONFIG_DIR: root, HOME: home, PATH: process.env.PATH ?? "" };
    const nativeBin = path.join(home, ".local", "bin");
    const native = await execa(cli, ["install", "--shim-dir", nativeBin], { env, reject: false });
    expect(native.exitCode).toBe(1);
    expect(native.stderr).toContain(`${nativeBin} is where Claude Code's native installer keeps the real claude`);

    const taken = path.join(tempDir(), "bin");
    fs.mkdirSync(taken);
    fs.symlinkSync("/opt/somewhere/claude", path.join(taken, "claude"));
    const refused = await execa(cli, ["install", "--shim-dir", taken], { env, reject: false });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain("already links to /opt/somewhere/claude");

    const npx = copyPackage(path.join(tempDir(), ".npm", "_npx", "5f2c", "node_modules", "claude-reindex"));
    const fromNpx = await execa(path.join(npx, "bin/claude-reindex"), ["install"], { env, reject: false });
    expect(fromNpx.exitCode).toBe(1);
    expect(fromNpx.stderr.trim().split("\n")).toHaveLength(1);
    expect(fromNpx.stderr).toContain(`runs from npx's cache (${npx})`);
    expect(fromNpx.stderr).toContain("npm install -g claude-reindex && claude-reindex install");

    for (const result of [native, refused, fromNpx]) expect(result.stderr).toContain("nothing was changed");
    expect(fs.readFileSync(settings, "utf8")).toBe(EXISTING);
    expect(fs.readdirSync(root)).toEqual(["settings.json"]);
    expect(fs.existsSync(nativeBin)).toBe(false);
  });

  it("warns that --scope project writes this machine's absolute paths into a file teams commit", async () => {
    const root = tempDir();
    const project = tempDir();
    const result = await run(["install", "--scope", "project"], root, project);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(
      `claude-reindex: warning: ${path.join(project, ".claude/settings.json")} is ` +
        `usually committed, and the hook commands in it are this machine's absolute paths ` +
        `(${path.join(root, "claude-reindex/hook")}); on another machine they would fail. ` +
        `To keep them to yourself: claude-reindex uninstall --scope project && ` +
        `claude-reindex install --scope local`,
    );
    expect((await run(["install", "--scope", "local"], root, project)).stderr).toBe("");
  });
});

describe("hooks registered by an earlier release, from a checkout that moved", () => {
  it("doctor names the missing path; install from the new place leaves one set; uninstall removes it", async () => {
    const root = tempDir();
    const old = path.join(tempDir(), "src", "claude-reindex");
    const settings = path.join(root, "settings.json");
    // As releases before the launcher registered them: the checkout's scripts, Stop and SessionStart async.
    const handler = (script: string, extra: object) => ({
      hooks: [{ type: "command", command: path.join(old, "hooks", script), timeout: 30, ...extra }],
    });
    const before = {
      model: "opus",
      hooks: {
        SessionStart: [handler("session-start", { async: true })],
        Stop: [{ hooks: [{ type: "command", command: "notify-send done" }] }, handler("stop", { async: true })],
        SessionEnd: [handler("session-end", {})],
      },
    };
    fs.writeFileSync(settings, JSON.stringify(before, null, 2));

    const doctor = await run(["doctor"], root);
    expect(doctor.exitCode).toBe(1);
    expect(doctor.stdout).toContain(
      `setup: the Stop hook in ${settings} runs ${path.join(old, "hooks/stop")}, but ` +
        `${path.join(old, "hooks/stop")} is missing\n  fix: claude-reindex install (run ` +
        `from where claude-reindex is now), or claude-reindex uninstall\n`,
    );
    expect(doctor.stdout).not.toContain("hooks not registered");

    const install = await run(["install"], root);
    expect(install.exitCode).toBe(0);
    expect(install.stdout).toContain(`  replaced: ${path.join(old, "hooks/stop")}`);
    const after = JSON.parse(fs.readFileSync(settings, "utf8"));
    const launcher = path.join(root, "claude-reindex", "hook");
    for (const event of ["SessionStart", "Stop", "SessionEnd"]) {
      const commands = after.hooks[event].flatMap((g: { hooks: { command: string }[] }) =>
        g.hooks.map((h) => h.command),
      );
      expect(commands.filter((c: string) => c.includes("claude-reindex"))).toEqual([`${launcher} ${event}`]);
    }
    expect(after.hooks.Stop[0]).toEqual(before.hooks.Stop[0]);
    expect((await run(["install"], root)).stdout).toContain("already registered");
    const healthy = await run(["doctor"], root);
    expect(healthy.stdout).toContain(`setup: hooks registered in ${settings} (SessionStart, Stop, SessionEnd)\n`);
    expect(healthy.stdout).not.toContain("is missing");

    expect((await run(["uninstall"], root)).exitCode).toBe(0);
    expect(JSON.parse(fs.readFileSync(settings, "utf8")).hooks).toEqual({
      SessionStart: [],
      Stop: [before.hooks.Stop[0]],
      SessionEnd: [],
    });
    expect(fs.existsSync(launcher)).toBe(false);
  });
});

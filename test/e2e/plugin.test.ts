// The Claude Code plugin (plugins/session-reindex/) as users get it: its committed files are what
// the build makes of src/, the latest release's validator accepts it, and, installed from a clean
// clone of the repository with `claude plugin`, it indexes real Claude Code sessions.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shellQuote } from "../../src/text/shell-quote.ts";
import { installClaudeCode, offlineEnv, runClaudeCode } from "../support/claude-code.mjs";
import { startGitHttpServer } from "../support/git-http-server.mjs";
import { type StandInApi, startStandInApi } from "../support/stand-in-api.mjs";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const PLUGIN_DIR = "plugins/session-reindex";
const PLUGIN_ID = "session-reindex@claude-reindex";
const LATEST = "2.1.332";
/** Files of the plugin folder written by hand; the build makes every other one. */
const HAND_WRITTEN = ["README.md", ".claude-plugin/icon.png"];

let claude: string[];
let api: StandInApi;
/** A clone of the repository's HEAD: only committed files, as a user gets them. */
let clone: string;
let cloneParent: string;

beforeAll(async () => {
  ({ argv: claude } = await installClaudeCode(LATEST));
  api = await startStandInApi({ reply: "Done." });
  cloneParent = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "claude-reindex-clone-")));
  clone = path.join(cloneParent, "claude-reindex");
  const head = (await execa("git", ["rev-parse", "HEAD"], { cwd: repo })).stdout;
  await execa("git", ["clone", "--quiet", "--no-checkout", repo, clone]);
  await execa("git", ["checkout", "--quiet", "-B", "main", head], { cwd: clone });
  await execa("git", ["clone", "--quiet", "--bare", clone, path.join(cloneParent, "served", "claude-reindex.git")]);
}, 300_000);

afterAll(async () => {
  await api?.close();
  if (cloneParent) fs.rmSync(cloneParent, { recursive: true, force: true });
});

/** Runs a `claude` subcommand (no model involved) in the offline environment. */
function claudeCommand(args: string[], home: string, configDir: string, cwd: string) {
  return execa(claude[0]!, [...claude.slice(1), ...args], {
    cwd,
    env: offlineEnv({ apiUrl: api.url, home, configDir }),
    extendEnv: false,
    reject: false,
    timeout: 60_000,
  });
}

/** `git ls-files -s` of the plugin folder: path (relative to it) → [mode, blob id]. */
async function committedFiles(): Promise<Map<string, [string, string]>> {
  const { stdout } = await execa("git", ["ls-files", "-s", "--", PLUGIN_DIR], { cwd: repo });
  const files = new Map<string, [string, string]>();
  for (const line of stdout.split("\n").filter(Boolean)) {
    const [meta, file] = line.split("\t") as [string, string];
    const [mode, blob] = meta.split(" ") as [string, string];
    files.set(path.posix.relative(PLUGIN_DIR, file), [mode, blob]);
  }
  return files;
}

describe("the plugin's committed files", () => {
  it("are exactly what the build makes of the sources (run npm run build and commit when this fails)", async () => {
    const out = tempDir();
    const built: { path: string; executable: boolean }[] = JSON.parse(
      (await execa("node", ["scripts/build-plugin.mjs", "--out", out], { cwd: repo })).stdout,
    );
    const committed = await committedFiles();
    expect([...committed.keys()].sort()).toEqual([...built.map((f) => f.path), ...HAND_WRITTEN].sort());
    const blobs = (await execa("git", ["hash-object", ...built.map((f) => path.join(out, f.path))])).stdout.split("\n");
    for (const [i, file] of built.entries()) {
      const expected = [file.executable ? "100755" : "100644", blobs[i]];
      expect([file.path, ...committed.get(file.path)!]).toEqual([file.path, ...expected]);
    }
    // Self-contained and lean: no source maps, and nothing reaches outside the folder.
    expect(built.filter((f) => f.path.endsWith(".map"))).toEqual([]);
    const bundle = fs.readFileSync(path.join(out, "dist/hook.mjs"), "utf8");
    expect(bundle).not.toContain("sourceMappingURL");
  }, 60_000);

  it("run the hooks install registers: the same events, options and launcher", async () => {
    const root = tempDir();
    await execa(cli, ["install"], { env: { CLAUDE_CONFIG_DIR: root } });
    type Groups = Record<string, { hooks: Record<string, unknown>[] }[]>;
    const registered: Groups = JSON.parse(fs.readFileSync(path.join(root, "settings.json"), "utf8")).hooks;
    const plugin: Groups = JSON.parse(fs.readFileSync(path.join(repo, PLUGIN_DIR, "hooks/hooks.json"), "utf8")).hooks;
    expect(Object.keys(plugin)).toEqual(Object.keys(registered));
    // install's settings run the stable launcher, which runs this checkout's hooks/launch; the
    // plugin runs its copy of hooks/launch directly.
    const launcher = path.join(root, "claude-reindex", "hook");
    expect(fs.readFileSync(launcher, "utf8")).toContain('exec sh "$package/hooks/launch" "$@"');
    for (const [event, groups] of Object.entries(registered)) {
      const { command, ...options } = groups[0]!.hooks[0]!;
      const { command: pluginCommand, ...pluginOptions } = plugin[event]![0]!.hooks[0]!;
      expect(pluginOptions).toEqual(options);
      expect(command).toBe(`${launcher} ${event}`);
      expect(pluginCommand).toBe(`sh "\${CLAUDE_PLUGIN_ROOT}/hooks/launch" ${event}`);
    }
  });
});

describe("install and doctor beside a plugin enabled for one project", () => {
  it("install refuses in that project, and doctor names both with the commands that keep one", async () => {
    const base = tempDir();
    const root = path.join(base, "config");
    const project = path.join(base, "project");
    const other = path.join(base, "other");
    fs.mkdirSync(other, { recursive: true });
    // What `claude plugin install --scope project` writes (checked with 2.1.332 in the test below).
    fs.mkdirSync(path.join(project, ".claude"), { recursive: true });
    const projectSettings = path.join(project, ".claude", "settings.json");
    fs.writeFileSync(projectSettings, `${JSON.stringify({ enabledPlugins: { [PLUGIN_ID]: true } }, null, 2)}\n`);
    const env = { CLAUDE_CONFIG_DIR: root };

    const refused = await execa(cli, ["install", "--scope", "local"], { cwd: project, env, reject: false });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe(
      `claude-reindex: the ${PLUGIN_ID} plugin already runs these hooks (enabled in ` +
        `${projectSettings}); nothing was changed. To use install's hooks instead: claude ` +
        `plugin uninstall ${PLUGIN_ID} --scope project, then install again`,
    );
    expect(fs.existsSync(path.join(project, ".claude", "settings.local.json"))).toBe(false);

    // Installed elsewhere (another project's view of the settings), both are active in the project.
    expect((await execa(cli, ["install"], { cwd: other, env })).exitCode).toBe(0);
    const doctor = await execa(cli, ["doctor"], { cwd: project, env, reject: false });
    expect(doctor.stdout).toContain(`setup: the ${PLUGIN_ID} plugin runs the hooks (enabled in ${projectSettings})`);
    expect(doctor.stdout).toContain(
      `setup: both the plugin and install's hooks are active, so every hook runs twice; ` +
        `keep one: claude-reindex uninstall --scope user (keeps the plugin), or claude ` +
        `plugin uninstall ${PLUGIN_ID} --scope project (keeps install's hooks)`,
    );
    const json = JSON.parse((await execa(cli, ["doctor", "--json"], { cwd: project, env, reject: false })).stdout);
    expect(json.setup.plugins).toEqual([
      { id: PLUGIN_ID, enabled: true, scope: "project", settingsPath: projectSettings, installPaths: [] },
    ]);
  });
});

describe(`the plugin with the real Claude Code ${LATEST}`, () => {
  it("passes claude plugin validate --profile directory, and the marketplace validates", async () => {
    const home = tempDir();
    const plugin = await claudeCommand(
      ["plugin", "validate", "--profile", "directory", "--strict", path.join(clone, PLUGIN_DIR)],
      home,
      path.join(home, ".claude"),
      clone,
    );
    expect(plugin.exitCode, plugin.stdout + plugin.stderr).toBe(0);
    const marketplace = await claudeCommand(
      ["plugin", "validate", "--strict", clone],
      home,
      path.join(home, ".claude"),
      clone,
    );
    expect(marketplace.exitCode, marketplace.stdout + marketplace.stderr).toBe(0);
  }, 60_000);

  it("installs from a clean clone with the two claude plugin commands and indexes a " +
    "claude -p session within 2 s", async () => {
    const base = fs.realpathSync(tempDir("claude-reindex-plugin-"));
    const home = path.join(base, "home");
    const configDir = path.join(base, "config");
    const project = path.join(base, "work", "fresh project");
    fs.mkdirSync(home);
    fs.mkdirSync(project, { recursive: true });

    const env = { CLAUDE_CONFIG_DIR: configDir, HOME: home };
    const before = await execa(cli, ["doctor"], { cwd: project, env, reject: false });
    expect(before.stdout).toContain(
      `setup: hooks not registered; to keep indexes current while you work: claude ` +
        `plugin marketplace add ${shellQuote(repo)} && claude plugin install ${PLUGIN_ID} ` +
        `(or: claude-reindex install)`,
    );

    const add = await claudeCommand(["plugin", "marketplace", "add", clone], home, configDir, project);
    expect(add.exitCode, add.stdout + add.stderr).toBe(0);
    const install = await claudeCommand(["plugin", "install", PLUGIN_ID], home, configDir, project);
    expect(install.exitCode, install.stdout + install.stderr).toBe(0);
    const installed = JSON.parse(fs.readFileSync(path.join(configDir, "plugins/installed_plugins.json"), "utf8"));
    const installPath: string = installed.plugins[PLUGIN_ID][0].installPath;
    expect(installPath.startsWith(path.join(configDir, "plugins", "cache"))).toBe(true);

    // With a marketplace added by path, 2.1.332 runs the plugin from its folder there (the clone,
    // which holds only committed files: a bundle that was never committed fails here), and loads
    // none of its plugins once that folder is gone.
    const sessionId = "b0000000-0000-4000-8000-0000000000b1";
    const { entry, transcript } = await sessionIndexedWithin2s({ home, configDir, project, sessionId });
    expect(entry, `no current entry for ${sessionId} within 2 s of exit`).toMatchObject({
      sessionId,
      fullPath: transcript,
      firstPrompt: "index me",
      projectPath: project,
      isSidechain: false,
    });
    const log = path.join(configDir, "claude-reindex", "hooks.log");
    expect(fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "").toBe("");

    // The plugin and install's hooks never both run: install refuses while the plugin is enabled,
    // and doctor names both when they are (here: install's hooks added while it was disabled).
    const refused = await execa(cli, ["install"], { cwd: project, env, reject: false });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`the ${PLUGIN_ID} plugin already runs these hooks`);
    expect(fs.readFileSync(path.join(configDir, "settings.json"), "utf8")).not.toContain("hooks/stop");
    const doctor = await execa(cli, ["doctor"], { cwd: project, env, reject: false });
    expect(doctor.stdout).toContain(
      `setup: the ${PLUGIN_ID} plugin runs the hooks (enabled in ` +
        `${path.join(configDir, "settings.json")}; installed in ${installPath})`,
    );
    expect(doctor.stdout).not.toContain("hooks not registered");

    expect((await claudeCommand(["plugin", "disable", PLUGIN_ID], home, configDir, project)).exitCode).toBe(0);
    expect((await execa(cli, ["doctor"], { cwd: project, env, reject: false })).stdout).toContain(
      `setup: the ${PLUGIN_ID} plugin is disabled in ${path.join(configDir, "settings.json")}`,
    );
    await execa(cli, ["install"], { cwd: project, env });
    expect((await claudeCommand(["plugin", "enable", PLUGIN_ID], home, configDir, project)).exitCode).toBe(0);
    const both = await execa(cli, ["doctor"], { cwd: project, env, reject: false });
    expect(both.stdout).toContain(
      `setup: both the plugin and install's hooks are active, so every hook runs twice; ` +
        `keep one: claude-reindex uninstall --scope user (keeps the plugin), or claude ` +
        `plugin uninstall ${PLUGIN_ID} (keeps install's hooks)`,
    );
  }, 180_000);

  it("installs from the repository's git URL (as from GitHub) and runs from Claude Code's cache alone", async () => {
    const base = fs.realpathSync(tempDir("claude-reindex-plugin-"));
    const home = path.join(base, "home");
    const configDir = path.join(base, "config");
    const project = path.join(base, "work", "project");
    fs.mkdirSync(home);
    fs.mkdirSync(project, { recursive: true });
    const server = await startGitHttpServer(path.join(cloneParent, "served"));
    try {
      const url = `${server.url}/claude-reindex.git`;
      const add = await claudeCommand(["plugin", "marketplace", "add", url], home, configDir, project);
      expect(add.exitCode, add.stdout + add.stderr).toBe(0);
      const install = await claudeCommand(["plugin", "install", PLUGIN_ID], home, configDir, project);
      expect(install.exitCode, install.stdout + install.stderr).toBe(0);
    } finally {
      await server.close();
    }
    // plugin install copied only the plugin's folder into the cache; the hooks run from there
    // (${CLAUDE_PLUGIN_ROOT}), so anything they reached outside it would be missing.
    const installed = JSON.parse(fs.readFileSync(path.join(configDir, "plugins/installed_plugins.json"), "utf8"));
    const installPath: string = installed.plugins[PLUGIN_ID][0].installPath;
    const cached = path.join(configDir, "plugins", "cache", "claude-reindex", "session-reindex");
    expect(path.dirname(installPath)).toBe(cached);
    expect(fs.readdirSync(cached)).toEqual([path.basename(installPath)]);

    const sessionId = "c0000000-0000-4000-8000-0000000000c1";
    const debugFile = path.join(base, "debug.txt");
    const { entry } = await sessionIndexedWithin2s({ home, configDir, project, sessionId, debugFile });
    expect(entry, `no current entry for ${sessionId} within 2 s of exit`).toMatchObject({ sessionId });
    expect(fs.readFileSync(debugFile, "utf8")).toContain(`${installPath}/hooks/`);
    const log = path.join(configDir, "claude-reindex", "hooks.log");
    expect(fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "").toBe("");
  }, 180_000);
});

/**
 * Runs `claude -p "index me"` as the given session and waits up to 2 s after it exits for an index
 * entry of that session as current as its transcript; the entry is null when none came.
 */
async function sessionIndexedWithin2s(o: {
  home: string;
  configDir: string;
  project: string;
  sessionId: string;
  debugFile?: string;
}) {
  const debug = o.debugFile ? ["--debug-file", o.debugFile] : [];
  const run = await runClaudeCode({
    version: LATEST,
    args: ["-p", "index me", "--session-id", o.sessionId, ...debug],
    cwd: o.project,
    apiUrl: api.url,
    configDir: o.configDir,
    home: o.home,
  });
  const exited = Date.now();
  expect(run.exitCode, run.stderr).toBe(0);
  expect(run.stdout.trim()).toBe("Done.");
  const projectDir = path.join(o.configDir, "projects", o.project.replace(/[^a-zA-Z0-9]/g, "-"));
  const transcript = path.join(projectDir, `${o.sessionId}.jsonl`);
  const indexPath = path.join(projectDir, "sessions-index.json");
  const current = () => {
    try {
      const entry = JSON.parse(fs.readFileSync(indexPath, "utf8")).entries.find(
        (e: { sessionId: string }) => e.sessionId === o.sessionId,
      );
      return entry?.fileMtime === Math.round(fs.statSync(transcript).mtimeMs) ? entry : null;
    } catch {
      return null;
    }
  };
  let entry = current();
  while (entry === null && Date.now() - exited < 2_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    entry = current();
  }
  return { entry, transcript };
}

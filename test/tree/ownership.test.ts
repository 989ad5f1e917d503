import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runInstall } from "../../src/commands/install-command.ts";
import { runSessionHook } from "../../src/hooks/session-hook.ts";
import { rebuildProject } from "../../src/rebuild/rebuild-project.ts";
import { rebuildProjects } from "../../src/rebuild/rebuild-projects.ts";
import { ClaudeTree, captureIo } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";

const isRoot = process.getuid?.() === 0;
const USER = 4242;
const now = () => new Date();

function chownTree(dir: string, uid: number): void {
  fs.lchownSync(dir, uid, uid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, uid);
    else fs.lchownSync(full, uid, uid);
  }
}

function everyPath(dir: string): string[] {
  const found = [dir];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...everyPath(full));
    else found.push(full);
  }
  return found;
}

describe.runIf(isRoot)("a run as root on a user's tree", () => {
  it("leaves every file it makes or replaces owned by the user, modes kept", async () => {
    const tree = new ClaudeTree();
    tree.session("/home/dev/app", ["one"]);
    const big = tree.session(
      "/home/dev/big",
      Array.from({ length: 400 }, (_, i) => `turn ${i} ${"x".repeat(4000)}`),
    );
    const replaced = path.join(tree.projectDir("/home/dev/big"), "sessions-index.json");
    fs.writeFileSync(replaced, '{"version":1,"entries":[]}', { mode: 0o644 });
    fs.chmodSync(replaced, 0o644);
    chownTree(tree.root, USER);
    const dirs = ["/home/dev/app", "/home/dev/big"].map((cwd) => tree.projectDir(cwd));
    await rebuildProjects(dirs, { configRoot: tree.root, dryRun: false, now }, () => {});
    await runSessionHook({
      event: "Stop",
      input: "not json",
      configRoot: tree.root,
      env: {},
      now,
      stderr: captureIo().io.stderr,
    });
    expect(fs.statSync(replaced).mode & 0o777).toBe(0o644);
    expect(JSON.parse(fs.readFileSync(replaced, "utf8")).entries[0].sessionId).toBe(big.id);
    const rootOwned = everyPath(tree.root).filter((p) => fs.lstatSync(p).uid !== USER);
    expect(rootOwned).toEqual([]);
    expect(fs.existsSync(path.join(tree.root, "claude-reindex", "hooks.log"))).toBe(true);
  });
});

describe("never through a link", () => {
  it("a link at hooks.log is not appended through", async () => {
    const tree = new ClaudeTree();
    const victim = path.join(tempDir(), "victim");
    fs.writeFileSync(victim, "untouched\n");
    fs.mkdirSync(path.join(tree.root, "claude-reindex"), { recursive: true });
    fs.symlinkSync(victim, path.join(tree.root, "claude-reindex", "hooks.log"));
    await runSessionHook({
      event: "Stop",
      input: "not json",
      configRoot: tree.root,
      env: {},
      now,
      stderr: captureIo().io.stderr,
    });
    expect(fs.readFileSync(victim, "utf8")).toBe("untouched\n");
    expect(fs.lstatSync(path.join(tree.root, "claude-reindex", "hooks.log")).isSymbolicLink()).toBe(true);
  });

  it("a link at sessions-index.json is refused, the file it points to untouched", async () => {
    const tree = new ClaudeTree();
    tree.session("/home/dev/app", ["one"]);
    const victim = path.join(tempDir(), "victim");
    fs.writeFileSync(victim, "untouched");
    fs.symlinkSync(victim, tree.indexPath("/home/dev/app"));
    const report = await rebuildProject(tree.projectDir("/home/dev/app"), { dryRun: false, cache: null, now });
    expect(report.status).toBe("failed");
    expect(fs.readFileSync(victim, "utf8")).toBe("untouched");
  });
});

describe("settings.json that must not be rewritten", () => {
  async function install(root: string) {
    const capture = captureIo();
    const result = await runInstall({
      configRoot: root,
      workingDir: root,
      scope: "user",
      dryRun: false,
      // This checkout, built: install refuses a package without hooks/launch and dist/hook.mjs.
      packageDir: path.resolve(import.meta.dirname, "../.."),
      shimPath: path.resolve(import.meta.dirname, "../../bin/claude"),
      homeDir: root,
      pathEntries: [],
      now,
      io: capture.io,
    });
    const code = result.kind === "done" ? 0 : 1;
    return {
      code,
      stdout: capture.stdout(),
      stderr: (result.problems ?? []).map((p) => `claude-reindex: ${p}\n`).join(""),
    };
  }

  it("with a duplicate hooks key: refused with one clear line, left unchanged", async () => {
    const root = tempDir();
    const settings = path.join(root, "settings.json");
    const text = `{\n  "hooks": {},\n  "model": "x",\n  "hooks": { "Stop": [] }\n}\n`;
    fs.writeFileSync(settings, text);
    const result = await install(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `claude-reindex: ${settings} is ambiguous: the key "hooks" appears twice (lines 2 ` +
        `and 4), and Claude Code reads only the last one; merge them into one; fix it ` +
        `first (nothing was changed)\n`,
    );
    expect(fs.readFileSync(settings, "utf8")).toBe(text);
  });

  it.each([
    ["read-only (0444)", (file: string) => fs.chmodSync(file, 0o444), /is read-only/],
    [
      "a symbolic link",
      (file: string) => {
        const target = `${file}.real`;
        fs.renameSync(file, target);
        fs.symlinkSync(target, file);
      },
      /is a symbolic link/,
    ],
  ])("%s: refused, left unchanged", async (_name, prepare, message) => {
    const root = tempDir();
    const settings = path.join(root, "settings.json");
    fs.writeFileSync(settings, '{ "model": "x" }\n');
    prepare(settings);
    const result = await install(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(fs.readFileSync(settings, "utf8")).toBe('{ "model": "x" }\n');
    expect(result.stdout).not.toContain("registered");
  });

  it.runIf(isRoot)("a user's settings.json installed into by root keeps its owner and mode", async () => {
    const root = tempDir();
    const settings = path.join(root, "settings.json");
    fs.writeFileSync(settings, '{ "model": "x" }\n', { mode: 0o640 });
    fs.chmodSync(settings, 0o640);
    chownTree(root, USER);
    expect((await install(root)).code).toBe(0);
    const stat = fs.statSync(settings);
    expect([stat.uid, stat.mode & 0o777]).toEqual([USER, 0o640]);
    const rootOwned = everyPath(root).filter((p) => fs.lstatSync(p).uid !== USER);
    expect(rootOwned).toEqual([]);
  });
});

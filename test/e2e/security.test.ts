import fs from "node:fs";

import path from "node:path";
import { execa } from "execa";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { rebuildProject } from "../../src/rebuild/rebuild-project.ts";
import { ClaudeTree } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const APP = "/home/dev/app";
const isRoot = process.getuid?.() === 0;
const now = () => new Date("2026-11-21T10:00:00.000Z");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/hook.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

function rebuild(
  root: string,
  args: string[] = ["--all", "--json"],
  options: { user?: "nobody"; umask?: string } = {},
) {
  const command = options.umask ? `umask ${options.umask}; exec "$0" "$@"` : `exec "$0" "$@"`;
  const prefix = options.user
    ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "sh", "-c", command, builtCommandForAnyone()]
    : ["sh", "-c", command, cli];
  return execa(prefix[0]!, [...prefix.slice(1), "rebuild", ...args], {
    env: { CLAUDE_CONFIG_DIR: root },
    reject: false,
  });
}

/**
 * The built command where an ordinary user may run it: bin/claude-reindex, package.json and dist/ copied into a
 * folder anyone may enter and read. The checkout itself may sit where only its owner can (a home of mode 0700,
 * a folder from `mktemp -d`): run from there, the command would not even start (exit 126).
 */
function builtCommandForAnyone(): string {
  const dir = tempDir("claude-reindex-package-");
  for (const part of ["bin/claude-reindex", "package.json", "dist"])
    fs.cpSync(path.join(repo, part), path.join(dir, part), { recursive: true });
  const readable = (at: string) => {
    const folder = fs.statSync(at).isDirectory();
    fs.chmodSync(at, folder ? 0o755 : 0o644);
    if (folder) for (const name of fs.readdirSync(at)) readable(path.join(at, name));
  };
  readable(dir);
  const command = path.join(dir, "bin/claude-reindex");
  fs.chmodSync(command, 0o755);
  return command;
}

describe("symbolic links", () => {
  it("a transcript that is a link is reported, not followed; its target is untouched", async () => {
    const tree = new ClaudeTree();
    tree.session(APP, ["real"]);
    const outside = path.join(tempDir(), "elsewhere.jsonl");
    fs.copyFileSync(tree.session("/other", ["x"]).path, outside);
    const link = path.join(tree.projectDir(APP), "0b6a3c1e-8f2d-4c1a-9e7b-5d4c3b2a1f00.jsonl");
    fs.symlinkSync(outside, link);
    const before = fs.readFileSync(outside);
    const result = await rebuild(tree.root);
    const report = JSON.parse(result.stdout);
    const app = report.projects.find((p: { projectDir: string }) => p.projectDir === tree.projectDir(APP));
    expect(app.skipped).toContainEqual({
      path: link,
      reason: "a symbolic link: not followed (Claude Code does not list it either)",
    });
    expect(tree.readIndex(APP).entries.map((e) => e.sessionId)).not.toContain("0b6a3c1e-8f2d-4c1a-9e7b-5d4c3b2a1f00");
    expect(fs.readFileSync(outside)).toEqual(before);
  });

  it("an index that is a link is reported and not written through (rebuild and hooks)", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["real"]);
    const target = path.join(tempDir(), "not-an-index.json");
    fs.writeFileSync(target, "precious");
    fs.symlinkSync(target, tree.indexPath(APP));
    const result = await rebuild(tree.root, ["--all"]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      `claude-reindex: ${tree.indexPath(APP)} is a symbolic link (to ${target}); ` +
        "claude-reindex does not write through links",
    );
    const hook = await execa(path.join(repo, "hooks/stop"), [], {
      input: JSON.stringify({ session_id: a.id, transcript_path: a.path, hook_event_name: "Stop" }),
      env: { CLAUDE_CONFIG_DIR: tree.root, CLAUDE_REINDEX_HOOK_FOREGROUND: "1" },
      reject: false,
    });
    expect(hook.exitCode).toBe(0);
    expect(hook.stderr).toContain("is a symbolic link");
    expect(fs.readFileSync(target, "utf8")).toBe("precious");
    expect(fs.lstatSync(tree.indexPath(APP)).isSymbolicLink()).toBe(true);
  });

  it("a project directory that is a link is reported and not written into", async () => {
    const tree = new ClaudeTree();
    const realDir = tempDir();
    tree.session(APP, ["real"]);
    const projectDir = tree.projectDir(APP);
    fs.renameSync(projectDir, path.join(realDir, "moved"));
    fs.symlinkSync(path.join(realDir, "moved"), projectDir);
    const result = await rebuild(tree.root, ["--all"]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("is a symbolic link");
    expect(fs.existsSync(path.join(realDir, "moved", "sessions-index.json"))).toBe(false);
  });

  it("a projects directory that is a link (a custom layout) is resolved and works", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["real"]);
    const custom = path.join(tempDir(), "system", "sessions");
    fs.mkdirSync(path.dirname(custom), { recursive: true });
    fs.renameSync(path.join(tree.root, "projects"), custom);
    fs.symlinkSync(custom, path.join(tree.root, "projects"));
    expect((await rebuild(tree.root, ["--all"])).exitCode).toBe(0);
    expect(fs.existsSync(path.join(custom, path.basename(tree.projectDir(APP)), "sessions-index.json"))).toBe(true);
    const viaRealPath = path.join(custom, path.basename(tree.projectDir(APP)), `${a.id}.jsonl`);
    const hook = await execa(path.join(repo, "hooks/stop"), [], {
      input: JSON.stringify({ session_id: a.id, transcript_path: viaRealPath, hook_event_name: "Stop" }),
      env: { CLAUDE_CONFIG_DIR: tree.root, CLAUDE_REINDEX_HOOK_FOREGROUND: "1" },
      reject: false,
    });
    expect(hook.stderr).toBe("");
  });
});

describe("file modes", () => {
  it("index, backups, caches, stamps and logs are 0600 in 0700 directories, whatever the umask", async () => {
    const tree = new ClaudeTree();
    const big = tree.session(
      APP,
      Array.from({ length: 300 }, (_, i) => `prompt ${i} ${"z".repeat(4000)}`),
    );
    tree.session("/broken", ["x"]);
    fs.writeFileSync(tree.indexPath("/broken"), "{ not json");
    expect((await rebuild(tree.root, ["--all"], { umask: "000" })).exitCode).toBe(0);
    await execa("sh", ["-c", `umask 000; exec "$0"`, path.join(repo, "hooks/stop")], {
      input: "garbage",
      env: { CLAUDE_CONFIG_DIR: tree.root, CLAUDE_REINDEX_HOOK_FOREGROUND: "1" },
    });
    const own = path.join(tree.root, "claude-reindex");
    const files = [
      tree.indexPath(APP),
      tree.indexPath("/broken"),
      ...fs
        .readdirSync(tree.projectDir("/broken"))
        .filter((n) => n.includes(".invalid-"))
        .map((n) => path.join(tree.projectDir("/broken"), n)),
      path.join(own, "transcript-cache", path.basename(tree.projectDir(APP)), `${big.id}.json`),
      path.join(own, "verified", `${path.basename(tree.projectDir(APP))}.json`),
      path.join(own, "hooks.log"),
    ];
    expect(files).toHaveLength(6);
    for (const file of files) expect([file, fs.statSync(file).mode & 0o777]).toEqual([file, 0o600]);
    for (const dir of [own, path.join(own, "transcript-cache"), path.join(own, "verified")])
      expect([dir, fs.statSync(dir).mode & 0o777]).toEqual([dir, 0o700]);
  });
});

describe("nothing from a transcript is executed", () => {
  it("shell syntax in paths and prompts stays text", async () => {
    const tree = new ClaudeTree();
    const marker = path.join(tempDir(), "PWNED");
    const evil = `/tmp/$(touch ${marker})\`touch ${marker}\`;touch ${marker}`;
    tree.session(evil, [`$(touch ${marker})`, `\`touch ${marker}\``]);
    await rebuild(tree.root, ["--all"]);
    await execa(cli, ["doctor"], { env: { CLAUDE_CONFIG_DIR: tree.root }, reject: false });
    fs.rmSync(tree.indexPath(evil));
    await execa(cli, ["doctor"], { env: { CLAUDE_CONFIG_DIR: tree.root }, reject: false });
    expect(fs.existsSync(marker)).toBe(false);
    await rebuild(tree.root, ["--all"]);
    expect(tree.readIndex(evil).entries[0]).toMatchObject({ projectPath: evil, firstPrompt: `$(touch ${marker})` });
  });
});

describe("disk trouble", () => {
  const mounts: string[] = [];
  afterEach(async () => {
    for (const mount of mounts.splice(0)) await execa("umount", [mount], { reject: false });
  });

  it.each(["ENOSPC", "EIO"])(
    "%s while writing: the old index stays intact and the error names the file",
    async (code) => {
      const tree = new ClaudeTree();
      const a = tree.session(APP, ["one"], { mtime: 1_763_000_000_000 });
      await rebuild(tree.root, ["--all"]);
      const before = fs.readFileSync(tree.indexPath(APP), "utf8");
      tree.append(a, "two", 1_763_000_100_000);
      const failing = async (file: string) => {
        throw Object.assign(new Error(`${code}: simulated, write '${file}'`), { code });
      };
      const report = await rebuildProject(tree.projectDir(APP), { dryRun: false, cache: null, now, write: failing });
      expect(report.status).toBe("failed");
      expect(report.problem).toBe(
        `cannot write ${tree.indexPath(APP)}: ${code}: simulated, write '${tree.indexPath(APP)}'`,
      );
      expect(fs.readFileSync(tree.indexPath(APP), "utf8")).toBe(before);
      expect(fs.existsSync(`${tree.indexPath(APP)}.lock`)).toBe(false);
    },
  );

  it("a failed write does not lose an unusable index that was moved aside", async () => {
    const tree = new ClaudeTree();
    tree.session(APP, ["one"]);
    fs.writeFileSync(tree.indexPath(APP), "{ broken");
    const failing = async () => {
      throw Object.assign(new Error("EIO: simulated"), { code: "EIO" });
    };
    const report = await rebuildProject(tree.projectDir(APP), { dryRun: false, cache: null, now, write: failing });
    expect(report.status).toBe("failed");
    expect(fs.readFileSync(tree.indexPath(APP), "utf8")).toBe("{ broken");
    expect(fs.readdirSync(tree.projectDir(APP)).filter((n) => n.includes("invalid"))).toEqual([]);
  });

  it.runIf(isRoot)(
    "a full file system (a real ENOSPC on a 64 KiB tmpfs): exit 1, one line naming the file, old index intact",
    async () => {
      const root = tempDir();
      await execa("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", root]);
      mounts.push(root);
      const tree = { root };
      const projectDir = path.join(root, "projects", "-home-dev-app");
      fs.mkdirSync(projectDir, { recursive: true });
      const source = new ClaudeTree();
      const sessions = Array.from({ length: 6 }, (_, i) =>
        source.session(APP, [`prompt ${i} ${"p".repeat(150)}`], { mtime: 1_763_000_000_000 }),
      );
      for (const s of sessions) fs.copyFileSync(s.path, path.join(projectDir, path.basename(s.path)));
      for (const s of sessions)
        fs.utimesSync(path.join(projectDir, path.basename(s.path)), 1_763_000_000, 1_763_000_000);
      expect((await rebuild(tree.root, ["--all"])).exitCode).toBe(0);
      const index = path.join(projectDir, "sessions-index.json");
      const before = fs.readFileSync(index, "utf8");
      // Fill the file system, then make every entry stale so the index must be rewritten.
      try {
        fs.writeFileSync(path.join(root, "filler"), Buffer.alloc(1 << 20));
      } catch {
        // ENOSPC: full, as intended
      }
      for (const s of sessions)
        fs.utimesSync(path.join(projectDir, path.basename(s.path)), 1_763_000_100, 1_763_000_100);
      const result = await rebuild(tree.root, ["--all"]);
      expect(result.exitCode).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(`cannot write ${index}: ENOSPC`);
      expect(fs.readFileSync(index, "utf8")).toBe(before);
      expect(
        fs.readdirSync(projectDir).filter((n) => n.startsWith("sessions-index.json") && n !== "sessions-index.json"),
      ).toEqual([]);
    },
  );

  it.runIf(isRoot)(
    "a read-only project directory, as an ordinary user: exit 1, the error names the file, old index intact",
    async () => {
      const tree = new ClaudeTree();
      const a = tree.session(APP, ["one"], { mtime: 1_763_000_000_000 });
      await rebuild(tree.root, ["--all"]);
      await execa("chown", ["-R", "65534:65534", tree.root]);
      await execa("chmod", ["a+x", path.dirname(tree.root)]);
      const before = fs.readFileSync(tree.indexPath(APP), "utf8");
      tree.append(a, "two", 1_763_000_100_000);
      fs.chmodSync(tree.projectDir(APP), 0o555);
      const result = await rebuild(tree.root, ["--all"], { user: "nobody" });
      expect(result.exitCode).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(tree.indexPath(APP));
      expect(result.stderr).toContain("EACCES");
      expect(fs.readFileSync(tree.indexPath(APP), "utf8")).toBe(before);
    },
  );

  it.runIf(isRoot)(
    "a transcript it may not read, as an ordinary user: reported, its entry kept, the others merged",
    async () => {
      const tree = new ClaudeTree();
      const a = tree.session(APP, ["one"], { mtime: 1_763_000_000_000 });
      const b = tree.session(APP, ["two"], { mtime: 1_763_000_000_000 });
      await rebuild(tree.root, ["--all"]);
      await execa("chown", ["-R", "65534:65534", tree.root]);
      await execa("chmod", ["a+x", path.dirname(tree.root)]);
      tree.append(a, "more a", 1_763_000_100_000);
      tree.append(b, "more b", 1_763_000_100_000);
      fs.chmodSync(a.path, 0o000);
      const result = await rebuild(tree.root, ["--all", "--json"], { user: "nobody" });
      expect(result.exitCode).toBe(0);
      const project = JSON.parse(result.stdout).projects[0];
      expect(project.skipped).toContainEqual({ path: a.path, reason: expect.stringContaining("EACCES") });
      const entries = tree.readIndex(APP).entries;
      expect(entries.find((e) => e.sessionId === a.id)).toMatchObject({ messageCount: 2 });
      expect(entries.find((e) => e.sessionId === b.id)).toMatchObject({ messageCount: 4 });
    },
  );
});

// `claude-reindex rebuild --all` on a tree where nothing changed is answered by the stat pass alone
// (dist/rebuild-unchanged.cjs), with exactly the full command's output; anything else goes through
// the full command.
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { ClaudeTree } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/rebuild-unchanged.cjs")))
    await execa("npm", ["run", "build"], { cwd: repo });
});

const run = (command: string, args: string[], root: string) =>
  execa(command, args, { reject: false, env: { CLAUDE_CONFIG_DIR: root } });

/** The launcher with the stat-pass bundle only: whatever needs the full command says "not built". */
function statPassOnly(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, "bin"));
  fs.mkdirSync(path.join(dir, "dist"));
  fs.copyFileSync(cli, path.join(dir, "bin/claude-reindex"));
  fs.chmodSync(path.join(dir, "bin/claude-reindex"), 0o755);
  fs.copyFileSync(path.join(repo, "dist/rebuild-unchanged.cjs"), path.join(dir, "dist/rebuild-unchanged.cjs"));
  return path.join(dir, "bin/claude-reindex");
}

const outcome = (r: { exitCode?: number; stdout: string; stderr: string }) => [r.exitCode, r.stdout, r.stderr];

describe("rebuild --all when nothing changed", () => {
  it("prints what the full command prints, from the stat pass alone; a change goes to the full command", async () => {
    const tree = new ClaudeTree();
    const a = tree.session("/w/app", ["first"]);
    tree.session("/w/lib", ["other"]);
    const first = await run(cli, ["rebuild", "--all"], tree.root);
    expect(first.stdout.split("\n").at(-1)).toBe("2 projects: 2 written, 0 up to date");

    const full = await run(
      process.execPath,
      [path.join(repo, "dist/claude-reindex.mjs"), "rebuild", "--all"],
      tree.root,
    );
    expect(outcome(full)).toEqual([0, "2 projects: 0 written, 2 up to date", ""]);
    expect(outcome(await run(cli, ["rebuild", "--all"], tree.root))).toEqual(outcome(full));
    const alone = statPassOnly();
    expect(outcome(await run(alone, ["rebuild", "--all"], tree.root))).toEqual(outcome(full));
    // Only exactly `rebuild --all`.
    expect((await run(alone, ["rebuild", "--all", "--json"], tree.root)).stderr).toContain("not built yet");

    tree.append(a, "one more turn");
    expect((await run(alone, ["rebuild", "--all"], tree.root)).stderr).toContain("not built yet");
    const changed = await run(cli, ["rebuild", "--all"], tree.root);
    expect(changed.exitCode).toBe(0);
    expect(changed.stdout).toMatch(
      /^wrote .*sessions-index\.json: 0 added, 1 updated, 0 removed, 0 kept\n2 projects: 1 written, 1 up to date$/,
    );
    expect(outcome(await run(alone, ["rebuild", "--all"], tree.root))).toEqual(outcome(full));
  });

  it("an empty tree and a damaged stamp go to the full command", async () => {
    const tree = new ClaudeTree();
    const alone = statPassOnly();
    expect((await run(alone, ["rebuild", "--all"], tree.root)).stderr).toContain("not built yet");
    tree.session("/w/app", ["first"]);
    await run(cli, ["rebuild", "--all"], tree.root);
    expect((await run(alone, ["rebuild", "--all"], tree.root)).exitCode).toBe(0);
    const stamps = path.join(tree.root, "claude-reindex", "verified");
    for (const name of fs.readdirSync(stamps)) fs.writeFileSync(path.join(stamps, name), "{");
    expect((await run(alone, ["rebuild", "--all"], tree.root)).stderr).toContain("not built yet");
    expect((await run(cli, ["rebuild", "--all"], tree.root)).stdout).toBe("1 project: 0 written, 1 up to date");
  });
});

describe("the stat pass's entry", () => {
  // It once lowered V8's top tier for its short run (--max-opt=1 implies --no-turbofan, which setting
  // --max-opt back does not undo), and the full command that followed read 2 GB of transcripts without
  // its optimizing compiler: a cold `rebuild --all` took three times as long.
  it("leaves V8's optimizing compiler on for the full command that follows it", async () => {
    const tree = new ClaudeTree();
    tree.session("/w/app", ["first"]); // no index yet: the stat pass hands over to the full command
    const entry = JSON.stringify(path.join(repo, "dist/rebuild-unchanged.cjs"));
    const script = [
      `const handled = require(${entry}).rebuildAllUnchanged();`,
      "function f(x) { return x * 2 + 1; }",
      "%PrepareFunctionForOptimization(f); f(1); f(2); %OptimizeFunctionOnNextCall(f); f(3);",
      "console.log(JSON.stringify({ handled, optimized: (%GetOptimizationStatus(f) & 16) !== 0 }));",
    ].join("\n");
    const probe = await run(process.execPath, ["--allow-natives-syntax", "-e", script], tree.root);
    expect(JSON.parse(probe.stdout)).toEqual({ handled: false, optimized: true });
  });
});

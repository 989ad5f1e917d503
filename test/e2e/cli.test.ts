import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { ClaudeTree } from "../support/claude-tree.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

function run(args: string[], options: { root?: string; cwd?: string; env?: Record<string, string> } = {}) {
  return execa(cli, args, {
    cwd: options.cwd ?? repo,
    reject: false,
    env: { CLAUDE_CONFIG_DIR: options.root ?? "/nonexistent-claude-config", TZ: "UTC", ...options.env },
  });
}

describe("bin/claude-reindex", () => {
  it("rebuilds the project of the current directory through CLAUDE_CONFIG_DIR", async () => {
    const tree = new ClaudeTree();
    const work = fs.realpathSync(tree.root);
    const cwd = path.join(work, "work dir");
    fs.mkdirSync(cwd);
    tree.session(cwd, ["hello from the cwd"]);
    tree.session("/elsewhere", ["not this one"]);

    const result = await run(["rebuild"], { root: tree.root, cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`wrote ${tree.indexPath(cwd)}: 1 added, 0 updated, 0 removed, 0 kept`);
    expect(result.stdout).toContain("1 project: 1 written, 0 up to date");
    expect(fs.existsSync(tree.indexPath("/elsewhere"))).toBe(false);

    const again = await run(["rebuild", "--project", cwd], { root: tree.root });
    expect(again.stdout).toContain("1 project: 0 written, 1 up to date");
  });

  it("prints a JSON report and exits 1 when a project cannot be written", async () => {
    const tree = new ClaudeTree();
    tree.session("/a", ["one"]);
    tree.session("/b", ["two"]);
    fs.writeFileSync(tree.indexPath("/b"), '{"version":2}');
    const result = await run(["rebuild", "--all", "--json"], { root: tree.root });
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.totals).toMatchObject({ projects: 2, written: 1, failed: 1 });
    expect(result.stderr).toBe("");
  });

  it("doctor exits 1 on a stale tree and 0 once rebuilt", async () => {
    const tree = new ClaudeTree();
    tree.session("/a", ["one"]);
    expect((await run(["doctor"], { root: tree.root })).exitCode).toBe(1);
    expect((await run(["rebuild", "--all"], { root: tree.root })).exitCode).toBe(0);
    const healthy = await run(["doctor"], { root: tree.root });
    expect(healthy.exitCode).toBe(0);
    expect(healthy.stdout).toMatch(/^All 1 project indexes are in order/);
  });

  it.each([
    [["frobnicate"], "unknown command: frobnicate"],
    [["rebuild", "--nope"], "claude-reindex: rebuild does not take --nope (see claude-reindex rebuild --help)"],
    [["rebuild", "--all", "--project", "x"], "--project and --all exclude each other"],
    [[], "no command given"],
    [["rebuild", "--project", "/no/such/project"], "no Claude Code project for /no/such/project"],
  ])("exits 2 with one line for %j", async (args, message) => {
    const result = await run(args);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split("\n")[0]).toContain(message);
    expect(result.stderr).not.toContain("    at ");
  });

  it("stops quietly when its reader goes away (a pipe into head)", async () => {
    // A report larger than a pipe's buffer, so that writing it hits the closed pipe.
    const tree = new ClaudeTree();
    for (let i = 0; i < 1200; i++) tree.session("/a", [`session ${i}`]);
    const result = await execa(
      "sh",
      ["-c", `"${cli}" rebuild --all --dry-run --json | head -1; echo "status \${PIPESTATUS:-done}"`],
      { env: { CLAUDE_CONFIG_DIR: tree.root }, reject: false },
    );
    expect(result.stdout.split("\n")[0]).toBe("{");
    expect(result.stderr).toBe("");
  });

  it("publishes the index schema it validates with, and the committed copy is current", async () => {
    const result = await run(["schema"]);
    expect(result.exitCode).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.properties.version).toEqual({ type: "number", const: 1 });
    expect(schema.properties.entries.items.required).toEqual([
      "sessionId",
      "fullPath",
      "fileMtime",
      "firstPrompt",
      "messageCount",
      "isSidechain",
    ]);
    // execa strips the final newline of stdout.
    expect(fs.readFileSync(path.join(repo, "schema/sessions-index.schema.json"), "utf8")).toBe(`${result.stdout}\n`);
  });
});

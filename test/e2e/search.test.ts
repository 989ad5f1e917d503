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

function run(args: string[], root: string, cwd = repo) {
  return execa(cli, args, { cwd, reject: false, env: { CLAUDE_CONFIG_DIR: root, TZ: "UTC", COLUMNS: "100" } });
}

describe("claude-reindex search", () => {
  it("finds sessions of every project by words from the middle, with --json rows", async () => {
    const tree = new ClaudeTree();
    const turns = (n: number) => Array.from({ length: n }, (_, i) => `ordinary step ${i}`);
    const a = tree.session("/home/dev/app", [
      ...turns(20),
      "the gizmo fails with \x1b]0;evil\x07 ENOSPC",
      ...turns(20),
    ]);
    tree.session("/home/dev/lib", turns(5));

    const text = await run(["search", "gizmo", "enospc"], tree.root);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain("ordinary step 0");
    expect(text.stdout).toContain("/home/dev/app");
    expect(text.stdout).toContain("gizmo fails with \\x1b]0;evil\\x07 ENOSPC");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none got through
    expect(text.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(text.stderr).toBe("");

    const json = await run(["search", "--json", "gizmo"], tree.root);
    expect(json.exitCode).toBe(0);
    const rows = JSON.parse(json.stdout);
    expect(rows).toEqual([
      {
        sessionId: a.id,
        title: "ordinary step 0",
        projectPath: "/home/dev/app",
        fullPath: a.path,
        modified: new Date(Math.round(fs.statSync(a.path).mtimeMs)).toISOString(),
        snippet: expect.stringContaining("gizmo fails"),
      },
    ]);
    expect(fs.statSync(path.join(tree.root, "claude-reindex", "search.sqlite")).mode & 0o777).toBe(0o600);
  });

  it("narrows with --project and --since, and exits 1 when nothing matches", async () => {
    const tree = new ClaudeTree();
    const cwd = fs.realpathSync(tree.root);
    const old = tree.session(cwd, ["walrus in the old session"], { mtime: Date.now() - 10 * 86_400_000 });
    const other = tree.session("/elsewhere", ["walrus elsewhere"]);
    const all = JSON.parse((await run(["search", "walrus", "--json"], tree.root)).stdout);
    expect(all.map((r: { sessionId: string }) => r.sessionId)).toEqual([other.id, old.id]);
    const here = await run(["search", "walrus", "--project", ".", "--json"], tree.root, cwd);
    expect(JSON.parse(here.stdout).map((r: { sessionId: string }) => r.sessionId)).toEqual([old.id]);
    const recent = await run(["search", "walrus", "--since", "3d", "--json"], tree.root);
    expect(JSON.parse(recent.stdout).map((r: { sessionId: string }) => r.sessionId)).toEqual([other.id]);
    const none = await run(["search", "walrus", "--project", ".", "--since", "3d"], tree.root, cwd);
    expect(none.exitCode).toBe(1);
    expect(none.stdout).toBe("");
    expect(none.stderr).toContain("no session in this project in that time holds every word");
  });

  it("answers bad queries and options in one line with exit 2, never a stack", async () => {
    const tree = new ClaudeTree();
    tree.session("/p", ["something"]);
    for (const [args, message] of [
      [["search", "the", "and", "of"], "only common words"],
      [["search", "?!", "..."], "no words to look for"],
      [["search", "x".repeat(5000)], "at most 1000"],
      [["search"], "needs words"],
      [["search", "x", "--since", "yesterday"], "--since takes an age"],
      [["search", "x", "--limit", "0"], "--limit takes a positive whole number"],
      [["list", "--tools"], "list does not take --tools"],
    ] as const) {
      const result = await run([...args], tree.root);
      expect([args, result.exitCode]).toEqual([args, 2]);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain("    at ");
    }
  });

  it("with no sessions at all, says so and makes no index", async () => {
    const tree = new ClaudeTree();
    const result = await run(["search", "anything"], tree.root);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(`claude-reindex: no sessions to search under ${path.join(tree.root, "projects")}`);
    expect(fs.existsSync(path.join(tree.root, "claude-reindex"))).toBe(false);
  });

  it("reads a transcript with damaged lines and says what it skipped", async () => {
    const tree = new ClaudeTree();
    const a = tree.session("/p", ["before"]);
    fs.appendFileSync(a.path, "}{ broken\n\u0000\u0000\n");
    tree.append(a, "after the break: toucan");
    const result = await run(["search", "toucan"], tree.root);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("toucan");
    expect(result.stderr).toContain(`skipped 2 damaged lines (not JSON) in ${a.path}`);
  });
});

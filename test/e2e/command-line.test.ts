import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_COMMANDS } from "../../src/commands/cli-commands.ts";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";
import { ClaudeTree } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";

// The strict command line, through the built bin as a real process.

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/** Runs the bin in `cwd` (a fresh temp dir by default) against `root` (an empty temp root by default). */
function run(args: string[], options: { root?: string; cwd?: string } = {}) {
  return execa(cli, args, {
    cwd: options.cwd ?? tempDir(),
    reject: false,
    extendEnv: false,
    env: { PATH: process.env.PATH, CLAUDE_CONFIG_DIR: options.root ?? tempDir(), TZ: "UTC" },
  });
}

/** Options that some command takes, with a value for those that take one. */
const EVERY_OPTION = new Map<string, string | null>();
for (const command of CLI_COMMANDS)
  for (const [name, option] of Object.entries(command.options)) EVERY_OPTION.set(name, option.value ? "/y" : null);

/** For each command, an option that another command takes and it does not (or a made-up one). */
const foreign = CLI_COMMANDS.map((command) => {
  const name = [...EVERY_OPTION.keys()].find((option) => !Object.hasOwn(command.options, option)) ?? "nope";
  const value = EVERY_OPTION.get(name);
  return [command.name, value ? [`--${name}`, value] : [`--${name}`]] as const;
});

describe("an option a command does not take", () => {
  it.each([
    ...foreign,
    ["list", ["--move"]],
    ["rebuild", ["--from", "/y"]],
    ["pick", ["--project", "/missing"]],
    ["doctor", ["--dry-run"]],
    ["schema", ["--json"]],
  ] as const)("%s %j: exit 2, one line naming the option and the command", async (name, option) => {
    const result = await run([name, ...option]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `claude-reindex: ${name} does not take ${option[0]} (see claude-reindex ${name} --help)`,
    );
  });

  it("every command is in the table", () => {
    expect(foreign.map(([name]) => name)).toEqual(CLI_COMMANDS.map((c) => c.name));
  });
});

describe("outcomes and exit codes", () => {
  it("pick with no sessions: failed, exit 1, the problem in one line naming the place", async () => {
    const root = tempDir();
    const result = await run(["pick"], { root });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `claude-reindex: no sessions to pick from under ${path.join(root, "projects")} ` +
        "(set CLAUDE_CONFIG_DIR if they live elsewhere)",
    );
  });

  it("an unexpected error: exit 1, one line, the stack trace only with --debug", async () => {
    // A config root that is a file: listing its projects fails in a way no command expects.
    const root = path.join(tempDir(), "file");
    fs.writeFileSync(root, "");
    const plain = await run(["list", "--all"], { root });
    expect(plain.exitCode).toBe(1);
    expect(plain.stderr).toMatch(/^claude-reindex: ENOTDIR: .*\(run with --debug for details\)$/);
    const debug = await run(["list", "--all", "--debug"], { root });
    expect(debug.exitCode).toBe(1);
    expect(debug.stderr).toMatch(/^Error: ENOTDIR: .*\n {4}at /);
  });
});

describe("help and version", () => {
  it.each(CLI_COMMANDS.map((c) => [c.name, c] as const))(
    "%s --help: its usage, options and exit codes",
    async (name, command) => {
      const result = await run([name, "--help"]);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout.split("\n")[0]).toMatch(new RegExp(`^Usage: claude-reindex ${name}( |$)`));
      for (const option of [...Object.keys(command.options), "debug", "help"])
        expect(result.stdout).toMatch(new RegExp(`^ {2}(-h, )?--${option}\\b`, "m"));
      expect(result.stdout).toMatch(/^Exit codes:\n {2}0 /m);
      expect(result.stdout).toMatch(/^ {2}2 +usage error/m);
    },
  );

  it("--help lists every command; a command's help is the same by `help <command>`", async () => {
    const overview = await run(["--help"]);
    expect(overview.exitCode).toBe(0);
    for (const { name } of CLI_COMMANDS) expect(overview.stdout).toMatch(new RegExp(`^ {2}${name} `, "m"));
    expect((await run(["help", "rebuild"])).stdout).toBe((await run(["rebuild", "-h"])).stdout);
  });

  it("-v and --version print the version of package.json", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8"));
    for (const flag of ["-v", "--version"]) {
      const result = await run([flag]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe(version);
    }
  });

  it("--debug is taken by every command", async () => {
    const result = await run(["schema", "--debug"]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).properties.version.const).toBe(1);
  });
});

describe("--project", () => {
  it("takes a project directory's name that starts with '-' as the next argument", async () => {
    const tree = new ClaudeTree();
    const foo = tree.session("/tmp/foo", ["in foo"]);
    tree.session("/tmp/bar", ["in bar"]);
    expect(path.basename(tree.projectDir("/tmp/foo"))).toBe("-tmp-foo");

    const rebuild = await run(["rebuild", "--project", "-tmp-foo"], { root: tree.root });
    expect(rebuild.exitCode).toBe(0);
    expect(rebuild.stdout).toContain(`wrote ${tree.indexPath("/tmp/foo")}: 1 added`);
    expect(fs.existsSync(tree.indexPath("/tmp/bar"))).toBe(false);

    const list = await run(["list", "--project", "-tmp-foo", "--json"], { root: tree.root });
    expect(list.exitCode).toBe(0);
    expect(JSON.parse(list.stdout).map((s: { sessionId: string }) => s.sessionId)).toEqual([foo.id]);
  });

  it("'..' is the parent directory's project, resolved against the working directory", async () => {
    const tree = new ClaudeTree();
    const work = fs.realpathSync(tempDir());
    const child = path.join(work, "child");
    fs.mkdirSync(child);
    const parent = tree.session(work, ["in the parent"]);
    tree.session(child, ["in the child"]);

    const rebuild = await run(["rebuild", "--project", ".."], { root: tree.root, cwd: child });
    expect(rebuild.exitCode).toBe(0);
    expect(rebuild.stdout).toContain(`wrote ${tree.indexPath(work)}: 1 added`);
    expect(fs.existsSync(path.join(tree.root, "sessions-index.json"))).toBe(false);
    expect(fs.existsSync(tree.indexPath(child))).toBe(false);

    const list = await run(["list", "--project", "..", "--json"], { root: tree.root, cwd: child });
    expect(list.exitCode).toBe(0);
    expect(JSON.parse(list.stdout).map((s: { sessionId: string }) => s.sessionId)).toEqual([parent.id]);
  });

  it("'..' with no project there is a usage error naming the parent, not the config root", async () => {
    const tree = new ClaudeTree();
    const work = fs.realpathSync(tempDir());
    const child = path.join(work, "child");
    fs.mkdirSync(child);
    tree.session(child, ["in the child"]);
    const result = await run(["doctor", "--project", ".."], { root: tree.root, cwd: child });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `claude-reindex: no Claude Code project for ${work} under ${path.join(tree.root, "projects")} ` +
        `(expected ${path.join(tree.root, "projects", encodeProjectDirName(work))}) (see claude-reindex doctor --help)`,
    );
  });
});

import { describe, expect, it } from "vitest";
import { CLI_COMMANDS } from "../../src/commands/cli-commands.ts";
import { defineCliCommand } from "../../src/commands/cli-definition.ts";
import { commandHelp, overviewHelp, parseCommandLine } from "../../src/commands/command-line.ts";
import { done, type Outcome } from "../../src/commands/command-result.ts";
import { UsageError } from "../../src/text/user-error.ts";

// A registry of two made-up commands, so that the parser is tested apart from the real ones.
const calls: unknown[] = [];
const select = defineCliCommand({
  name: "select",
  summary: "a command with every kind of option",
  description: "Selects.",
  options: {
    project: { value: "<path>", help: "one project" },
    all: { help: "every project" },
    scope: { value: "<scope>", choices: ["user", "project"], default: "user", help: "where" },
    from: { value: "<dir>", required: true, help: "from where" },
  },
  outcomes: { done: "selected" },
  async run(values) {
    calls.push(values);
    return done();
  },
});
const bare = defineCliCommand({
  name: "bare",
  summary: "a command without options",
  description: "Nothing to choose.",
  options: {},
  outcomes: { done: "done", failed: "not done" },
  internal: true,
  async run() {
    return done();
  },
});
const find = defineCliCommand({
  name: "find",
  summary: "a command that takes words",
  description: "Finds.",
  operands: { value: "<words…>", count: "any" },
  options: { limit: { value: "<n>", default: "20", help: "how many" }, json: { help: "as JSON" } },
  outcomes: { done: "found" },
  async run() {
    return done();
  },
});
const registry = [select, bare];

function parse(...argv: string[]) {
  return parseCommandLine(argv, registry);
}

function mistake(...argv: string[]): string {
  try {
    parse(...argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(" ")}`);
}

const CODES: Readonly<Record<Outcome, string>> = {
  done: "0",
  attention: "1",
  failed: "1",
  "no-claude": "127",
  cancelled: "130",
  resumed: "other",
};
const codeOf = (outcome: Outcome) => CODES[outcome];

describe("parseCommandLine", () => {
  it("reads each kind of option into typed values, with defaults", () => {
    expect(parse("select", "--from", "/x", "--all")).toEqual({
      kind: "run",
      command: select,
      values: { from: "/x", all: true, project: undefined, scope: "user" },
      operands: [],
      debug: false,
    });
    expect(parse("select", "--scope=project", "--from=/y", "--project", "p")).toMatchObject({
      values: { from: "/y", scope: "project", project: "p", all: false },
    });
  });

  it.each([
    [["select", "--from", "/x", "--project", "-tmp-foo"], "-tmp-foo"],
    [["select", "--from", "/x", "--project=-tmp-foo"], "-tmp-foo"],
    [["select", "--project", "--debug", "--from", "/x"], "--debug"],
    [["select", "--project", "--help", "--from", "/x"], "--help"],
    [["select", "--project", "..", "--from", "/x"], ".."],
    [["select", "--project=a=b", "--from", "/x"], "a=b"],
  ])("an option with a value takes the next argument whatever it starts with: %j", (argv, project) => {
    const invocation = parse(...argv);
    expect(invocation.kind === "run" && invocation.values.project).toBe(project);
  });

  it("gives a command that takes operands every argument that is not an option, and all after --", () => {
    const parseFind = (...argv: string[]) => parseCommandLine(["find", ...argv], [find]);
    expect(parseFind("alpha", "--limit", "3", "beta", "-", "--json", "--", "--gamma", "-d")).toMatchObject({
      kind: "run",
      values: { limit: "3", json: true },
      operands: ["alpha", "beta", "-", "--gamma", "-d"],
    });
    expect(parseFind()).toMatchObject({ operands: [] });
    expect(() => parseFind("alpha", "--nope")).toThrow("find does not take --nope");
    expect(mistake("bare", "alpha")).toBe("bare takes no argument alpha");
    expect(commandHelp(find, codeOf).split("\n")[0]).toBe("Usage: claude-reindex find <words…> [--limit <n>] [--json]");
  });

  it("takes --debug before the command and after it, for every command", () => {
    expect(parse("--debug", "bare")).toMatchObject({ kind: "run", command: bare, debug: true });
    expect(parse("bare", "--debug")).toMatchObject({ kind: "run", command: bare, debug: true });
    expect(parse("bare")).toMatchObject({ kind: "run", debug: false });
  });

  it.each([
    [["bare", "--all"], "bare does not take --all"],
    [["bare", "--from", "/x"], "bare does not take --from"],
    [["bare", "--from=/x"], "bare does not take --from"],
    [["bare", "-v"], "bare does not take -v"],
    [["bare", "-x"], "bare does not take -x"],
    [["bare", "--"], "bare does not take --"],
    [["bare", "extra"], "bare takes no argument extra"],
    [["select", "--from", "/x", "--nope"], "select does not take --nope"],
    [["select", "--from", "/x", "--constructor"], "select does not take --constructor"],
    [["select", "--from", "/x", "--all=yes"], "--all takes no value"],
    [["select", "--from", "/x", "--all", "--all"], "--all is given twice"],
    [["select", "--from", "/x", "--project"], "--project needs a value: <path>"],
    [["select", "--from", "/x", "--project="], "--project needs a value: <path>"],
    [["select", "--from", "/x", "--scope", "world"], "--scope takes user or project, not world"],
    [["select"], "select needs --from <dir>"],
    [["nothing"], "unknown command: nothing"],
    [[], "no command given"],
    [["--debug"], "no command given"],
    [["--all", "select"], "unknown option --all; options go after the command"],
    [["-v", "select"], "-v takes nothing after it, not select"],
    [["help", "nothing"], "unknown command: nothing"],
  ])("%j is a usage error: %s", (argv, message) => {
    expect(mistake(...argv)).toBe(message);
  });

  it("names the first mistake on the line", () => {
    expect(mistake("select", "--nope", "--all=1")).toBe("select does not take --nope");
  });

  it.each([
    [["--help"], undefined],
    [["-h"], undefined],
    [["help"], undefined],
    [["help", "select"], select],
    [["select", "--help"], select],
    [["select", "-h"], select],
    [["bare", "--nope", "--help"], bare],
    [["select", "--from", "/x", "--scope", "world", "-h"], select],
  ])("%j asks for help, whatever else is on the line", (argv, command) => {
    expect(parse(...argv)).toEqual({ kind: "help", command });
  });

  it.each([["-v"], ["--version"], ["--debug", "-v"]])("%s asks for the version", (...argv) => {
    expect(parse(...argv)).toEqual({ kind: "version" });
  });
});

describe("help texts", () => {
  it("a command's help: usage line, what it does, its options and its exit codes", () => {
    expect(commandHelp(select, codeOf)).toBe(
      [
        "Usage: claude-reindex select [--project <path>] [--all] [--scope <scope>] --from <dir>",
        "",
        "Selects.",
        "",
        "Options:",
        "  --project <path>  one project",
        "  --all             every project",
        "  --scope <scope>   where (default: user)",
        "  --from <dir>      from where",
        "  --debug           on an error, the stack trace (also CLAUDE_REINDEX_DEBUG=1)",
        "  -h, --help        this help",
        "",
        "Exit codes:",
        "  0  selected",
        "  1  an unexpected error (one line; --debug for the stack trace)",
        "  2  usage error: an unknown or foreign option, a missing or wrong value",
        "",
      ].join("\n"),
    );
  });

  it("the overview lists the commands, the internal ones apart", () => {
    const text = overviewHelp(registry);
    expect(text).toMatch(
      /Commands:\n {2}select {2}a command with every kind of option\n\nRun by the bin\/claude shim:\n {2}bare/,
    );
  });
});

describe("the commands of claude-reindex", () => {
  const names = CLI_COMMANDS.map((c) => c.name);

  it("each has its own name, and none declares an option that every command takes", () => {
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["rebuild", "doctor", "list", "pick", "migrate", "install"]));
    for (const command of CLI_COMMANDS) {
      expect(command.name).toMatch(/^[a-z][a-z-]*$/);
      for (const option of Object.keys(command.options)) {
        expect(option).toMatch(/^[a-z][a-z-]*$/);
        expect(["debug", "help", "version"]).not.toContain(option);
      }
    }
  });

  it.each(CLI_COMMANDS.map((c) => [c.name, c] as const))(
    "%s: help fits in 100 columns and says every option",
    (name, command) => {
      const text = commandHelp(command, codeOf);
      expect(text.startsWith(`Usage: claude-reindex ${name}`)).toBe(true);
      for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
      for (const option of Object.keys(command.options)) expect(text).toContain(`  --${option}`);
      expect(Object.keys(command.outcomes).length).toBeGreaterThan(0);
    },
  );

  it("the overview names every command and fits in 100 columns", () => {
    const text = overviewHelp(CLI_COMMANDS);
    for (const name of names) expect(text).toMatch(new RegExp(`^ {2}${name} `, "m"));
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe("a command's one operand", () => {
  const commands = CLI_COMMANDS;
  it("takes the id before or after the options, once, and requires it", () => {
    expect(parseCommandLine(["restore", "abc"], commands)).toMatchObject({ kind: "run", operands: ["abc"] });
    expect(parseCommandLine(["forget", "--yes", "abc"], commands)).toMatchObject({
      kind: "run",
      operands: ["abc"],
      values: { yes: true },
    });
    expect(() => parseCommandLine(["restore"], commands)).toThrow(new UsageError("restore needs <id>"));
    expect(() => parseCommandLine(["restore", "a", "b"], commands)).toThrow(
      new UsageError("restore takes no argument b"),
    );
    expect(() => parseCommandLine(["list", "abc"], commands)).toThrow(new UsageError("list takes no argument abc"));
    expect(parseCommandLine(["restore", "--help"], commands)).toMatchObject({ kind: "help" });
  });
});

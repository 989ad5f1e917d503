// The strict command line: `claude-reindex <command> [options]`, each command taking only the options
// it declares (plus --debug and --help), and the help texts drawn from the same declarations.
import { UsageError } from "../text/user-error.ts";
import type { CliCommand, CliOperands, CliOptions, OptionValues } from "./cli-definition.ts";
import type { Outcome } from "./command-result.ts";

export type Invocation =
  | { kind: "version" }
  /** `--help`, `help` or `<command> --help`: the overview without a command, else that command's help. */
  | { kind: "help"; command?: CliCommand }
  | { kind: "run"; command: CliCommand; values: OptionValues<CliOptions>; operands: string[]; debug: boolean };

/** The options every command takes besides its own. */
const EVERY_COMMAND = "--debug, -h, --help";

/**
 * Reads the arguments after `claude-reindex`. Options go after the command; one that takes a value
 * takes the next argument whatever it starts with (`--project -tmp-foo`), or the text after "=".
 * Throws a UsageError, naming the option and the command, for anything the command does not take.
 */
export function parseCommandLine(argv: readonly string[], commands: readonly CliCommand[]): Invocation {
  let debug = false;
  let first = 0;
  while (argv[first] === "--debug") {
    debug = true;
    first++;
  }
  const [name, ...rest] = argv.slice(first);
  if (name === undefined) throw new UsageError("no command given");
  if (name === "-v" || name === "--version") {
    if (rest.length > 0) throw new UsageError(`${name} takes nothing after it, not ${rest[0]}`);
    return { kind: "version" };
  }
  if (name === "-h" || name === "--help" || name === "help") {
    if (rest.length === 0) return { kind: "help" };
    if (rest.length === 1) return { kind: "help", command: commandNamed(rest[0]!, commands) };
    throw new UsageError(`${name} takes at most one command, not ${rest.join(" ")}`);
  }
  if (name.startsWith("-")) throw new UsageError(`unknown option ${name}; options go after the command`);
  const command = commandNamed(name, commands);

  const values: Record<string, string | boolean | undefined> = {};
  const operands: string[] = [];
  let help = false;
  let mistake: UsageError | null = null;
  const takes = command.operands;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (takes?.count === "any" && arg === "--") {
      operands.push(...rest.slice(i + 1));
      break;
    }
    if (takes && (takes.count === "any" || operands.length === 0) && isOperand(arg, takes.count)) operands.push(arg);
    else if (arg === "-h" || arg === "--help") help = true;
    else if (arg === "--debug") debug = true;
    else {
      try {
        i = takeOption(command, rest, i, values);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        mistake ??= error;
      }
    }
  }
  // Asking for help is never a mistake, whatever else is on the line.
  if (help) return { kind: "help", command };
  if (mistake) throw mistake;
  if (takes?.count === "one" && operands.length === 0) throw new UsageError(`${command.name} needs ${takes.value}`);
  for (const [option, declared] of Object.entries(command.options)) {
    if (values[option] !== undefined) continue;
    if (declared.required)
      throw new UsageError(
        declared.positional
          ? `${command.name} needs ${declared.value ?? option}`
          : `${command.name} needs --${option} ${declared.value ?? ""}`.trimEnd(),
      );
    values[option] = declared.value === undefined ? false : declared.default;
  }
  return { kind: "run", command, values: values as OptionValues<CliOptions>, operands, debug };
}

/**
 * Whether an argument is an operand rather than an option: one that does not start with "-". Words
 * (count "any") also take "-" and "", which an id (count "one") never is.
 */
function isOperand(arg: string, count: CliOperands["count"]): boolean {
  return count === "any" ? arg === "-" || !arg.startsWith("-") : arg !== "" && !arg.startsWith("-");
}

function commandNamed(name: string, commands: readonly CliCommand[]): CliCommand {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command: ${name}`);
  return command;
}

/** Reads the option at args[i] into values; returns the index of the last argument it used. */
function takeOption(
  command: CliCommand,
  args: readonly string[],
  i: number,
  values: Record<string, string | boolean | undefined>,
): number {
  const arg = args[i]!;
  if (!arg.startsWith("-") || arg === "-") {
    const bare = Object.entries(command.options).find(([, o]) => o.positional)?.[0];
    if (bare === undefined || values[bare] !== undefined)
      throw new UsageError(`${command.name} takes no argument ${arg}`);
    values[bare] = arg;
    return i;
  }
  if (!arg.startsWith("--") || arg === "--") throw new UsageError(`${command.name} does not take ${arg}`);
  const equals = arg.indexOf("=");
  const option = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
  const declared = Object.hasOwn(command.options, option) ? command.options[option] : undefined;
  if (declared === undefined) throw new UsageError(`${command.name} does not take --${option}`);
  if (values[option] !== undefined) throw new UsageError(`--${option} is given twice`);
  if (declared.value === undefined) {
    if (equals >= 0) throw new UsageError(`--${option} takes no value`);
    values[option] = true;
    return i;
  }
  const inline = equals < 0 ? undefined : arg.slice(equals + 1);
  const value = inline ?? args[i + 1];
  if (value === undefined || value === "") throw new UsageError(`--${option} needs a value: ${declared.value}`);
  if (declared.choices && !declared.choices.includes(value))
    throw new UsageError(`--${option} takes ${orList(declared.choices)}, not ${value}`);
  values[option] = value;
  return inline === undefined ? i + 1 : i;
}

function orList(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

/** `claude-reindex --help`: every command in a line, the internal ones apart. */
export function overviewHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const row = (c: CliCommand) => wrap(c.summary, 100 - width - 2).replace(/\n/g, `\n${" ".repeat(width + 2)}`);
  const list = (cs: CliCommand[]) => cs.map((c) => `  ${c.name.padEnd(width)}${row(c)}`).join("\n");
  return [
    "Usage: claude-reindex <command> [options]",
    "",
    "Commands:",
    list(commands.filter((c) => !c.internal)),
    "",
    "Run by the bin/claude shim:",
    list(commands.filter((c) => c.internal)),
    "",
    "claude-reindex <command> --help shows what a command does, its options and its exit codes.",
    `Every command also takes ${EVERY_COMMAND}. claude-reindex -v (--version) prints the version.`,
    "The root is $CLAUDE_CONFIG_DIR when set, else ~/.claude, for every command.",
    "",
  ].join("\n");
}

/**
 * `claude-reindex <command> --help`: the usage line, what it does, its options and its exit codes.
 * `exitCodeOf` is bin/'s mapping of outcomes to codes, so that the help says what the process does.
 */
export function commandHelp(command: CliCommand, exitCodeOf: (outcome: Outcome) => string): string {
  const options: [string, string][] = [
    ...Object.entries(command.options).map(([name, o]): [string, string] => [
      `--${name}${o.value ? ` ${o.value}` : ""}`,
      `${o.help}${o.choices && o.default ? ` (default: ${o.default})` : ""}`,
    ]),
    ["--debug", "on an error, the stack trace (also CLAUDE_REINDEX_DEBUG=1)"],
    ["-h, --help", "this help"],
  ];
  const width = Math.max(...options.map(([left]) => left.length)) + 2;
  const indent = " ".repeat(width + 2);

  const codes = new Map<string, string[]>();
  const add = (code: string, meaning: string) => codes.set(code, [...(codes.get(code) ?? []), meaning]);
  for (const [outcome, meaning] of Object.entries(command.outcomes) as [Outcome, string][])
    add(exitCodeOf(outcome), meaning);
  add("1", "an unexpected error (one line; --debug for the stack trace)");
  add(
    "2",
    `usage error: an unknown or foreign option, a missing or wrong value` +
      `${command.usageErrors ? `, ${command.usageErrors}` : ""}`,
  );
  // Numbers in order; a code that is not one ("other": a resumed claude's) last.
  const rank = (code: string) => (/^\d+$/.test(code) ? Number(code) : Number.POSITIVE_INFINITY);
  const ordered = [...codes].sort(([a], [b]) => rank(a) - rank(b));
  const codeWidth = Math.max(...ordered.map(([code]) => code.length)) + 2;

  return [
    usageLine(command),
    "",
    command.description
      .split(/\n\s*\n/)
      .map((paragraph) => wrap(paragraph, 100))
      .join("\n\n"),
    "",
    ...(command.operands?.help ? [`${command.operands.value}: ${command.operands.help}`, ""] : []),
    "Options:",
    ...options.map(
      ([left, help]) => `  ${left.padEnd(width)}${wrap(help, 100 - width - 2).replace(/\n/g, `\n${indent}`)}`,
    ),
    "",
    "Exit codes:",
    ...ordered.map(([code, meanings]) => {
      const text = wrap(meanings.join("; "), 100 - codeWidth - 2);
      return `  ${code.padEnd(codeWidth)}${text.replace(/\n/g, `\n${" ".repeat(codeWidth + 2)}`)}`;
    }),
    "",
  ].join("\n");
}

/** `Usage: claude-reindex <command> [operands] [options]`, continued under the command at 100 columns. */
function usageLine(command: CliCommand): string {
  const words = command.operands?.value;
  const head = `Usage: claude-reindex ${command.name}${words ? ` ${words}` : ""}`;
  const indent = " ".repeat(`Usage: claude-reindex ${command.name} `.length);
  const lines = [head];
  for (const [name, o] of Object.entries(command.options)) {
    const text = o.positional && o.value ? o.value : `--${name}${o.value ? ` ${o.value}` : ""}`;
    const item = o.required ? text : `[${text}]`;
    if (lines.at(-1)!.length + 1 + item.length > 100) lines.push(`${indent}${item}`);
    else lines[lines.length - 1] += ` ${item}`;
  }
  return lines.join("\n");
}

/** Words wrapped into lines of at most `width` characters (a longer word keeps its own line). */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}

// How a command declares itself to the command line: its options, its help, what its outcomes mean,
// and the call it makes. A command is one `<name>-cli.ts` file with one defineCliCommand(...), listed
// in cli-commands.ts; its work lives in `<name>-command.ts`, loaded only when the command runs.
import type { CommandIo } from "../text/command-io.ts";
import type { CommandResult, Outcome } from "./command-result.ts";

export interface CliOption {
  /**
   * The value's name in help, e.g. "<path>". An option with a value takes the next argument,
   * whatever it starts with.
   */
  value?: string;
  /** The only values accepted. */
  choices?: readonly string[];
  /** The value when the option is not given. */
  default?: string;
  /** The command cannot run without it. */
  required?: boolean;
  /** It may also be given bare, as the command's one argument (`why <id>`); at most one option per command. */
  positional?: boolean;
  /** What it does, one sentence without a final period. */
  help: string;
}

export type CliOptions = Readonly<Record<string, CliOption>>;

/** What a command takes besides options: one required argument (`restore <id>`), or any number (`search <words…>`). */
export interface CliOperands {
  /** Their name in the usage line, e.g. "<id>" or "<words…>". */
  value: string;
  /**
   * "one": exactly one, required, before or after the options. "any": every argument that is not an
   * option, and all after `--`.
   */
  count: "one" | "any";
  /** A line of help under the command's description; none when absent. */
  help?: string;
}

type ValueOf<O extends CliOption> = O extends { choices: readonly (infer C)[] } ? C : string;

/** The parsed options as the command's run() sees them: flags are booleans, values strings. */
export type OptionValues<T extends CliOptions> = {
  [K in keyof T]: T[K] extends { value: string }
    ? T[K] extends { required: true } | { default: string }
      ? ValueOf<T[K]>
      : ValueOf<T[K]> | undefined
    : boolean;
};

/** The edges of the world a command runs in, all supplied by bin/claude-reindex.ts. */
export interface CliContext {
  /** Claude Code's configuration root ($CLAUDE_CONFIG_DIR or ~/.claude). */
  configRoot: string;
  /** The directory the command was started in; relative paths in options are resolved against it. */
  workingDir: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  io: CommandIo & { stdout: NodeJS.WritableStream & { columns?: number } };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The PATH entries, to find `claude` and to tell whether a directory is on PATH. */
  pathEntries: string[];
  /** The account's home directory from the user database, whatever HOME says. */
  accountHome: string;
  /** Where doctor looks for sessions left in temporary homes. */
  strayRoots: string[];
  /** The user's id (null where the platform has none): doctor offers to migrate only their sessions. */
  uid: number | null;
  /** This checkout or installed package (it holds hooks/ and dist/). */
  packageDir: string;
  /** $HOME: ~/.local/bin is where Claude Code's native installer keeps the real claude. */
  homeDir: string;
  /** This checkout's (or package's) bin/claude. */
  shimPath: string;
  /** The bundled transcript worker, for rebuilds spread over every core. */
  workerScript: URL;
  /** --debug or CLAUDE_REINDEX_DEBUG=1: stack traces on errors. */
  debug: boolean;
}

export interface CliCommand<T extends CliOptions = CliOptions> {
  name: string;
  /** One line for `claude-reindex --help`. */
  summary: string;
  /** What the command does, for `<command> --help`; rewrapped at 100 columns, blank lines part paragraphs. */
  description: string;
  /** Every option it takes besides --debug and --help, which every command takes. */
  options: T;
  /** What each outcome it can come to means here; bin/ gives each its exit code. */
  outcomes: Partial<Record<Outcome, string>>;
  /** The usage errors (exit 2) of its own, besides an unknown or foreign option and a missing or wrong value. */
  usageErrors?: string;
  /** The arguments that are not options; none when absent. */
  operands?: CliOperands;
  /** Run by the bin/claude shim, not by people: listed apart. */
  internal?: boolean;
  run(values: OptionValues<T>, context: CliContext, operands: string[]): Promise<CommandResult>;
}

/** A command's declaration, its option values typed from its own option table. */
export function defineCliCommand<const T extends CliOptions>(command: CliCommand<T>): CliCommand {
  return command as unknown as CliCommand;
}

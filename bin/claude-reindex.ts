// Entry point of `claude-reindex`: parses the command line, runs the command with this process's edges,
// and turns its result into the exit code (README "Exit codes"). Only this file sets an exit code.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { version } from "../package.json";
import { CLI_COMMANDS } from "../src/commands/cli-commands.ts";
import type { CliContext } from "../src/commands/cli-definition.ts";
import { commandHelp, overviewHelp, parseCommandLine } from "../src/commands/command-line.ts";
import type { CommandResult, Outcome } from "../src/commands/command-result.ts";
import { resolveConfigRoot } from "../src/layout/config-root.ts";
import { errorText } from "../src/text/error-text.ts";
import { UsageError } from "../src/text/user-error.ts";

/** The exit code of each outcome; a resumed `claude`'s status is passed on as it is. */
const EXIT_CODES: Readonly<Record<Exclude<Outcome, "resumed">, number>> = {
  done: 0,
  attention: 1,
  failed: 1,
  "no-claude": 127,
  cancelled: 130,
};
const USAGE_ERROR = 2;
const UNEXPECTED = 1;

function exitCodeOf(result: CommandResult): number {
  return result.kind === "resumed" ? result.exitCode : EXIT_CODES[result.kind];
}

const argv = process.argv.slice(2);
let debug = process.env.CLAUDE_REINDEX_DEBUG === "1";
let commandName: string | undefined;

// A reader that stops early (`claude-reindex doctor | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Ctrl-C during the shim's check ends the check, never the launch; the handler goes in first.
if (argv[0] === "shim-check") {
  process.once("SIGINT", () => {
    if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
    process.stderr.write("claude-reindex: index repair interrupted; starting Claude Code\n");
    process.exit(0);
  });
}

async function main(): Promise<number> {
  const invocation = parseCommandLine(argv, CLI_COMMANDS);
  if (invocation.kind === "version") return print(`${version}\n`);
  if (invocation.kind === "help") {
    const codeOf = (outcome: Outcome) => (outcome === "resumed" ? "other" : String(EXIT_CODES[outcome]));
    return print(invocation.command ? commandHelp(invocation.command, codeOf) : overviewHelp(CLI_COMMANDS));
  }
  const { command, values } = invocation;
  commandName = command.name;
  debug ||= invocation.debug;
  const result = await command.run(values, context(), invocation.operands);
  for (const problem of result.problems ?? []) process.stderr.write(`claude-reindex: ${problem}\n`);
  return exitCodeOf(result);
}

function context(): CliContext {
  return {
    configRoot: resolveConfigRoot(process.env, os.homedir()),
    workingDir: process.cwd(),
    env: process.env,
    now: () => new Date(),
    io: { stdout: process.stdout, stderr: process.stderr },
    stdin: process.stdin,
    pathEntries: (process.env.PATH ?? "").split(path.delimiter),
    // Read only by doctor: os.userInfo() throws for an account missing from the user database.
    get accountHome() {
      return os.userInfo().homedir;
    },
    strayRoots: strayRoots(process.env),
    uid: process.getuid?.() ?? null,
    packageDir: packagePath(".."),
    homeDir: os.homedir(),
    shimPath: packagePath("../bin/claude"),
    workerScript: new URL("./derivation-worker.mjs", import.meta.url),
    debug,
  };
}

/**
 * Where doctor looks for sessions in temporary homes: CLAUDE_REINDEX_SCAN_ROOTS (a PATH-style list;
 * empty: nowhere), else the temporary directories. Tests set it, so they never read the machine's /tmp.
 */
function strayRoots(env: NodeJS.ProcessEnv): string[] {
  const setting = env.CLAUDE_REINDEX_SCAN_ROOTS;
  if (setting !== undefined) return setting.split(path.delimiter).filter((dir) => dir !== "");
  return [...new Set([os.tmpdir(), "/tmp"])];
}

/** A path in this checkout or installed package, from the bundle in dist/. */
function packagePath(relative: string): string {
  return path.resolve(fileURLToPath(new URL(relative, import.meta.url)));
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      // The command's own help when the command is known, else the list of commands.
      const named = commandName ?? argv.find((arg) => arg !== "--debug");
      const help = CLI_COMMANDS.some((c) => c.name === named)
        ? `claude-reindex ${named} --help`
        : "claude-reindex --help";
      process.stderr.write(`claude-reindex: ${error.message} (see ${help})\n`);
      process.exitCode = USAGE_ERROR;
      return;
    }
    process.stderr.write(
      debug
        ? `${(error as Error)?.stack ?? String(error)}\n`
        : `claude-reindex: ${errorText(error)} (run with --debug for details)\n`,
    );
    process.exitCode = UNEXPECTED;
  },
);

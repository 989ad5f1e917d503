// Entry point of `claude-reindex`: parses the command line and calls the library.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runRebuild } from "../src/commands/rebuild-command.ts";
import { resolveConfigRoot } from "../src/layout/config-root.ts";
import { type ProjectSelection, UnknownProjectError } from "../src/layout/project-dir.ts";
import { lockStaleMsSetting } from "../src/system/environment-setting.ts";
import { UsageError } from "../src/text/user-error.ts";

const VERSION = "0.1.0";

const USAGE = `Usage: claude-reindex <command> [options]

Commands:
  rebuild   merge sessions-index.json with the transcripts on disk and write it
            (default: the project of the current directory)
  doctor    report what is wrong with the indexes and the storage, read-only (default: every project)
  list      the sessions of the current project (--all: every project), newest first
  pick      choose a session of any project interactively and resume it in its own directory
  migrate   --from <dir>: bring sessions from a custom layout or another copy into projects/
  install   register the SessionStart, Stop and SessionEnd hooks in Claude Code's settings
            and tell how to put the bin/claude shim in front of Claude Code
  uninstall remove exactly what install added
  schema    print the JSON Schema of sessions-index.json
  shim-check  (run by the bin/claude shim) rebuild indexes that lag by more than a day

Options:
  --project <path>  one project: its working directory, or its directory under projects/
  --all             every project under $CLAUDE_CONFIG_DIR/projects (or ~/.claude/projects)
  --dry-run         rebuild, install, uninstall: change nothing, say (or diff) what would change
  --scope <scope>   install, uninstall: user (<root>/settings.json, the default), project
                    (.claude/settings.json) or local (.claude/settings.local.json)
  --shim-dir <dir>  install: link <dir>/claude to the shim; uninstall: remove that link
  --from <dir>      migrate: where the sessions are now (--project: the one directory to put them in)
  --move            migrate: move instead of copy
  --json            machine-readable report on stdout
  --debug           show stack traces on errors
  -h, --help        this help;  --version  the version

Exit codes: 0 done (doctor: all is well), 1 some project could not be written (doctor: something
needs attention) or an unexpected error, 2 usage error.`;

const debug = process.argv.includes("--debug") || process.env.CLAUDE_REINDEX_DEBUG === "1";

// A reader that stops early (`claude-reindex doctor | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Ctrl-C during the shim's check ends the check, never the launch; the handler goes in first.
if (process.argv[2] === "shim-check") {
  process.once("SIGINT", () => {
    if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
    process.stderr.write("claude-reindex: index repair interrupted; starting Claude Code\n");
    process.exit(0);
  });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      project: { type: "string" },
      scope: { type: "string" },
      from: { type: "string" },
      move: { type: "boolean", default: false },
      "shim-dir": { type: "string" },
      all: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      debug: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", default: false },
    },
  });
  if (values.version) return print(`${VERSION}\n`);
  const [command, ...rest] = positionals;
  if (values.help || command === "help") return print(`${USAGE}\n`);
  if (command === undefined) throw new UsageError("no command given");
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
  if (values.project !== undefined && values.all) throw new UsageError("--project and --all exclude each other");

  const configRoot = resolveConfigRoot(process.env, os.homedir());
  const io = { stdout: process.stdout, stderr: process.stderr };
  const workingDir = process.cwd();
  const selection = (fallback: ProjectSelection["kind"]): ProjectSelection => {
    if (values.project !== undefined) return { kind: "project", argument: values.project, workingDir };
    if (values.all || fallback === "all") return { kind: "all" };
    return { kind: "current", workingDir };
  };

  switch (command) {
    case "rebuild":
      return runRebuild({
        configRoot,
        selection: selection("current"),
        dryRun: values["dry-run"],
        json: values.json,
        now: () => new Date(),
        io,
        workerScript: workerScript(),
        lockStaleMs: lockStaleMsSetting(process.env),
      });
    case "doctor":
      if (values["dry-run"]) throw new UsageError("doctor never changes anything; --dry-run is for rebuild");
      return (await import("../src/commands/doctor-command.ts")).runDoctor({
        configRoot,
        selection: selection("all"),
        json: values.json,
        io,
        setup: {
          configRoot,
          workingDir,
          hooksDir: packagePath("../hooks"),
          shimPath: packagePath("../bin/claude"),
          pathEntries: pathEntries(),
        },
        storage: {
          env: process.env,
          accountHome: os.userInfo().homedir,
          strayRoots: [...new Set([os.tmpdir(), "/tmp"])],
        },
      });
    case "list":
      return (await import("../src/commands/list-command.ts")).runList({
        configRoot,
        selection: selection("current"),
        json: values.json,
        env: process.env,
        now: () => new Date(),
        io,
        workerScript: workerScript(),
      });
    case "pick":
      return (await import("../src/commands/pick-command.ts")).runPick({
        configRoot,
        env: process.env,
        now: () => new Date(),
        io,
        stdin: process.stdin,
        pathEntries: pathEntries(),
        workerScript: workerScript(),
      });
    case "migrate": {
      if (values.from === undefined) throw new UsageError("migrate needs --from <dir>");
      const { runMigrate } = await import("../src/commands/migrate-command.ts");
      return runMigrate({
        configRoot,
        from: path.resolve(values.from),
        project: values.project === undefined ? undefined : path.resolve(values.project),
        move: values.move,
        dryRun: values["dry-run"],
        now: () => new Date(),
        io,
      });
    }
    case "install":
    case "uninstall": {
      const scope = values.scope ?? "user";
      if (scope !== "user" && scope !== "project" && scope !== "local")
        throw new UsageError(`--scope takes user, project or local, not ${scope}`);
      const { runInstall, runUninstall } = await import("../src/commands/install-command.ts");
      const run = command === "install" ? runInstall : runUninstall;
      return run({
        configRoot,
        workingDir,
        scope,
        dryRun: values["dry-run"],
        hooksDir: packagePath("../hooks"),
        shimPath: packagePath("../bin/claude"),
        shimDir: values["shim-dir"] === undefined ? undefined : path.resolve(values["shim-dir"]),
        pathEntries: pathEntries(),
        now: () => new Date(),
        io,
      });
    }
    case "shim-check":
      return shimCheck(configRoot, workingDir, io);
    case "schema":
      return print(
        `${JSON.stringify((await import("../src/sessions-index/session-index.ts")).indexJsonSchema(), null, 2)}\n`,
      );
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

/** Internal: run by bin/claude before it starts Claude Code. Always exits 0 (the shim fails open). */
async function shimCheck(
  configRoot: string,
  workingDir: string,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream },
): Promise<number> {
  const { runShimCheck } = await import("../src/commands/shim-check-command.ts");
  try {
    await runShimCheck({
      configRoot,
      workingDir,
      env: process.env,
      now: () => new Date(),
      io,
      workerScript: workerScript(),
    });
  } catch (error) {
    process.stderr.write(
      debug
        ? `${(error as Error).stack}\n`
        : `claude-reindex: could not check the session indexes: ${(error as Error).message}; starting Claude Code\n`,
    );
  }
  return 0;
}

/** A path in this checkout or installed package, from the bundle in dist/. */
function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, import.meta.url));
}

function workerScript(): URL {
  return new URL("./derivation-worker.mjs", import.meta.url);
}

function pathEntries(): string[] {
  return (process.env.PATH ?? "").split(path.delimiter);
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

function isUsageMistake(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  return error instanceof UsageError || error instanceof UnknownProjectError || code.startsWith("ERR_PARSE_ARGS_");
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (isUsageMistake(error)) {
      process.stderr.write(`claude-reindex: ${(error as Error).message}\nRun 'claude-reindex --help' for usage.\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      debug
        ? `${(error as Error).stack ?? String(error)}\n`
        : `claude-reindex: ${(error as Error).message ?? String(error)} (run with --debug for details)\n`,
    );
    process.exitCode = 1;
  },
);

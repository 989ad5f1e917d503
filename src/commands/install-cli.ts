// `claude-reindex install` on the command line: its options and help, and the call to runInstall.
import path from "node:path";
import type { CliContext, CliOption } from "./cli-definition.ts";
import { defineCliCommand } from "./cli-definition.ts";

/** Which settings file install and uninstall edit. */
export const SCOPE_OPTION = {
  value: "<scope>",
  choices: ["user", "project", "local"],
  default: "user",
  help:
    "which settings: user (<root>/settings.json), project (.claude/settings.json of this directory) " +
    "or local (.claude/settings.local.json)",
} as const satisfies CliOption;

export const installCli = defineCliCommand({
  name: "install",
  summary: "register the SessionStart, Stop and SessionEnd hooks and tell how to put the shim in front of claude",
  description: `Registers the SessionStart, Stop and SessionEnd hooks in Claude Code's settings, so that the current
project's index stays merged while you work, and says how to put bin/claude in front of Claude Code. It
edits the text: comments, other keys, other hooks, indentation and line ends stay as they were. Before a
change it leaves a timestamped backup beside the file; a second run changes nothing and says so.

--keep-sessions turns on the keep guard (recorded in <root>/claude-reindex/installed.json; uninstall
turns it off): before every launch through the shim and at each SessionStart, every session whose
transcript is within 7 days of Claude Code's cleanupPeriodDays cutoff, or past it, is kept under
<root>/claude-reindex/kept/ with its <uuid>/ folder (hard links, copies across file systems), so that
claude-reindex restore can bring it back after Claude Code deleted it.`,
  options: {
    scope: SCOPE_OPTION,
    "dry-run": { help: "change nothing; show the diff of the settings file" },
    "shim-dir": {
      value: "<dir>",
      help:
        "also link <dir>/claude to the shim (a directory of your own, on PATH before the real claude; " +
        "not ~/.local/bin, where Claude Code's native installer keeps the real one)",
    },
    "keep-sessions": {
      help: "turn on the keep guard: keep sessions near or past cleanupPeriodDays under <root>/claude-reindex/kept/",
    },
  },
  outcomes: {
    done: "the hooks are registered (now or already)",
    failed:
      "refused: the settings file does not parse or is of the wrong shape, the package is in npx's cache, " +
      "or the --shim-dir link is taken or in ~/.local/bin; or not writable. A refusal changes nothing",
  },
  async run(values, context) {
    const { runInstall } = await import("./install-command.ts");
    return runInstall({ ...settingsEdit(values, context), keepSessions: values["keep-sessions"] });
  },
});

/** What install and uninstall are given. */
export function settingsEdit(
  values: { scope: "user" | "project" | "local"; "dry-run": boolean; "shim-dir": string | undefined },
  context: CliContext,
) {
  return {
    configRoot: context.configRoot,
    workingDir: context.workingDir,
    scope: values.scope,
    dryRun: values["dry-run"],
    packageDir: context.packageDir,
    shimPath: context.shimPath,
    shimDir: values["shim-dir"] === undefined ? undefined : path.resolve(context.workingDir, values["shim-dir"]),
    pathEntries: context.pathEntries,
    homeDir: context.homeDir,
    now: context.now,
    io: context.io,
  };
}

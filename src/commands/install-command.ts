// `claude-reindex install` and `uninstall`: register our hooks in a Claude Code settings file (or remove
// exactly what install added), with a backup, a dry-run diff, and the shim's alias or link.
import fs from "node:fs";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { keptRoot } from "../layout/kept-store.ts";
import { addHooks, hookCommands, removeHooks } from "../settings/hook-registration.ts";
import { type InstallRecord, installRecord, installRecords, saveInstallRecord } from "../settings/install-manifest.ts";
import { pluginStates } from "../settings/plugin-state.ts";
import {
  parseSettings,
  readSettingsText,
  type SettingsScope,
  settingsPathFor,
  settingsWriteProblem,
} from "../settings/settings-file.ts";
import {
  stableLauncherPath,
  stableLauncherScript,
  stableLauncherTarget,
  writeStableLauncher,
} from "../settings/stable-launcher.ts";
import { readPrivateFile } from "../system/private-file.ts";
import { giveToDirectoryOwner, makeDirectory, replaceFile } from "../system/replace-file.ts";
import type { CommandIo } from "../text/command-io.ts";
import { errorText } from "../text/error-text.ts";
import { shellQuote } from "../text/shell-quote.ts";
import { type CommandResult, done } from "./command-result.ts";

export interface InstallCommand {
  configRoot: string;
  workingDir: string;
  scope: SettingsScope;
  dryRun: boolean;
  /** The checkout or installed package that install registers (it holds hooks/ and dist/). */
  packageDir: string;
  /** This checkout's (or package's) bin/claude. */
  shimPath: string;
  /** Link `claude` to the shim in this directory instead of printing the alias line. */
  shimDir?: string;
  /** install: turn the keep guard on (it stays on until uninstall). */
  keepSessions?: boolean;
  /** The PATH entries of the environment, to tell whether the shim directory is on it. */
  pathEntries: string[];
  /** The account's home: ~/.local/bin is where Claude Code's native installer puts the real claude. */
  homeDir: string;
  now: () => Date;
  io: CommandIo;
}

class RefusedError extends Error {}

/** `claude-reindex install`: done when the hooks are registered (now or already), failed when refused. */
export async function runInstall(command: InstallCommand): Promise<CommandResult> {
  return editSettings(command, "install");
}

/** `claude-reindex uninstall`: removes the hooks of ours (wherever they led) and what install created. */
export async function runUninstall(command: InstallCommand): Promise<CommandResult> {
  return editSettings(command, "uninstall");
}

async function editSettings(command: InstallCommand, action: "install" | "uninstall"): Promise<CommandResult> {
  const { io } = command;
  const settingsPath = settingsPathFor(command.scope, command.configRoot, command.workingDir);
  const launcher = stableLauncherPath(command.configRoot);
  const commands = hookCommands(launcher);
  try {
    // Everything is checked before anything is written: a refusal changes nothing.
    if (action === "install") checkPackage(command.packageDir);
    const link = command.shimDir === undefined ? null : shimLinkPlan(command, action);
    const existing = readSettingsText(settingsPath);
    const before = existing ?? "{}\n";
    const read = parseSettings(before);
    if (!read.ok) throw new RefusedError(`${settingsPath} is ${read.problem}; fix it first (nothing was changed)`);
    const plugin = action === "install" ? pluginAlreadyRunning(command) : null;
    if (plugin !== null) throw new RefusedError(plugin);

    let after: string;
    let events: string[];
    let replaced: string[] = [];
    let record = installRecord(command.configRoot, settingsPath);
    if (action === "install") {
      const result = addHooks(before, commands, read.formatting);
      after = result.text;
      events = result.added;
      replaced = result.replaced;
      if (events.length > 0)
        record = {
          ...mergedRecord(record, existing === null, result.created),
          ...(record?.keepSessions ? { keepSessions: true } : {}),
        };
    } else {
      const result = removeHooks(before, record);
      after = result.text;
      events = result.removed;
    }
    const launcherText = action === "install" ? stableLauncherScript(command.packageDir) : null;
    const launcherBefore = readPrivateFile(launcher);
    const previousPackage = launcherBefore === null ? null : stableLauncherTarget(launcher);
    const writeProblem = after === before ? null : settingsWriteProblem(settingsPath);
    if (writeProblem) throw new RefusedError(`${settingsPath} is ${writeProblem} (nothing was changed)`);

    if (command.dryRun) {
      if (after !== before)
        io.stdout.write(
          createTwoFilesPatch(settingsPath, settingsPath, existing ?? "", after, "now", `after ${action}`),
        );
      if (launcherText !== null && launcherText !== launcherBefore)
        io.stdout.write(`would write ${launcher} (runs the hooks of ${command.packageDir})\n`);
      io.stdout.write(`(dry run: nothing was changed)\n`);
      return done();
    }

    if (launcherText !== null && launcherText !== launcherBefore)
      writeStableLauncher(command.configRoot, command.packageDir);
    if (after === before) {
      io.stdout.write(
        action === "install"
          ? `The claude-reindex hooks are already registered in ${settingsPath}; nothing to change there.\n`
          : `No claude-reindex hooks in ${settingsPath}; nothing to change.\n`,
      );
      if (action === "uninstall") saveInstallRecord(command.configRoot, settingsPath, null);
    } else {
      const removeFile =
        action === "uninstall" && record?.createdFile && parseSettings(after).ok && isEmptyObject(after);
      const backup = existing === null ? null : backupOf(settingsPath, existing, command.now());
      if (removeFile) fs.rmSync(settingsPath);
      else await writeSettings(settingsPath, after);
      saveInstallRecord(command.configRoot, settingsPath, action === "install" ? record : null);
      const verb = action === "install" ? "registered" : "removed";
      io.stdout.write(
        `${verb} the claude-reindex ${events.join(", ")} ` +
          `${events.length === 1 ? "hook" : "hooks"} ` +
          `${action === "install" ? "in" : "from"} ` +
          `${settingsPath}${backup ? ` (backup: ${backup})` : ""}\n`,
      );
      for (const old of replaced) io.stdout.write(`  replaced: ${old}\n`);
    }
    recordKeepGuard(command, action, settingsPath);

    if (action === "uninstall") {
      if (Object.keys(installRecords(command.configRoot)).length === 0 && launcherBefore !== null) {
        fs.rmSync(launcher, { force: true });
        io.stdout.write(`removed ${launcher}\n`);
      }
      if (link !== null) unlinkShim(command, link);
      return done();
    }
    if (previousPackage !== null && previousPackage !== command.packageDir)
      io.stdout.write(`the hooks now run the claude-reindex in ${command.packageDir} (was ${previousPackage})\n`);
    if (link === null) aliasAdvice(command);
    else linkShim(command, link);
    return done(command.scope === "project" ? [projectScopeWarning(settingsPath, launcher)] : []);
  } catch (error) {
    if (error instanceof RefusedError) return refused(error.message);
    return refused(`cannot ${action} in ${settingsPath}: ${errorText(error)}`);
  }
}

/** install --keep-sessions turns the keep guard on in the manifest; uninstall's removed record turns it off. */
function recordKeepGuard(command: InstallCommand, action: "install" | "uninstall", settingsPath: string): void {
  const record = installRecord(command.configRoot, settingsPath);
  if (action === "install" && command.keepSessions) {
    if (!record?.keepSessions)
      saveInstallRecord(command.configRoot, settingsPath, {
        ...(record ?? { createdFile: false, hooksKey: false, events: [] }),
        keepSessions: true,
      });
    command.io.stdout.write(
      `keep guard on: sessions near or past cleanupPeriodDays are kept under ` +
        `${keptRoot(command.configRoot)} before Claude Code deletes them\n`,
    );
  } else if (action === "uninstall" && record !== null) {
    saveInstallRecord(command.configRoot, settingsPath, null);
    if (record.keepSessions)
      command.io.stdout.write(
        `keep guard off (sessions already kept stay under ` +
          `${keptRoot(command.configRoot)}; see claude-reindex forget)\n`,
      );
  }
}

function refused(problem: string): CommandResult {
  return { kind: "failed", problems: [problem] };
}

/** A package that npm may delete at will, or one that is not built, cannot carry hooks. */
function checkPackage(packageDir: string): void {
  if (packageDir.split(path.sep).includes("_npx"))
    throw new RefusedError(
      `this claude-reindex runs from npx's cache (${packageDir}), which npm clears at ` +
        `will, and hooks registered from it would stop working; install it for good ` +
        `first: npm install -g claude-reindex && claude-reindex install (nothing was ` +
        `changed)`,
    );
  for (const file of ["hooks/launch", "dist/hook.mjs"]) {
    if (!fs.existsSync(path.join(packageDir, file)))
      throw new RefusedError(
        `${path.join(packageDir, file)} is missing; run npm install in ${packageDir} first (nothing was changed)`,
      );
  }
}

function mergedRecord(
  old: InstallRecord | null,
  createdFile: boolean,
  created: { hooksKey: boolean; events: InstallRecord["events"] },
): InstallRecord {
  if (old === null) return { createdFile, hooksKey: created.hooksKey, events: created.events };
  return {
    createdFile: old.createdFile || createdFile,
    hooksKey: old.hooksKey || created.hooksKey,
    events: [...new Set([...old.events, ...created.events])],
  };
}

/** The warning for a file teams commit: the commands are this machine's absolute paths. */
function projectScopeWarning(settingsPath: string, launcher: string): string {
  return (
    `warning: ${settingsPath} is usually committed, and the hook commands in it are ` +
    `this machine's absolute paths (${launcher}); on another machine they would fail. ` +
    `To keep them to yourself: claude-reindex uninstall --scope project && ` +
    `claude-reindex install --scope local`
  );
}

/** The plugin runs the same hooks: both at once would merge every session twice. */
function pluginAlreadyRunning(command: InstallCommand): string | null {
  const plugin = pluginStates(command.configRoot, command.workingDir).find((p) => p.enabled);
  if (plugin === undefined) return null;
  const scope = plugin.scope === "user" ? "" : ` --scope ${plugin.scope}`;
  return (
    `the ${plugin.id} plugin already runs these hooks (enabled in ` +
    `${plugin.settingsPath}); nothing was changed. To use install's hooks instead: ` +
    `claude plugin uninstall ${plugin.id}${scope}, then install again`
  );
}

function isEmptyObject(text: string): boolean {
  return /^\s*\{\s*\}\s*$/.test(text);
}

/** A copy beside the file before it changes, with the file's own mode. */
function backupOf(settingsPath: string, text: string, now: Date): string {
  const backup = `${settingsPath}.claude-reindex-backup-${now.toISOString().replace(/[:.]/g, "-")}`;
  fs.writeFileSync(backup, text, { mode: fs.statSync(settingsPath).mode & 0o777, flag: "wx" });
  giveToDirectoryOwner(backup);
  return backup;
}

async function writeSettings(settingsPath: string, text: string): Promise<void> {
  makeDirectory(path.dirname(settingsPath), 0o700);
  // An existing file keeps its mode and owner; a new one is private. Never through a link.
  replaceFile(settingsPath, text, { newFileMode: 0o600, fsync: true });
}

/** The line that puts the shim in front of Claude Code. */
function aliasAdvice(command: InstallCommand): void {
  command.io.stdout.write(
    `To check the indexes before every launch, alias claude to the shim (in your ` +
      `shell's rc file):\n  alias claude=${shellQuote(command.shimPath)}\n`,
  );
}

interface ShimLink {
  link: string;
  /** Where the link points now, or null when there is none. */
  current: string | null;
}

/**
 * Where --shim-dir would link, checked before anything is written. Refuses the native
 * installer's directory (~/.local/bin: its `claude` is the real one, and an update replaces a
 * link there) and a `claude` that is someone else's.
 */
function shimLinkPlan(command: InstallCommand, action: "install" | "uninstall"): ShimLink {
  const shimDir = command.shimDir!;
  const link = path.join(shimDir, "claude");
  let current: string | null = null;
  try {
    current = fs.readlinkSync(link);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EINVAL" && action === "install")
      throw new RefusedError(
        `${link} exists and is not a link to the shim; move it away or pick another --shim-dir (nothing was changed)`,
      );
    if (code !== "ENOENT" && code !== "EINVAL") throw error;
  }
  if (action === "uninstall") return { link, current };
  if (path.resolve(shimDir) === path.join(command.homeDir, ".local", "bin"))
    throw new RefusedError(
      `${shimDir} is where Claude Code's native installer keeps the real claude, which ` +
        `an update would put back over the shim; pick a directory of your own that comes ` +
        `earlier on PATH (e.g. ~/bin), or use the alias line (nothing was changed)`,
    );
  if (current !== null && path.resolve(shimDir, current) !== command.shimPath)
    throw new RefusedError(
      `${link} already links to ${current}, not to the shim; remove it or pick another ` +
        `--shim-dir (nothing was changed)`,
    );
  return { link, current };
}

function linkShim(command: InstallCommand, { link, current }: ShimLink): void {
  const { io, shimPath, shimDir } = command;
  if (current === null) {
    fs.mkdirSync(shimDir!, { recursive: true });
    fs.symlinkSync(shimPath, link);
    io.stdout.write(`linked ${link} -> ${shimPath}\n`);
  } else {
    io.stdout.write(`${link} already links to the shim\n`);
  }
  if (!command.pathEntries.includes(shimDir!))
    io.stdout.write(`note: ${shimDir} is not on PATH; put it before the directory of the real claude\n`);
}

/** Uninstall with --shim-dir: the link install made, and only if it still points at the shim. */
function unlinkShim(command: InstallCommand, { link, current }: ShimLink): void {
  if (current === null || path.resolve(command.shimDir!, current) !== command.shimPath) return;
  fs.rmSync(link);
  command.io.stdout.write(`removed the link ${link}\n`);
}

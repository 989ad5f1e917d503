import fs from "node:fs";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import writeFileAtomic from "write-file-atomic";
import { addHooks, hookCommands, removeHooks } from "../settings/hook-registration.ts";
import { installRecord, saveInstallRecord } from "../settings/install-manifest.ts";
import { pluginStates } from "../settings/plugin-state.ts";
import { parseSettings, type SettingsScope, settingsPathFor } from "../settings/settings-file.ts";
import type { CommandIo } from "../text/command-io.ts";
import { errorText } from "../text/error-text.ts";
import { shellQuote } from "../text/shell-quote.ts";
import { type CommandResult, done } from "./command-result.ts";

export interface InstallCommand {
  configRoot: string;
  workingDir: string;
  scope: SettingsScope;
  dryRun: boolean;
  /** Where the hook scripts of this checkout or installed package are. */
  hooksDir: string;
  /** This checkout's (or package's) bin/claude. */
  shimPath: string;
  /** Link `claude` to the shim in this directory instead of printing the alias line. */
  shimDir?: string;
  /** The PATH entries of the environment, to tell whether the shim directory is on it. */
  pathEntries: string[];
  now: () => Date;
  io: CommandIo;
}

/** `claude-reindex install`: done when the hooks are registered (now or already), failed when refused. */
export async function runInstall(command: InstallCommand): Promise<CommandResult> {
  return editSettings(command, "install");
}

/** `claude-reindex uninstall`: removes exactly what install added. */
export async function runUninstall(command: InstallCommand): Promise<CommandResult> {
  return editSettings(command, "uninstall");
}

async function editSettings(command: InstallCommand, action: "install" | "uninstall"): Promise<CommandResult> {
  const { io } = command;
  const settingsPath = settingsPathFor(command.scope, command.configRoot, command.workingDir);
  const commands = hookCommands(command.hooksDir);
  try {
    const existing = readText(settingsPath);
    const before = existing ?? "{}\n";
    const read = parseSettings(before);
    if (!read.ok) return refused(`${settingsPath} is ${read.problem}; fix it first (nothing was changed)`);
    const plugin = action === "install" ? pluginAlreadyRunning(command) : null;
    if (plugin !== null) return refused(plugin);

    let after: string;
    let events: string[];
    let record = installRecord(command.configRoot, settingsPath);
    if (action === "install") {
      const result = addHooks(before, commands, read.formatting);
      after = result.text;
      events = result.added;
      if (events.length > 0)
        record = { createdFile: existing === null, hooksKey: result.created.hooksKey, events: result.created.events };
    } else {
      const result = removeHooks(before, commands, record);
      after = result.text;
      events = result.removed;
    }

    if (after === before) {
      io.stdout.write(
        action === "install"
          ? `The claude-reindex hooks are already registered in ${settingsPath}; nothing to change.\n`
          : `No claude-reindex hooks in ${settingsPath}; nothing to change.\n`,
      );
    } else if (command.dryRun) {
      io.stdout.write(createTwoFilesPatch(settingsPath, settingsPath, existing ?? "", after, "now", `after ${action}`));
      io.stdout.write(`(dry run: ${settingsPath} was not changed)\n`);
    } else {
      const removeFile =
        action === "uninstall" && record?.createdFile && parseSettings(after).ok && isEmptyObject(after);
      const backup = existing === null ? null : backupOf(settingsPath, existing, command.now());
      if (removeFile) fs.rmSync(settingsPath);
      else await writeSettings(settingsPath, after, existing === null);
      saveInstallRecord(command.configRoot, settingsPath, action === "install" ? record : null);
      const verb = action === "install" ? "registered" : "removed";
      io.stdout.write(
        `${verb} the claude-reindex ${events.join(", ")} ${events.length === 1 ? "hook" : "hooks"} ${action === "install" ? "in" : "from"} ${settingsPath}${backup ? ` (backup: ${backup})` : ""}\n`,
      );
    }
    if (action === "uninstall") {
      if (command.shimDir !== undefined) unlinkShim(command);
      return done();
    }
    const problem = shimAdvice(command);
    return problem === null ? done() : refused(problem);
  } catch (error) {
    return refused(`cannot ${action} in ${settingsPath}: ${errorText(error)}`);
  }
}

function refused(problem: string): CommandResult {
  return { kind: "failed", problems: [problem] };
}

/** The plugin runs the same hooks: both at once would merge every session twice. */
function pluginAlreadyRunning(command: InstallCommand): string | null {
  const plugin = pluginStates(command.configRoot, command.workingDir).find((p) => p.enabled);
  if (plugin === undefined) return null;
  const scope = plugin.scope === "user" ? "" : ` --scope ${plugin.scope}`;
  return `the ${plugin.id} plugin already runs these hooks (enabled in ${plugin.settingsPath}); nothing was changed. To use install's hooks instead: claude plugin uninstall ${plugin.id}${scope}, then install again`;
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function isEmptyObject(text: string): boolean {
  return /^\s*\{\s*\}\s*$/.test(text);
}

/** A copy beside the file before it changes, with the file's own mode. */
function backupOf(settingsPath: string, text: string, now: Date): string {
  const backup = `${settingsPath}.claude-reindex-backup-${now.toISOString().replace(/[:.]/g, "-")}`;
  fs.writeFileSync(backup, text, { mode: fs.statSync(settingsPath).mode & 0o777, flag: "wx" });
  return backup;
}

async function writeSettings(settingsPath: string, text: string, isNew: boolean): Promise<void> {
  fs.mkdirSync(path.dirname(settingsPath), { recursive: true, mode: 0o700 });
  // write-file-atomic keeps an existing file's mode and owner; a new one is private.
  await writeFileAtomic(settingsPath, text, isNew ? { mode: 0o600, fsync: true } : { fsync: true });
}

/** The one line that puts the shim in front of Claude Code, or the link that does it; or why not. */
function shimAdvice(command: InstallCommand): string | null {
  const { io, shimPath, shimDir } = command;
  if (shimDir === undefined) {
    io.stdout.write(
      `To check the indexes before every launch, alias claude to the shim (in your shell's rc file):\n  alias claude=${shellQuote(shimPath)}\n`,
    );
    return null;
  }
  const link = path.join(shimDir, "claude");
  let current: string | null = null;
  try {
    current = fs.readlinkSync(link);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EINVAL")
      return `${link} exists and is not a link to the shim; move it away or pick another --shim-dir`;
    if (code !== "ENOENT") throw error;
  }
  if (current !== null && path.resolve(shimDir, current) !== shimPath)
    return `${link} already links to ${current}, not to the shim; remove it or pick another --shim-dir`;
  if (current === null) {
    fs.mkdirSync(shimDir, { recursive: true });
    fs.symlinkSync(shimPath, link);
    io.stdout.write(`linked ${link} -> ${shimPath}\n`);
  } else {
    io.stdout.write(`${link} already links to the shim\n`);
  }
  if (!command.pathEntries.includes(shimDir))
    io.stdout.write(`note: ${shimDir} is not on PATH; put it before the directory of the real claude\n`);
  return null;
}

/** Uninstall with --shim-dir: the link install made, and only if it still points at the shim. */
function unlinkShim(command: InstallCommand): void {
  const link = path.join(command.shimDir!, "claude");
  let target: string;
  try {
    target = fs.readlinkSync(link);
  } catch {
    return;
  }
  if (path.resolve(command.shimDir!, target) !== command.shimPath) return;
  fs.rmSync(link);
  command.io.stdout.write(`removed the link ${link}\n`);
}

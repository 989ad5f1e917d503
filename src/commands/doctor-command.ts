// `claude-reindex doctor`: read-only diagnosis of the selected projects' indexes, of the storage and
// of the setup (hooks, shim), printed for a person or as JSON; the exit status speaks for the config root.
import fs from "node:fs";
import { catalogSessions } from "../catalog/session-catalog.ts";
import {
  type CleanupCheck,
  type CleanupReport,
  checkCleanup,
  cleanupSentence,
  WARN_DAYS,
} from "../doctor/cleanup-check.ts";
import { diagnoseProject, hiddenSummary, type ProjectDiagnosis } from "../doctor/doctor.ts";
import { findGoneProjects, goneProjectReport } from "../doctor/moved-project-check.ts";
import { checkSetup, type SetupCheck, type SetupReport } from "../doctor/setup-check.ts";
import { checkStorage, type StorageCheck } from "../doctor/storage-check.ts";
import { checkTrash, trashLines } from "../doctor/trash-check.ts";
import { HOOK_EVENTS } from "../hooks/hook-event.ts";
import { projectsRoot } from "../layout/config-root.ts";
import { type ProjectSelection, selectProjectDirs } from "../layout/project-dir.ts";
import { PLUGIN_ID } from "../settings/plugin-hooks.ts";
import type { PluginState } from "../settings/plugin-state.ts";
import { realPathOrSelf } from "../system/real-path.ts";
import type { CommandIo } from "../text/command-io.ts";
import { progressLine } from "../text/progress-line.ts";
import { shellQuote } from "../text/shell-quote.ts";
import { terminalLine } from "../text/terminal-text.ts";
import { TranscriptCache } from "../transcript/transcript-cache.ts";
import type { CommandResult } from "./command-result.ts";

export interface DoctorCommand {
  configRoot: string;
  selection: ProjectSelection;
  json: boolean;
  now: () => Date;
  io: CommandIo;
  /** What to check the hook registrations and the shim against; no setup report without it. */
  setup?: SetupCheck;
  /** The environment and the places to look for storage mistakes; none checked without it. */
  storage?: Omit<StorageCheck, "configRoot">;
  /** Where Claude Code's cleanupPeriodDays is read; no cleanup report without it. */
  cleanup?: Omit<CleanupCheck, "configRoot">;
}

/** `claude-reindex doctor`: read-only; done when all is well, attention when something needs it. */
export async function runDoctor(command: DoctorCommand): Promise<CommandResult> {
  const { io } = command;
  const root = projectsRoot(command.configRoot);
  const rootExists = fs.existsSync(root);
  const projectDirs = rootExists ? selectProjectDirs(command.configRoot, command.selection) : [];
  const cache = TranscriptCache.under(command.configRoot, { writable: false });
  const progress = progressLine(io.stderr, "claude-reindex: checking");
  const diagnoses: ProjectDiagnosis[] = [];
  let gone: ReturnType<typeof goneProjectReport> = { findings: [], notes: [] };
  try {
    // Read-only: a catalog saved by list or pick is reused, never written.
    const rows = await catalogSessions({ configRoot: command.configRoot, projectDirs, writable: false });
    gone = goneProjectReport(findGoneProjects(rows));
    for (const [i, projectDir] of projectDirs.entries()) {
      progress.project(i, projectDirs.length, projectDir);
      diagnoses.push(
        diagnoseProject(
          projectDir,
          cache,
          command.now().getTime(),
          rows.filter((row) => row.projectDir === projectDir),
        ),
      );
    }
  } finally {
    progress.finish();
  }
  const needAttention = diagnoses.filter((d) => d.findings.length > 0);
  const setup = command.setup ? checkSetup(command.setup) : null;
  const checked = command.storage
    ? checkStorage({ ...command.storage, configRoot: command.configRoot })
    : { findings: [], elsewhere: [], notes: [] };
  // A project folder that is gone is a fact of the storage: where its sessions should go. The folders
  // gone with no likely new place are a note after the projects (deleted folders are common).
  const storage = {
    findings: [...checked.findings, ...gone.findings],
    elsewhere: checked.elsewhere,
    notes: [...checked.notes, ...gone.notes],
  };
  const cleanup = command.cleanup ? checkCleanup({ ...command.cleanup, configRoot: command.configRoot }) : null;
  const trash = checkTrash(command.configRoot);
  // The exit status speaks for the config root asked about: sessions in other places are only reported.
  const attention =
    needAttention.length > 0 || storage.findings.length > 0 || brokenHooks(setup) > 0 || cleanup?.finding != null;

  if (command.json) {
    const report = {
      root: command.configRoot,
      projectsRoot: root,
      projectsRootExists: rootExists,
      storage,
      cleanup,
      trash,
      projects: diagnoses,
      needAttention: needAttention.length,
      setup,
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return { kind: attention ? "attention" : "done" };
  }
  // Paths come from the disk: shown on one line, control characters escaped.
  for (const finding of storage.findings) {
    io.stdout.write(`storage: ${terminalLine(finding.message)}\n`);
    if (finding.fix) io.stdout.write(`  fix: ${terminalLine(finding.fix)}\n`);
  }
  for (const finding of storage.elsewhere) {
    io.stdout.write(`elsewhere: ${terminalLine(finding.message)}\n`);
    if (finding.fix) io.stdout.write(`  fix: ${terminalLine(finding.fix)}\n`);
  }
  for (const note of checked.notes) io.stdout.write(`note: ${terminalLine(note)}\n`);
  writeDiagnoses(diagnoses, needAttention, root, rootExists, io);
  for (const note of gone.notes) io.stdout.write(`note: ${terminalLine(note)}\n`);
  writeHidden(diagnoses, io);
  if (cleanup) writeCleanup(cleanup, io);
  for (const line of trashLines(trash)) io.stdout.write(`${terminalLine(line)}\n`);
  if (setup && command.setup) writeSetup(setup, command.setup, io);
  return { kind: attention ? "attention" : "done" };
}

function writeDiagnoses(
  diagnoses: ProjectDiagnosis[],
  needAttention: ProjectDiagnosis[],
  root: string,
  rootExists: boolean,
  io: CommandIo,
): void {
  if (!rootExists || diagnoses.length === 0) {
    io.stdout.write(
      `No Claude Code sessions under ${terminalLine(root)} (set CLAUDE_CONFIG_DIR if they live elsewhere).\n`,
    );
    return;
  }
  for (const diagnosis of needAttention) {
    io.stdout.write(`${terminalLine(diagnosis.projectDir)}\n`);
    for (const finding of diagnosis.findings) io.stdout.write(`  - ${terminalLine(finding.message)}\n`);
    for (const fix of new Set(diagnosis.findings.map((f) => f.fix).filter((f) => f !== null)))
      io.stdout.write(`  fix: ${terminalLine(fix)}\n`);
  }
  const sessions = diagnoses.reduce((n, d) => n + d.sessions, 0);
  if (needAttention.length === 0) {
    io.stdout.write(
      `All ${diagnoses.length} project indexes are in order (${sessions} sessions under ${terminalLine(root)}).\n`,
    );
    return;
  }
  const fixable = needAttention.filter((d) =>
    d.findings.some((f) => f.fix?.startsWith("claude-reindex rebuild")),
  ).length;
  io.stdout.write(
    `${needAttention.length} of ${diagnoses.length} projects need attention ` +
      `(${sessions} sessions under ${terminalLine(root)}).\n`,
  );
  if (fixable > 1) io.stdout.write(`Fix every index at once: claude-reindex rebuild --all\n`);
}

/** Per project, the sessions Claude Code's own /resume hides, by reason: information, not a fault. */
function writeHidden(diagnoses: ProjectDiagnosis[], io: CommandIo): void {
  const hiding = diagnoses.filter((d) => Object.keys(d.hidden).length > 0);
  if (hiding.length === 0) return;
  const total = new Set(hiding.flatMap((d) => Object.values(d.hidden).flat())).size;
  io.stdout.write(
    `${total} ${total === 1 ? "session is" : "sessions are"} hidden from /resume of ` +
      `Claude Code 2.1.330+ (claude-reindex pick lists them all):\n`,
  );
  for (const diagnosis of hiding) {
    const example = Object.values(diagnosis.hidden).flat()[0];
    io.stdout.write(
      `  ${diagnosis.projectDir}: ${hiddenSummary(diagnosis.hidden)} (e.g. claude-reindex why ${example})\n`,
    );
  }
}

function writeCleanup(cleanup: CleanupReport, io: CommandIo): void {
  for (const problem of cleanup.settingsProblems) io.stdout.write(`cleanup: ${problem}\n`);
  if (cleanup.finding) {
    io.stdout.write(`cleanup: ${cleanup.finding.message}\n`);
    io.stdout.write(`  fix: ${cleanup.finding.fix}\n`);
  } else {
    io.stdout.write(
      `cleanup: ${cleanupSentence(cleanup)}; ${cleanup.pastCutoff} past the cutoff, ` +
        `${cleanup.withinWarnDays} more within ${WARN_DAYS} days\n`,
    );
  }
  const { kept } = cleanup;
  if (cleanup.keepGuard || kept.sessions > 0)
    io.stdout.write(
      `cleanup: the keep guard is ${cleanup.keepGuard ? "on" : "off"}; ${kept.sessions} ` +
        `kept ${kept.sessions === 1 ? "session" : "sessions"} (${kept.transcriptGone} ` +
        `whose transcript Claude Code deleted) hold ${mebibytes(kept.ownBytes)} of their ` +
        `own (${mebibytes(kept.bytes)} with the links they share)\n`,
    );
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/**
 * Setup is reported; only hooks that lead nowhere are judged (they need attention): whether to
 * register hooks or put the shim in front is the user's choice.
 */
function writeSetup(setup: SetupReport, check: SetupCheck, io: CommandIo): void {
  for (const hooks of setup.hooks) {
    if (hooks.problem) io.stdout.write(`setup: ${terminalLine(hooks.path)} is ${terminalLine(hooks.problem)}\n`);
  }
  const withHandlers = setup.hooks.filter((h) => h.handlers.length > 0);
  for (const hooks of withHandlers) {
    const scope = hooks.scope === "user" ? "" : ` --scope ${hooks.scope}`;
    const broken = hooks.handlers.filter((h) => h.missing !== null);
    for (const handler of broken)
      io.stdout.write(
        `setup: the ${handler.event} hook in ${hooks.path} runs ${handler.command}, but ` +
          `${handler.missing} is missing\n  fix: claude-reindex install${scope} (run from ` +
          `where claude-reindex is now), or claude-reindex uninstall${scope}\n`,
      );
    const outdated = hooks.handlers.filter((h) => h.missing === null && !h.current);
    if (outdated.length > 0) {
      const slow = outdated.some((h) => h.async) ? ", async: every claude -p waits about 1.5 s for it" : "";
      io.stdout.write(
        `setup: the ${outdated.map((h) => h.event).join(", ")} ` +
          `${outdated.length === 1 ? "hook" : "hooks"} in ${hooks.path} ` +
          `${outdated.length === 1 ? "is" : "are"} registered as an earlier claude-reindex ` +
          `did (${outdated[0]!.command}${slow})\n  fix: claude-reindex install${scope}\n`,
      );
    }
    if (hooks.registered.length > 0) {
      const missing = HOOK_EVENTS.filter((event) => !hooks.registered.includes(event));
      const gaps = missing.length > 0 ? `; ${missing.join(", ")} missing (run: claude-reindex install${scope})` : "";
      io.stdout.write(`setup: hooks registered in ${hooks.path} (${hooks.registered.join(", ")})${gaps}\n`);
    }
    const elsewhere = new Set(
      hooks.handlers
        .filter((h) => h.missing === null && h.packageDir !== null)
        .map((h) => h.packageDir!)
        .filter((dir) => realPathOrSelf(dir) !== realPathOrSelf(check.packageDir)),
    );
    for (const dir of elsewhere)
      io.stdout.write(
        `setup: the hooks in ${hooks.path} run the claude-reindex in ${dir} (this one is ${check.packageDir})\n`,
      );
  }
  const plugins = setup.plugins.filter((p) => p.enabled);
  for (const plugin of setup.plugins) {
    const installed = plugin.installPaths.length > 0 ? `; installed in ${plugin.installPaths.join(", ")}` : "";
    io.stdout.write(
      plugin.enabled
        ? `setup: the ${plugin.id} plugin runs the hooks (enabled in ${plugin.settingsPath}${installed})\n`
        : `setup: the ${plugin.id} plugin is disabled in ${plugin.settingsPath}\n`,
    );
  }
  if (plugins.length > 0 && withHandlers.length > 0) {
    const uninstallHooks = withHandlers.map((h) => `claude-reindex uninstall --scope ${h.scope}`).join(" && ");
    const uninstallPlugins = plugins.map((p) => uninstallPluginCommand(p)).join(" && ");
    io.stdout.write(
      `setup: both the plugin and install's hooks are active, so every hook runs twice; ` +
        `keep one: ${uninstallHooks} (keeps the plugin), or ${uninstallPlugins} (keeps ` +
        `install's hooks)\n`,
    );
  }
  if (withHandlers.length === 0 && plugins.length === 0) {
    const add =
      `claude plugin marketplace add ` +
      `${setup.marketplaceDir ? shellQuote(setup.marketplaceDir) : "<claude-reindex checkout>"}`;
    io.stdout.write(
      `setup: hooks not registered; to keep indexes current while you work: ${add} && ` +
        `claude plugin install ${PLUGIN_ID} (or: claude-reindex install)\n`,
    );
  }
  if (setup.shimInFront) io.stdout.write(`setup: claude on PATH is the shim (${setup.claudeOnPath})\n`);
  else {
    const found = setup.claudeOnPath ? `claude on PATH is ${setup.claudeOnPath}, not the shim` : "no claude on PATH";
    const alias = `alias claude=${shellQuote(check.shimPath)}`;
    io.stdout.write(
      `setup: ${found}; to check indexes before each launch: ${alias} ` +
        "(an alias in your shell is not visible from here)\n",
    );
  }
}

/** Hooks of ours that lead to a file that is gone: Claude Code runs them for nothing. */
function brokenHooks(setup: SetupReport | null): number {
  return setup?.hooks.reduce((n, h) => n + h.handlers.filter((x) => x.missing !== null).length, 0) ?? 0;
}

function uninstallPluginCommand(plugin: PluginState): string {
  return `claude plugin uninstall ${plugin.id}${plugin.scope === "user" ? "" : ` --scope ${plugin.scope}`}`;
}

// `claude-reindex rebuild`: merges the selected projects' indexes and reports what changed.
import { projectsRoot } from "../layout/config-root.ts";
import { type ProjectSelection, selectProjectDirs } from "../layout/project-dir.ts";
import type { ProjectReport } from "../rebuild/rebuild-project.ts";
import { type RebuildOptions, rebuildProjects, verifiedPass } from "../rebuild/rebuild-projects.ts";
import type { CommandIo } from "../text/command-io.ts";
import { progressLine } from "../text/progress-line.ts";
import { terminalLine } from "../text/terminal-text.ts";
import { type CommandResult, done, failedIfAny } from "./command-result.ts";

export interface RebuildCommand extends RebuildOptions {
  selection: ProjectSelection;
  json: boolean;
  io: CommandIo;
}

/**
 * `claude-reindex rebuild`: done when every index is written (or already right), failed with a problem
 * per project that is not (in the --json report instead when asked for one).
 */
export async function runRebuild(command: RebuildCommand): Promise<CommandResult> {
  const { io } = command;
  const projectDirs = selectProjectDirs(command.configRoot, command.selection);
  if (projectDirs.length === 0 && !command.json) {
    const where =
      command.selection.kind === "all"
        ? projectsRoot(command.configRoot)
        : `${command.selection.workingDir} under ${projectsRoot(command.configRoot)}`;
    return done([`no Claude Code sessions recorded for ${where}; nothing to rebuild`]);
  }
  const progress = progressLine(io.stderr, "claude-reindex: rebuilding", { enabled: command.selection.kind === "all" });
  let reports: ProjectReport[];
  try {
    reports = await rebuildProjects(projectDirs, command, progress.project);
  } finally {
    progress.finish();
  }
  const failed = reports.filter((r) => r.status === "failed");
  if (command.json) {
    const report = { root: command.configRoot, dryRun: command.dryRun, projects: reports, totals: totals(reports) };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return failed.length > 0 ? { kind: "failed", problems: [] } : done();
  }
  writeReports(reports, command, io);
  return failedIfAny(failed.map((r) => r.problem ?? `${r.indexPath} could not be written`));
}

/**
 * `claude-reindex rebuild --all` when every project's verified stamp holds: the same report as
 * runRebuild's, from the stat pass alone. Null (nothing written) when some project needs more, or
 * there is no project: then runRebuild does the whole run. bin/claude-reindex tries this first, from
 * a bundle of its own (dist/rebuild-unchanged.cjs) that loads nothing else.
 */
export function rebuildAllIfUnchanged(command: { configRoot: string; io: CommandIo }): CommandResult | null {
  const projectDirs = selectProjectDirs(command.configRoot, { kind: "all" });
  if (projectDirs.length === 0) return null;
  const { reports, pending } = verifiedPass(projectDirs, command.configRoot, false);
  if (pending.length > 0) return null;
  writeReports(reports, { dryRun: false }, command.io);
  return done();
}

function totals(reports: ProjectReport[]) {
  const sum = (key: "added" | "updated" | "removed" | "kept") => reports.reduce((n, r) => n + r[key], 0);
  const withStatus = (status: ProjectReport["status"]) => reports.filter((r) => r.status === status).length;
  return {
    projects: reports.length,
    written: withStatus("written"),
    wouldWrite: withStatus("would-write"),
    unchanged: withStatus("unchanged") + withStatus("empty"),
    failed: withStatus("failed"),
    added: sum("added"),
    updated: sum("updated"),
    removed: sum("removed"),
    kept: sum("kept"),
    skipped: reports.reduce((n, r) => n + r.skipped.length, 0),
  };
}

function writeReports(reports: ProjectReport[], command: Pick<RebuildCommand, "dryRun">, io: CommandIo): void {
  for (const report of reports) {
    if (report.status === "written" || report.status === "would-write") {
      const verb = report.status === "written" ? "wrote" : "would write";
      const backup = report.backup ? ` (unusable index moved to ${terminalLine(report.backup)})` : "";
      io.stdout.write(
        `${verb} ${terminalLine(report.indexPath)}: ${report.added} added, ` +
          `${report.updated} updated, ${report.removed} removed, ${report.kept} ` +
          `kept${backup}\n`,
      );
    }
    if (report.skipped.length > 0 && reports.length === 1) {
      for (const { path, reason } of report.skipped)
        io.stdout.write(`  skipped ${terminalLine(path)}: ${terminalLine(reason)}\n`);
    }
  }
  const t = totals(reports);
  const parts = [
    command.dryRun ? `${t.wouldWrite} would be written` : `${t.written} written`,
    `${t.unchanged} up to date`,
    ...(t.failed > 0 ? [`${t.failed} failed`] : []),
    ...(t.skipped > 0 ? [`${t.skipped} transcripts give no entry`] : []),
  ];
  const projects = `${reports.length} ${reports.length === 1 ? "project" : "projects"}`;
  io.stdout.write(`${projects}: ${parts.join(", ")}${command.dryRun ? " (dry run: nothing changed)" : ""}\n`);
}

// `claude-reindex rebuild`: merges the selected projects' indexes and reports what changed.
import { projectsRoot } from "../layout/config-root.ts";
import { listedProjects } from "../layout/listed-tree.ts";
import { hasLinkedProjectDir, type ProjectSelection, selectProjectDirs } from "../layout/project-dir.ts";
import { treeListing } from "../layout/tree-listing.ts";
import {
  readTreeSignature,
  rebuildSignaturePath,
  saveTreeSignature,
  TREE_SIGNATURE_FORMAT,
} from "../layout/tree-signature.ts";
import type { ProjectReport } from "../rebuild/rebuild-project.ts";
import { type RebuildOptions, rebuildProjects, verifiedPass } from "../rebuild/rebuild-projects.ts";
import { saveShimSignature } from "../rebuild/shim-signature.ts";
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
  io.stdout.write(reportText(reports, command));
  return failedIfAny(failed.map((r) => r.problem ?? `${r.indexPath} could not be written`));
}

/**
 * `claude-reindex rebuild --all` when every project's verified stamp holds: the same report as
 * runRebuild's, from the stat pass alone, or from the tree's signature alone when the tree is as the
 * last such run found it. Null (nothing written) when some project needs more, or there is no
 * project: then runRebuild does the whole run. bin/claude-reindex tries this first, from a bundle of
 * its own (dist/rebuild-unchanged.cjs) that loads nothing else.
 */
export function rebuildAllIfUnchanged(command: {
  configRoot: string;
  env: NodeJS.ProcessEnv;
  io: CommandIo;
}): CommandResult | null {
  const { configRoot, env, io } = command;
  const root = projectsRoot(configRoot);
  const signatureFile = rebuildSignaturePath(configRoot);
  // One find in place of a stat per transcript; when its bytes are those the last unchanged run saw,
  // every stamp it checked still holds, and its report is this run's.
  const listing = treeListing(root);
  const saved = listing === null ? null : readTreeSignature(signatureFile);
  const savedReport = saved?.listing.equals(listing as Buffer) ? reportOfSignature(saved.header) : null;
  if (savedReport !== null) {
    io.stdout.write(savedReport);
    // The shim's, if a launch removed it since: the tree is as a pass that found every index fine left it.
    saveShimSignature(configRoot, env, listing as Buffer);
    return done();
  }
  const projectDirs = selectProjectDirs(configRoot, { kind: "all" });
  if (projectDirs.length === 0) return null;
  // The stamps are checked against the listing, taken before: a change since then changes the next one.
  const listed = listing === null ? undefined : listedProjects(root, listing);
  const { reports, pending } = verifiedPass(projectDirs, configRoot, false, undefined, listed);
  if (pending.length > 0) return null;
  const report = reportText(reports, { dryRun: false });
  io.stdout.write(report);
  // find does not look inside a project directory that is a link: such a listing is not the whole tree.
  if (listing !== null && !hasLinkedProjectDir(configRoot)) {
    const header = JSON.stringify({ format: TREE_SIGNATURE_FORMAT, report });
    saveTreeSignature(signatureFile, { header, listing });
    // Every stamp holds, so no index needs a repair: the shim's next check can compare in sh too.
    saveShimSignature(configRoot, env, listing);
  }
  return done();
}

function reportOfSignature(header: string): string | null {
  try {
    const { format, report } = JSON.parse(header) as { format?: unknown; report?: unknown };
    return format === TREE_SIGNATURE_FORMAT && typeof report === "string" ? report : null;
  } catch {
    return null;
  }
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

/** What a run without --json prints: a line per index written (and skips of a single project), then the totals. */
function reportText(reports: ProjectReport[], command: Pick<RebuildCommand, "dryRun">): string {
  let text = "";
  for (const report of reports) {
    if (report.status === "written" || report.status === "would-write") {
      const verb = report.status === "written" ? "wrote" : "would write";
      const backup = report.backup ? ` (unusable index moved to ${terminalLine(report.backup)})` : "";
      text +=
        `${verb} ${terminalLine(report.indexPath)}: ${report.added} added, ` +
        `${report.updated} updated, ${report.removed} removed, ${report.kept} kept${backup}\n`;
    }
    if (report.skipped.length > 0 && reports.length === 1) {
      for (const { path, reason } of report.skipped)
        text += `  skipped ${terminalLine(path)}: ${terminalLine(reason)}\n`;
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
  return `${text}${projects}: ${parts.join(", ")}${command.dryRun ? " (dry run: nothing changed)" : ""}\n`;
}

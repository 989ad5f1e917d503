import { projectsRoot } from "./config-root.ts";
import { selectProjectDirs, type ProjectSelection } from "./project-dir.ts";
import { verifiedEntries, writeStamp } from "./project-stamp.ts";
import { progressLine } from "./progress-line.ts";
import type { DerivationPool, PoolOptions } from "./derivation-pool.ts";
import type { ProjectReport } from "./rebuild.ts";
import { listSessionFiles, type SessionFile, type SessionListing } from "./session-file.ts";
import { indexPathOf } from "./session-index-path.ts";

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export interface RebuildCommand {
  configRoot: string;
  selection: ProjectSelection;
  dryRun: boolean;
  json: boolean;
  now: () => Date;
  io: CommandIo;
  /** The built derivation worker; when given, large rebuilds read transcripts on every core. */
  workerScript?: URL;
  /** CLAUDE_REINDEX_LOCK_STALE_MS: when a lock left by a dead process may be taken over. */
  lockStaleMs?: number;
}

/** `claude-reindex rebuild`: exit 0 when every index is written (or already right), 1 otherwise. */
export async function runRebuild(command: RebuildCommand): Promise<number> {
  const { io } = command;
  const projectDirs = selectProjectDirs(command.configRoot, command.selection);
  if (projectDirs.length === 0 && !command.json) {
    const where = command.selection.kind === "all" ? projectsRoot(command.configRoot) : `${command.selection.workingDir} under ${projectsRoot(command.configRoot)}`;
    io.stderr.write(`claude-reindex: no Claude Code sessions recorded for ${where}; nothing to rebuild\n`);
    return 0;
  }
  const progress = progressLine(io.stderr, "claude-reindex: rebuilding", { enabled: command.selection.kind === "all" });
  let reports: ProjectReport[];
  try {
    reports = await rebuildProjects(projectDirs, command, progress.project);
  } finally {
    progress.finish();
  }
  if (command.json) io.stdout.write(`${JSON.stringify({ root: command.configRoot, dryRun: command.dryRun, projects: reports, totals: totals(reports) }, null, 2)}\n`);
  else writeReports(reports, command, io);
  return reports.some((r) => r.status === "failed") ? 1 : 0;
}

/**
 * Rebuilds the projects, reporting in the order given. A project whose stamp shows nothing
 * changed since the last verified run costs a directory listing; only the others load the merge
 * machinery, and when they have much to read, a pool of worker threads reads it.
 */
export async function rebuildProjects(
  projectDirs: string[],
  command: Pick<RebuildCommand, "configRoot" | "dryRun" | "now" | "workerScript" | "lockStaleMs">,
  onProject: (done: number, total: number, dir: string) => void,
  /** Listings the caller already made (the stale pass): not made again. */
  knownListings?: ReadonlyMap<string, SessionListing>,
): Promise<ProjectReport[]> {
  const { configRoot, dryRun } = command;
  const reports: ProjectReport[] = new Array(projectDirs.length);
  const pending: { slot: number; projectDir: string; listing: SessionListing | undefined }[] = [];
  for (const [slot, projectDir] of projectDirs.entries()) {
    const indexPath = indexPathOf(projectDir);
    let listing = knownListings?.get(projectDir);
    try {
      listing ??= listSessionFiles(projectDir);
    } catch {
      // rebuildProject reports the listing error in its words.
    }
    const entries = listing && !dryRun ? verifiedEntries(configRoot, projectDir, indexPath, listing) : null;
    if (entries !== null) reports[slot] = unchangedReport(projectDir, indexPath, entries);
    else pending.push({ slot, projectDir, listing });
  }
  if (pending.length === 0) return reports;

  const { rebuildProject } = await import("./rebuild.ts");
  const { TranscriptCache } = await import("./transcript-cache.ts");
  const cache = TranscriptCache.under(configRoot, { writable: !dryRun });
  const workers = command.workerScript ? new WorkerDemand(await import("./derivation-pool.ts"), { workerScript: command.workerScript, configRoot, writableCache: !dryRun }) : null;
  let done = projectDirs.length - pending.length;
  const rebuildOne = async ({ slot, projectDir, listing }: (typeof pending)[number]) => {
    const report = await rebuildProject(projectDir, { dryRun, cache, pool: workers && ((needed) => workers.poolFor(needed)), now: command.now, lockStaleMs: command.lockStaleMs }, listing);
    if (report.verified && listing && !dryRun) writeStamp(configRoot, projectDir, listing, report.verified.index, report.verified.entries);
    reports[slot] = report;
    onProject(++done, projectDirs.length, projectDir);
  };
  try {
    // A few projects at a time keep every worker busy when they have much to read.
    await inParallel(pending, workers ? 4 : 1, rebuildOne);
  } finally {
    await workers?.close();
  }
  return reports;
}

/**
 * Starts the worker pool once the run has read enough to be worth it (starting the workers costs
 * about as much as reading 20 MB), and uses it only for projects with several transcripts to
 * read: one transcript cannot be split, and after an append its saved state holds most of it.
 */
class WorkerDemand {
  private static readonly START_AFTER_BYTES = 64 * 1024 * 1024;
  private bytesNeeded = 0;
  private pool: DerivationPool | null = null;

  constructor(
    private readonly poolModule: typeof import("./derivation-pool.ts"),
    private readonly options: PoolOptions,
  ) {}

  poolFor(needed: SessionFile[]): DerivationPool | null {
    this.bytesNeeded += needed.reduce((sum, file) => sum + file.size, 0);
    if (needed.length < 2 || (this.pool === null && this.bytesNeeded < WorkerDemand.START_AFTER_BYTES)) return null;
    this.pool ??= this.poolModule.createDerivationPool(this.options);
    return this.pool;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

function unchangedReport(projectDir: string, indexPath: string, entries: number): ProjectReport {
  return { projectDir, indexPath, status: "unchanged", added: 0, updated: 0, removed: 0, kept: entries, changes: [], skipped: [], backup: null, problem: null, verified: null };
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

function writeReports(reports: ProjectReport[], command: RebuildCommand, io: CommandIo): void {
  for (const report of reports) {
    if (report.status === "failed") {
      io.stderr.write(`claude-reindex: ${report.problem}\n`);
      continue;
    }
    if (report.status === "written" || report.status === "would-write") {
      const verb = report.status === "written" ? "wrote" : "would write";
      const backup = report.backup ? ` (unusable index moved to ${report.backup})` : "";
      io.stdout.write(`${verb} ${report.indexPath}: ${report.added} added, ${report.updated} updated, ${report.removed} removed, ${report.kept} kept${backup}\n`);
    }
    if (report.skipped.length > 0 && reports.length === 1) {
      for (const { path, reason } of report.skipped) io.stdout.write(`  skipped ${path}: ${reason}\n`);
    }
  }
  const t = totals(reports);
  const parts = [
    command.dryRun ? `${t.wouldWrite} would be written` : `${t.written} written`,
    `${t.unchanged} up to date`,
    ...(t.failed > 0 ? [`${t.failed} failed`] : []),
    ...(t.skipped > 0 ? [`${t.skipped} transcripts give no entry`] : []),
  ];
  io.stdout.write(`${reports.length} ${reports.length === 1 ? "project" : "projects"}: ${parts.join(", ")}${command.dryRun ? " (dry run: nothing changed)" : ""}\n`);
}

// Rebuilds many projects in one run: the verified-stamp fast path for unchanged projects, the merge
// machinery loaded lazily for the rest, and a worker pool when there is much to read.
import fs from "node:fs";
import path from "node:path";
import { indexPathOf } from "../layout/index-path.ts";
import type { ListedProject } from "../layout/listed-tree.ts";
import { verifiedEntries, writeStamp } from "../layout/project-stamp.ts";
import { listSessionFiles, type SessionFile, type SessionListing } from "../layout/session-file.ts";
import type { DerivationPool, PoolOptions } from "../transcript/derivation-pool.ts";
import type { TranscriptCache } from "../transcript/transcript-cache.ts";
import { type ProjectReport, unchangedReport } from "./project-report.ts";

export interface RebuildOptions {
  configRoot: string;
  dryRun: boolean;
  now: () => Date;
  /** The built derivation worker; when given, large rebuilds read transcripts on every core. */
  workerScript?: URL;
  /** CLAUDE_REINDEX_LOCK_STALE_MS: when a lock left by a dead process may be taken over. */
  lockStaleMs?: number;
}

/**
 * Rebuilds the projects, reporting in the order given. A project whose stamp shows nothing
 * changed since the last verified run costs a directory listing; only the others load the merge
 * machinery, and when they have much to read, a pool of worker threads reads it.
 */
export async function rebuildProjects(
  projectDirs: string[],
  command: RebuildOptions,
  onProject: (done: number, total: number, dir: string) => void,
  /** Listings the caller already made (the stale pass): not made again. */
  knownListings?: ReadonlyMap<string, SessionListing>,
): Promise<ProjectReport[]> {
  const { configRoot, dryRun } = command;
  const { reports, pending } = verifiedPass(projectDirs, configRoot, dryRun, knownListings);
  if (pending.length === 0) return reports;

  const { rebuildProject } = await import("../rebuild/rebuild-project.ts");
  const { TranscriptCache } = await import("../transcript/transcript-cache.ts");
  const cache = TranscriptCache.under(configRoot, { writable: !dryRun });
  const workers = command.workerScript
    ? new WorkerDemand(await import("../transcript/derivation-pool.ts"), {
        workerScript: command.workerScript,
        configRoot,
        writableCache: !dryRun,
      })
    : null;
  workers?.expectToRead(bytesSureToBeRead(pending, cache));
  let done = projectDirs.length - pending.length;
  const rebuildOne = async ({ slot, projectDir, listing }: (typeof pending)[number]) => {
    const report = await rebuildProject(
      projectDir,
      {
        dryRun,
        cache,
        pool: workers && ((needed) => workers.poolFor(needed)),
        now: command.now,
        lockStaleMs: command.lockStaleMs,
      },
      listing,
    );
    if (report.verified && listing && !dryRun)
      writeStamp(configRoot, projectDir, listing, report.verified.index, report.verified.entries);
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

/** A project the verified pass could not vouch for: it goes through the merge. */
export interface PendingProject {
  slot: number;
  projectDir: string;
  listing: SessionListing | undefined;
}

/**
 * The stat pass of a rebuild: a directory listing per project, and the report "unchanged" for each
 * whose verified stamp still holds. The others are pending (in `reports`, their slots stay empty).
 * Loads nothing: `claude-reindex rebuild --all` runs it alone first (dist/rebuild-unchanged.cjs).
 */
export function verifiedPass(
  projectDirs: string[],
  configRoot: string,
  dryRun: boolean,
  knownListings?: ReadonlyMap<string, SessionListing>,
  /** The projects, by directory name, as a tree listing taken at the start of the run has them. */
  listed?: ReadonlyMap<string, ListedProject>,
): { reports: ProjectReport[]; pending: PendingProject[] } {
  const reports: ProjectReport[] = new Array(projectDirs.length);
  const pending: PendingProject[] = [];
  for (const [slot, projectDir] of projectDirs.entries()) {
    const indexPath = indexPathOf(projectDir);
    const listedProject = listed?.get(path.basename(projectDir));
    let listing = knownListings?.get(projectDir) ?? listedProject?.sessions;
    try {
      listing ??= listSessionFiles(projectDir);
    } catch {
      // rebuildProject reports the listing error in its words.
    }
    const index = listing === listedProject?.sessions ? listedProject?.index : undefined;
    const entries = listing && !dryRun ? verifiedEntries(configRoot, projectDir, indexPath, listing, index) : null;
    if (entries !== null) reports[slot] = unchangedReport(projectDir, indexPath, entries);
    else pending.push({ slot, projectDir, listing });
  }
  return { reports, pending };
}

/**
 * The bytes of the pending projects' transcripts that the run will read whole, whatever they hold:
 * those of projects with neither an index nor a saved parse state (a first run, or one after the
 * caches and indexes were deleted). Other projects may need little reading, or none.
 */
export function bytesSureToBeRead(pending: readonly PendingProject[], cache: TranscriptCache): number {
  let bytes = 0;
  for (const { projectDir, listing } of pending) {
    if (listing === undefined || fs.existsSync(indexPathOf(projectDir)) || cache.hasStatesFor(projectDir)) continue;
    for (const file of listing.sessions.values()) bytes += file.size;
  }
  return bytes;
}

/**
 * Starts the worker pool once the run has read enough to be worth it (the two workers take 60–90 ms
 * to start, what reading 70–100 MB takes on one thread), or at once when it is sure to (see
 * bytesSureToBeRead), and uses it only for projects with several transcripts to read: one transcript
 * cannot be split, and after an append its saved state holds most of it.
 */
export class WorkerDemand {
  static readonly START_AFTER_BYTES = 64 * 1024 * 1024;
  private bytesNeeded = 0;
  private bytesSure = 0;
  private pool: DerivationPool | null = null;

  constructor(
    private readonly poolModule: typeof import("../transcript/derivation-pool.ts"),
    private readonly options: PoolOptions,
  ) {}

  /** Bytes the run is sure to read (bytesSureToBeRead): when enough, the pool starts with the first project. */
  expectToRead(bytes: number): void {
    this.bytesSure = bytes;
  }

  poolFor(needed: SessionFile[]): DerivationPool | null {
    this.bytesNeeded += needed.reduce((sum, file) => sum + file.size, 0);
    const enough = Math.max(this.bytesNeeded, this.bytesSure) >= WorkerDemand.START_AFTER_BYTES;
    if (needed.length < 2 || (this.pool === null && !enough)) return null;
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

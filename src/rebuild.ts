import fs from "node:fs";
import path from "node:path";
import { DEFAULT_LOCK, LockBusyError, type LockOptions } from "./index-lock.ts";
import { mergeIndex, type EntryChange, type MergePlan } from "./index-merge.ts";
import { commitIndex } from "./index-store.ts";
import { listSessionFiles, sessionFilePath, type SessionFile, type SessionListing } from "./session-file.ts";
import { indexPathOf, readIndex, type IndexEnvelope } from "./session-index.ts";
import { deriveTranscript, type TranscriptDerivation } from "./transcript.ts";
import type { TranscriptCache } from "./transcript-cache.ts";

export interface RebuildOptions {
  dryRun: boolean;
  cache: TranscriptCache | null;
  lock?: LockOptions;
  now: () => Date;
}

export type ProjectStatus =
  /** The index was written. */
  | "written"
  /** The index already matched the transcripts: nothing was written. */
  | "unchanged"
  /** Dry run: the index would be written. */
  | "would-write"
  /** No transcript gives an entry and there is no index: nothing to write. */
  | "empty"
  /** The index could not be written (see `problem`). */
  | "failed";

export interface ProjectReport {
  projectDir: string;
  indexPath: string;
  status: ProjectStatus;
  added: number;
  updated: number;
  removed: number;
  kept: number;
  changes: EntryChange[];
  skipped: { path: string; reason: string }[];
  /** Where an unusable index was moved before it was rebuilt. */
  backup: string | null;
  problem: string | null;
}

/** Merges one project's index with its transcripts and writes it when anything changed. */
export async function rebuildProject(projectDir: string, options: RebuildOptions): Promise<ProjectReport> {
  const indexPath = indexPathOf(projectDir);
  const report = emptyReport(projectDir, indexPath);
  let listing: SessionListing;
  try {
    listing = listSessionFiles(projectDir);
  } catch (error) {
    return failed(report, `cannot list ${projectDir}: ${(error as Error).message}`);
  }
  report.skipped.push(...listing.unreadable);

  const first = readIndex(indexPath);
  if (first.kind === "unsupported-version") return failed(report, versionProblem(indexPath, first.version));
  if (first.kind === "unreadable") return failed(report, `cannot read ${indexPath}: ${first.reason}`);

  const derivations = new Map<string, TranscriptDerivation>();
  const derive = (file: SessionFile) => {
    let derivation = derivations.get(file.sessionId);
    if (derivation === undefined) {
      derivation = deriveTranscript(file, options.cache);
      derivations.set(file.sessionId, derivation);
    }
    return derivation;
  };
  const plan = (current: IndexEnvelope | null): MergePlan =>
    mergeIndex({
      current,
      projectDirName: path.basename(projectDir),
      sessions: listing.sessions,
      derive,
      transcriptExists: (sessionId) => fs.existsSync(sessionFilePath(projectDir, sessionId)),
    });

  const firstPlan = plan(first.kind === "ok" ? first.index : null);
  options.cache?.prune(projectDir, new Set(listing.sessions.keys()));
  const mustReplace = first.kind === "invalid";
  if (!firstPlan.changed && !mustReplace) {
    return withPlan(report, firstPlan, first.kind === "missing" ? "empty" : "unchanged");
  }
  if (options.dryRun) return withPlan(report, firstPlan, "would-write");

  try {
    const result = await commitIndex(indexPath, plan, { lock: options.lock ?? DEFAULT_LOCK, now: options.now });
    if (result.kind === "refused") {
      const { read } = result;
      return failed(report, read.kind === "unsupported-version" ? versionProblem(indexPath, read.version) : `cannot read ${indexPath}: ${read.reason}`);
    }
    if (result.kind === "unchanged") return withPlan(report, result.plan, "unchanged");
    report.backup = result.backup;
    return withPlan(report, result.plan, "written");
  } catch (error) {
    if (error instanceof LockBusyError) return failed(report, `${indexPath} is locked by another process; try again`);
    const { code, message } = error as NodeJS.ErrnoException;
    return failed(report, `cannot write ${indexPath}: ${code ? `${code}: ` : ""}${message}`);
  }
}

function versionProblem(indexPath: string, version: unknown): string {
  return `${indexPath} has version ${JSON.stringify(version)}, not 1: left untouched (a newer Claude Code wrote it?)`;
}

function emptyReport(projectDir: string, indexPath: string): ProjectReport {
  return { projectDir, indexPath, status: "unchanged", added: 0, updated: 0, removed: 0, kept: 0, changes: [], skipped: [], backup: null, problem: null };
}

function failed(report: ProjectReport, problem: string): ProjectReport {
  return { ...report, status: "failed", problem };
}

function withPlan(report: ProjectReport, plan: MergePlan, status: ProjectStatus): ProjectReport {
  const count = (change: EntryChange["change"]) => plan.changes.filter((c) => c.change === change).length;
  return {
    ...report,
    status,
    added: count("added"),
    updated: count("updated"),
    removed: count("removed"),
    kept: plan.kept,
    changes: plan.changes,
    skipped: [...report.skipped, ...plan.skipped.map(({ path: p, reason }) => ({ path: p, reason }))],
  };
}

export interface RebuildProgress {
  project(done: number, total: number, projectDir: string): void;
  finish(): void;
}

/** Rebuilds projects one after the other, in the order given. */
export async function rebuildProjects(projectDirs: string[], options: RebuildOptions, progress?: RebuildProgress): Promise<ProjectReport[]> {
  const reports: ProjectReport[] = [];
  try {
    for (const [i, projectDir] of projectDirs.entries()) {
      progress?.project(i, projectDirs.length, projectDir);
      reports.push(await rebuildProject(projectDir, options));
    }
  } finally {
    progress?.finish();
  }
  return reports;
}

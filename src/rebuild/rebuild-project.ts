// Rebuilds one project's index: reads it, derives the entries it cannot trust, merges, and commits under
// the lock; every expected failure is a report with a one-line problem, not an exception.
import fs from "node:fs";
import path from "node:path";
import type { IndexFileStat } from "../layout/project-stamp.ts";
import {
  listSessionFiles,
  type SessionFile,
  type SessionListing,
  sessionFilePath,
  sessionIdOfFileName,
} from "../layout/session-file.ts";
import { DEFAULT_LOCK, LockBusyError, LockLostError, type LockOptions } from "../sessions-index/index-lock.ts";
import { type EntryChange, isTrusted, type MergePlan, mergeIndex } from "../sessions-index/index-merge.ts";
import { commitIndex, type IndexWriter } from "../sessions-index/index-store.ts";
import { type IndexEnvelope, indexPathOf, readIndex } from "../sessions-index/session-index.ts";
import { PlaceChangedError, PlaceGuard } from "../system/place-guard.ts";
import { errorText } from "../text/error-text.ts";
import type { DerivationPool } from "../transcript/derivation-pool.ts";
import { deriveTranscript, type TranscriptDerivation } from "../transcript/transcript.ts";
import type { TranscriptCache } from "../transcript/transcript-cache.ts";
import { type ProjectReport, type ProjectStatus, unchangedReport } from "./project-report.ts";

export interface RebuildOptions {
  dryRun: boolean;
  cache: TranscriptCache | null;
  /**
   * Worker threads for reading the transcripts a project needs read, or null to read them on
   * this thread (the caller decides from how much the whole run reads).
   */
  pool?: ((needed: SessionFile[]) => DerivationPool | null) | null;
  lock?: LockOptions;
  now: () => Date;
  /**
   * Merge only this transcript's entry (a hook's session); other entries stay as they are,
   * except those whose transcript is gone.
   */
  only?: SessionFile;
  /** How the index file is written; a test injects disk faults here. */
  write?: IndexWriter;
  /** Overrides the stale-lock timeout (CLAUDE_REINDEX_LOCK_STALE_MS). */
  lockStaleMs?: number;
}

export type { ProjectReport, ProjectStatus } from "./project-report.ts";

/**
 * Merges one project's index with its transcripts and writes it when anything changed.
 * `listing` is the project's directory listing when the caller already made it.
 */
export async function rebuildProject(
  projectDir: string,
  options: RebuildOptions,
  knownListing?: SessionListing,
): Promise<ProjectReport> {
  const indexPath = indexPathOf(projectDir);
  const report = unchangedReport(projectDir, indexPath, 0);
  // projects/ as it resolves now; below it, neither the project directory nor the index may be a link,
  // checked again right before the lock is taken and right before the new index is renamed into place.
  const place = new PlaceGuard(path.dirname(projectDir));
  const linked = place.problemWith(indexPath);
  if (linked !== null) return failed(report, linked);
  const first = readIndex(indexPath);
  if (first.kind === "unsupported-version") return failed(report, versionProblem(indexPath, first.version));
  if (first.kind === "unreadable") return failed(report, `cannot read ${indexPath}: ${first.reason}`);

  // A merge of one session widens to the whole project when the index misses any transcript
  // (Claude Code up to 2.1.29 overwrites it from a stale snapshot): a hook heals that at once.
  const only =
    options.only && first.kind === "ok" && !missesTranscripts(projectDir, first.index) ? options.only : undefined;
  let listing: SessionListing;
  try {
    listing = only
      ? { sessions: new Map([[only.sessionId, only]]), unreadable: [] }
      : (knownListing ?? listSessionFiles(projectDir));
  } catch (error) {
    return failed(report, `cannot list ${projectDir}: ${errorText(error)}`);
  }
  for (const unreadable of listing.unreadable) report.skipped.push(unreadable);

  const nowMs = options.now().getTime();
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
      nowMs,
    });

  const needed = needsReading(first.kind === "ok" ? first.index : null, listing.sessions, nowMs);
  const pool = options.pool?.(needed);
  if (pool) {
    // Read in parallel what the merge will ask for; it then finds every derivation ready. What a worker
    // could not deliver is read on this thread by the merge.
    const results = await Promise.all(needed.map((file) => pool.derive(file).catch(() => null)));
    for (const [i, file] of needed.entries()) if (results[i]) derivations.set(file.sessionId, results[i]);
  }
  const firstPlan = plan(first.kind === "ok" ? first.index : null);
  // A merge of one session saw only that transcript: it can neither prune nor vouch for the rest.
  if (!only) options.cache?.prune(projectDir, new Set(listing.sessions.keys()));
  const verified = (plan: MergePlan, index: IndexFileStat | null) =>
    !only && accountsForAll(plan, listing, derivations, nowMs) ? { index, entries: plan.index.entries.length } : null;
  const mustReplace = first.kind === "invalid";
  if (!firstPlan.changed && !mustReplace) {
    const status = first.kind === "missing" ? "empty" : "unchanged";
    return {
      ...withPlan(report, firstPlan, status),
      verified: verified(firstPlan, first.kind === "ok" ? first.stat : null),
    };
  }
  if (options.dryRun) return withPlan(report, firstPlan, "would-write");

  try {
    const lock = {
      ...(options.lock ?? DEFAULT_LOCK),
      ...(options.lockStaleMs ? { staleMs: options.lockStaleMs } : {}),
    };
    const result = await commitIndex(indexPath, plan, {
      lock,
      now: options.now,
      write: options.write,
      checkPlace: () => place.check(indexPath),
    });
    if (result.kind === "refused") {
      const { read } = result;
      return failed(
        report,
        read.kind === "unsupported-version"
          ? versionProblem(indexPath, read.version)
          : `cannot read ${indexPath}: ${read.reason}`,
      );
    }
    const stamp = result.stat === null ? null : verified(result.plan, result.stat);
    if (result.kind === "unchanged") return { ...withPlan(report, result.plan, "unchanged"), verified: stamp };
    report.backup = result.backup;
    return { ...withPlan(report, result.plan, "written"), verified: stamp };
  } catch (error) {
    if (error instanceof PlaceChangedError) return failed(report, error.message);
    if (error instanceof LockBusyError) return failed(report, `${indexPath} is locked by another process; try again`);
    if (error instanceof LockLostError)
      return failed(report, `${indexPath}: the lock was taken over again and again while writing; try again`);
    return failed(report, `cannot write ${indexPath}: ${errorText(error)}`);
  }
}

/** Whether a UUID-named transcript in the directory has no entry: names only, no stat. */
function missesTranscripts(projectDir: string, index: IndexEnvelope): boolean {
  const indexed = entriesBySessionId(index.entries);
  return fs.readdirSync(projectDir).some((name) => {
    const sessionId = sessionIdOfFileName(name);
    return sessionId !== null && !indexed.has(sessionId);
  });
}

/** Entries by their `sessionId`, the first of duplicates (the one the merge keeps). */
function entriesBySessionId(entries: unknown[]): Map<unknown, unknown> {
  const byId = new Map<unknown, unknown>();
  for (const entry of entries) {
    const id = (entry as { sessionId?: unknown } | null)?.sessionId;
    if (!byId.has(id)) byId.set(id, entry);
  }
  return byId;
}

/** Transcripts whose entry the merge cannot take from the index as it is. */
function needsReading(
  current: IndexEnvelope | null,
  sessions: ReadonlyMap<string, SessionFile>,
  nowMs: number,
): SessionFile[] {
  const entries = entriesBySessionId(current?.entries ?? []);
  return [...sessions.values()].filter((file) => !isTrusted(entries.get(file.sessionId), file, nowMs));
}

/** Every listed transcript has an entry it can trust in the planned index, or gives no entry. */
function accountsForAll(
  plan: MergePlan,
  listing: SessionListing,
  derivations: Map<string, TranscriptDerivation>,
  nowMs: number,
): boolean {
  if (listing.unreadable.length > 0) return false;
  const entries = entriesBySessionId(plan.index.entries);
  for (const file of listing.sessions.values()) {
    if (isTrusted(entries.get(file.sessionId), file, nowMs)) continue;
    const kind = derivations.get(file.sessionId)?.kind;
    if (kind !== "no-entry" && kind !== "fails") return false;
  }
  return true;
}

function versionProblem(indexPath: string, version: unknown): string {
  return `${indexPath} has version ${JSON.stringify(version)}, not 1: left untouched (a newer Claude Code wrote it?)`;
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

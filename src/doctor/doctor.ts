// Diagnosis of one project, read-only: what `rebuild` would change in its index and why, and the
// sessions that the pickers of Claude Code 2.1.30+ hide or mistitle, as findings with their fix.
import fs from "node:fs";
import path from "node:path";
import { HIDDEN_REASONS, type HiddenReason } from "../catalog/resume-visibility.ts";
import type { SessionRow } from "../catalog/session-record.ts";
import {
  isFutureMtime,
  listSessionFiles,
  type SessionFile,
  type SessionListing,
  sessionFilePath,
} from "../layout/session-file.ts";
import { type EntryChange, mergeIndex } from "../sessions-index/index-merge.ts";
import { indexPathOf, readIndex } from "../sessions-index/session-index.ts";
import { formatDuration } from "../text/duration.ts";
import { errorText } from "../text/error-text.ts";
import { shellQuote } from "../text/shell-quote.ts";
import { deriveTranscript, type TranscriptDerivation } from "../transcript/transcript.ts";
import type { TranscriptCache } from "../transcript/transcript-cache.ts";

export type FindingKind =
  | "index-missing"
  | "index-invalid"
  | "index-unreadable"
  | "index-version"
  | "index-lagging"
  | "sessions-missing"
  | "entries-stale"
  | "entries-invalid"
  | "entries-elsewhere"
  | "entries-gone"
  | "entries-duplicate"
  | "transcripts-unreadable"
  | "transcripts-future"
  | "project-unreadable"
  | "picker-hidden"
  | "home-mismatch"
  | "config-dir-missing"
  | "config-dir-empty"
  | "sessions-elsewhere"
  | "project-split"
  | "project-moved"
  | "sessions-outside-projects"
  | "cleanup-due";

export interface Finding {
  kind: FindingKind;
  message: string;
  /** The command that fixes it, when one does. */
  fix: string | null;
}

export interface ProjectDiagnosis {
  projectDir: string;
  indexPath: string;
  sessions: number;
  entries: number;
  /**
   * How far the index lags: the newest transcript it misses (or holds a stale entry for) against
   * the newest transcript it knows (its largest `fileMtime`).
   */
  lagMs: number | null;
  findings: Finding[];
  /** Sessions Claude Code 2.1.330+'s /resume hides in their own directory, by reason. */
  hidden: Partial<Record<HiddenReason, string[]>>;
}

/** Read-only: what `rebuild` would change in one project, and why, as findings for a person. */
export function diagnoseProject(
  projectDir: string,
  cache: TranscriptCache | null,
  nowMs: number,
  rows: SessionRow[] = [],
): ProjectDiagnosis {
  const indexPath = indexPathOf(projectDir);
  const diagnosis: ProjectDiagnosis = {
    projectDir,
    indexPath,
    sessions: 0,
    entries: 0,
    lagMs: null,
    findings: [],
    hidden: {},
  };
  const fix = `claude-reindex rebuild --project ${shellQuote(projectDir)}`;
  const add = (kind: FindingKind, message: string, command: string | null = fix) =>
    diagnosis.findings.push({ kind, message, fix: command });

  let listing: SessionListing;
  try {
    listing = listSessionFiles(projectDir);
  } catch (error) {
    add("project-unreadable", `cannot list the project directory: ${errorText(error)}`, null);
    return diagnosis;
  }
  diagnosis.sessions = listing.sessions.size;
  if (listing.unreadable.length > 0) {
    add(
      "transcripts-unreadable",
      `${count(listing.unreadable.length, "transcript")} cannot be read ` +
        `(${listing.unreadable[0]!.path}): check their permissions`,
      null,
    );
  }

  const future = [...listing.sessions.values()].filter((file) => isFutureMtime(file.mtime, nowMs));
  if (future.length > 0) {
    const ahead = future.reduce((most, file) => Math.max(most, file.mtime - nowMs), 0);
    add(
      "transcripts-future",
      `${count(future.length, "transcript")} modified in the future (up to ` +
        `${formatDuration(ahead)} ahead: a clock that was wrong, or a copy); their ` +
        `entries are derived again until the clock passes them`,
      future.length <= 3
        ? `touch -c ${future.map((file) => shellQuote(file.path)).join(" ")}`
        : `find ${shellQuote(projectDir)} -maxdepth 1 -name '*.jsonl' -newermt now -exec touch -c {} +`,
    );
  }

  const read = readIndex(indexPath);
  if (read.kind === "unsupported-version") {
    add(
      "index-version",
      `the index has version ${JSON.stringify(read.version)}, not 1; claude-reindex leaves it untouched`,
      `mv ${shellQuote(indexPath)} ${shellQuote(`${indexPath}.v${String(read.version)}`)} && ${fix}`,
    );
    return diagnosis;
  }
  if (read.kind === "unreadable") {
    add("index-unreadable", `cannot read the index: ${read.reason}`, null);
    return diagnosis;
  }
  if (read.kind === "ok") diagnosis.entries = read.index.entries.length;

  const derivations = new Map<string, TranscriptDerivation>();
  const plan = mergeIndex({
    current: read.kind === "ok" ? read.index : null,
    projectDirName: path.basename(projectDir),
    sessions: listing.sessions,
    derive: (file) => {
      const derivation = deriveTranscript(file, cache);
      derivations.set(file.sessionId, derivation);
      return derivation;
    },
    transcriptExists: (sessionId) => fs.existsSync(sessionFilePath(projectDir, sessionId)),
    nowMs,
  });

  if (read.kind === "missing") {
    if (plan.changed) add("index-missing", `no index, and ${count(plan.changes.length, "session")} to list`);
    addHiddenSessions(diagnosis, rows, add);
    return diagnosis;
  }
  if (read.kind === "invalid") {
    add("index-invalid", `the index is unusable (${read.reason}); rebuild moves it aside and writes a new one`);
    addHiddenSessions(diagnosis, rows, add);
    return diagnosis;
  }

  const changed = (predicate: (c: EntryChange) => boolean) => plan.changes.filter(predicate);
  const missing = changed((c) => c.change === "added");
  const stale = changed((c) => c.change === "updated" && c.reason === "transcript is newer");
  const invalid = changed((c) => c.change === "updated" && c.reason === "entry is invalid");
  const elsewhere = changed((c) => c.change === "updated" && c.reason === "entry is for another path");
  const gone = changed((c) => c.change === "removed" && c.reason === "transcript is gone");
  const duplicate = changed((c) => c.change === "removed" && c.reason !== "transcript is gone");

  const behind = [...missing, ...stale]
    .map((c) => listing.sessions.get(c.sessionId!))
    .filter((f): f is SessionFile => f !== undefined);
  // Folded, not Math.max(...list): a project can hold more sessions than a call takes arguments.
  const newestKnown = read.index.entries.reduce<number | null>((newest, e) => {
    const mtime = (e as { fileMtime?: unknown } | null)?.fileMtime;
    return typeof mtime === "number" && (newest === null || mtime > newest) ? mtime : newest;
  }, null);
  if (behind.length > 0) {
    const newestMissed = behind.reduce((newest, f) => Math.max(newest, f.mtime), Number.NEGATIVE_INFINITY);
    diagnosis.lagMs = Math.max(0, newestMissed - (newestKnown ?? read.stat.mtimeMs));
    if (diagnosis.lagMs >= 1000)
      add("index-lagging", `the index is ${formatDuration(diagnosis.lagMs)} behind its newest transcript`);
  }
  if (missing.length > 0)
    add("sessions-missing", `${count(missing.length, "transcript")} without an entry (hidden from the resume picker)`);
  if (stale.length > 0) add("entries-stale", `${count(stale.length, "entry", "entries")} older than their transcript`);
  if (invalid.length > 0)
    add("entries-invalid", `${count(invalid.length, "entry", "entries")} that do not match the index format`);
  if (elsewhere.length > 0)
    add(
      "entries-elsewhere",
      `${count(elsewhere.length, "entry", "entries")} pointing at transcripts in ` +
        `another place (a copy from another machine or directory?)`,
    );
  if (gone.length > 0) add("entries-gone", `${count(gone.length, "entry", "entries")} whose transcript is gone`);
  if (duplicate.length > 0)
    add(
      "entries-duplicate",
      `${count(duplicate.length, "duplicate or unnamed entry", "duplicate or unnamed entries")}`,
    );
  addHiddenSessions(diagnosis, rows, add);
  return diagnosis;
}

/**
 * Sessions the latest release's /resume hides when run in their own directory, by reason. Those in
 * a directory Claude Code never reads for them need attention (a migrate fixes it); the others are
 * hidden by design (claude -p runs, continued sessions, …) and only counted.
 */
function addHiddenSessions(
  diagnosis: ProjectDiagnosis,
  rows: SessionRow[],
  add: (kind: FindingKind, message: string, command: string | null) => void,
): void {
  for (const row of rows) {
    for (const reason of row.hiddenFromResume)
      diagnosis.hidden[reason] = [...(diagnosis.hidden[reason] ?? []), row.sessionId];
  }
  const misplaced = rows.filter((row) => row.hiddenFromResume.includes("split-directory"));
  const target = misplaced.find((row) => row.projectPath !== null)?.projectPath;
  if (misplaced.length > 0 && target)
    add(
      "picker-hidden",
      `${count(misplaced.length, "session")} in a directory that Claude Code 2.1.330+ ` +
        `does not read for ${target} (claude-reindex why ${misplaced[0]!.sessionId})`,
      `claude-reindex migrate --from ${shellQuote(diagnosis.projectDir)} --project ${shellQuote(target)}`,
    );
}

/** "3 programmatic, 1 continued": the hidden sessions of one project by reason. */
export function hiddenSummary(hidden: ProjectDiagnosis["hidden"]): string {
  return HIDDEN_REASONS.filter((reason) => hidden[reason]?.length)
    .map((reason) => `${hidden[reason]!.length} ${reason}`)
    .join(", ");
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

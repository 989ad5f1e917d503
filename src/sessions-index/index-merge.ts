// The merge of an index with the entries derived from the transcripts on disk: never drops an entry
// whose transcript exists, re-derives only entries it cannot trust, keeps every key it does not own.
import { encodeProjectDirName } from "../layout/project-dir.ts";
import { isFutureMtime, type SessionFile } from "../layout/session-file.ts";
import { stringifyJson } from "../system/json-text.ts";
import { ENTRY_KEYS, type SessionEntry } from "../transcript/session-entry.ts";
import type { TranscriptDerivation } from "../transcript/transcript.ts";
import { INDEX_VERSION, IndexEntrySchema, type IndexEnvelope } from "./session-index.ts";

export type EntryChange =
  | { sessionId: string; change: "added" }
  | {
      sessionId: string;
      change: "updated";
      reason: "transcript is newer" | "entry is invalid" | "entry is for another path";
    }
  | { sessionId: string; change: "removed"; reason: "transcript is gone" | "duplicate entry" }
  | { sessionId: null; change: "removed"; reason: "entry has no session id" };

export interface MergePlan {
  /** The index to write: the current file's keys and order, with entries merged. */
  index: Record<string, unknown> & { entries: unknown[] };
  changes: EntryChange[];
  kept: number;
  /** Transcripts that give no entry, with the reason (sessions Claude Code cannot show either). */
  skipped: { sessionId: string; path: string; reason: string }[];
  changed: boolean;
}

export interface MergeInput {
  /** The index on disk, or null when there is none (or it was unusable and is being replaced). */
  current: IndexEnvelope | null;
  projectDirName: string;
  /** UUID transcripts of the project, in directory order. */
  sessions: ReadonlyMap<string, SessionFile>;
  /** Derives (or returns the already derived) entry of a transcript. */
  derive: (file: SessionFile) => TranscriptDerivation;
  /** For entries whose transcript appeared after the listing: does it exist now? */
  transcriptExists: (sessionId: string) => boolean;
  /** The current time: an entry derived from a transcript whose mtime lay in the future is derived again. */
  nowMs: number;
}

type RawEntry = Record<string, unknown>;

/**
 * Whether an entry can be kept without reading its transcript: valid, for this very file, and
 * derived from it at its current mtime or later. This is Claude Code's own rule
 * (`mtime <= fileMtime`), plus validity, plus a `fullPath` check for copies from other hosts, plus a
 * clock check: an entry whose `fileMtime` lies in the future was derived while the transcript's mtime
 * was (a wrong clock, a copy); once the clock is right, appends give mtimes below it that this rule would
 * never see, so such an entry is derived again.
 */
export function isTrusted(entry: unknown, file: SessionFile, nowMs: number): boolean {
  if (!IndexEntrySchema.safeParse(entry).success) return false;
  const { fullPath, fileMtime } = entry as { fullPath: string; fileMtime: number };
  return fullPath === file.path && file.mtime <= fileMtime && !isFutureMtime(fileMtime, nowMs);
}

/**
 * Merges the index with the transcripts on disk. Never drops an entry whose transcript exists;
 * re-derives an entry only when it is not trusted; keeps every key it does not own.
 */
export function mergeIndex(input: MergeInput): MergePlan {
  const { current, sessions, derive } = input;
  const changes: EntryChange[] = [];
  const skipped: MergePlan["skipped"] = [];
  const entries: unknown[] = [];
  const seen = new Set<string>();
  let kept = 0;

  const deriveEntry = (file: SessionFile): SessionEntry | null => {
    const derivation = derive(file);
    if (derivation.kind === "entry") return derivation.entry;
    skipped.push({ sessionId: file.sessionId, path: file.path, reason: derivation.reason });
    return null;
  };

  for (const raw of current?.entries ?? []) {
    const sessionId = (raw as RawEntry | null)?.sessionId;
    if (typeof sessionId !== "string") {
      changes.push({ sessionId: null, change: "removed", reason: "entry has no session id" });
      continue;
    }
    if (seen.has(sessionId)) {
      changes.push({ sessionId, change: "removed", reason: "duplicate entry" });
      continue;
    }
    seen.add(sessionId);
    const file = sessions.get(sessionId);
    if (file === undefined) {
      if (input.transcriptExists(sessionId)) {
        entries.push(raw);
        kept++;
      } else {
        changes.push({ sessionId, change: "removed", reason: "transcript is gone" });
      }
      continue;
    }
    const derived = isTrusted(raw, file, input.nowMs) ? null : deriveEntry(file);
    if (derived === null || !isNewer(derived, raw, input.nowMs)) {
      entries.push(raw);
      kept++;
      continue;
    }
    const merged = withForeignKeys(derived, raw as RawEntry);
    entries.push(merged);
    if (stringifyJson(merged) === stringifyJson(raw)) kept++;
    else changes.push({ sessionId, change: "updated", reason: updateReason(raw, file) });
  }

  for (const file of sessions.values()) {
    if (seen.has(file.sessionId)) continue;
    const derived = deriveEntry(file);
    if (derived === null) continue;
    entries.push(derived);
    changes.push({ sessionId: file.sessionId, change: "added" });
  }

  const index = current === null ? freshIndex(entries, input.projectDirName) : { ...current, entries };
  if (index.originalPath === undefined) {
    const originalPath = chooseOriginalPath(input.projectDirName, entries);
    if (originalPath !== undefined) index.originalPath = originalPath;
  }
  const changed =
    current === null ? entries.length > 0 : changes.length > 0 || index.originalPath !== current.originalPath;
  return { index, changes, kept, skipped, changed };
}

function updateReason(
  raw: unknown,
  file: SessionFile,
): "transcript is newer" | "entry is invalid" | "entry is for another path" {
  if (!IndexEntrySchema.safeParse(raw).success) return "entry is invalid";
  return (raw as RawEntry).fullPath === file.path ? "transcript is newer" : "entry is for another path";
}

/**
 * A derived entry replaces an invalid one, a valid one derived from an older file, or one whose
 * `fileMtime` lies in the future (the transcript's mtime then was wrong; the derivation is of today).
 */
function isNewer(derived: SessionEntry, raw: unknown, nowMs: number): boolean {
  if (!IndexEntrySchema.safeParse(raw).success) return true;
  const existing = raw as { fullPath: string; fileMtime: number };
  return (
    existing.fullPath !== derived.fullPath ||
    derived.fileMtime > existing.fileMtime ||
    (isFutureMtime(existing.fileMtime, nowMs) && derived.fileMtime !== existing.fileMtime)
  );
}

function withForeignKeys(derived: SessionEntry, existing: RawEntry): RawEntry {
  const merged: RawEntry = { ...derived };
  for (const key of Object.keys(existing)) {
    // defineProperty, not assignment: a key named `__proto__` stays a key instead of setting the prototype.
    if (!(ENTRY_KEYS as readonly string[]).includes(key))
      Object.defineProperty(merged, key, {
        value: existing[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return merged;
}

function freshIndex(entries: unknown[], projectDirName: string): MergePlan["index"] {
  const index: MergePlan["index"] = { version: INDEX_VERSION, entries };
  const originalPath = chooseOriginalPath(projectDirName, entries);
  if (originalPath !== undefined) index.originalPath = originalPath;
  return index;
}

/**
 * The project's working directory, which Claude Code records as `originalPath`: the entries'
 * `projectPath` that encodes to this directory's name (most common first), else the most common.
 */
export function chooseOriginalPath(projectDirName: string, entries: unknown[]): string | undefined {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const projectPath = (entry as RawEntry | null)?.projectPath;
    if (typeof projectPath === "string") counts.set(projectPath, (counts.get(projectPath) ?? 0) + 1);
  }
  const byCount = [...counts].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  const uncut = (p: string) => p.replace(/[^a-zA-Z0-9]/g, "-");
  return byCount.find((p) => encodeProjectDirName(p) === projectDirName || uncut(p) === projectDirName) ?? byCount[0];
}

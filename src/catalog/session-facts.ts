// What the catalog keeps about one transcript, read afresh: 2.1.29's index entry (taken from the
// project's index when it is still trusted, else derived, resuming from the transcript cache) and
// the latest release's resume view. Loaded only when some transcript changed: it brings zod along.
import type { SessionFile } from "../layout/session-file.ts";
import { isTrusted } from "../sessions-index/index-merge.ts";
import { indexPathOf, readIndex } from "../sessions-index/session-index.ts";
import { deriveTranscript } from "../transcript/transcript.ts";
import type { TranscriptCache } from "../transcript/transcript-cache.ts";
import { archivedState } from "./archive-mark.ts";
import { readWindows, resumeView } from "./resume-view.ts";
import type { SessionFacts } from "./session-record.ts";

export interface FactsReader {
  /** `hasFolder`: whether the project directory holds a `<uuid>` folder (or link) for it, where sidecars are. */
  factsOf(file: SessionFile, hasFolder: boolean): SessionFacts;
}

/** Reads facts of one project's transcripts, looking at its index once. */
export function factsReader(
  projectDir: string,
  cache: TranscriptCache | null,
  /** An entry derived from a transcript whose mtime lay past this is not trusted (index-merge's isTrusted). */
  nowMs: number = Date.now(),
): FactsReader {
  let entries: Map<string, unknown> | null = null;
  let originalPath: string | undefined;
  const indexed = () => {
    if (entries === null) {
      entries = new Map();
      const read = readIndex(indexPathOf(projectDir));
      if (read.kind === "ok") {
        originalPath = typeof read.index.originalPath === "string" ? read.index.originalPath : undefined;
        for (const entry of read.index.entries) {
          const id = (entry as { sessionId?: unknown } | null)?.sessionId;
          if (typeof id === "string" && !entries.has(id)) entries.set(id, entry);
        }
      }
    }
    return entries;
  };
  return {
    factsOf(file, hasFolder) {
      const windows = readWindows(file.path);
      const view = windows === null ? null : resumeView(file.path, file.sessionId, windows, hasFolder);
      if (view !== null && windows !== null && hasFolder) {
        const archived = archivedState(file.path, file.sessionId, windows);
        if (archived !== undefined) view.archived = archived;
      }
      // Kept for a row: what rows show or hiding needs (the SDK's own firstPrompt and createdAt are not).
      if (view !== null) {
        delete view.firstPrompt;
        delete view.createdAt;
      }
      const known = indexed().get(file.sessionId);
      let entry: Record<string, unknown> | null = null;
      let fails = false;
      if (isTrusted(known, file, nowMs)) entry = known as Record<string, unknown>;
      else {
        const derivation = deriveTranscript(file, cache);
        if (derivation.kind === "entry") entry = derivation.entry as unknown as Record<string, unknown>;
        else fails = derivation.kind === "fails";
      }
      const text = (value: unknown) => (typeof value === "string" ? value : undefined);
      return {
        mtime: file.mtime,
        size: file.size,
        view,
        entry:
          entry === null
            ? null
            : {
                firstPrompt: text(entry.firstPrompt) ?? "No prompt",
                messageCount: typeof entry.messageCount === "number" ? entry.messageCount : 0,
                created: text(entry.created),
                modified: text(entry.modified),
                gitBranch: text(entry.gitBranch),
                projectPath: text(entry.projectPath),
              },
        // A transcript 2.1.29 fails on still holds messages: it is a session, just not indexable.
        hasMessages: entry !== null || fails || view?.hasMessages === true,
        folderMtime: null,
        ...(originalPath === undefined ? {} : { originalPath }),
      };
    },
  };
}

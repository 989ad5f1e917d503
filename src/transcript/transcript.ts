// One transcript, start to finish: opened without following links, resumed from the cache when it can
// be, read, and derived into the entry Claude Code would write.
import fs from "node:fs";
import { describeFileError, openRegularFile } from "../system/regular-file.ts";
import { type Derivation, deriveEntry, type TranscriptFile } from "./session-entry.ts";
import { REFRESH_AFTER_BYTES, type TranscriptCache } from "./transcript-cache.ts";
import { readLines, withTail } from "./transcript-reader.ts";
import { TranscriptState } from "./transcript-state.ts";

export type TranscriptDerivation =
  | Derivation
  /** The file could not be opened or read; Claude Code skips it too. */
  | { kind: "unreadable"; reason: string };

/**
 * Reads one transcript (resuming from a saved state when the cache has one) and derives the
 * index entry Claude Code would write for it.
 */
export function deriveTranscript(file: TranscriptFile, cache: TranscriptCache | null): TranscriptDerivation {
  let fd: number;
  try {
    // A regular file only, never waited on: a FIFO named like a transcript must not hang a rebuild.
    fd = openRegularFile(file.path).fd;
  } catch (error) {
    return { kind: "unreadable", reason: describeFileError(error) };
  }
  try {
    const size = fs.fstatSync(fd).size;
    const resume = cache?.load(file, fd, size) ?? null;
    const state = resume?.state ?? new TranscriptState(file.sessionId);
    const startOffset = resume?.offset ?? 0;
    const progress = readLines(fd, state, startOffset);
    if (cache && (resume === null || progress.committedOffset - startOffset >= REFRESH_AFTER_BYTES))
      cache.save(file, fd, state, progress.committedOffset);
    return deriveEntry(withTail(state, progress.tail), file);
  } catch (error) {
    return { kind: "unreadable", reason: describeFileError(error) };
  } finally {
    fs.closeSync(fd);
  }
}

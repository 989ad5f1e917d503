// Reading the lines of a transcript into a parse state, every byte once, in a buffer that grows to the
// longest line up to a limit: a longer line is read from the file in chunks (long-line.ts), so memory
// stays flat whatever a line's length, even in a file that never has a newline.
import fs from "node:fs";
import { lineBuffer } from "./line-scanner.ts";
import { readLongLine } from "./long-line.ts";
import { applyParsedLine, type ParsedLine, scanOrParseLine } from "./parsed-line.ts";
import type { TranscriptState } from "./transcript-state.ts";

const CHUNK_BYTES = 1 << 20;
/** A line that outgrows a buffer this large is read in chunks instead (long-line.ts). */
export const LONG_LINE_BYTES = 8 << 20;

/**
 * Reused from one transcript to the next (a fresh megabyte per file costs page faults), in the native line
 * walk's memory, where it reads lines without copying them.
 */
let readBuffer: Buffer | null = null;
const NEWLINE = 0x0a;

export interface ReadProgress {
  /** Offset just past the last newline read: every line before it is in the state. */
  committedOffset: number;
  /**
   * The bytes after the last newline (a line still being written, or torn by a crash, or a file that
   * never got a newline) as the derivation takes them, or null when there are none.
   */
  tail: ParsedLine | null;
}

/**
 * Feeds the lines of an open transcript, from `fromOffset` (a line start) to its current end, into
 * `state`. Every byte is read once; memory follows the longest line up to LONG_LINE_BYTES, and no
 * further.
 */
export function readLines(fd: number, state: TranscriptState, fromOffset: number): ReadProgress {
  let buffer = readBuffer ?? lineBuffer(CHUNK_BYTES);
  /** Valid bytes are buffer[lineStart, filled); buffer[0] is at file offset `bufferOffset`. */
  let bufferOffset = fromOffset;
  let lineStart = 0;
  let filled = 0;
  let scanFrom = 0;
  let tail: ParsedLine | null = null;
  for (;;) {
    const newline = buffer.indexOf(NEWLINE, scanFrom);
    if (newline !== -1 && newline < filled) {
      applyLine(state, buffer, lineStart, newline);
      lineStart = newline + 1;
      scanFrom = lineStart;
      continue;
    }
    // No complete line left: keep the partial one, make room after it, read more.
    if (lineStart > 0) {
      buffer.copyWithin(0, lineStart, filled);
      bufferOffset += lineStart;
      filled -= lineStart;
      lineStart = 0;
    }
    if (filled === buffer.length) {
      if (buffer.length >= LONG_LINE_BYTES) {
        // One line fills the whole buffer: read it from the file instead of holding it.
        const long = readLongLine(fd, bufferOffset, buffer.subarray(0, filled));
        if (long.next === null) {
          tail = long.line;
          filled = 0;
          break;
        }
        applyParsedLine(state, long.line);
        bufferOffset = long.next;
        filled = 0;
        scanFrom = 0;
        continue;
      }
      buffer = grow(buffer);
    }
    const bytesRead = fs.readSync(fd, buffer, filled, buffer.length - filled, bufferOffset + filled);
    if (bytesRead === 0) break;
    scanFrom = filled;
    filled += bytesRead;
  }
  if (filled > lineStart) tail = scanOrParseLine(buffer, lineStart, filled);
  readBuffer = buffer;
  return { committedOffset: bufferOffset + lineStart, tail };
}

/** A buffer twice as large, up to LONG_LINE_BYTES, with the same bytes first. */
function grow(buffer: Buffer): Buffer {
  const bigger = lineBuffer(Math.min(buffer.length * 2, LONG_LINE_BYTES));
  // The walk's buffers all start at the same byte: a larger one already holds the smaller one's bytes.
  if (bigger.buffer !== buffer.buffer || bigger.byteOffset !== buffer.byteOffset) buffer.copy(bigger);
  return bigger;
}

export function applyLine(state: TranscriptState, bytes: Buffer, start: number, end: number): void {
  if (state.halted) return;
  applyParsedLine(state, scanOrParseLine(bytes, start, end));
}

/** The state with the unterminated last line applied, leaving `state` itself as it was. */
export function withTail(state: TranscriptState, tail: ParsedLine | null): TranscriptState {
  if (tail === null || tail.kind !== "value" || state.halted) return state;
  const withLastLine = state.clone();
  withLastLine.apply(tail.value);
  return withLastLine;
}

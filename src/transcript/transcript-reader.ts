// Reading the lines of a transcript into its parse state as Claude Code does: every byte read once,
// memory bounded by the longest line; each line (a torn tail too) goes through the line scanner.
import fs from "node:fs";
import { scanLine } from "./line-scanner.ts";
import type { TranscriptState } from "./transcript-state.ts";

const CHUNK_BYTES = 1 << 20;
/** A buffer that grew past this for one huge line is not kept for the next transcript. */
const KEPT_BUFFER_BYTES = 16 << 20;

/** Reused from one transcript to the next: a fresh megabyte per file costs page faults. */
let readBuffer: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
const NEWLINE = 0x0a;

export interface ReadProgress {
  /** Offset just past the last newline read: every line before it is in the state. */
  committedOffset: number;
  /** Bytes after the last newline (a line still being written, or torn by a crash), if any. */
  tail: Buffer | null;
}

/**
 * Feeds the lines of an open transcript, from `fromOffset` (a line start) to its current end, into
 * `state`. Every byte is read once, into a buffer that grows to the longest line: memory follows
 * the longest line, not the file.
 */
export function readLines(fd: number, state: TranscriptState, fromOffset: number): ReadProgress {
  let buffer = readBuffer;
  /** The file's size when reading began: a buffer for one long line grows to what is left, not past it. */
  const knownSize = fs.fstatSync(fd).size;
  /** Valid bytes are buffer[lineStart, filled); buffer[0] is at file offset `bufferOffset`. */
  let bufferOffset = fromOffset;
  let lineStart = 0;
  let filled = 0;
  let scanFrom = 0;
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
    if (filled === buffer.length) buffer = grow(buffer, knownSize - bufferOffset);
    const bytesRead = fs.readSync(fd, buffer, filled, buffer.length - filled, bufferOffset + filled);
    if (bytesRead === 0) break;
    scanFrom = filled;
    filled += bytesRead;
  }
  // The tail is copied only when small: a huge one is handed over (this buffer is then not reused).
  const huge = buffer.length > KEPT_BUFFER_BYTES;
  const tail =
    filled <= lineStart
      ? null
      : huge
        ? buffer.subarray(lineStart, filled)
        : Buffer.from(buffer.subarray(lineStart, filled));
  readBuffer = huge ? Buffer.allocUnsafe(CHUNK_BYTES) : buffer;
  return { committedOffset: bufferOffset + lineStart, tail };
}

/**
 * A buffer twice as large, or (when that is more than the rest of the file needs) just large enough for
 * the rest of the file and one chunk more: a 256 MB line takes 257 MB, not 512.
 */
function grow(buffer: Buffer, bytesLeftInFile: number): Buffer {
  const needed = Math.max(buffer.length + CHUNK_BYTES, bytesLeftInFile + CHUNK_BYTES);
  const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, needed));
  buffer.copy(bigger);
  return bigger;
}

type ParsedLine = { kind: "value"; value: unknown } | { kind: "skip" } | { kind: "too-long" };
const SKIP: ParsedLine = { kind: "skip" };

/**
 * One line, read as Claude Code reads it: decoded as UTF-8 (invalid bytes become U+FFFD), trimmed
 * (which also drops a byte-order mark), skipped when blank or not JSON.
 */
function parseLine(bytes: Buffer, start: number, end: number): ParsedLine {
  let text: string;
  try {
    text = bytes.toString("utf8", start, end);
  } catch {
    return { kind: "too-long" };
  }
  text = text.trim();
  if (text === "") return SKIP;
  try {
    return { kind: "value", value: JSON.parse(text) };
  } catch {
    return SKIP;
  }
}

/** A line as the derivation sees it: scanned at the byte level, or parsed exactly when the scan defers. */
function scanOrParseLine(bytes: Buffer, start: number, end: number): ParsedLine {
  const scan = scanLine(bytes, start, end);
  if (scan.kind === "value") return scan;
  if (scan.kind === "invalid") return SKIP;
  return parseLine(bytes, start, end);
}

export function applyLine(state: TranscriptState, bytes: Buffer, start: number, end: number): void {
  if (state.halted) return;
  const line = scanOrParseLine(bytes, start, end);
  // A line longer than the longest string V8 can hold makes Claude Code's read throw: it keeps
  // only what it had parsed before.
  if (line.kind === "too-long") state.halted = true;
  else if (line.kind === "value") state.apply(line.value);
}

/** The state with the unterminated last line applied, leaving `state` itself as it was. */
export function withTail(state: TranscriptState, tail: Buffer | null): TranscriptState {
  if (tail === null || state.halted) return state;
  // The tail (a live session's last line, or a file that never got a newline) goes through the scan like
  // any line: a torn one is rejected without being decoded.
  const line = scanOrParseLine(tail, 0, tail.length);
  if (line.kind !== "value") return state;
  const withLastLine = state.clone();
  withLastLine.apply(line.value);
  return withLastLine;
}

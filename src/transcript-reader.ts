import fs from "node:fs";
import { parseSkeleton, SKELETON_MIN_LINE_BYTES } from "./line-skeleton.ts";
import type { TranscriptState } from "./transcript-state.ts";

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

export interface ReadProgress {
  /** Offset just past the last newline read: every line before it is in the state. */
  committedOffset: number;
  /** Bytes after the last newline (a line still being written, or torn by a crash), if any. */
  tail: Buffer | null;
}

/**
 * Feeds the lines of an open transcript, from `fromOffset` (a line start) to its current end, into
 * `state`. Reads in fixed chunks, so memory follows the longest line, not the file: a line longer
 * than a chunk is read once more, whole, from the page cache when its end is found.
 */
export function readLines(fd: number, state: TranscriptState, fromOffset: number): ReadProgress {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let chunkOffset = fromOffset;
  let lineStart = fromOffset;
  for (;;) {
    const bytesRead = fs.readSync(fd, chunk, 0, CHUNK_BYTES, chunkOffset);
    if (bytesRead === 0) break;
    const view = chunk.subarray(0, bytesRead);
    let searchFrom = 0;
    for (let newline = view.indexOf(NEWLINE, searchFrom); newline !== -1; newline = view.indexOf(NEWLINE, searchFrom)) {
      const lineEnd = chunkOffset + newline;
      if (lineStart >= chunkOffset) applyLine(state, view, lineStart - chunkOffset, newline);
      else applyLine(state, readRange(fd, lineStart, lineEnd), 0, lineEnd - lineStart);
      lineStart = lineEnd + 1;
      searchFrom = newline + 1;
    }
    chunkOffset += bytesRead;
  }
  const tail = chunkOffset > lineStart ? readRange(fd, lineStart, chunkOffset) : null;
  return { committedOffset: lineStart, tail };
}

function readRange(fd: number, start: number, end: number): Buffer {
  const buffer = Buffer.allocUnsafe(end - start);
  let filled = 0;
  while (filled < buffer.length) {
    const bytesRead = fs.readSync(fd, buffer, filled, buffer.length - filled, start + filled);
    if (bytesRead === 0) return buffer.subarray(0, filled);
    filled += bytesRead;
  }
  return buffer;
}

type ParsedLine = { kind: "value"; value: unknown } | { kind: "skip" } | { kind: "too-long" };

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
  if (text === "") return { kind: "skip" };
  try {
    return { kind: "value", value: JSON.parse(text) };
  } catch {
    return { kind: "skip" };
  }
}

function parseLongLine(bytes: Buffer, start: number, end: number): ParsedLine {
  const skeleton = parseSkeleton(bytes, start, end);
  if (skeleton.kind === "value") return skeleton;
  if (skeleton.kind === "invalid") return { kind: "skip" };
  return parseLine(bytes, start, end);
}

export function applyLine(state: TranscriptState, bytes: Buffer, start: number, end: number): void {
  if (state.halted) return;
  const line = end - start >= SKELETON_MIN_LINE_BYTES ? parseLongLine(bytes, start, end) : parseLine(bytes, start, end);
  // A line longer than the longest string V8 can hold makes Claude Code's read throw: it keeps
  // only what it had parsed before.
  if (line.kind === "too-long") state.halted = true;
  else if (line.kind === "value") state.apply(line.value);
}

/** The state with the unterminated last line applied, leaving `state` itself as it was. */
export function withTail(state: TranscriptState, tail: Buffer | null): TranscriptState {
  if (tail === null || state.halted) return state;
  const line = parseLine(tail, 0, tail.length);
  if (line.kind !== "value") return state;
  const withLastLine = state.clone();
  withLastLine.apply(line.value);
  return withLastLine;
}

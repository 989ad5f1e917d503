// One transcript line as the derivation takes it: a value, a line Claude Code skips, or a line too long
// for Claude Code to read at all; scanned at the byte level, or decoded and parsed exactly when the
// scan defers.
import { scanLine } from "./line-scanner.ts";
import type { TranscriptState } from "./transcript-state.ts";

export type ParsedLine = { kind: "value"; value: unknown } | { kind: "skip" } | { kind: "too-long" };
export const SKIP: ParsedLine = { kind: "skip" };
export const TOO_LONG: ParsedLine = { kind: "too-long" };

/**
 * One line, read as Claude Code reads it: decoded as UTF-8 (invalid bytes become U+FFFD), trimmed
 * (which also drops a byte-order mark), skipped when blank or not JSON.
 */
export function parseLine(bytes: Buffer, start: number, end: number): ParsedLine {
  let text: string;
  try {
    text = bytes.toString("utf8", start, end);
  } catch {
    return TOO_LONG;
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
export function scanOrParseLine(bytes: Buffer, start: number, end: number): ParsedLine {
  const scan = scanLine(bytes, start, end);
  if (scan.kind === "value") return scan;
  if (scan.kind === "invalid") return SKIP;
  return parseLine(bytes, start, end);
}

/** Applies a parsed line to `state` as Claude Code would. */
export function applyParsedLine(state: TranscriptState, line: ParsedLine): void {
  if (state.halted) return;
  // A line longer than the longest string V8 can hold makes Claude Code's read throw: it keeps
  // only what it had parsed before.
  if (line.kind === "too-long") state.halted = true;
  else if (line.kind === "value") state.apply(line.value);
}

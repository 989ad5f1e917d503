// A transcript line too long to hold (a huge tool result, a file that never got a newline): read from
// the file in chunks into a skeleton, the line with the bodies of long strings and long runs of digits
// and spaces cut short, which the line scanner reads as it reads any line. Values the derivation reads
// that were cut are read back from the file. Memory follows the skeleton and the values read, not the
// line.
//
// The skeleton gives the scanner the same answer as the line: a cut string keeps its first bytes
// (more than the scanner checks of a long string it does not read) and stays long, a cut key is
// checked in full from the file, digit and space runs keep what decides their validity, and a NUL
// anywhere makes the line one JSON.parse rejects. A line the scanner hands to JSON.parse
// (not an object, odd edges, deep nesting) is parsed from the skeleton when that shows it invalid,
// and read whole otherwise: the one case that still holds the line.

import { constants as bufferConstants } from "node:buffer";
import fs from "node:fs";
import { parseSpan, scanLine } from "./line-scanner.ts";
import { type ParsedLine, parseLine, SKIP, TOO_LONG } from "./parsed-line.ts";

export interface LongLine {
  /** The line as the derivation takes it. */
  line: ParsedLine;
  /** File offset just past the line's newline, or null when the file ended first (no newline). */
  next: number | null;
}

const CHUNK_BYTES = 1 << 20;
/** String bodies longer than this are cut after (about) this many bytes. */
const KEEP_STRING_BYTES = 1024;
/** What stands for the cut part of a string: long enough that the string stays long for the scanner. */
const FILLER_BYTES = 512;
/** Runs of digits are cut after this many. */
const KEEP_DIGITS = 16;
/** Decoded to a string longer than this (UTF-16 units), a line makes Claude Code's read throw. */
const MAX_STRING_LENGTH = bufferConstants.MAX_STRING_LENGTH;

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const FILLER = 0x78; // "x"
const INVALID_MARK = 0x01; // a raw control character: a checked string with it is not JSON

/**
 * Reads the line that starts at file offset `lineStart`, of which `head` (no newline in it) holds the
 * first bytes, up to its newline or the end of the file.
 */
export function readLongLine(fd: number, lineStart: number, head: Buffer): LongLine {
  const skeleton = new Skeleton(fd, lineStart);
  skeleton.feed(head, 0, head.length, lineStart);
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let offset = lineStart + head.length;
  let next: number | null = null;
  for (;;) {
    const bytesRead = fs.readSync(fd, chunk, 0, CHUNK_BYTES, offset);
    if (bytesRead === 0) break;
    const newline = chunk.subarray(0, bytesRead).indexOf(NEWLINE);
    skeleton.feed(chunk, 0, newline === -1 ? bytesRead : newline, offset);
    if (newline !== -1) {
      next = offset + newline + 1;
      break;
    }
    offset += bytesRead;
  }
  const lineEnd = next === null ? offset : next - 1;
  return { line: skeleton.parse(lineEnd), next };
}

const OUTSIDE = 0;
const IN_STRING = 1;
const IN_CUT_STRING = 2;

interface CutKey {
  /** Where the filler of the cut string begins in the skeleton. */
  fillerAt: number;
  /** The cut part in the file. */
  from: number;
  to: number;
  /** Hex digits of a `\u` escape that the cut part begins with. */
  hexLeft: number;
}

class Skeleton {
  private out = Buffer.allocUnsafe(64 * 1024);
  private length = 0;
  /** Where cuts end: skeleton offset and file offset of the first byte after each cut. */
  private readonly cutSkeleton: number[] = [];
  private readonly cutFile: number[] = [];
  private mode = OUTSIDE;
  private sawNul = false;
  // Inside a string kept whole so far.
  private bodyBytes = 0;
  private afterBackslash = false;
  private hexLeft = 0;
  // Inside a cut string.
  private backslashRun = 0;
  private cutFrom = 0;
  private cutHexLeft = 0;
  private fillerAt = 0;
  /** A cut string ended: if a colon follows, it was a key, which the scanner checks in full. */
  private cutKey: CutKey | null = null;
  // Outside strings.
  private inSpaces = false;
  private droppedSpaces = false;
  private digits = 0;

  constructor(
    private readonly fd: number,
    private readonly lineStart: number,
  ) {}

  /** Takes `bytes[from, to)`, which lie at file offset `fileOffset + from`. */
  feed(bytes: Buffer, from: number, to: number, fileOffset: number): void {
    if (!this.sawNul && bytes.subarray(from, to).indexOf(0) !== -1) this.sawNul = true;
    let i = from;
    while (i < to) {
      if (this.mode === IN_CUT_STRING) {
        i = this.skipCutString(bytes, i, to, fileOffset);
        continue;
      }
      const c = bytes[i]!;
      if (this.mode === IN_STRING) {
        if (this.afterBackslash) {
          this.afterBackslash = false;
          this.hexLeft = c === 0x75 ? 4 : 0;
        } else if (c === QUOTE) {
          this.mode = OUTSIDE;
        } else if (this.bodyBytes >= KEEP_STRING_BYTES) {
          this.cut(fileOffset + i);
          continue;
        } else if (c === BACKSLASH) {
          this.afterBackslash = true;
          this.hexLeft = 0;
        } else if (this.hexLeft > 0) {
          this.hexLeft--;
        }
        this.bodyBytes++;
        this.push(c);
        i++;
        continue;
      }
      // Outside strings.
      const space = c === 0x20 || c === 0x09 || c === 0x0d;
      if (!space && this.cutKey !== null) {
        if (c === COLON) this.checkCutKey(this.cutKey);
        this.cutKey = null;
      }
      if (space) {
        if (this.inSpaces) this.droppedSpaces = true;
        else this.push(c);
        this.inSpaces = true;
        i++;
        continue;
      }
      if (this.droppedSpaces) this.markCut(fileOffset + i);
      this.inSpaces = false;
      this.droppedSpaces = false;
      if (c >= 0x30 && c <= 0x39) {
        if (this.digits < KEEP_DIGITS) this.push(c);
        this.digits++;
        i++;
        continue;
      }
      if (this.digits > KEEP_DIGITS) this.markCut(fileOffset + i);
      this.digits = 0;
      if (c === QUOTE) {
        this.mode = IN_STRING;
        this.bodyBytes = 0;
        this.afterBackslash = false;
        this.hexLeft = 0;
      }
      this.push(c);
      i++;
    }
  }

  /**
   * Cuts the string here (never right after a backslash). The hex digits of a `\u` escape still to
   * come are completed with zeros in the skeleton, and checked from the file if the string is a key.
   */
  private cut(fileOffset: number): void {
    for (let k = 0; k < this.hexLeft; k++) this.push(0x30);
    this.mode = IN_CUT_STRING;
    this.cutFrom = fileOffset;
    this.cutHexLeft = this.hexLeft;
    this.fillerAt = this.length;
    this.backslashRun = 0;
  }

  /** Looks for the quote that ends a cut string; returns where to go on. */
  private skipCutString(bytes: Buffer, from: number, to: number, fileOffset: number): number {
    let search = from;
    for (;;) {
      const quote = bytes.indexOf(QUOTE, search);
      if (quote === -1 || quote >= to) {
        let k = to;
        while (k > search && bytes[k - 1] === BACKSLASH) k--;
        this.backslashRun = k === search ? this.backslashRun + (to - search) : to - k;
        return to;
      }
      let k = quote;
      while (k > search && bytes[k - 1] === BACKSLASH) k--;
      const run = quote - k + (k === search ? this.backslashRun : 0);
      this.backslashRun = 0;
      if (run % 2 === 1) {
        search = quote + 1;
        continue;
      }
      for (let f = 0; f < FILLER_BYTES; f++) this.push(FILLER);
      this.markCut(fileOffset + quote);
      this.cutKey = { fillerAt: this.fillerAt, from: this.cutFrom, to: fileOffset + quote, hexLeft: this.cutHexLeft };
      this.mode = OUTSIDE;
      this.push(QUOTE);
      return quote + 1;
    }
  }

  /** A cut string that is a key: its cut part is checked as JSON.parse checks it, from the file. */
  private checkCutKey(key: CutKey): void {
    if (!isValidStringBody(this.fd, key.from, key.to, key.hexLeft)) this.out[key.fillerAt] = INVALID_MARK;
  }

  private markCut(fileOffset: number): void {
    this.cutSkeleton.push(this.length);
    this.cutFile.push(fileOffset);
  }

  private push(byte: number): void {
    if (this.length === this.out.length) {
      const bigger = Buffer.allocUnsafe(this.out.length * 2);
      this.out.copy(bigger);
      this.out = bigger;
    }
    this.out[this.length++] = byte;
  }

  /** The file offset of skeleton offset `at`. */
  private fileOffsetOf(at: number): number {
    let low = 0;
    let high = this.cutSkeleton.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.cutSkeleton[mid]! <= at) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found === -1 ? this.lineStart + at : this.cutFile[found]! + (at - this.cutSkeleton[found]!);
  }

  /** Whether a cut ends inside `(start, end]`: the value's bytes must then come from the file. */
  private cutWithin(start: number, end: number): boolean {
    let low = 0;
    let high = this.cutSkeleton.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = this.cutSkeleton[mid]!;
      if (at <= start) low = mid + 1;
      else if (at > end) high = mid - 1;
      else return true;
    }
    return false;
  }

  /** The whole line, which ends at file offset `lineEnd`, as the derivation takes it. */
  parse(lineEnd: number): ParsedLine {
    const lineBytes = lineEnd - this.lineStart;
    if (lineBytes > MAX_STRING_LENGTH && decodedLength(this.fd, this.lineStart, lineEnd) > MAX_STRING_LENGTH) {
      return TOO_LONG;
    }
    if (this.sawNul) return SKIP; // a raw NUL is never JSON, wherever it is
    const skeleton = this.out.subarray(0, this.length);
    const scan = scanLine(skeleton, 0, this.length, (bytes, start, end) => {
      if (!this.cutWithin(start, end)) return parseSpan(bytes, start, end);
      const from = this.fileOffsetOf(start);
      const value = readRange(this.fd, from, this.fileOffsetOf(end) - from);
      return parseSpan(value, 0, value.length);
    });
    if (scan.kind === "value") return scan;
    if (scan.kind === "invalid") return SKIP;
    try {
      JSON.parse(skeleton.toString("utf8").trim());
    } catch {
      return SKIP; // the skeleton is JSON whenever the line is: this line is not
    }
    const whole = readRange(this.fd, this.lineStart, lineBytes);
    return parseLine(whole, 0, whole.length);
  }
}

function readRange(fd: number, from: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const bytesRead = fs.readSync(fd, bytes, filled, length - filled, from + filled);
    if (bytesRead === 0) return bytes.subarray(0, filled);
    filled += bytesRead;
  }
  return bytes;
}

/** Calls `take` with the file's bytes `[from, to)`, a chunk at a time. */
function eachChunk(
  fd: number,
  from: number,
  to: number,
  take: (chunk: Buffer) => boolean | undefined,
  chunkBytes = CHUNK_BYTES,
): void {
  const chunk = Buffer.allocUnsafe(chunkBytes);
  for (let at = from; at < to; ) {
    const bytesRead = fs.readSync(fd, chunk, 0, Math.min(chunkBytes, to - at), at);
    if (bytesRead === 0) return;
    if (take(chunk.subarray(0, bytesRead)) === false) return;
    at += bytesRead;
  }
}

/** The length in UTF-16 units of the file's bytes `[from, to)` decoded as UTF-8 (stops past the limit). */
function decodedLength(fd: number, from: number, to: number): number {
  const decoder = new TextDecoder("utf-8");
  let units = 0;
  // Small chunks: their strings die young (1 MiB ones would pile up in the large-object space).
  eachChunk(
    fd,
    from,
    to,
    (chunk) => {
      units += decoder.decode(chunk, { stream: true }).length;
      return units <= MAX_STRING_LENGTH;
    },
    64 * 1024,
  );
  return units + decoder.decode().length;
}

/**
 * Whether the file's bytes `[from, to)`, the rest of a string body cut outside an escape or `hexLeft`
 * digits into a `\u` escape, are valid JSON.
 */
function isValidStringBody(fd: number, from: number, to: number, hexLeft: number): boolean {
  let valid = true;
  /** Bytes of an escape still to come: -1 after a backslash, 1–4 for the hex digits of `\u`. */
  let pending = hexLeft;
  eachChunk(fd, from, to, (chunk) => {
    for (const c of chunk) {
      if (pending === -1) {
        if (c === 0x75) pending = 4;
        else if (!ESCAPABLE[c]) valid = false;
        else pending = 0;
      } else if (pending > 0) {
        if (!HEX[c]) valid = false;
        pending--;
      } else if (c === BACKSLASH) pending = -1;
      else if (c < 0x20) valid = false;
      if (!valid) return false;
    }
    return true;
  });
  return valid && pending === 0;
}

const ESCAPABLE = new Uint8Array(256);
for (const c of '"\\/bfnrt') ESCAPABLE[c.charCodeAt(0)] = 1;
const HEX = new Uint8Array(256);
for (const c of "0123456789abcdefABCDEF") HEX[c.charCodeAt(0)] = 1;

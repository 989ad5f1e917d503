// scanLine: reads one transcript line at the byte level, checks that it is JSON, and builds only
// the few values the index derivation reads, without decoding or parsing the rest.
//
// Most of a transcript's bytes are strings the index never reads (tool results, file contents,
// images, thinking). Here every line is walked once as bytes: structure, numbers, literals and
// short strings are checked exactly as JSON.parse checks them; strings are skipped with native
// byte searches; and only the values the derivation reads (the top-level keys below, and
// `message.content` with its blocks' `type` and `text`) are decoded and parsed, from their own
// bytes. Decoding whole lines and JSON.parse of them was most of a cold rebuild (see README).
//
// The one difference from JSON.parse (as before, with the skeleton parse): a string of 512 bytes
// or more that the index never reads is not checked for invalid escapes or raw control
// characters other than NUL. No Claude Code writer produces those (it writes JSON.stringify
// output); crash damage (a torn line, a line glued to the next, zero-filled blocks) is still
// caught exactly, and a line this scan is unsure of (edge whitespace other than ASCII and BOMs, a
// top-level value that is not an object, NUL bytes, nesting deeper than MAX_DEPTH) goes to the
// exact path instead. Nothing here recurses, and memory does not grow with the line.

import {
  LineWalk,
  OUT_BLOCK_COUNT,
  OUT_BLOCKS,
  OUT_CONTENT_END,
  OUT_CONTENT_START,
  OUT_TOP,
  WALK_INVALID,
  WALK_USE_EXACT,
  WALK_VALUE,
  type WalkedKey,
} from "./line-walk.ts";
import { READ_KEYS } from "./transcript-record.ts";

export type LineScan = { kind: "value"; value: Record<string, unknown> } | { kind: "invalid" } | { kind: "use-exact" };

/**
 * How a value the derivation reads is turned from its bytes `[start, end)` into a value: from
 * `bytes` by default; a long line's skeleton (long-line.ts) reads the values it shortened from the file.
 */
export type SpanValue = (bytes: Buffer, start: number, end: number) => unknown;

const INVALID: LineScan = { kind: "invalid" };
const USE_EXACT: LineScan = { kind: "use-exact" };

/** Strings this long that the index never reads are skipped unchecked (see above). */
const LONG_STRING_BYTES = 512;
/** Deeper lines go to JSON.parse, which does not recurse either. */
const MAX_DEPTH = 512;

// The top-level keys the derivation reads (READ_KEYS, listed with the records) are decoded into slots;
// `message` is built apart.
const MESSAGE_SLOT = READ_KEYS.length;

// What a container on the stack is, for the derivation.
const ROLE_OTHER = 0;
const ROLE_ROOT = 1;
const ROLE_MESSAGE = 2;
const ROLE_CONTENT = 3;
const ROLE_BLOCK = 4;

// Capture slots of values inside the message object and its content blocks.
const NO_SLOT = -1;
const CONTENT_SLOT = 100;
const BLOCK_SLOT = 101;
const BLOCK_TYPE_SLOT = 102;
const BLOCK_TEXT_SLOT = 103;

// What the walk expects next.
const EXPECT_VALUE = 0;
const EXPECT_VALUE_OR_CLOSE = 1;
const EXPECT_KEY_OR_CLOSE = 2;
const EXPECT_KEY = 3;
const EXPECT_COLON = 4;
const EXPECT_COMMA_OR_CLOSE = 5;
const EXPECT_NOTHING = 6;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Bytes allowed after a backslash in a JSON string (`u` is checked apart). */
const ESCAPABLE = new Uint8Array(256);
for (const c of '"\\/bfnrt') ESCAPABLE[c.charCodeAt(0)] = 1;
const HEX = new Uint8Array(256);
for (const c of "0123456789abcdefABCDEF") HEX[c.charCodeAt(0)] = 1;

/** Every key the walks capture, by the role of the object it is in: both walks take them from here. */
const WANTED_KEYS: readonly WalkedKey[] = [
  ...READ_KEYS.map((name, slot) => ({ role: ROLE_ROOT, slot, name })),
  { role: ROLE_ROOT, slot: MESSAGE_SLOT, name: "message" },
  { role: ROLE_MESSAGE, slot: CONTENT_SLOT, name: "content" },
  { role: ROLE_BLOCK, slot: BLOCK_TYPE_SLOT, name: "type" },
  { role: ROLE_BLOCK, slot: BLOCK_TEXT_SLOT, name: "text" },
];

/** The wanted keys of objects of `role` as bytes, by length, for a match without decoding. */
function keyTable(role: number): { bytes: Uint8Array; slot: number }[][] {
  const table: { bytes: Uint8Array; slot: number }[][] = [];
  for (const { name, slot } of WANTED_KEYS.filter((key) => key.role === role)) {
    const bytes = new TextEncoder().encode(name);
    const sameLength = table[bytes.length] ?? [];
    sameLength.push({ bytes, slot });
    table[bytes.length] = sameLength;
  }
  return table;
}
const TOP_KEYS = keyTable(ROLE_ROOT);
const MESSAGE_KEYS = keyTable(ROLE_MESSAGE);
const BLOCK_KEYS = keyTable(ROLE_BLOCK);

interface Block {
  start: number;
  end: number;
  typeStart: number;
  typeEnd: number;
  textStart: number;
  textEnd: number;
}

/** Per-line scratch, reused from line to line (the walk allocates nothing per byte). */
const OBJECT = 1;
const ARRAY = 2;
const kinds = new Uint8Array(MAX_DEPTH + 1);
const roles = new Uint8Array(MAX_DEPTH + 1);
/** The capture slot of the value being read in the container at each depth, and where it began. */
const valueSlot = new Int32Array(MAX_DEPTH + 1);
const captureStart = new Int32Array(MAX_DEPTH + 1);
const topStart = new Int32Array(READ_KEYS.length + 1);
const topEnd = new Int32Array(READ_KEYS.length + 1);

function isAsciiSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0b || byte === 0x0c;
}

/** The walk in native code, made on first use; null where WebAssembly cannot run. */
let lineWalk: LineWalk | null | undefined;
function nativeWalk(): LineWalk | null {
  if (lineWalk === undefined) lineWalk = LineWalk.create(WANTED_KEYS);
  return lineWalk;
}

/**
 * A buffer to read lines into, `length` bytes: in the native walk's memory, where it reads them without a
 * copy, when it has that many; always the same bytes from one call to the next.
 */
export function lineBuffer(length: number): Buffer {
  return nativeWalk()?.buffer(length) ?? Buffer.allocUnsafe(length);
}

/**
 * Scans `bytes[start, end)`, one line without its newline. `value` holds the keys the derivation
 * reads, with exactly the values JSON.parse would give them; `invalid`: JSON.parse rejects the
 * line; `use-exact`: decode and JSON.parse it instead. The walk runs in native code (line-walk.c),
 * and in JavaScript (`scanLineInJs`, the same walk) for the lines it hands back.
 */
export function scanLine(bytes: Buffer, start: number, end: number, spanValue: SpanValue = parseSpan): LineScan {
  const walk = nativeWalk();
  if (walk === null) return scanLineInJs(bytes, start, end, spanValue);
  const answer = walk.walk(bytes, start, end);
  if (answer === WALK_INVALID) return INVALID;
  if (answer === WALK_USE_EXACT) return USE_EXACT;
  if (answer !== WALK_VALUE) return scanLineInJs(bytes, start, end, spanValue);
  const out = walk.output;
  for (let slot = 0; slot <= MESSAGE_SLOT; slot++) {
    topStart[slot] = offsetIn(out[OUT_TOP + 2 * slot]!, start);
    topEnd[slot] = offsetIn(out[OUT_TOP + 2 * slot + 1]!, start);
  }
  const blocks: Block[] = [];
  for (let b = 0, o = OUT_BLOCKS; b < out[OUT_BLOCK_COUNT]!; b++, o += 6) {
    blocks.push({
      start: offsetIn(out[o]!, start),
      end: offsetIn(out[o + 1]!, start),
      typeStart: offsetIn(out[o + 2]!, start),
      typeEnd: offsetIn(out[o + 3]!, start),
      textStart: offsetIn(out[o + 4]!, start),
      textEnd: offsetIn(out[o + 5]!, start),
    });
  }
  const contentStart = offsetIn(out[OUT_CONTENT_START]!, start);
  return built(bytes, contentStart, offsetIn(out[OUT_CONTENT_END]!, start), blocks, spanValue);
}

/** A native walk's offset from the line's start as an index into the bytes the line is in (-1 stays none). */
function offsetIn(offset: number, lineStart: number): number {
  return offset < 0 ? -1 : offset + lineStart;
}

/** scanLine's walk in JavaScript: for lines the native walk hands back, and where it cannot run. */
export function scanLineInJs(bytes: Buffer, start: number, end: number, spanValue: SpanValue = parseSpan): LineScan {
  // What String.prototype.trim() removes, as far as bytes show it cheaply: ASCII spaces and BOMs.
  let first = start;
  let last = end;
  for (;;) {
    if (isAsciiSpace(bytes[first])) first++;
    else if (bytes[first] === 0xef && bytes[first + 1] === 0xbb && bytes[first + 2] === 0xbf) first += 3;
    else break;
  }
  while (last > first && isAsciiSpace(bytes[last - 1])) last--;
  if (bytes[first] !== OPEN_BRACE || bytes[last - 1] !== CLOSE_BRACE) return USE_EXACT;
  // (A search bounded to the line: `bytes` is the whole read buffer.)
  if (bytes.subarray(first, last).indexOf(0) !== -1) return USE_EXACT;

  topStart.fill(-1);
  let contentStart = -1;
  let contentEnd = -1;
  let blocks: Block[] = [];
  let block: Block | null = null;

  const valueEnded = (d: number, at: number): void => {
    const slot = valueSlot[d]!;
    if (slot === NO_SLOT) return;
    valueSlot[d] = NO_SLOT;
    const from = captureStart[d]!;
    if (slot <= MESSAGE_SLOT) {
      topStart[slot] = from;
      topEnd[slot] = at;
    } else if (slot === CONTENT_SLOT) contentEnd = at;
    else if (slot === BLOCK_SLOT) {
      if (block !== null) block.end = at;
      block = null;
    } else if (block !== null && slot === BLOCK_TYPE_SLOT) {
      block.typeStart = from;
      block.typeEnd = at;
    } else if (block !== null && slot === BLOCK_TEXT_SLOT) {
      block.textStart = from;
      block.textEnd = at;
    }
  };

  let depth = 0;
  let expect = EXPECT_VALUE;
  let keySlot = NO_SLOT;
  let i = first;
  while (i < last) {
    const c = bytes[i]!;
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    let closes = false;
    switch (expect) {
      case EXPECT_COLON:
        if (c !== 0x3a) return INVALID;
        expect = EXPECT_VALUE;
        i++;
        continue;
      case EXPECT_COMMA_OR_CLOSE:
        if (c === 0x2c) {
          expect = kinds[depth] === ARRAY ? EXPECT_VALUE : EXPECT_KEY;
          i++;
          continue;
        }
        if (c !== (kinds[depth] === ARRAY ? CLOSE_BRACKET : CLOSE_BRACE)) return INVALID;
        closes = true;
        break;
      case EXPECT_KEY_OR_CLOSE:
      case EXPECT_KEY: {
        if (c === CLOSE_BRACE && expect === EXPECT_KEY_OR_CLOSE) {
          closes = true;
          break;
        }
        if (c !== QUOTE) return INVALID;
        const close = stringEnd(bytes, i + 1, last, true);
        if (close === -1) return INVALID;
        const role = roles[depth]!;
        keySlot =
          role === ROLE_ROOT || role === ROLE_MESSAGE || role === ROLE_BLOCK
            ? keySlotOf(bytes, i + 1, close, role, stringHadEscape)
            : NO_SLOT;
        i = close + 1;
        expect = EXPECT_COLON;
        continue;
      }
      case EXPECT_VALUE_OR_CLOSE:
        if (c === CLOSE_BRACKET) closes = true;
        break;
      case EXPECT_VALUE:
        break;
      default:
        return INVALID;
    }
    if (closes) {
      depth--;
      i++;
      if (depth === 0) {
        expect = EXPECT_NOTHING;
        continue;
      }
      valueEnded(depth, i);
      expect = EXPECT_COMMA_OR_CLOSE;
      continue;
    }

    // A value starts at i, inside the container at `depth` (0: the line itself).
    let slot = NO_SLOT;
    let parentRole = ROLE_OTHER;
    if (depth > 0) {
      parentRole = roles[depth]!;
      if (kinds[depth] === OBJECT) slot = keySlot;
      else if (parentRole === ROLE_CONTENT) slot = BLOCK_SLOT;
      valueSlot[depth] = slot;
      captureStart[depth] = i;
      if (slot === MESSAGE_SLOT) {
        // A later duplicate key wins, as in JSON.parse: forget what an earlier one held.
        contentStart = -1;
        blocks = [];
      } else if (slot === CONTENT_SLOT) {
        contentStart = i;
        blocks = [];
      } else if (slot === BLOCK_SLOT) {
        block = { start: i, end: -1, typeStart: -1, typeEnd: -1, textStart: -1, textEnd: -1 };
        blocks.push(block);
      }
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === MAX_DEPTH) return USE_EXACT;
      depth++;
      kinds[depth] = c === OPEN_BRACE ? OBJECT : ARRAY;
      roles[depth] =
        depth === 1
          ? ROLE_ROOT
          : c === OPEN_BRACE && slot === MESSAGE_SLOT
            ? ROLE_MESSAGE
            : c === OPEN_BRACKET && slot === CONTENT_SLOT
              ? ROLE_CONTENT
              : c === OPEN_BRACE && slot === BLOCK_SLOT
                ? ROLE_BLOCK
                : ROLE_OTHER;
      valueSlot[depth] = NO_SLOT;
      keySlot = NO_SLOT;
      expect = c === OPEN_BRACE ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
      i++;
      continue;
    }
    let next: number;
    if (c === QUOTE) {
      const close = stringEnd(bytes, i + 1, last, false);
      if (close === -1) return INVALID;
      next = close + 1;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) next = numberEnd(bytes, i, last);
    else if (c === 0x74) next = literalEnd(bytes, i, last, "true");
    else if (c === 0x66) next = literalEnd(bytes, i, last, "false");
    else if (c === 0x6e) next = literalEnd(bytes, i, last, "null");
    else return INVALID;
    if (next === -1) return INVALID;
    i = next;
    if (depth === 0) {
      expect = EXPECT_NOTHING;
      continue;
    }
    valueEnded(depth, i);
    expect = EXPECT_COMMA_OR_CLOSE;
  }
  // A value left open, or none at all, is not JSON.
  if (expect !== EXPECT_NOTHING) return INVALID;
  return built(bytes, contentStart, contentEnd, blocks, spanValue);
}

/** The line's record from the offsets of a walk (topStart and topEnd for the top-level values). */
function built(
  bytes: Buffer,
  contentStart: number,
  contentEnd: number,
  blocks: Block[],
  spanValue: SpanValue,
): LineScan {
  try {
    return { kind: "value", value: buildRecord(bytes, contentStart, contentEnd, blocks, spanValue) };
  } catch {
    // A value the derivation reads is not valid JSON after all (a bad escape in a long string).
    return INVALID;
  }
}
function buildRecord(
  bytes: Buffer,
  contentStart: number,
  contentEnd: number,
  blocks: Block[],
  readValue: SpanValue,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let slot = 0; slot < READ_KEYS.length; slot++) {
    if (topStart[slot]! >= 0) record[READ_KEYS[slot]!] = readValue(bytes, topStart[slot]!, topEnd[slot]!);
  }
  const messageStart = topStart[MESSAGE_SLOT]!;
  if (messageStart >= 0) {
    if (bytes[messageStart] !== OPEN_BRACE) {
      record.message = readValue(bytes, messageStart, topEnd[MESSAGE_SLOT]!);
    } else {
      const message: Record<string, unknown> = {};
      if (contentStart >= 0) {
        message.content =
          bytes[contentStart] === OPEN_BRACKET
            ? blocks.map((b) => buildBlock(bytes, b, readValue))
            : readValue(bytes, contentStart, contentEnd);
      }
      record.message = message;
    }
  }
  return record;
}

/** What the derivation can see of a content block: null, or its `type` and `text`. */
function buildBlock(bytes: Buffer, block: Block, readValue: SpanValue): unknown {
  const c = bytes[block.start];
  if (c === 0x6e) return null;
  // Strings, numbers, booleans and arrays have no `type` or `text` either.
  if (c !== OPEN_BRACE) return 0;
  const fields: Record<string, unknown> = {};
  if (block.typeStart >= 0) fields.type = readValue(bytes, block.typeStart, block.typeEnd);
  if (block.textStart >= 0) fields.text = readValue(bytes, block.textStart, block.textEnd);
  return fields;
}

/** A value from its own bytes; a plain short string skips JSON.parse. */
export function parseSpan(bytes: Buffer, start: number, end: number): unknown {
  if (bytes[start] === QUOTE && end - start < LONG_STRING_BYTES) {
    let plain = true;
    for (let i = start + 1; i < end - 1; i++) {
      if (bytes[i]! >= 0x80 || bytes[i] === BACKSLASH) {
        plain = false;
        break;
      }
    }
    if (plain) return bytes.toString("latin1", start + 1, end - 1);
  }
  return JSON.parse(bytes.toString("utf8", start, end));
}

/** Index of the first quote from `from` on that no backslash escapes (`from` starts no escape). */
function closingQuote(bytes: Buffer, from: number, last: number): number {
  for (let search = from; ; ) {
    const quote = bytes.indexOf(QUOTE, search);
    if (quote === -1 || quote >= last) return -1;
    let backslashes = 0;
    while (quote - 1 - backslashes >= from && bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    search = quote + 1;
  }
}

/** Whether the last string `stringEnd` found had a backslash in its checked part. */
let stringHadEscape = false;
/** Strings are first walked byte by byte this far; past it, a native search finds their end. */
const WALK_BYTES = 64;

/**
 * Index of the quote that ends the string whose body starts at `from`, or -1 when JSON.parse
 * would reject it: a raw control character, an invalid escape, no end. A body shorter than
 * LONG_STRING_BYTES is checked byte by byte (any length when `checkAll`); a longer one is found
 * with a native search and left unchecked past its first bytes (see above).
 */
function stringEnd(bytes: Buffer, from: number, last: number, checkAll: boolean): number {
  stringHadEscape = false;
  const walked = checkString(bytes, from, Math.min(last, from + WALK_BYTES));
  if (walked !== NOT_FOUND) return walked;
  const close = closingQuote(bytes, walkedTo, last);
  if (close === -1) return -1;
  if (!checkAll && close - from >= LONG_STRING_BYTES) return close;
  return checkString(bytes, walkedTo, close) === NOT_FOUND ? close : -1;
}

const NOT_FOUND = -2;
/** Where `checkString` stopped without finding the end: past the last escape it read whole. */
let walkedTo = 0;

/**
 * Checks the string body from `from` up to `limit` as JSON.parse does: the index of the closing
 * quote if it comes first, -1 for a raw control character or an invalid escape, else NOT_FOUND.
 */
function checkString(bytes: Buffer, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const c = bytes[i]!;
    if (c === QUOTE) return i;
    if (c === BACKSLASH) {
      stringHadEscape = true;
      const e = bytes[i + 1]!;
      if (e === 0x75) {
        if (!(HEX[bytes[i + 2]!] && HEX[bytes[i + 3]!] && HEX[bytes[i + 4]!] && HEX[bytes[i + 5]!])) return -1;
        i += 6;
      } else if (ESCAPABLE[e]) i += 2;
      else return -1;
    } else if (c < 0x20) return -1;
    else i++;
  }
  walkedTo = i;
  return NOT_FOUND;
}

/** The slot of the key `bytes[from, to)` among `keys`, or NO_SLOT. */
function keySlotOf(bytes: Buffer, from: number, to: number, role: number, escaped: boolean): number {
  const keys = role === ROLE_ROOT ? TOP_KEYS : role === ROLE_MESSAGE ? MESSAGE_KEYS : BLOCK_KEYS;
  const length = to - from;
  const candidates = keys[length];
  if (candidates !== undefined) {
    for (const { bytes: key, slot } of candidates) {
      let same = true;
      for (let k = 0; k < length; k++) {
        if (bytes[from + k] !== key[k]) {
          same = false;
          break;
        }
      }
      if (same) return slot;
    }
  }
  // An escaped key (`"t\u0079pe"`) can still name a wanted key: decode it exactly.
  if (!escaped) return NO_SLOT;
  const name = JSON.parse(bytes.toString("utf8", from - 1, to + 1)) as string;
  return WANTED_KEYS.find((key) => key.role === role && key.name === name)?.slot ?? NO_SLOT;
}

/** End of the JSON number starting at `i`, or -1: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
function numberEnd(bytes: Buffer, start: number, last: number): number {
  let i = start;
  if (bytes[i] === 0x2d) i++;
  if (bytes[i] === 0x30) i++;
  else if (isDigit(bytes[i])) while (i < last && isDigit(bytes[i])) i++;
  else return -1;
  if (bytes[i] === 0x2e) {
    i++;
    if (!isDigit(bytes[i])) return -1;
    while (i < last && isDigit(bytes[i])) i++;
  }
  if (bytes[i] === 0x65 || bytes[i] === 0x45) {
    i++;
    if (bytes[i] === 0x2b || bytes[i] === 0x2d) i++;
    if (!isDigit(bytes[i])) return -1;
    while (i < last && isDigit(bytes[i])) i++;
  }
  return i > last ? -1 : i;
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

function literalEnd(bytes: Buffer, i: number, last: number, word: string): number {
  if (i + word.length > last) return -1;
  for (let k = 0; k < word.length; k++) if (bytes[i + k] !== word.charCodeAt(k)) return -1;
  return i + word.length;
}

import crypto from "node:crypto";

/**
 * A fast reading of long transcript lines. Most of a large transcript is a few huge strings
 * (tool results, file contents, images) that the index never reads. Here those strings are
 * found with native byte searches, left undecoded, and replaced by placeholders; the rest of the
 * line, now small, goes through JSON.parse; then every value the derivation reads is decoded
 * exactly from its original bytes. About ten times faster than decoding and parsing the whole
 * line (measured on 51 MB of lines over 64 KiB: 25 ms against 290 ms).
 *
 * The one difference from JSON.parse: a string of 512 bytes or more that the index never reads
 * is not checked for invalid escapes or raw control characters other than NUL. No Claude Code
 * writer produces those (it writes JSON.stringify output); crash damage (a torn line, a line
 * glued to the next, zero-filled blocks) is still caught exactly, and any line this reading is
 * unsure of goes to the exact path instead.
 */

/** Lines shorter than this are cheaper to parse exactly. */
export const SKELETON_MIN_LINE_BYTES = 8192;
const DEFERRED_STRING_BYTES = 512;

/** Top-level keys the derivation reads or copies into entries: always decoded, deeply. */
const READ_KEYS = [
  "type",
  "uuid",
  "parentUuid",
  "timestamp",
  "cwd",
  "gitBranch",
  "isSidechain",
  "isMeta",
  "isCompactSummary",
  "sessionId",
  "leafUuid",
  "summary",
  "customTitle",
  "tag",
  "agentName",
  "agentColor",
  "prNumber",
  "prUrl",
  "prRepository",
] as const;

export type SkeletonParse = { kind: "value"; value: unknown } | { kind: "invalid" } | { kind: "use-exact" };

const INVALID: SkeletonParse = { kind: "invalid" };
const USE_EXACT: SkeletonParse = { kind: "use-exact" };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/** Per process, so a placeholder cannot be spelled by transcript content. */
const PLACEHOLDER_PREFIX = `\u0000${crypto.randomBytes(8).toString("hex")}:`;

function isAsciiSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0b || byte === 0x0c;
}

export function parseSkeleton(bytes: Buffer, start: number, end: number): SkeletonParse {
  let first = start;
  let last = end;
  for (;;) {
    if (isAsciiSpace(bytes[first])) first++;
    else if (bytes[first] === 0xef && bytes[first + 1] === 0xbb && bytes[first + 2] === 0xbf) first += 3;
    else break;
  }
  while (last > first && isAsciiSpace(bytes[last - 1])) last--;
  // An object or array whose last byte is some other ASCII character (one that trim() keeps) cannot be
  // JSON: a torn line, or a file that never got its newline. Rejected without decoding it.
  const lastByte = bytes[last - 1] ?? 0;
  if ((bytes[first] === 0x7b || bytes[first] === 0x5b) && lastByte < 0x80 && lastByte !== closerOf(bytes[first]!))
    return INVALID;
  // Anything but a plain object line (or other edge whitespace that trim() would remove) is rare: exact path.
  if (bytes[first] !== 0x7b || bytes[last - 1] !== 0x7d) return USE_EXACT;
  const line = bytes.subarray(first, last);
  if (line.indexOf(0) !== -1) return USE_EXACT;

  const pieces: Buffer[] = [];
  const deferred: { open: number; close: number }[] = [];
  let copiedUpTo = 0;
  for (let searchFrom = 0; ; ) {
    const open = line.indexOf(QUOTE, searchFrom);
    if (open === -1) break;
    const close = closingQuote(line, open + 1);
    if (close === -1) return INVALID;
    if (close - open - 1 >= DEFERRED_STRING_BYTES && !isObjectKey(line, close + 1)) {
      pieces.push(
        line.subarray(copiedUpTo, open),
        Buffer.from(JSON.stringify(`${PLACEHOLDER_PREFIX}${deferred.length}`)),
      );
      deferred.push({ open, close });
      copiedUpTo = close + 1;
    }
    searchFrom = close + 1;
  }
  pieces.push(line.subarray(copiedUpTo));

  let skeleton: unknown;
  try {
    skeleton = JSON.parse(Buffer.concat(pieces).toString("utf8"));
  } catch {
    return INVALID;
  }
  try {
    return { kind: "value", value: hydrateRecord(skeleton as Record<string, unknown>, line, deferred) };
  } catch {
    // A string the derivation reads is not valid JSON after all: JSON.parse rejects the line.
    return INVALID;
  }
}

function closerOf(opener: number): number {
  return opener === 0x7b ? 0x7d : 0x5d;
}

/** Index of the quote that ends the string starting at `from`: the first one not escaped. */
function closingQuote(line: Buffer, from: number): number {
  for (let search = from; ; ) {
    const quote = line.indexOf(QUOTE, search);
    if (quote === -1) return -1;
    let backslashes = 0;
    while (quote - 1 - backslashes >= from && line[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    search = quote + 1;
  }
}

function isObjectKey(line: Buffer, after: number): boolean {
  let i = after;
  while (isAsciiSpace(line[i])) i++;
  return line[i] === COLON;
}

function hydrateRecord(
  record: Record<string, unknown>,
  line: Buffer,
  deferred: { open: number; close: number }[],
): unknown {
  if (deferred.length === 0) return record;
  const decode = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (!value.startsWith(PLACEHOLDER_PREFIX)) return value;
      const { open, close } = deferred[Number(value.slice(PLACEHOLDER_PREFIX.length))]!;
      return JSON.parse(line.toString("utf8", open, close + 1));
    }
    if (Array.isArray(value)) return value.map(decode);
    if (value !== null && typeof value === "object") {
      for (const key of Object.keys(value))
        (value as Record<string, unknown>)[key] = decode((value as Record<string, unknown>)[key]);
    }
    return value;
  };
  for (const key of READ_KEYS) if (key in record) record[key] = decode(record[key]);
  const message = record.message;
  if (typeof message === "string") record.message = decode(message);
  else if (message !== null && typeof message === "object" && "content" in message) {
    const holder = message as Record<string, unknown>;
    if (Array.isArray(holder.content)) {
      for (const block of holder.content) {
        if (block === null || typeof block !== "object") continue;
        const fields = block as Record<string, unknown>;
        if ("type" in fields) fields.type = decode(fields.type);
        if ("text" in fields) fields.text = decode(fields.text);
      }
    } else {
      holder.content = decode(holder.content);
    }
  }
  return record;
}

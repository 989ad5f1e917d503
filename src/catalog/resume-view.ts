// How the latest release (2.1.332) sees one transcript in its resume listing: the first and last
// 64 KiB as text, searched line by line, plus the `<uuid>/custom-title.json` sidecar. A port of the
// reader behind `/resume` and the Agent SDK's `listSessions` (0.3.332, the same code), rule for rule,
// so that titles and hiding match what Claude Code shows; checked against the SDK in the tests.
import fs from "node:fs";
import path from "node:path";
import { readRegularFileOrNull } from "../system/regular-file.ts";

/** What the listing reads from each end of a transcript. */
export const WINDOW_BYTES = 65536;
/** How far the listing scans a large transcript for a message before it gives up and assumes one. */
const MESSAGE_SCAN_LIMIT = 16 * 1024 * 1024;
const PARENT_MARKER = '"parentUuid":';
const PROGRAMMATIC_ENTRYPOINTS = new Set(["sdk-cli", "sdk-ts", "sdk-py"]);
const DAEMON_KINDS = new Set(["daemon", "daemon-worker"]);
const MAX_TITLE_LENGTH = 200;

export interface TranscriptWindows {
  head: string;
  tail: string;
  size: number;
  mtime: number;
}

/** Everything the resume listing decides from one transcript by itself (the sidecar included). */
export interface ResumeView {
  /** The title a row shows; undefined when nothing fits, and then the listing drops the row. */
  title?: string;
  customTitle?: string;
  aiTitle?: string;
  firstPrompt?: string;
  lastPrompt?: string;
  gitBranch?: string;
  /** The working directory the row shows: a `relocated` record's, else the first `cwd` in the head. */
  cwd?: string;
  /** The directory the listing compares with the project's (it parses lines here; `cwd` searches text). */
  checkedCwd?: string;
  tag?: string;
  /** From `<uuid>/archived.json` (catalog/archive-mark.ts): absent when it never was archived. */
  archived?: boolean;
  createdAt?: number;
  /** `sdk` for an `sdk-*` entrypoint (every `claude -p` of 2.1.330+), `daemon` for daemon sessions. */
  programmatic?: "sdk" | "daemon";
  /** `"isSidechain":true` on the first line. */
  sidechainHead: boolean;
  /** A team session's team (the terminal hides these; the SDK lists them). */
  teamName?: string;
  /** The session this one continued into, when its last turn is the hand-over. */
  continuedIn?: string;
  /** Whether the transcript holds a message record (the test the listing applies to a continuation). */
  hasMessages: boolean;
}

/** Reads both windows as the listing does: no links, regular files only, null when empty or unreadable. */
export function readWindows(file: string): TranscriptWindows | null {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return null;
    const buffer = Buffer.allocUnsafe(WINDOW_BYTES);
    const headBytes = readFully(fd, buffer, 0);
    if (headBytes === 0) return null;
    const head = buffer.toString("utf8", 0, headBytes);
    const tailStart = Math.max(0, stat.size - WINDOW_BYTES);
    const tail = tailStart > 0 ? buffer.toString("utf8", 0, readFully(fd, buffer, tailStart)) : head;
    return { head, tail, size: stat.size, mtime: stat.mtime.getTime() };
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

function readFully(fd: number, buffer: Buffer, position: number): number {
  let filled = 0;
  while (filled < buffer.length) {
    const bytes = fs.readSync(fd, buffer, filled, buffer.length - filled, position + filled);
    if (bytes <= 0) break;
    filled += bytes;
  }
  return filled;
}

/**
 * The view of one transcript; `sidecarTitle` reads `<uuid>/custom-title.json` when the listing would, and when
 * `hasFolder` says the project directory holds a `<uuid>` folder (or link) for it at all.
 */
export function resumeView(
  file: string,
  sessionId: string,
  windows: TranscriptWindows,
  hasFolder: boolean,
): ResumeView {
  const { head, tail } = windows;
  const inHead = rareKeysIn(head);
  const inTail = tail === head ? inHead : rareKeysIn(tail);
  const typed = (text: string, keys: Set<string>, key: RareKey, type?: string, mode?: "older") =>
    keys.has(key) ? typedValue(text, key, type, mode) : undefined;
  const newline = head.indexOf("\n");
  const firstLine = newline >= 0 ? head.slice(0, newline) : head;
  const tailTitle = typed(tail, inTail, "customTitle", "custom-title", "older");
  const customTitle =
    tailTitle ||
    (tailTitle === undefined && hasFolder ? sidecarTitle(file, sessionId) : undefined) ||
    typed(head, inHead, "customTitle", "custom-title", "older") ||
    undefined;
  const aiTitle =
    typed(tail, inTail, "aiTitle", "ai-title", "older") ||
    typed(head, inHead, "aiTitle", "ai-title", "older") ||
    undefined;
  const named = customTitle || aiTitle || undefined;
  const firstPrompt = firstPromptOf(head) || undefined;
  const lastPrompt = typed(tail, inTail, "lastPrompt") || undefined;
  const title =
    named || lastPrompt || typed(tail, inTail, "summary") || firstPrompt || attachmentTitle(head) || undefined;
  const relocated = typed(tail, inTail, "relocatedCwd", "relocated");
  const timestamp = firstString(head, "timestamp");
  const created = timestamp ? Date.parse(timestamp) : Number.NaN;
  const view: ResumeView = {
    title,
    customTitle,
    aiTitle,
    firstPrompt,
    lastPrompt,
    gitBranch: lastString(tail, "gitBranch") || firstString(head, "gitBranch") || undefined,
    cwd: relocated || firstString(head, "cwd") || undefined,
    checkedCwd: relocated ?? parsedString(head, "cwd"),
    tag: typed(tail, inTail, "tag", "tag", "older") || undefined,
    createdAt: Number.isNaN(created) ? undefined : created,
    programmatic: programmaticKind(head, tail, inHead, inTail),
    sidechainHead: firstLine.includes('"isSidechain":true') || firstLine.includes('"isSidechain": true'),
    teamName: (inHead.has("teamName") && firstString(head, "teamName")) || undefined,
    continuedIn: continuedIn(tail),
    hasMessages: hasMessages(file, windows),
  };
  for (const key of Object.keys(view) as (keyof ResumeView)[]) if (view[key] === undefined) delete view[key];
  return view;
}

/**
 * Keys the listing searches the text for that most transcripts never hold. Each search reads a whole window
 * when the key is not there (about 20 µs for 64 KiB here, a dozen searches a transcript); one scan for all of
 * them says which a window holds, and a search for any other cannot find it (each looks for `"key":` first).
 */
const RARE_KEYS = [
  "customTitle",
  "aiTitle",
  "lastPrompt",
  "summary",
  "relocatedCwd",
  "tag",
  "entrypoint",
  "teamName",
] as const;
type RareKey = (typeof RARE_KEYS)[number];
const RARE_KEY_TEXT = new RegExp(`"(${RARE_KEYS.join("|")})":`, "g");

/** Which of RARE_KEYS the text mentions as `"key":`. */
export function rareKeysIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(RARE_KEY_TEXT)) found.add(match[1]!);
  return found;
}

/** `<uuid>/custom-title.json` (written by renames in 2.1.330+): its title, cleaned as Claude Code cleans it. */
function sidecarTitle(file: string, sessionId: string): string | undefined {
  // Refused unread when not a small regular file: a FIFO there must not stop the listing.
  const text = readRegularFileOrNull(path.join(path.dirname(file), sessionId, "custom-title.json"), 1 << 20);
  if (text === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const title = (parsed as { customTitle?: unknown } | null)?.customTitle;
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed) || typeof title !== "string")
    return undefined;
  const cleaned = [
    ...title
      .trim()
      .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, " ")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: Claude Code strips these from titles
      .replace(/[\x00-\x1f\x7f-\x9f]/g, ""),
  ]
    .slice(0, MAX_TITLE_LENGTH)
    .join("")
    .trim();
  return cleaned || undefined;
}

function programmaticKind(
  head: string,
  tail: string,
  inHead: Set<string>,
  inTail: Set<string>,
): ResumeView["programmatic"] {
  const entrypoint =
    (inHead.has("entrypoint") ? firstString(head, "entrypoint") : undefined) ??
    (inTail.has("entrypoint") ? lastString(tail, "entrypoint") : undefined);
  if (entrypoint && PROGRAMMATIC_ENTRYPOINTS.has(entrypoint)) return "sdk";
  // The first line that holds a message: the line of the marker's first mention (or the whole head).
  const marker = head.indexOf(PARENT_MARKER);
  const messageLine = marker < 0 ? head : lineAt(head, marker);
  const kind = firstString(messageLine, "sessionKind");
  return kind !== undefined && DAEMON_KINDS.has(kind) ? "daemon" : undefined;
}

function hasMessages(file: string, { head, tail, size }: TranscriptWindows): boolean {
  if (head.includes(PARENT_MARKER) || tail.includes(PARENT_MARKER)) return true;
  if (size <= WINDOW_BYTES) return false;
  return fileMentions(file, PARENT_MARKER);
}

/** Whether the marker is in the first 16 MiB; beyond that the listing assumes it is. */
function fileMentions(file: string, marker: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return false;
    const chunk = 1 << 20;
    const buffer = Buffer.allocUnsafe(chunk + marker.length);
    let kept = 0;
    for (let offset = 0; offset < MESSAGE_SCAN_LIMIT; ) {
      const bytes = fs.readSync(fd, buffer, kept, chunk, offset);
      if (bytes === 0) return false;
      const filled = kept + bytes;
      if (buffer.subarray(0, filled).includes(marker)) return true;
      kept = Math.min(marker.length, filled);
      buffer.copyWithin(0, filled - kept, filled);
      offset += bytes;
    }
    return true;
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

// --- The text searches of the listing, kept as it writes them (they decide edge cases). ---

/** Claude Code's well-formedness pass over a string (lone surrogates as Buffer's UTF-16 round trip leaves them). */
function wellFormed(text: string): string {
  return Buffer.from(text, "utf16le").toString("utf16le");
}

function unescapeJson(raw: string): string {
  if (!raw.includes("\\")) return wellFormed(raw);
  try {
    return JSON.parse(`"${raw}"`);
  } catch {
    return wellFormed(raw);
  }
}

/** The first `"key":"…"` string anywhere in the text (`"key": "…"` only when the compact form is absent). */
export function firstString(text: string, key: string): string | undefined {
  for (const opening of [`"${key}":"`, `"${key}": "`]) {
    const at = text.indexOf(opening);
    if (at < 0) continue;
    const start = at + opening.length;
    for (let i = start; i < text.length; i++) {
      if (text[i] === "\\") {
        i++;
        continue;
      }
      if (text[i] === '"') return unescapeJson(text.slice(start, i));
    }
  }
  return undefined;
}

const LAST_STRING_WINDOW = 8192;

/** The last `"key":"…"` string in the text, looking first for one that follows another string near the end. */
export function lastString(text: string, key: string): string | undefined {
  const compact = `"${key}":"`;
  const openings = [compact, `"${key}": "`];
  const near = text.indexOf(`",${compact}`, text.length - LAST_STRING_WINDOW);
  const fromNear =
    near > 0 && text[near - 1] !== "\\" && !text.endsWith(compact, near + 1)
      ? lastStringFrom(text, openings, near + 2)
      : undefined;
  return fromNear ?? lastStringFrom(text, openings, 0);
}

function lastStringFrom(text: string, openings: string[], from: number): string | undefined {
  let found: string | undefined;
  let foundAt = -1;
  for (const opening of openings) {
    let search = from;
    for (;;) {
      const at = text.indexOf(opening, search);
      if (at < 0) break;
      const start = at + opening.length;
      let i = start;
      for (; i < text.length; i++) {
        if (text[i] === "\\") {
          i++;
          continue;
        }
        if (text[i] === '"') {
          if (at > foundAt) {
            found = text.slice(start, i);
            foundAt = at;
          }
          break;
        }
      }
      search = i + 1;
    }
  }
  return found === undefined ? undefined : unescapeJson(found);
}

/** `line[key]` when the line parses and (if given) has this `type`; null when it does not parse. */
function fieldOfLine(line: string, key: string, type: string | undefined): string | undefined | null {
  try {
    const record = JSON.parse(line);
    if (typeof record === "object" && record !== null && (type === undefined || record.type === type)) {
      const value = record[key];
      if (typeof value === "string") return value;
    }
    return undefined;
  } catch {
    return null;
  }
}

/**
 * From the last line up: the first line that mentions `"key":` (and the type, when given) and
 * parses with a string there. In "older" mode a line glued to another (a torn write) is also
 * read from its last `{"type":…` on. Only the lines that mention the key are looked at: found from
 * the end with `lastIndexOf`, as most windows mention none (no title, no tag), not split into lines.
 */
export function typedValue(text: string, key: string, type?: string, mode?: "older"): string | undefined {
  const types =
    type === undefined
      ? undefined
      : mode === undefined
        ? [`"type":"${type}"`]
        : [`"type":"${type}"`, `"type": "${type}"`];
  const keyText = `"${key}":`;
  for (let at = text.lastIndexOf(keyText); at >= 0; ) {
    const start = text.lastIndexOf("\n", at) + 1;
    const line = lineFrom(text, start);
    if (types === undefined || types.some((t) => line.includes(t))) {
      let value = fieldOfLine(line, key, type);
      if (value === null && mode !== undefined) {
        const glued = line.lastIndexOf(`{${types?.[0]}`);
        value = glued > 0 && !":,[".includes(line.charAt(glued - 1)) ? fieldOfLine(line.slice(glued), key, type) : null;
      }
      if (typeof value === "string") return value;
    }
    // The key in a line before this one (it holds no newline, so it cannot start at this line's "\n").
    at = start === 0 ? -1 : text.lastIndexOf(keyText, start - 1);
  }
  return undefined;
}

/** The first line mentioning `"key":` that parses with a string there. */
function parsedString(text: string, key: string): string | undefined {
  const keyText = `"${key}":`;
  for (const line of lines(text)) {
    if (!line.includes(keyText)) continue;
    try {
      const record = JSON.parse(line);
      if (typeof record === "object" && record !== null && typeof record[key] === "string") return record[key];
    } catch {
      // not a line the listing reads
    }
  }
  return undefined;
}

/** The line of `text` that holds position `at`. */
function lineAt(text: string, at: number): string {
  return lineFrom(text, text.lastIndexOf("\n", at) + 1);
}

/** The line of `text` that starts at `start`. */
function lineFrom(text: string, start: number): string {
  const newline = text.indexOf("\n", start);
  return text.slice(start, newline < 0 ? text.length : newline);
}

/** The text's lines, as `split("\n")` gives them, one at a time: a prompt is usually in the first few of a head. */
function* lines(text: string): Generator<string> {
  let start = 0;
  for (;;) {
    const newline = text.indexOf("\n", start);
    if (newline < 0) break;
    yield text.slice(start, newline);
    start = newline + 1;
  }
  yield text.slice(start);
}

function isUserLine(line: string): boolean {
  return line.includes('"type":"user"') || line.includes('"type": "user"');
}

/** The first prompt of the head, or the first command's name when no prompt is there. */
function firstPromptOf(head: string): string {
  const state = { commandFallback: "" };
  for (const line of lines(head)) {
    if (!isUserLine(line) || line.includes('"tool_result"')) continue;
    if (line.includes('"isMeta":true') || line.includes('"isMeta": true')) continue;
    if (line.includes('"isCompactSummary":true') || line.includes('"isCompactSummary": true')) continue;
    try {
      const prompt = promptOfRecord(JSON.parse(line), state);
      if (prompt !== undefined) return prompt;
    } catch {}
  }
  return state.commandFallback;
}

/** "Image" or "Document" for a session opened with one and no words. */
function attachmentTitle(head: string): string {
  for (const line of lines(head)) {
    if (!isUserLine(line) || line.includes('"tool_result"')) continue;
    if (line.includes('"isMeta":true') || line.includes('"isMeta": true')) continue;
    if (line.includes('"type":"image"') || line.includes('"type": "image"')) return "Image";
    if (line.includes('"type":"document"') || line.includes('"type": "document"')) return "Document";
  }
  return "";
}

const NOT_A_PROMPT = /^(?:\s*<[a-z][\w-]*[\s>]|\[Request interrupted by user[^\]]*\])/;
const COMMAND_NAME = /<command-name>(.*?)<\/command-name>/;
const BASH_INPUT = /<bash-input>([\s\S]*?)<\/bash-input>/;

/** The prompt a user record shows, by the latest release's rules; records a command's name in `state`. */
export function promptOfRecord(record: unknown, state: { commandFallback: string }): string | undefined {
  const r = record as Record<string, unknown> | null;
  if (r === null || typeof r !== "object" || r.type !== "user") return undefined;
  if (r.isMeta === true || r.isCompactSummary === true) return undefined;
  const message = r.message as { content?: unknown } | null | undefined;
  if (!message) return undefined;
  const content = message.content;
  const texts: string[] = [];
  if (typeof content === "string") texts.push(content);
  else if (Array.isArray(content)) {
    for (const block of content) {
      if (!block || typeof block !== "object") continue;
      if (block.type === "tool_result") return undefined;
      if (block.type === "text" && typeof block.text === "string") texts.push(block.text);
    }
  }
  for (const text of texts) {
    let shown = expandPastes(text).replaceAll("\n", " ").trim();
    if (!shown) continue;
    const command = COMMAND_NAME.exec(shown);
    if (command?.[1] !== undefined) {
      if (!state.commandFallback) state.commandFallback = command[1];
      continue;
    }
    const bash = BASH_INPUT.exec(shown);
    if (bash?.[1] !== undefined) return `! ${bash[1].trim()}`;
    if (NOT_A_PROMPT.test(shown)) continue;
    if (shown.length > 200) shown = `${cutUtf16(shown, 200).trim()}…`;
    return shown;
  }
  return undefined;
}

function cutUtf16(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const last = cut.charCodeAt(length - 1);
  return wellFormed(last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut);
}

/** Pasted blocks (`<pasted_content id="abcd">…</pasted_content id="abcd">`) shown by their body. */
function expandPastes(text: string): string {
  const parts: ({ kind: "text"; text: string } | { kind: "block"; body: string })[] = [];
  let copied = 0;
  let search = 0;
  for (;;) {
    const open = text.indexOf('<pasted_content id="', search);
    if (open === -1) break;
    const idStart = open + 20;
    const id = text.slice(idStart, idStart + 4);
    if (!/^[0-9a-f]{4}$/.test(id) || !text.startsWith('">\n', idStart + 4)) {
      search = idStart;
      continue;
    }
    const bodyStart = idStart + 4 + 3;
    const closing = `</pasted_content id="${id}">`;
    const closeAt = text.indexOf(`\n${closing}`, bodyStart - 1) + 1;
    if (closeAt === 0) break;
    let before = open;
    for (let n = 0; n < 2 && before > copied && text[before - 1] === "\n"; n++) before--;
    if (before > copied) parts.push({ kind: "text", text: text.slice(copied, before) });
    copied = closeAt + closing.length;
    for (let n = 0; n < 2 && text[copied] === "\n"; n++) copied++;
    parts.push({ kind: "block", body: text.slice(bodyStart, closeAt - 1) });
    search = copied;
  }
  if (copied < text.length) parts.push({ kind: "text", text: text.slice(copied) });
  if (parts.length === 1 && parts[0]!.kind === "text") return text;
  return parts.map((p) => (p.kind === "text" ? p.text : p.body)).join("");
}

const CONTINUED = '"type":"continued-in"';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The session id of a `continued-in` record that no finished turn follows, reading the tail from the end. */
function continuedIn(tail: string): string | undefined {
  if (!tail.includes(CONTINUED)) return undefined;
  let end = tail.length;
  while (end > 0) {
    const newline = tail.lastIndexOf("\n", end - 1);
    const line = tail.slice(newline + 1, end);
    end = newline;
    const handOver = line.includes(CONTINUED);
    const message = line.includes('"type":"user"') || line.includes('"type":"assistant"');
    if (handOver || message) {
      try {
        const record = JSON.parse(line);
        if (handOver && isPlainObject(record) && record.type === "continued-in") {
          const id = record.continuedInSessionId;
          if (typeof id === "string") return UUID.test(id) ? id : undefined;
        }
        if (message && isFinishedTurn(record)) return undefined;
      } catch {}
    }
    if (newline < 0) break;
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An assistant reply that ended normally, or a user prompt. */
function isFinishedTurn(record: unknown): boolean {
  if (isPlainObject(record) && record.type === "assistant") {
    const { isApiErrorMessage, message } = record;
    const shaped =
      (isApiErrorMessage === undefined || typeof isApiErrorMessage === "boolean") &&
      (message === undefined || isPlainObject(message)) &&
      (message === undefined ||
        message.stop_reason === undefined ||
        message.stop_reason === null ||
        typeof message.stop_reason === "string");
    if (shaped)
      return (
        isApiErrorMessage !== true &&
        typeof (message as { stop_reason?: unknown } | undefined)?.stop_reason === "string"
      );
  }
  return isPlainObject(record) && promptOfRecord(record, { commandFallback: "" }) !== undefined;
}

// The metadata records that rename and tag a session, exactly as Claude Code's Agent SDK (0.3.332,
// the code of 2.1.332) writes them: one JSON line, keys in its order, a final newline, appended to the
// transcript. Nothing already in the file is ever rewritten: the file is opened to append only,
// never created, never through a link.
import fs from "node:fs";
import { cleanUnicode } from "../text/unicode-clean.ts";

/** `{"type":"custom-title","customTitle":…,"sessionId":…}` and a newline; null for a blank title. */
export function customTitleLine(sessionId: string, title: string): string | null {
  const trimmed = title.trim();
  if (trimmed === "") return null;
  return `${JSON.stringify({ type: "custom-title", customTitle: trimmed, sessionId })}\n`;
}

/**
 * `{"type":"tag","tag":…,"sessionId":…}` and a newline; `null` clears the tag (an empty one, as the
 * SDK writes it). Null for a tag that is blank once cleaned.
 */
export function tagLine(sessionId: string, tag: string | null): string | null {
  const cleaned = tag === null ? "" : cleanUnicode(tag).trim();
  if (tag !== null && cleaned === "") return null;
  return `${JSON.stringify({ type: "tag", tag: cleaned, sessionId })}\n`;
}

/**
 * Appends `line` to the transcript with O_APPEND, as Claude Code appends. An empty file or a link is
 * refused (Claude Code skips both). When the last line was cut off (no final newline), a newline goes
 * first so that the record stays a line of its own (the SDK would glue it to the cut line, where no
 * reader would find it).
 */
export function appendMetadataLine(transcript: string, line: string): void {
  // O_NONBLOCK: a FIFO under a transcript's name must not hang us (it is then refused as no regular file).
  const flags = fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;
  const fd = fs.openSync(transcript, flags);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new Error(`${transcript} is not a regular file`);
    if (stat.size === 0) throw new Error(`${transcript} is empty: not a session Claude Code lists`);
    const bytes = Buffer.from(endsWithNewline(transcript, stat.size) ? line : `\n${line}`, "utf8");
    for (let written = 0; written < bytes.length; ) {
      const n = fs.writeSync(fd, bytes, written, bytes.length - written);
      if (n <= 0) throw new Error(`short write to ${transcript}`);
      written += n;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function endsWithNewline(transcript: string, size: number): boolean {
  const fd = fs.openSync(transcript, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  try {
    const last = Buffer.alloc(1);
    return fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === 0x0a;
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether `line` (without its newline) is a title or tag record exactly as these functions write them. */
export function isOwnMetadataLine(line: string): boolean {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return false;
  }
  if (record === null || typeof record !== "object" || Array.isArray(record)) return false;
  const keys = Object.keys(record).join(",");
  const r = record as Record<string, unknown>;
  if (typeof r.sessionId !== "string") return false;
  if (keys === "type,customTitle,sessionId") return r.type === "custom-title" && typeof r.customTitle === "string";
  return keys === "type,tag,sessionId" && r.type === "tag" && typeof r.tag === "string";
}

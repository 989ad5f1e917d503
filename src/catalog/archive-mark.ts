// A session's archived mark: `<project dir>/<uuid>/archived.json`, `{"archived":…,"at":…,"by":…}`,
// written as Claude Code's Agent SDK (0.3.332) writes it for archiveSession and unarchiveSession (one
// JSON object, no final newline, 0600 in a 0700 folder, replaced by rename), and read as its listing
// reads it: an archived session counts as unarchived again once a prompt typed after `at` is in the
// first or last 64 KiB of its transcript.
import fs from "node:fs";
import path from "node:path";
import { makeDirectory, replaceFile } from "../system/replace-file.ts";
import { promptOfRecord, type TranscriptWindows } from "./resume-view.ts";

/** What the listing reads of it at most; a larger file is ignored. */
const MAX_MARK_BYTES = 4096;

export function archiveMarkPath(transcript: string, sessionId: string): string {
  return path.join(path.dirname(transcript), sessionId, "archived.json");
}

/** The mark's text: the SDK's keys and order; `by` is "sdk", as the SDK writes (Claude Code itself writes "cli"). */
export function archiveMarkText(archived: boolean, at: Date): string {
  return JSON.stringify({ archived, at: at.toISOString(), by: "sdk" });
}

/**
 * Writes the mark (replacing an older one by rename); the `<uuid>/` folder is made if missing, never followed if
 * a link.
 */
export function writeArchiveMark(transcript: string, sessionId: string, archived: boolean, at: Date): string {
  const file = archiveMarkPath(transcript, sessionId);
  const folder = path.dirname(file);
  makeDirectory(folder, 0o700);
  if (!fs.lstatSync(folder).isDirectory()) throw new Error(`${folder} is not a folder (a link is not followed)`);
  replaceFile(file, archiveMarkText(archived, at), { newFileMode: 0o600, fsync: true });
  return file;
}

/**
 * Whether the listing shows the session archived: undefined when it never was (no readable mark),
 * false when unarchived or prompted since, true otherwise.
 */
export function archivedState(transcript: string, sessionId: string, windows: TranscriptWindows): boolean | undefined {
  const mark = readMark(archiveMarkPath(transcript, sessionId));
  if (mark === undefined || !mark.archived) return mark?.archived;
  const since = (text: string) => text.split("\n").some((line) => promptAfter(line, mark.atMs));
  return !(since(windows.tail) || (windows.head !== windows.tail && since(windows.head)));
}

function readMark(file: string): { archived: boolean; atMs: number } | undefined {
  let text: string;
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile() || stat.size > MAX_MARK_BYTES) return undefined;
      text = fs.readFileSync(fd, "utf8");
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  try {
    const mark = JSON.parse(text) as { archived?: unknown; at?: unknown } | null;
    if (mark === null || typeof mark !== "object" || typeof mark.archived !== "boolean") return undefined;
    if (
      typeof mark.at !== "string" ||
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(mark.at)
    )
      return undefined;
    return { archived: mark.archived, atMs: Date.parse(mark.at) };
  } catch {
    return undefined;
  }
}

const NOT_TRUE = [
  "isCompactSummary",
  "isSidechain",
  "isVirtual",
  "isVisibleInTranscriptOnly",
  "isMeta",
  "textNotTyped",
  "handedOff",
  "queueSkipAttachments",
] as const;

/** Whether the line is a prompt a person typed (or queued) later than `atMs`. */
function promptAfter(line: string, atMs: number): boolean {
  if (!(line.includes('"user"') || line.includes('"queued_command"')) || line.includes('"tool_result"')) return false;
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line);
  } catch {
    return false;
  }
  if (record === null || typeof record !== "object" || typeof record.timestamp !== "string") return false;
  let content: unknown;
  let origin: unknown;
  if (record.type === "user") {
    if (NOT_TRUE.some((key) => record[key] !== undefined && record[key] !== false)) return false;
    const message = record.message as { content?: unknown } | null;
    if (message === null || typeof message !== "object" || !("content" in message)) return false;
    content = message.content;
    origin = record.origin;
  } else if (record.type === "attachment") {
    const attachment = record.attachment as Record<string, unknown> | null;
    if (attachment === null || typeof attachment !== "object" || attachment.type !== "queued_command") return false;
    if (record.isSidechain !== undefined && record.isSidechain !== false) return false;
    if (attachment.isMeta !== undefined && attachment.isMeta !== false) return false;
    if (!("prompt" in attachment)) return false;
    content = attachment.prompt;
    origin = attachment.origin;
  } else return false;
  if (origin !== undefined && (origin === null || typeof origin !== "object")) return false;
  const kind = (origin as { kind?: unknown } | undefined)?.kind;
  if (origin !== undefined && typeof kind !== "string") return false;
  if (origin !== undefined && kind !== "human") return false;
  const blocks: { type?: unknown; text?: unknown }[] =
    typeof content === "string"
      ? [{ type: "text", text: content }]
      : Array.isArray(content) &&
          content.every((b) => b !== null && typeof b === "object" && typeof b.type === "string")
        ? content
        : [];
  if (blocks.some((b) => b.type === "tool_result")) return false;
  const texts = blocks.map((b) => (typeof b.text === "string" ? b.text.trimStart() : ""));
  const typed =
    (origin !== undefined
      ? texts.some((t) => t !== "") && !texts.some((t) => t.startsWith("<command-name>"))
      : promptOfRecord({ type: "user", message: { content } }, { commandFallback: "" }) !== undefined ||
        texts.some((t) => t.startsWith("<command-message>"))) ||
    blocks.some((b) => b.type === "image" || b.type === "document");
  const at = Date.parse(record.timestamp);
  return typed && !Number.isNaN(at) && at > atMs;
}

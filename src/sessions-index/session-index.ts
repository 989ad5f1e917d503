// The sessions-index.json file: its zod schema (and the published JSON Schema made from it), reading it
// as it is, and writing it byte for byte as Claude Code 2.1.29 does.
import * as z from "zod";
import type { IndexFileStat } from "../layout/project-stamp.ts";
import { stringifyJson } from "../system/json-text.ts";
import { describeFileError, FileTooLargeError, readRegularFile } from "../system/regular-file.ts";

export { indexPathOf, MAX_INDEX_BYTES } from "../layout/index-path.ts";

import { MAX_INDEX_BYTES } from "../layout/index-path.ts";
import { SESSION_ID } from "../layout/session-file.ts";
import { errorText } from "../text/error-text.ts";

export const INDEX_VERSION = 1;

/**
 * One entry as Claude Code 2.1.29 writes it for a well-formed transcript. Entries are loose:
 * keys written by other tools are kept.
 */
export const IndexEntrySchema = z.looseObject({
  sessionId: z.string().regex(SESSION_ID, "not a session UUID").describe("The transcript's file name without .jsonl"),
  fullPath: z.string().describe("Absolute path of the transcript"),
  fileMtime: z.number().describe("The transcript's mtime in milliseconds when the entry was derived"),
  firstPrompt: z
    .string()
    .describe('First real user prompt, one line, at most 200 characters plus "…"; "No prompt" when none'),
  customTitle: z.string().optional().describe("Last custom-title record of the session"),
  summary: z.string().optional().describe("Summary record whose leafUuid is the main chain's last message"),
  tag: z.string().optional(),
  agentName: z.string().optional(),
  agentColor: z.string().optional(),
  prNumber: z.number().optional(),
  prUrl: z.string().optional(),
  prRepository: z.string().optional(),
  messageCount: z.number().int().nonnegative().describe("User prompts and assistant text replies on the main chain"),
  created: z.string().optional().describe("Timestamp of the main chain's first record, as written"),
  modified: z.string().optional().describe("Timestamp of the main chain's last record, as written"),
  gitBranch: z.string().optional(),
  projectPath: z.string().optional().describe("cwd of the main chain's first record"),
  isSidechain: z.boolean(),
});

export type IndexEntry = z.infer<typeof IndexEntrySchema>;

/**
 * The file as it is read: any version, entries checked one by one, unknown keys kept. `originalPath` is
 * not checked: a value of another type is kept as it is, not a reason to move the whole index aside.
 */
const IndexEnvelopeSchema = z.looseObject({
  version: z.number(),
  entries: z.array(z.unknown()),
});

export type IndexEnvelope = z.infer<typeof IndexEnvelopeSchema>;

/** The file as it is written: what the published JSON Schema describes. */
export const IndexFileSchema = z.looseObject({
  version: z.literal(INDEX_VERSION),
  entries: z.array(IndexEntrySchema),
  originalPath: z.string().optional().describe("The project's working directory"),
});

export type IndexRead =
  | { kind: "missing" }
  | { kind: "unreadable"; reason: string }
  /** Not JSON, or JSON of the wrong shape: moved aside and rebuilt. */
  | { kind: "invalid"; reason: string }
  /** A version this tool does not know: left untouched. */
  | { kind: "unsupported-version"; version: unknown }
  | { kind: "ok"; index: IndexEnvelope; stat: IndexFileStat };

export function readIndex(indexPath: string): IndexRead {
  const file = readIndexText(indexPath);
  if (file.kind === "too-large")
    return { kind: "invalid", reason: `${file.size} bytes, more than the ${MAX_INDEX_BYTES} bytes an index can be` };
  if (file.kind !== "read") return file;
  return parseIndex(file.text, file.stat);
}

/** The index's text with the stat of the very file read, even if the path is replaced meanwhile. */
export function readIndexText(
  indexPath: string,
):
  | { kind: "read"; text: string; stat: IndexFileStat }
  | { kind: "too-large"; size: number }
  | Extract<IndexRead, { kind: "missing" | "unreadable" }> {
  try {
    // Only a regular file, opened without blocking: a FIFO named sessions-index.json must not hang us.
    const { text, stat } = readRegularFile(indexPath, MAX_INDEX_BYTES);
    return { kind: "read", text, stat: { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs } };
  } catch (error) {
    if (error instanceof FileTooLargeError) return { kind: "too-large", size: error.size };
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "missing" };
    return { kind: "unreadable", reason: describeFileError(error) };
  }
}

export function parseIndex(text: string, stat: IndexFileStat): IndexRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: "invalid", reason: `not JSON (${errorText(error)})` };
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (
    typeof json === "object" &&
    json !== null &&
    !Array.isArray(json) &&
    version !== undefined &&
    version !== INDEX_VERSION
  ) {
    return { kind: "unsupported-version", version };
  }
  const parsed = IndexEnvelopeSchema.safeParse(json);
  if (!parsed.success) return { kind: "invalid", reason: describeIssue(parsed.error) };
  // zod's output lists known keys first; the file's own object keeps its key order for rewriting.
  return { kind: "ok", index: json as IndexEnvelope, stat };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "wrong shape";
  const where = issue.path.length > 0 ? issue.path.join(".") : "top level";
  return `wrong shape at ${where}: ${issue.message}`;
}

/** Byte for byte what Claude Code writes: two-space JSON, no final newline; any depth of nesting. */
export function serializeIndex(index: object): string {
  return stringifyJson(index, 2);
}

/** The published JSON Schema of the index file (draft 2020-12), generated from `IndexFileSchema`. */
export function indexJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(IndexFileSchema, { io: "input" }),
    $id: "https://github.com/claude-reindex/claude-reindex/schema/sessions-index.schema.json",
    title: "Claude Code sessions-index.json (version 1, as written by Claude Code 2.0.72-2.1.29 and claude-reindex)",
  };
}

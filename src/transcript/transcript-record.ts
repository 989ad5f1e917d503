// The records of a transcript line that the index depends on, and the keys of them it reads. Claude
// Code reads every field raw, with truthiness checks, so the schemas only classify by `type` and let
// every other key through; a line that matches none of them is tolerated and ignored, as Claude Code
// does. The key lists here are the one place each key is named: the parse state, the line scanner
// (READ_KEYS) and the saved states of the transcript cache follow them (test/unit/record-keys.test.ts).
import * as z from "zod";
import { type PromptOutcome, promptOutcome, SKIP } from "./prompt-text.ts";

export const MESSAGE_TYPES = ["user", "assistant", "attachment", "system", "progress"] as const;

/** Per metadata record type, the keys whose last value (for this session) the entry carries. */
export const SESSION_METADATA_KEYS = {
  "custom-title": ["customTitle"],
  tag: ["tag"],
  "agent-name": ["agentName"],
  "agent-color": ["agentColor"],
  "pr-link": ["prNumber", "prUrl", "prRepository"],
} as const;

export type SessionMetadataType = keyof typeof SESSION_METADATA_KEYS;
export type SessionMetadataKey = (typeof SESSION_METADATA_KEYS)[SessionMetadataType][number];
export const SESSION_METADATA_TYPES = Object.keys(SESSION_METADATA_KEYS) as [
  SessionMetadataType,
  ...SessionMetadataType[],
];

/** Keys of a message record that its node keeps as they are, for the entry to copy. */
export const COPIED_MESSAGE_KEYS = ["timestamp", "cwd", "gitBranch", "isSidechain"] as const;
export type CopiedMessageKey = (typeof COPIED_MESSAGE_KEYS)[number];

/**
 * Every top-level key of a record that the derivation reads (`message` aside: only its content and
 * the content blocks' `type` and `text` are read). The line scanner decodes these and no others.
 */
export const READ_KEYS = [
  "type",
  "uuid",
  "parentUuid",
  ...COPIED_MESSAGE_KEYS,
  "isMeta",
  "isCompactSummary",
  "sessionId",
  "leafUuid",
  "summary",
  ...Object.values(SESSION_METADATA_KEYS).flat(),
] as const;

export const TranscriptRecordSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.enum(MESSAGE_TYPES) }),
  z.looseObject({ type: z.literal("summary") }),
  z.looseObject({ type: z.enum(SESSION_METADATA_TYPES) }),
]);

export type TranscriptRecord = Record<string, unknown> & { type: string };

const RECORD_TYPES: ReadonlySet<unknown> = new Set<string>([...MESSAGE_TYPES, "summary", ...SESSION_METADATA_TYPES]);

/**
 * The record when `TranscriptRecordSchema` accepts the value, else null. This runs once per line
 * of every transcript, so it checks what the schema checks (a plain object whose `type` is one of
 * the kinds) without zod's walk over every key; a property test holds the two equal.
 */
export function classifyRecord(value: unknown): TranscriptRecord | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  return RECORD_TYPES.has((value as { type?: unknown }).type) ? (value as TranscriptRecord) : null;
}

export function isMessageType(type: string): boolean {
  return (MESSAGE_TYPES as readonly string[]).includes(type);
}

/** The part of a message record that the index derivation reads, computed once per record. */
export interface MessageNode extends Partial<Record<CopiedMessageKey, unknown>> {
  /** Identity of `uuid` as a JavaScript Map key (see `KeyMaker`). */
  key: string;
  /** Identity of `parentUuid`; `NULL_KEY` when it is null. */
  parentKey: string;
  /** Whether `parentUuid` is truthy: Claude Code only follows truthy parents. */
  followsParent: boolean;
  type: string;
  prompt: PromptOutcome;
  /** 1 when the record counts in `messageCount`; "fails" mirrors a TypeError in Claude Code. */
  counted: 0 | 1 | "fails";
}

export const NULL_KEY = "null";

/**
 * Claude Code keys messages by the raw `uuid` value in a Map, so `"1"` and `1` differ and two
 * objects are never the same key. Keys are strings here so that a state can be saved and resumed.
 */
export class KeyMaker {
  constructor(public nextObjectKey = 0) {}

  keyOf(value: unknown): string {
    switch (typeof value) {
      case "string":
        return `s${value}`;
      case "number":
        return `n${String(value)}`;
      case "boolean":
        return value ? "b1" : "b0";
      case "undefined":
        return "u";
    }
    if (value === null) return NULL_KEY;
    return `o${this.nextObjectKey++}`;
  }
}

export function messageNode(record: TranscriptRecord, keys: KeyMaker): MessageNode {
  const node: MessageNode = {
    key: keys.keyOf(record.uuid),
    parentKey: keys.keyOf(record.parentUuid),
    followsParent: Boolean(record.parentUuid),
    type: record.type,
    prompt: record.type === "user" ? promptOutcome(record) : SKIP,
    counted: countOutcome(record),
  };
  // One line per key of COPIED_MESSAGE_KEYS: a loop over that list costs several times as much here
  // (this runs for every record); test/unit/record-keys.test.ts checks that the two agree.
  if (record.timestamp !== undefined) node.timestamp = record.timestamp;
  if (record.cwd !== undefined) node.cwd = record.cwd;
  if (record.gitBranch !== undefined) node.gitBranch = record.gitBranch;
  if (record.isSidechain !== undefined) node.isSidechain = record.isSidechain;
  return node;
}

function contentOf(record: TranscriptRecord): unknown {
  return (record.message as { content?: unknown } | null | undefined)?.content;
}

/** Whether a record counts as a message in `messageCount`, by 2.1.29's rules. */
export function countOutcome(record: TranscriptRecord): MessageNode["counted"] {
  if (record.type === "user") {
    if (record.isMeta) return 0;
    const content = contentOf(record);
    if (!content) return 0;
    if (typeof content === "string") return content.trim().length > 0 ? 1 : 0;
    if (!Array.isArray(content)) return 0;
    for (const block of content) {
      if (block === null || block === undefined) return "fails";
      const type = (block as { type?: unknown }).type;
      if (type === "text" || type === "image" || type === "document") return 1;
    }
    return 0;
  }
  if (record.type === "assistant") {
    const content = contentOf(record);
    if (!content || !Array.isArray(content)) return 0;
    for (const block of content) {
      if (block === null || block === undefined) return "fails";
      const { type, text } = block as { type?: unknown; text?: unknown };
      if (type === "text" && typeof text === "string" && text.trim().length > 0) return 1;
    }
    return 0;
  }
  return 0;
}

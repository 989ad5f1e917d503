// Saved parse states of large transcripts, so that a transcript that got one more turn is read
// from where the last run stopped instead of from the start. Transcripts are append-only; a
// fingerprint of the bytes before the saved offset catches the rare rewrite (Claude Code's
// "remove message" rewrites the file), and then the transcript is read again in full.
import fs from "node:fs";
import path from "node:path";
import * as z from "zod";
import { directoryNames } from "../system/directory-names.ts";
import { stringifyJson } from "../system/json-text.ts";
import { readPrivateFile, writePrivateFile } from "../system/private-file.ts";
import type { TranscriptFile } from "./session-entry.ts";
import { COPIED_MESSAGE_KEYS, type CopiedMessageKey, type MessageNode } from "./transcript-record.ts";
import { TranscriptState } from "./transcript-state.ts";

const CACHE_FORMAT = 2;
/** Bump when the derivation rules change: saved states hold per-record results of those rules. */
const DERIVATION_RULES = "2.1.29/1";
/** Smaller transcripts parse faster than their saved state would load. */
export const MIN_CACHED_BYTES = 1 << 20;
/**
 * A saved state is rewritten once this many new bytes were read past it: rewriting a large state
 * after every turn would cost more than reading up to this much again (a Stop hook runs per turn).
 */
export const REFRESH_AFTER_BYTES = 512 * 1024;
const FINGERPRINT_WINDOW = 4096;

const PromptSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("skip") }),
  z.object({ kind: z.literal("prompt"), text: z.string() }),
  z.object({ kind: z.literal("fails") }),
]);

/** The short name a saved node gives each copied key (saved states of long sessions are large). */
const SAVED_KEYS: Record<CopiedMessageKey, string> = {
  timestamp: "ts",
  cwd: "cwd",
  gitBranch: "gb",
  isSidechain: "sc",
};
/**
 * Copied keys whose values repeat from record to record (a session's folder, branch, sidechain flag):
 * saved once each in the state's `values`, and by their place there in each node.
 */
const TABLED_KEYS: ReadonlySet<CopiedMessageKey> = new Set(["cwd", "gitBranch", "isSidechain"]);

const SavedNodeSchema = z.object({
  k: z.string(),
  /** Left out when it is the key of the node saved before (a chain of messages, the usual case). */
  p: z.string().optional(),
  f: z.boolean(),
  t: z.string(),
  c: z.union([z.literal(0), z.literal(1), z.literal("fails")]),
  pr: PromptSchema,
  ...Object.fromEntries(COPIED_MESSAGE_KEYS.map((key) => [SAVED_KEYS[key], z.unknown().optional()])),
});

const SavedStateSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  rules: z.literal(DERIVATION_RULES),
  sessionId: z.string(),
  path: z.string(),
  offset: z.number().int().nonnegative(),
  fingerprint: z.string(),
  halted: z.boolean(),
  nextObjectKey: z.number().int().nonnegative(),
  nodes: z.array(SavedNodeSchema),
  values: z.array(z.unknown()),
  summaries: z.array(z.object({ k: z.string(), v: z.unknown().optional() })),
  metadata: z.record(z.string(), z.unknown()),
});

/** A saved node: its fixed fields, and the copied keys under their short names. */
type SavedNode = z.infer<typeof SavedNodeSchema> & Record<string, unknown>;

export interface ResumePoint {
  state: TranscriptState;
  offset: number;
}

export class TranscriptCache {
  constructor(
    private readonly dir: string,
    private readonly writable: boolean,
  ) {}

  static under(configRoot: string, options: { writable: boolean }): TranscriptCache {
    return new TranscriptCache(path.join(configRoot, "claude-reindex", "transcript-cache"), options.writable);
  }

  /** Whether any saved state of this project's transcripts may be here (its folder exists). */
  hasStatesFor(projectDir: string): boolean {
    return fs.existsSync(path.join(this.dir, path.basename(projectDir)));
  }

  private fileFor(transcript: TranscriptFile): string {
    return path.join(this.dir, path.basename(path.dirname(transcript.path)), `${transcript.sessionId}.json`);
  }

  /** The saved state of this transcript, when it still describes the file's first bytes. */
  load(transcript: TranscriptFile, fd: number, size: number): ResumePoint | null {
    if (size < MIN_CACHED_BYTES) return null;
    const raw = readPrivateFile(this.fileFor(transcript));
    if (raw === null) return null;
    let parsed: z.infer<typeof SavedStateSchema>;
    try {
      parsed = SavedStateSchema.parse(JSON.parse(raw));
    } catch {
      return null;
    }
    if (parsed.path !== transcript.path || parsed.sessionId !== transcript.sessionId) return null;
    if (parsed.offset > size || fingerprint(fd, parsed.offset) !== parsed.fingerprint) return null;
    const state = restoreState(parsed);
    return state === null ? null : { state, offset: parsed.offset };
  }

  save(transcript: TranscriptFile, fd: number, state: TranscriptState, offset: number): void {
    if (!this.writable || offset < MIN_CACHED_BYTES) return;
    const file = this.fileFor(transcript);
    const saved: z.infer<typeof SavedStateSchema> = {
      format: CACHE_FORMAT,
      rules: DERIVATION_RULES,
      sessionId: transcript.sessionId,
      path: transcript.path,
      offset,
      fingerprint: fingerprint(fd, offset),
      halted: state.halted,
      nextObjectKey: state.keys.nextObjectKey,
      ...saveNodes(state.nodes.values()),
      summaries: [...state.summaries].map(([k, v]) => ({ k, v })),
      metadata: { ...state.metadata },
    };
    try {
      // No fsync: a saved state lost in a crash only costs reading that transcript in full again.
      writePrivateFile(file, stringifyJson(saved));
    } catch {
      // A cache that cannot be written only costs time on the next run.
    }
  }

  /** Drops saved states of transcripts that are gone from a project. */
  prune(projectDir: string, liveSessionIds: ReadonlySet<string>): void {
    if (!this.writable) return;
    const dir = path.join(this.dir, path.basename(projectDir));
    for (const name of directoryNames(dir)) {
      if (name.endsWith(".json") && !liveSessionIds.has(name.slice(0, -".json".length))) {
        fs.rmSync(path.join(dir, name), { force: true });
      }
    }
  }
}

function fingerprint(fd: number, offset: number): string {
  // Only transcripts of 1 MiB and more have a saved state to fingerprint: crypto (5 ms to load) waits for one.
  const hash = process.getBuiltinModule("node:crypto").createHash("sha256");
  const headLength = Math.min(FINGERPRINT_WINDOW, offset);
  const anchorStart = Math.max(0, offset - FINGERPRINT_WINDOW);
  for (const [start, length] of [
    [0, headLength],
    [anchorStart, offset - anchorStart],
  ] as const) {
    const buffer = Buffer.alloc(length);
    const bytesRead = length > 0 ? fs.readSync(fd, buffer, 0, length, start) : 0;
    hash.update(buffer.subarray(0, bytesRead));
  }
  return `${offset}:${hash.digest("hex")}`;
}

/** The nodes in order, each parent and tabled value said as briefly as the nodes before allow. */
function saveNodes(nodes: Iterable<MessageNode>): { nodes: SavedNode[]; values: unknown[] } {
  const saved: SavedNode[] = [];
  const values: unknown[] = [];
  // By value for strings, numbers, booleans and null; an object or array is a value of its own.
  const places = new Map<unknown, number>();
  let previousKey: string | null = null;
  for (const node of nodes) {
    const s: SavedNode = { k: node.key, f: node.followsParent, t: node.type, c: node.counted, pr: node.prompt };
    if (node.parentKey !== previousKey) s.p = node.parentKey;
    for (const key of COPIED_MESSAGE_KEYS) {
      if (!(key in node)) continue;
      const value = node[key];
      if (!TABLED_KEYS.has(key)) s[SAVED_KEYS[key]] = value;
      else {
        let place = places.get(value);
        if (place === undefined) {
          place = values.push(value) - 1;
          places.set(value, place);
        }
        s[SAVED_KEYS[key]] = place;
      }
    }
    saved.push(s);
    previousKey = node.key;
  }
  return { nodes: saved, values };
}

/** The saved state as it was, or null when it does not hold together (a value's place out of the table). */
function restoreState(saved: z.infer<typeof SavedStateSchema>): TranscriptState | null {
  const state = new TranscriptState(saved.sessionId, saved.nextObjectKey);
  state.halted = saved.halted;
  let previousKey: string | null = null;
  for (const s of saved.nodes as SavedNode[]) {
    const parentKey = s.p ?? previousKey;
    if (parentKey === null) return null;
    const node: MessageNode = { key: s.k, parentKey, followsParent: s.f, type: s.t, counted: s.c, prompt: s.pr };
    for (const key of COPIED_MESSAGE_KEYS) {
      if (!(SAVED_KEYS[key] in s)) continue;
      const value = s[SAVED_KEYS[key]];
      if (!TABLED_KEYS.has(key)) node[key] = value;
      else if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < saved.values.length) {
        node[key] = saved.values[value];
      } else return null;
    }
    state.nodes.set(node.key, node);
    previousKey = node.key;
  }
  for (const { k, v } of saved.summaries) state.summaries.set(k, v);
  Object.assign(state.metadata, saved.metadata);
  return state;
}

// The lists that name the keys of an index entry and of transcript records agree with every place
// that repeats them: the zod schema of an entry, ENTRY_KEYS, the entry the derivation writes; the
// copied message keys and the transcript cache's short names for them; and READ_KEYS, the keys the
// line scanner decodes, against the keys the derivation actually reads (recorded with a Proxy).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { IndexEntrySchema } from "../../src/sessions-index/session-index.ts";
import { scanLine } from "../../src/transcript/line-scanner.ts";
import { ENTRY_KEYS, type EntryKey, type SessionEntry } from "../../src/transcript/session-entry.ts";
import { deriveTranscript } from "../../src/transcript/transcript.ts";
import { MIN_CACHED_BYTES, TranscriptCache } from "../../src/transcript/transcript-cache.ts";
import {
  COPIED_MESSAGE_KEYS,
  KeyMaker,
  MESSAGE_TYPES,
  messageNode,
  READ_KEYS,
  SESSION_METADATA_KEYS,
  type TranscriptRecord,
} from "../../src/transcript/transcript-record.ts";
import { TranscriptState } from "../../src/transcript/transcript-state.ts";
import { tempDir } from "../support/temp.ts";

const SESSION = "0b6a3c1e-8f2d-4c1a-9e7b-5d4c3b2a1f00";
const repo = path.resolve(import.meta.dirname, "../..");

/** A transcript that sets every key an entry can carry, each to a value of its own. */
function fullTranscript(): { lines: Record<string, unknown>[]; values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  const user = {
    parentUuid: null,
    isSidechain: false,
    cwd: "/home/dev/app",
    sessionId: SESSION,
    gitBranch: "first-branch",
    type: "user",
    message: { role: "user", content: "the first prompt" },
    uuid: "u1",
    timestamp: "2026-10-01T09:00:00.000Z",
  };
  const assistant = {
    ...user,
    parentUuid: "u1",
    gitBranch: "last-branch",
    type: "assistant",
    message: { role: "assistant", content: [{ type: "text", text: "a reply" }] },
    uuid: "a1",
    timestamp: "2026-10-01T09:00:05.000Z",
  };
  const lines: Record<string, unknown>[] = [
    user,
    assistant,
    { type: "summary", summary: "the summary", leafUuid: "a1" },
  ];
  for (const [type, keys] of Object.entries(SESSION_METADATA_KEYS)) {
    const record: Record<string, unknown> = { type, sessionId: SESSION };
    for (const key of keys) record[key] = values[key] = key === "prNumber" ? 42 : `${key} value`;
    lines.push(record);
  }
  return { lines, values };
}

function derivedEntry(lines: Record<string, unknown>[]): SessionEntry {
  const file = path.join(tempDir(), `${SESSION}.jsonl`);
  fs.writeFileSync(file, lines.map((line) => `${JSON.stringify(line)}\n`).join(""));
  const derivation = deriveTranscript({ sessionId: SESSION, path: file, mtime: 1_700_000_000_000 }, null);
  if (derivation.kind !== "entry") throw new Error(`no entry: ${JSON.stringify(derivation)}`);
  return derivation.entry;
}

describe("the keys of an index entry", () => {
  it("SessionEntry has exactly the keys of ENTRY_KEYS (checked by the type check)", () => {
    expectTypeOf<keyof SessionEntry>().toEqualTypeOf<EntryKey>();
  });

  it("the schema of an entry names the keys of ENTRY_KEYS, in the same order", () => {
    expect(Object.keys(IndexEntrySchema.shape)).toEqual([...ENTRY_KEYS]);
  });

  it("the derived entry has every key of ENTRY_KEYS, in that order, when the transcript sets them all", () => {
    const { lines, values } = fullTranscript();
    const entry = derivedEntry(lines);
    expect(Object.keys(entry)).toEqual([...ENTRY_KEYS]);
    // Each metadata key is carried from its record to the entry under its own name.
    for (const [key, value] of Object.entries(values)) expect(entry[key as EntryKey], key).toEqual(value);
    expect(entry).toMatchObject({ summary: "the summary", gitBranch: "last-branch", projectPath: "/home/dev/app" });
    expect(IndexEntrySchema.safeParse(entry).success).toBe(true);
  });
});

describe("the keys of a message record", () => {
  /** A message record with every copied key set to a value of its own. */
  function recordWithCopiedKeys(): TranscriptRecord {
    const record: TranscriptRecord = { type: "user", uuid: "u1", parentUuid: null, message: { content: "hi" } };
    for (const key of COPIED_MESSAGE_KEYS) record[key] = `${key} value`;
    return record;
  }

  it("a message node keeps every key of COPIED_MESSAGE_KEYS", () => {
    const node = messageNode(recordWithCopiedKeys(), new KeyMaker());
    for (const key of COPIED_MESSAGE_KEYS) expect(node[key], key).toBe(`${key} value`);
  });

  it("the transcript cache saves and restores every key of COPIED_MESSAGE_KEYS and of the metadata", () => {
    const dir = tempDir();
    const file = { sessionId: SESSION, path: path.join(dir, `${SESSION}.jsonl`), mtime: 0 };
    const record = recordWithCopiedKeys();
    const line = `${JSON.stringify(record)}\n`;
    fs.writeFileSync(file.path, line.repeat(Math.ceil(MIN_CACHED_BYTES / line.length)));
    const state = new TranscriptState(SESSION);
    state.apply(record);
    for (const line of fullTranscript().lines.slice(3)) state.apply(line);
    const cache = new TranscriptCache(path.join(dir, "cache"), true);
    const fd = fs.openSync(file.path, "r");
    try {
      const size = fs.fstatSync(fd).size;
      cache.save(file, fd, state, size);
      const restored = cache.load(file, fd, size);
      expect(restored).not.toBeNull();
      const nodes = [...restored!.state.nodes.values()];
      expect(nodes).toEqual([...state.nodes.values()]);
      for (const key of COPIED_MESSAGE_KEYS) expect(nodes[0]![key], key).toBe(`${key} value`);
      expect(Object.keys(restored!.state.metadata).sort()).toEqual(Object.values(SESSION_METADATA_KEYS).flat().sort());
      expect(restored!.state.metadata).toEqual(state.metadata);
    } finally {
      fs.closeSync(fd);
    }
  });

  it("the transcript cache says a repeated folder, branch and parent once, and drops a state that fails", () => {
    const dir = tempDir();
    const file = { sessionId: SESSION, path: path.join(dir, `${SESSION}.jsonl`), mtime: 0 };
    fs.writeFileSync(file.path, "x".repeat(MIN_CACHED_BYTES));
    const state = new TranscriptState(SESSION);
    const cwd = `/home/dev/${"deep/".repeat(20)}app`;
    const shared = { type: "user", cwd, gitBranch: "main", isSidechain: false, message: { content: "hi" } };
    state.apply({ ...shared, uuid: "u1", parentUuid: null });
    state.apply({ ...shared, uuid: "u2", parentUuid: "u1" });
    // A branch back to u1, and a value that is an object: each said in full.
    state.apply({ ...shared, uuid: "u3", parentUuid: "u1", cwd: { odd: true }, timestamp: 7 });
    state.apply({ ...shared, uuid: "u4", parentUuid: "u3", gitBranch: "next" });
    const cache = new TranscriptCache(path.join(dir, "cache"), true);
    const saved = path.join(dir, "cache", path.basename(dir), `${SESSION}.json`);
    const fd = fs.openSync(file.path, "r");
    try {
      cache.save(file, fd, state, MIN_CACHED_BYTES);
      const text = fs.readFileSync(saved, "utf8");
      expect(text.split(cwd).length - 1).toBe(1);
      expect(JSON.parse(text).nodes.map((n: { p?: string }) => n.p)).toEqual(["null", undefined, "su1", undefined]);
      expect([...cache.load(file, fd, MIN_CACHED_BYTES)!.state.nodes.values()]).toEqual([...state.nodes.values()]);
      // A value's place that is not in the table: the state is not used, and the transcript is read again.
      fs.writeFileSync(saved, text.replace('"cwd":0', '"cwd":99'));
      expect(cache.load(file, fd, MIN_CACHED_BYTES)).toBeNull();
    } finally {
      fs.closeSync(fd);
    }
  });
});

describe("the keys the line scanner decodes (READ_KEYS)", () => {
  /** Long enough that the line scanner skips a string undecoded unless READ_KEYS names its key. */
  const long = (text: string) => `${text} ${"x".repeat(600)}`;

  /**
   * Every record kind, with every string the derivation may read made long; `isMeta` and
   * `isCompactSummary` each on a user record whose prompt or count they change.
   */
  function longLines(): Buffer[] {
    const records: Record<string, unknown>[] = [];
    let parent: string | null = null;
    for (const type of MESSAGE_TYPES) {
      const uuid = long(`${type} uuid`);
      const record: Record<string, unknown> = { type, uuid, parentUuid: parent, sessionId: SESSION };
      for (const key of COPIED_MESSAGE_KEYS) record[key] = long(`${type} ${key}`);
      record.message = { content: type === "user" ? long("prompt") : [{ type: "text", text: long("reply") }] };
      records.push(record);
      parent = uuid;
    }
    for (const flag of ["isMeta", "isCompactSummary"]) {
      const uuid = long(`${flag} uuid`);
      records.push({ type: "user", uuid, parentUuid: parent, [flag]: true, message: { content: long(flag) } });
      parent = uuid;
    }
    records.push({ type: "summary", summary: long("summary"), leafUuid: parent });
    for (const [type, keys] of Object.entries(SESSION_METADATA_KEYS)) {
      const record: Record<string, unknown> = { type, sessionId: SESSION };
      for (const key of keys) record[key] = key === "prNumber" ? 42 : long(key);
      records.push(record);
    }
    // A key nobody reads pads each line: the scanner skips it.
    return records.map((record) => Buffer.from(JSON.stringify({ ...record, toolUseResult: "y".repeat(9000) })));
  }

  function scanned(line: Buffer): Record<string, unknown> {
    const parsed = scanLine(line, 0, line.length);
    if (parsed.kind !== "value") throw new Error(`the line scanner gave ${parsed.kind}`);
    return parsed.value;
  }

  function stateOf(lines: Buffer[], parse: (line: Buffer) => unknown): TranscriptState {
    const state = new TranscriptState(SESSION);
    for (const line of lines) state.apply(parse(line));
    return state;
  }

  function sameState(a: TranscriptState, b: TranscriptState): boolean {
    try {
      expect(a.nodes).toEqual(b.nodes);
      expect(a.summaries).toEqual(b.summaries);
      expect(a.metadata).toEqual(b.metadata);
      return true;
    } catch {
      return false;
    }
  }

  it("the derivation sees the same values through the line scanner as through JSON.parse", () => {
    const lines = longLines();
    const exact = stateOf(lines, (line) => JSON.parse(line.toString("utf8")));
    const scan = stateOf(lines, scanned);
    expect(sameState(scan, exact)).toBe(true);
    // The transcript did set every metadata key, so the comparison above covered each.
    expect(Object.keys(exact.metadata).sort()).toEqual(Object.values(SESSION_METADATA_KEYS).flat().sort());
  });

  it.each(READ_KEYS)("a scanner that left out %s would give another state (the check above would fail)", (key) => {
    const lines = longLines();
    const exact = stateOf(lines, (line) => JSON.parse(line.toString("utf8")));
    const without = stateOf(lines, (line) => {
      const value = scanned(line);
      delete value[key];
      return value;
    });
    expect(sameState(without, exact)).toBe(false);
  });

  /** The top-level keys of records that `read` looks at (got or tested with `in`), over `records`. */
  function keysRead(records: unknown[], read: (record: unknown) => void): Set<string> {
    const seen = new Set<string>();
    const watch = (target: object) =>
      new Proxy(target, {
        get(object, key, receiver) {
          if (typeof key === "string") seen.add(key);
          return Reflect.get(object, key, receiver);
        },
        has(object, key) {
          if (typeof key === "string") seen.add(key);
          return Reflect.has(object, key);
        },
      });
    for (const record of records) read(typeof record === "object" && record !== null ? watch(record) : record);
    return seen;
  }

  /** Every record of the real Claude Code transcripts under fixtures/cc-parity, and those of longLines. */
  function allRecords(): unknown[] {
    const dir = path.join(repo, "fixtures/cc-parity");
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".jsonl"))
      .map((name) => path.join(dir, name));
    expect(files.length).toBeGreaterThan(10);
    const records: unknown[] = longLines().map((line) => JSON.parse(line.toString("utf8")));
    for (const file of files)
      for (const line of fs.readFileSync(file, "utf8").split("\n")) {
        try {
          records.push(JSON.parse(line) as unknown);
        } catch {
          // a torn or empty line: Claude Code skips it too
        }
      }
    return records;
  }

  it("READ_KEYS and `message` are every top-level key the parse state reads of a record", () => {
    const state = new TranscriptState(SESSION);
    const read = keysRead(allRecords(), (record) => state.apply(record));
    expect([...read].sort()).toEqual([...READ_KEYS, "message"].sort());
  });

  it("the key recorder notices a key read beyond READ_KEYS", () => {
    const read = keysRead([{ type: "user", extra: 1 }], (record) => {
      const r = record as Record<string, unknown>;
      if (r.type === "user" && "extra" in r) void r.extra;
    });
    expect([...read].sort()).toEqual(["extra", "type"]);
  });
});

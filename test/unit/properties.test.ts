import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { SessionFile } from "../../src/layout/session-file.ts";
import { mergeIndex } from "../../src/sessions-index/index-merge.ts";
import { scanLine } from "../../src/transcript/line-scanner.ts";
import type { SessionEntry } from "../../src/transcript/session-entry.ts";
import { deriveTranscript } from "../../src/transcript/transcript.ts";
import { MIN_CACHED_BYTES, TranscriptCache } from "../../src/transcript/transcript-cache.ts";
import { classifyRecord, TranscriptRecordSchema } from "../../src/transcript/transcript-record.ts";
import { TranscriptState } from "../../src/transcript/transcript-state.ts";
import { recordFigure } from "../support/stress-results.ts";
import { tempDir } from "../support/temp.ts";

const SESSION = "0b6a3c1e-8f2d-4c1a-9e7b-5d4c3b2a1f00";
const RUNS = Number(process.env.CLAUDE_REINDEX_PROPERTY_RUNS ?? 150);

/** Records of every kind Claude Code writes, and some it does not, over a small pool of uuids. */
const uuidArb = fc.oneof(
  fc.constantFrom("u1", "u2", "u3", "u4", "u5", "u6"),
  fc.constant(null),
  fc.integer({ min: 0, max: 3 }),
);
const textArb = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "<command-name>/clear</command-name>",
    "<bash-input>ls</bash-input>",
    "  ",
    "<local-command-stdout>x</local-command-stdout>",
  ),
);
const blockArb = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom("text", "image", "tool_result", "thinking", "document"),
      text: fc.oneof(textArb, fc.integer(), fc.constant(undefined)),
    },
    { requiredKeys: ["type"] },
  ),
  fc.constant(null),
);
const contentArb = fc.oneof(textArb, fc.array(blockArb, { maxLength: 3 }), fc.constant(null), fc.integer());
const timestampArb = fc.oneof(
  fc.integer({ min: 0, max: 50 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString()),
  fc.constantFrom("yesterday", ""),
  fc.constant(undefined),
);
const recordArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        type: fc.constantFrom("user", "assistant", "system", "progress", "attachment"),
        uuid: uuidArb,
        parentUuid: uuidArb,
        timestamp: timestampArb,
        isMeta: fc.boolean(),
        cwd: fc.constantFrom("/a", "/b"),
        message: fc.record({ content: contentArb }),
      },
      { requiredKeys: ["type", "uuid", "parentUuid", "message"] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("summary"), summary: fc.string(), leafUuid: uuidArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constantFrom("custom-title", "tag", "pr-link"),
      customTitle: fc.string(),
      tag: fc.string(),
      sessionId: fc.constantFrom(SESSION, "other"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.string(), anything: fc.jsonValue() }) },
);
/** A line: a record as written, or damaged the ways files get damaged. */
const lineArb = fc.oneof(
  { weight: 8, arbitrary: recordArb.map((r) => JSON.stringify(r)) },
  { weight: 1, arbitrary: fc.tuple(recordArb, fc.nat()).map(([r, n]) => JSON.stringify(r).slice(0, n % 40)) },
  { weight: 1, arbitrary: fc.constantFrom("null", "", "   ", "[]", "{", "\u0000\u0000", "\uFEFF{}") },
);

function derive(file: string, cache: TranscriptCache | null) {
  return deriveTranscript({ sessionId: SESSION, path: file, mtime: 1 }, cache);
}

describe("properties", () => {
  afterAll(() => recordFigure("generated transcripts, long lines and merges checked (fast-check)", RUNS * 4));

  it("the derivation never throws, and resuming from a saved state equals one full read", () => {
    const dir = tempDir();
    // A first line long enough that the cache keeps a state for the transcript.
    const filler = `${JSON.stringify({ type: "filler", text: "f".repeat(MIN_CACHED_BYTES) })}\n`;
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 25 }), fc.nat(), (lines, cut) => {
        const file = path.join(dir, `${SESSION}.jsonl`);
        const split = lines.length === 0 ? 0 : cut % (lines.length + 1);
        fs.rmSync(path.join(dir, "cache"), { recursive: true, force: true });
        const cache = new TranscriptCache(path.join(dir, "cache"), true);
        fs.writeFileSync(
          file,
          filler +
            lines
              .slice(0, split)
              .map((l) => `${l}\n`)
              .join(""),
        );
        derive(file, cache);
        expect(fs.existsSync(path.join(dir, "cache", path.basename(dir), `${SESSION}.json`))).toBe(true);
        fs.appendFileSync(
          file,
          lines
            .slice(split)
            .map((l) => `${l}\n`)
            .join(""),
        );
        const resumed = derive(file, cache);
        const whole = derive(file, null);
        expect(resumed).toEqual(whole);
      }),
      { numRuns: RUNS },
    );
  });

  it("the byte-level scan of long lines lets the derivation see what JSON.parse gives", () => {
    const longString = fc.string({
      unit: fc.constantFrom("a", '"', "\\", "é", "😀", "\n", "{", "}", ":", ","),
      minLength: 520,
      maxLength: 900,
    });
    const longRecord = fc.record({
      type: fc.constantFrom("user", "assistant", "summary", "custom-title"),
      uuid: fc.oneof(fc.constant("u1"), longString),
      parentUuid: fc.constant(null),
      summary: longString,
      sessionId: fc.constant(SESSION),
      customTitle: longString,
      message: fc.record({
        content: fc.oneof(
          longString,
          fc.array(fc.record({ type: fc.constantFrom("text", "tool_result"), text: longString, content: longString }), {
            maxLength: 3,
          }),
        ),
      }),
      toolUseResult: fc.record({ stdout: longString }),
    });
    const apply = (value: unknown) => {
      const state = new TranscriptState(SESSION);
      state.apply(value);
      return { nodes: [...state.nodes.values()], summaries: [...state.summaries], metadata: state.metadata };
    };
    fc.assert(
      fc.property(longRecord, (record) => {
        const line = Buffer.from(JSON.stringify(record));
        const scan = scanLine(line, 0, line.length);
        expect(scan.kind).toBe("value");
        if (scan.kind === "value") expect(apply(scan.value)).toEqual(apply(JSON.parse(line.toString())));
      }),
      { numRuns: RUNS },
    );
  });

  it("classifyRecord accepts exactly what TranscriptRecordSchema accepts", () => {
    const typeArb = fc.oneof(
      fc.constantFrom("user", "assistant", "attachment", "system", "progress", "summary", "custom-title", "tag"),
      fc.constantFrom("agent-name", "agent-color", "pr-link", "file-history-snapshot", "User", "", "toString"),
      fc.jsonValue(),
    );
    const valueArb = fc.oneof(
      recordArb,
      fc.record({ type: typeArb, other: fc.jsonValue() }, { requiredKeys: [] }),
      fc.jsonValue(),
      fc.array(recordArb, { maxLength: 2 }),
    );
    fc.assert(
      fc.property(valueArb, (value) => {
        const viaJson = JSON.parse(JSON.stringify(value) ?? "null");
        expect(classifyRecord(viaJson) !== null).toBe(TranscriptRecordSchema.safeParse(viaJson).success);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it("a merge never drops an entry whose transcript exists, keeps foreign keys, and is idempotent", () => {
    const ids = Array.from({ length: 6 }, (_, i) => `0000000${i}-0000-4000-8000-000000000000`);
    const entryArb = fc.record({
      sessionId: fc.constantFrom(...ids),
      fileMtime: fc.integer({ min: 0, max: 10 }),
      valid: fc.boolean(),
      extra: fc.option(fc.jsonValue(), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 8 }),
        fc.subarray(ids),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 6, maxLength: 6 }),
        fc.subarray(ids),
        (raw, listed, mtimes, noEntry) => {
          const dir = "/p/-x";
          const entry = (id: string, mtime: number): SessionEntry => ({
            sessionId: id,
            fullPath: `${dir}/${id}.jsonl`,
            fileMtime: mtime,
            firstPrompt: `p${mtime}`,
            messageCount: 1,
            isSidechain: false,
          });
          const current = {
            version: 1,
            entries: raw.map((r) => ({
              ...(r.valid ? entry(r.sessionId, r.fileMtime) : { sessionId: r.sessionId, fileMtime: "bad" }),
              ...(r.extra === undefined ? {} : { "x-extra": r.extra }),
            })),
          };
          const sessions = new Map<string, SessionFile>(
            listed.map((id) => [
              id,
              { sessionId: id, path: `${dir}/${id}.jsonl`, mtime: mtimes[ids.indexOf(id)]!, size: 1 },
            ]),
          );
          const input = {
            projectDirName: "-x",
            sessions,
            derive: (f: SessionFile) =>
              noEntry.includes(f.sessionId)
                ? ({ kind: "no-entry", reason: "none" } as const)
                : ({ kind: "entry", entry: entry(f.sessionId, f.mtime) } as const),
            transcriptExists: () => false,
            nowMs: Number.MAX_SAFE_INTEGER,
          };
          const first = mergeIndex({ ...input, current });
          const after = new Map((first.index.entries as { sessionId: string }[]).map((e) => [e.sessionId, e]));
          for (const r of raw) {
            if (listed.includes(r.sessionId)) {
              expect(after.has(r.sessionId)).toBe(true);
              if (r.extra !== undefined && raw.find((x) => x.sessionId === r.sessionId) === r)
                expect(after.get(r.sessionId)).toHaveProperty("x-extra");
            }
          }
          for (const id of listed) if (!noEntry.includes(id)) expect(after.has(id)).toBe(true);
          const second = mergeIndex({ ...input, current: first.index as typeof current });
          expect(second.changed).toBe(false);
          expect(second.index).toEqual(first.index);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});

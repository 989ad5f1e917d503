import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readLongLine } from "../../src/transcript/long-line.ts";
import { type ParsedLine, scanOrParseLine } from "../../src/transcript/parsed-line.ts";
import { TranscriptState } from "../../src/transcript/transcript-state.ts";
import { tempDir } from "../support/temp.ts";

const SESSION = "7d2c1b0a-3e4f-4a5b-8c6d-9e0f1a2b3c4d";
const dir = tempDir("claude-reindex-long-line-");
const file = path.join(dir, "line.jsonl");
const fd = fs.openSync(file, "w+");
afterAll(() => fs.closeSync(fd));

/** Whatever the derivation can see of one line: the state it leaves. */
function viewOf(parsed: ParsedLine) {
  const state = new TranscriptState(SESSION);
  if (parsed.kind === "value") state.apply(parsed.value);
  return {
    kind: parsed.kind,
    nodes: [...state.nodes.values()],
    summaries: [...state.summaries],
    metadata: state.metadata,
  };
}

/**
 * The line read as a long line (skeleton, values read back from the file), with `headBytes` of it
 * already read, against the same line held whole; and where the next line starts.
 */
function compare(line: Buffer, headBytes = 0, newline = true) {
  fs.ftruncateSync(fd, 0);
  const content = newline ? Buffer.concat([line, Buffer.from("\n{}\n")]) : line;
  fs.writeSync(fd, content, 0, content.length, 0);
  const head = line.subarray(0, Math.min(headBytes, line.length));
  const long = readLongLine(fd, 0, head);
  expect(long.next).toBe(newline ? line.length + 1 : null);
  expect(viewOf(long.line)).toEqual(viewOf(scanOrParseLine(line, 0, line.length)));
  return long.line;
}

const big = (char: string, n: number) => char.repeat(n);
const record = (fields: Record<string, unknown>) => ({
  type: "user",
  uuid: "u1",
  parentUuid: null,
  sessionId: SESSION,
  timestamp: "2026-10-01T00:00:00.000Z",
  cwd: "/home/dev/app",
  ...fields,
});

describe("readLongLine", () => {
  it("reads what the derivation reads from lines whose bulk is long strings, digits and spaces", () => {
    const CODE = 'quote \\" backslash \\\\ tab\\t ünï 😀 \\u0041 \u2028 '.repeat(200);
    const lines = [
      record({ message: { content: [{ type: "tool_result", content: big("x", 50_000) }] } }),
      record({ message: { content: `a prompt ${CODE}` } }),
      record({
        message: {
          content: [
            { type: "text", text: CODE },
            { type: "image", data: big("A", 9000) },
          ],
        },
      }),
      record({ type: "summary", summary: CODE, leafUuid: "u1" }),
      record({ type: "custom-title", customTitle: `T${big("t", 5000)}` }),
      record({ [`k${big("e", 3000)}`]: CODE, toolUseResult: { stdout: CODE } }),
      record({ cwd: `/very/long/${big("d", 4000)}`, gitBranch: `b${big("b", 2000)}` }),
    ].map((r) => JSON.stringify(r));
    const shapes = [
      ...lines,
      // runs of digits and spaces, in values the derivation reads and in ones it does not
      lines[0]!.replace(
        '"parentUuid":null',
        `"parentUuid":null, "n": ${big("7", 5000)}.${big("1", 40)}e${big("0", 30)}1`,
      ),
      lines[1]!.replace('"type":"user"', `"type"${big(" ", 5000)}:\t${big(" ", 3000)}"user"`),
      lines[4]!.replace('"type":"custom-title"', `"type":"custom-title","prNumber":${big("9", 400)}`),
      `${big(" ", 3000)}\uFEFF${lines[2]}\r${big(" ", 2000)}`,
    ];
    for (const line of shapes) {
      for (const head of [0, 1, 1000, 1500, 4097]) {
        const parsed = compare(Buffer.from(line), head);
        expect(parsed.kind).toBe("value");
      }
    }
  });

  it("agrees with the whole line on cuts in escapes, backslash runs, bad escapes in long keys, NULs and edges", () => {
    const cases: string[] = [];
    for (let pad = 1018; pad < 1032; pad++) {
      const p = big("p", pad);
      cases.push(JSON.stringify(record({ message: { content: `${p}\u0041\\"\\\\${big("q", 2000)}` } })));
      cases.push(`{"type":"user","x":"${p}\\u0041${big("r", 2000)}","uuid":"u1"}`);
      cases.push(`{"type":"user","x":"${p}\\\\\\"${big("r", 2000)}\\\\","uuid":"u1"}`);
      cases.push(`{"type":"user","x":"${p}${big("\\\\", 2000)}","uuid":"u1"}`);
      cases.push(`{"type":"user","x":"${p}${big("\\u0", 800)}","uuid":"u1"}`);
      cases.push(`{"type":"user","x":"${p}\\u00"${big("r", 2000)}","uuid":"u1"}`);
      // a long key: checked in full, as JSON.parse checks it
      cases.push(`{"type":"user","${p}${big("k", 2000)}\\q":1,"uuid":"u1"}`);
      cases.push(`{"type":"user","${p}${big("k", 2000)}\u0001":1,"uuid":"u1"}`);
      cases.push(`{"type":"user","${p}\\u00${big("k", 2000)}":1,"uuid":"u1"}`);
      cases.push(`{"type":"user","${p}${big("k", 2000)}\\u004":1,"uuid":"u1"}`);
      cases.push(`{"type":"user","${p}${big("k", 2000)}\\u0041":1,"uuid":"u1"}`);
      // a bad escape or control character in a long value the derivation reads
      cases.push(`{"type":"user","uuid":"u1","message":{"content":"${p}${big("c", 2000)}\\q"}}`);
      cases.push(`{"type":"user","uuid":"u1","message":{"content":"${p}${big("c", 2000)}\u0002"}}`);
    }
    const plain = JSON.stringify(record({ message: { content: `hi ${big("x", 5000)}` } }));
    cases.push(
      `${plain.slice(0, 3000)}\u0000${plain.slice(3000)}`,
      `${plain.slice(0, 3000)}`, // torn inside a long string
      `${plain.slice(0, -1)}`, // torn at the end
      `${plain}${plain}`, // two glued
      `\u00a0${plain}\u3000`, // edges JSON.parse's trim removes
      `[${plain}, "${big("z", 5000)}"]`, // not an object
      `{"type":"user","uuid":"u1","x":${big("[", 600)}${big("]", 600)},"y":"${big("y", 5000)}"}`, // deep
      `${big("1", 5000)}`,
      `"${big("s", 5000)}"`,
      `{"type":"user","uuid":"u1","message":{"content":"hi"},"n":0${big("0", 3000)}}`,
      `{"type":"user","uuid":"u1","message":{"content":"hi"},"n":1.${big(" ", 3000)}}`,
    );
    for (const line of cases) {
      for (const head of [0, 1025, 1029]) compare(Buffer.from(line), head);
      compare(Buffer.from(line), 0, false);
    }
    // Read boundaries inside backslash runs before a quote, deep in a cut string.
    const runs =
      `{"type":"user","x":"${big("r", 3000)}\\\\\\\\\\"${big("r", 100)}\\\\",` +
      `"uuid":"u1","message":{"content":"hi"}}`;
    const at = runs.indexOf("\\\\");
    for (let head = at - 2; head < at + 8; head++) compare(Buffer.from(runs), head);
  });

  it("agrees with the whole line on generated long lines, damaged byte by byte", () => {
    const piece = fc.constantFrom("x", "\\\\", '\\"', "\\u0041", "é", "😀", "\\n", " ", "\\", '"', "\u0001", "\\u00");
    const longString = fc.array(piece, { minLength: 300, maxLength: 700 }).map((p) => p.join(""));
    const slot = fc.constantFrom("content", "text", "extra", "summary", "customTitle", "key");
    const line = fc
      .tuple(longString, slot, fc.nat(), fc.nat(), fc.constantFrom(...'{}[]":,\\ 0-1e.\u0000\u00ff\t'))
      .map(([body, where, at, how, byte]) => {
        const value = `"${body}"`;
        const json =
          where === "content"
            ? `{"type":"user","uuid":"u1","parentUuid":null,"message":{"content":${value}}}`
            : where === "text"
              ? `{"type":"user","uuid":"u1","message":{"content":[{"type":"text","text":${value}}]}}`
              : where === "key"
                ? `{"type":"user","uuid":"u1",${value}:1,"message":{"content":"hi"}}`
                : where === "extra"
                  ? `{"type":"user","uuid":"u1","message":{"content":"hi"},"extra":${value}}`
                  : `{"type":"${where === "summary" ? "summary" : "custom-title"}","sessionId":"${SESSION}",` +
                    `"leafUuid":"u1","${where}":${value}}`;
        const bytes = Buffer.from(json);
        const i = at % (bytes.length + 1);
        const insert = Buffer.from(byte, "latin1");
        if (how % 4 === 0) return bytes;
        if (how % 4 === 1) return bytes.subarray(0, i);
        if (how % 4 === 2) return Buffer.concat([bytes.subarray(0, i), insert, bytes.subarray(i)]);
        return Buffer.concat([bytes.subarray(0, i), insert, bytes.subarray(i + 1)]);
      });
    fc.assert(
      fc.property(line, fc.nat(), (bytes, head) => {
        compare(bytes, head % (bytes.length + 1));
      }),
      { numRuns: 1500 },
    );
  });
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileLineWalk, lineWalkModule } from "../../scripts/build-line-walk.mjs";
import { lineBuffer, scanLine, scanLineInJs } from "../../src/transcript/line-scanner.ts";
import {
  LineWalk,
  OUT_BLOCK_COUNT,
  OUT_BLOCKS,
  OUT_CONTENT_START,
  OUT_TOP,
  WALK_INVALID,
  WALK_USE_EXACT,
  WALK_USE_JS,
  WALK_VALUE,
} from "../../src/transcript/line-walk.ts";
import { LINE_WALK_WASM } from "../../src/transcript/line-walk-wasm.ts";
import { damagedLine } from "../support/damaged-line.ts";
import { prng } from "../support/prng.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const SESSION = "7d2c1b0a-3e4f-4a5b-8c6d-9e0f1a2b3c4d";

const hasClang = (() => {
  try {
    execFileSync("clang", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Both walks on the same bytes: the native one (scanLine) must answer exactly as the JavaScript one. */
function expectSameWalk(bytes: Buffer, start = 0, end = bytes.length): void {
  expect(scanLine(bytes, start, end)).toEqual(scanLineInJs(bytes, start, end));
}

/** Every line of every transcript under fixtures/ (real Claude Code releases, hostile trees, the demo). */
function fixtureLines(): Buffer[] {
  const lines: Buffer[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && entry.name.endsWith(".jsonl")) {
        const bytes = fs.readFileSync(full);
        let start = 0;
        for (let newline = bytes.indexOf(10); newline !== -1; newline = bytes.indexOf(10, start)) {
          lines.push(bytes.subarray(start, newline));
          start = newline + 1;
        }
        if (start < bytes.length) lines.push(bytes.subarray(start));
      }
    }
  };
  visit(path.join(repo, "fixtures"));
  return lines;
}

describe("the native line walk (line-walk.c)", () => {
  it.skipIf(!hasClang)("is committed as line-walk.c compiles (scripts/build-line-walk.mjs)", () => {
    const committed = fs.readFileSync(path.join(repo, "src/transcript/line-walk-wasm.ts"), "utf8");
    expect(committed).toBe(lineWalkModule(compileLineWalk()));
  });

  it("runs, and reports the offsets of the values it was asked for", () => {
    const walk = LineWalk.create([
      { role: 1, slot: 0, name: "type" },
      { role: 1, slot: 1, name: "message" },
      { role: 2, slot: 100, name: "content" },
      { role: 4, slot: 102, name: "type" },
    ]);
    expect(walk).not.toBeNull();
    const line = Buffer.from(' {"x":[1,{"type":2}],"type":"user","message":{"content":[{"type":"text"},null]}} ');
    expect(walk!.walk(line, 0, line.length)).toBe(WALK_VALUE);
    const out = walk!.output;
    expect(line.toString("latin1", out[OUT_TOP]!, out[OUT_TOP + 1]!)).toBe('"user"');
    expect(line.toString("latin1", out[OUT_TOP + 2]!, out[OUT_TOP + 3]!)).toBe('{"content":[{"type":"text"},null]}');
    expect(line.toString("latin1", out[OUT_CONTENT_START]!).startsWith('[{"type"')).toBe(true);
    expect(out[OUT_BLOCK_COUNT]).toBe(2);
    expect(line.toString("latin1", out[OUT_BLOCKS + 2]!, out[OUT_BLOCKS + 3]!)).toBe('"text"');
    expect(line.toString("latin1", out[OUT_BLOCKS + 6]!, out[OUT_BLOCKS + 7]!)).toBe("null");

    const answer = (text: string) => walk!.walk(Buffer.from(text), 0, Buffer.byteLength(text));
    expect(answer('{"type":"user",}')).toBe(WALK_INVALID);
    expect(answer('{"type":"us\u0000er"}')).toBe(WALK_USE_EXACT);
    expect(answer('["type"]')).toBe(WALK_USE_EXACT);
    expect(answer('{"t\\u0079pe":"user"}')).toBe(WALK_USE_JS);
    expect(answer(`{"message":{"content":[${"0,".repeat(1024)}0]}}`)).toBe(WALK_USE_JS);
    expect(LINE_WALK_WASM.length).toBeGreaterThan(1000);
  });

  it("answers as the JavaScript walk on every fixture line, whole and damaged", () => {
    const lines = fixtureLines();
    expect(lines.length).toBeGreaterThan(500);
    const random = prng(7);
    for (const line of lines) {
      expectSameWalk(line);
      for (let k = 0; k < 4; k++) {
        const copy = Buffer.from(line);
        const at = Math.floor(random() * copy.length);
        copy[at] = [0x00, 0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x20, 0x01, 0xff][Math.floor(random() * 12)]!;
        expectSameWalk(copy);
        expectSameWalk(line.subarray(0, at));
      }
    }
  });

  it("answers as the JavaScript walk on generated lines: long strings, escapes, NULs, nesting, many blocks", () => {
    const longText = fc
      .tuple(
        fc.string({ maxLength: 40 }),
        fc.integer({ min: 0, max: 1200 }),
        fc.constantFrom("a", "\\", '"', "\n", "é"),
      )
      .map(([s, n, c]) => s + c.repeat(n) + s);
    const key = fc.oneof(
      fc.constantFrom("type", "uuid", "parentUuid", "message", "content", "text", "summary", "customTitle", "cwd"),
      fc.constantFrom("t\\u0079pe", "isMeta", "timestamp", "leafUuid", "sessionId", "gitBranch", "isSidechain"),
      fc.string({ maxLength: 6 }),
    );
    const leaf = fc.oneof(longText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(SESSION));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 4 }),
      object: fc.dictionary(key, tie("value"), { maxKeys: 5 }),
    }));
    const block = fc.oneof(
      fc.record({ type: fc.constantFrom("text", "image", "tool_result"), text: longText, content: value }),
      value,
      fc.constant(null),
    );
    const record = fc.record(
      {
        type: fc.constantFrom("user", "assistant", "system", "summary", "custom-title", "other"),
        uuid: fc.oneof(fc.constantFrom("u1", "u2"), longText),
        parentUuid: fc.constantFrom(null, "u1"),
        isMeta: fc.boolean(),
        message: fc.oneof(fc.record({ content: fc.oneof(longText, fc.array(block, { maxLength: 4 })) }), value),
        summary: longText,
        extra: value,
      },
      { requiredKeys: ["type"] },
    );
    const text = fc.tuple(record, fc.constantFrom("", " ", "\t"), fc.nat()).map(([r, space, how]) => {
      const json = JSON.stringify(r, null, space === "" ? undefined : space).replace(/\n/g, " ");
      if (how % 4 === 1) return json.replace('"type"', '"t\\u0079pe"');
      if (how % 4 === 2) return json.replace(/}$/, ',"message":{"content":"again"},"type":"user"}');
      if (how % 4 === 3) return `\uFEFF ${json}\r`;
      return json;
    });
    const line = damagedLine(text, '{}[]":,\\ 0e\u0000\u0001');
    fc.assert(
      fc.property(line, (bytes) => expectSameWalk(bytes)),
      { numRuns: 4000 },
    );
  });

  it("walks lines in its own buffer in place, at any offset, as the JavaScript walk does", () => {
    const text = [
      '{"type":"user","uuid":"a","parentUuid":null,"message":{"content":"hello"}}',
      `{"type":"assistant","uuid":"b","message":{"content":[{"type":"text","text":"${"x".repeat(700)}"}]}}`,
      '{"type":"user","uuid":"c",',
      "not json",
    ].join("\n");
    const bytes = Buffer.from(text);
    const buffer = lineBuffer(1 << 16);
    bytes.copy(buffer, 3);
    let start = 3;
    for (const line of text.split("\n")) {
      const end = start + Buffer.byteLength(line);
      expectSameWalk(buffer, start, end);
      expect(scanLine(buffer, start, end)).toEqual(scanLineInJs(Buffer.from(line), 0, Buffer.byteLength(line)));
      start = end + 1;
    }
    expect(scanLine(buffer, 3, 3 + text.indexOf("\n")).kind).toBe("value");
  });

  it("hands a line deeper than it nests, or too long to copy in, to the right walk", () => {
    const deep = Buffer.from(`{"type":"user","x":${"[".repeat(600)}${"]".repeat(600)}}`);
    expect(scanLine(deep, 0, deep.length).kind).toBe("use-exact");
    expectSameWalk(deep);
    const huge = Buffer.from(`{"type":"user","uuid":"u","toolUseResult":"${"r".repeat(9 << 20)}"}`);
    expectSameWalk(huge);
    expect(scanLine(huge, 0, huge.length).kind).toBe("value");
  });
});

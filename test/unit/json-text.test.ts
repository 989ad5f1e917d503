import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nestingDepth, PRETTY_DEPTH, stringifyIteratively, stringifyJson } from "../../src/system/json-text.ts";

const runs = Number(process.env.CLAUDE_REINDEX_PROPERTY_RUNS ?? 500);

describe("stringifyJson", () => {
  it("without recursion, writes exactly what JSON.stringify writes (indent 0 and 2)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        expect(stringifyIteratively(value, indent)).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: runs },
    );
  });

  it("skips undefined properties and writes undefined array elements as null, as JSON.stringify does", () => {
    const value = { a: undefined, b: [undefined, 1], c: { d: undefined } };
    expect(stringifyIteratively(value, 2)).toBe(JSON.stringify(value, null, 2));
  });

  it("10,000 levels: no stack overflow, the same value back, compact below the pretty depth", () => {
    const text = `${"[".repeat(10_000)}1${"]".repeat(10_000)}`;
    const value = JSON.parse(text);
    expect(() => JSON.stringify(value, null, 2)).toThrow(RangeError);
    const written = stringifyJson({ deep: value }, 2);
    expect(written.replace(/\s/g, "")).toBe(`{"deep":${text}}`);
    expect(written.length).toBeLessThan(PRETTY_DEPTH * PRETTY_DEPTH * 2 + 30_000);
    expect(nestingDepth(JSON.parse(written))).toBe(10_001);
  });
});

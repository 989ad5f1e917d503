import { describe, expect, it } from "vitest";
import { displayWidth, fitWidth, padWidth } from "../../src/text/display-width.ts";
import { terminalJson } from "../../src/text/terminal-json.ts";

describe("displayWidth and fitWidth", () => {
  it.each([
    ["plain ascii", 11],
    ["日本語", 6],
    ["🚀", 2],
    ["👩‍👩‍👧‍👦", 2],
    ["e\u0301", 1],
    ["한국어 abc", 10],
  ])("%s takes %i columns", (text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });

  it.each([
    ["a long ascii title", 10, "a long as…"],
    ["日本語のタイトル", 7, "日本語…"],
    ["🚀🚀🚀🚀", 5, "🚀🚀…"],
    ["👩‍👩‍👧‍👦 family", 3, "👩‍👩‍👧‍👦…"],
    ["short", 10, "short"],
    ["x", 0, ""],
  ])("fitWidth(%j, %i) = %j, never wider, never splitting a grapheme", (text, columns, fitted) => {
    expect(fitWidth(text, columns)).toBe(fitted);
    expect(displayWidth(fitWidth(text, columns))).toBeLessThanOrEqual(columns);
  });

  it("padWidth pads by columns, not code units", () => {
    expect(padWidth("日本", 6)).toBe("日本  ");
    expect(displayWidth(padWidth("日本語のタイトル", 9))).toBe(9);
  });
});

describe("terminalJson", () => {
  it("escapes DEL and C1 controls, which JSON.stringify writes raw; the value stays the same", () => {
    const value = { title: "a\u007fb\u009bc\u001bd\u0085e" };
    const json = terminalJson(value);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control byte may remain
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(JSON.parse(json)).toEqual(value);
    expect(terminalJson({ a: 1 }, 2)).toBe('{\n  "a": 1\n}');
  });
});

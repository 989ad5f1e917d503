import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { displayWidth, fitWidth, graphemesOf, padWidth } from "../../src/text/display-width.ts";
import { terminalJson, writeTerminalJsonArray } from "../../src/text/terminal-json.ts";

/** All of planes 0 and 1 (the lone surrogates too), every 7th code point of planes 2 and 3, all of plane 14. */
function sampledCodePoints(): number[] {
  const codePoints: number[] = [];
  for (let code = 0; code <= 0x1ffff; code++) codePoints.push(code);
  for (let code = 0x20000; code <= 0x3ffff; code += 7) codePoints.push(code);
  for (let code = 0xe0000; code <= 0xeffff; code++) codePoints.push(code);
  return codePoints;
}

const anyCodePoint = fc
  .oneof(fc.integer({ min: 0, max: 0x3ffff }), fc.integer({ min: 0xe0000, max: 0xe01ff }))
  .map((code) => String.fromCodePoint(code));

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

  it("fitWidth gives what its definition gives, on any mix of graphemes", () => {
    // Pieces that join into graphemes in every way the width rules care about: wide and emoji sequences,
    // combining and spacing marks after ASCII, Hangul jamo, halfwidth forms, keycaps, ZWJ, variation selectors.
    const pieces = [
      ..."abc xyz",
      "日",
      "本",
      "🚀",
      "👩",
      "\u200d",
      "\ufe0f",
      "\u0301",
      "\u20e3",
      "\u0903",
      "\u1100",
      "\u1161",
      "\u11a8",
      "\uff9e",
      "ｱ",
      "한",
      "é",
      "…",
    ];
    const graphemesOf = (text: string) => [...new Intl.Segmenter().segment(text)].map((s) => s.segment);
    // The definitions: the whole text when it fits; else the most graphemes that fit in one column less, then "…".
    const fitted = (text: string, columns: number) => {
      if (columns <= 0) return "";
      if (displayWidth(text) <= columns) return text;
      const graphemes = graphemesOf(text);
      let n = 0;
      while (n < graphemes.length && displayWidth(graphemes.slice(0, n + 1).join("")) <= columns - 1) n++;
      return `${graphemes.slice(0, n).join("")}…`;
    };
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: -2, max: 50 }), (t, columns) => {
        expect(fitWidth(t, columns)).toBe(fitted(t, columns));
        // What session-line.ts relies on: fitting to 60% of a room (or what the rest leaves of it) is fitting to
        // as much of that 60% as the text takes; only a text of no width, left no room, now stays (still no width).
        const rest = columns - 25;
        const room = Math.max(Math.min(displayWidth(t), columns), rest);
        const fittedToRoom = fitWidth(t, Math.max(columns, rest));
        if (room > 0) expect(fittedToRoom).toBe(fitWidth(t, room));
        else expect(displayWidth(fittedToRoom)).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it("finds the same graphemes when the text is longer than the window it reads them in", () => {
    // Graphemes across every 256-character window's end, one longer than a window, a ZWJ sequence split anywhere.
    const pieces = ["日", "a", "é", "\u0301", "👩\u200d👩\u200d👧", "\u1100\u1161", `x${"\u0301".repeat(300)}`, "🇫🇷"];
    const segmenter = new Intl.Segmenter();
    // Widths add up by grapheme (string-width's own sum; the test above holds it on short texts).
    const fitted = (text: string, columns: number) => {
      let used = 0;
      let cut = -1;
      for (const { segment, index } of segmenter.segment(text)) {
        const width = displayWidth(segment);
        if (cut === -1 && used + width > columns - 1) cut = index;
        used += width;
      }
      return columns <= 0 ? "" : used <= columns ? text : `${text.slice(0, cut)}…`;
    };
    const text = fc.array(fc.constantFrom(...pieces), { minLength: 100, maxLength: 400 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 700 }), (t, columns) => {
        expect(fitWidth(t, columns)).toBe(fitted(t, columns));
      }),
      { numRuns: 150 },
    );
  });

  it("looks no further into a long text than the columns at stake", () => {
    const long = `${"word ".repeat(200_000)}é${"日本".repeat(100_000)}`;
    const wide = `日本${long}`;
    const started = performance.now();
    for (let i = 0; i < 100; i++) {
      expect(fitWidth(long, 80)).toBe(`${long.slice(0, 79)}…`);
      expect(fitWidth(wide, 80)).toBe(`日本${long.slice(0, 75)}…`);
    }
    // Each call measured the whole text before: string-width's grapheme walk over it takes seconds (V8's
    // Intl.Segmenter takes time in the length of the string for every grapheme it steps over).
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("measures every code point alone as string-width does, and any text as string-width does", () => {
    const differ = sampledCodePoints().filter((code) => {
      const text = String.fromCodePoint(code);
      return displayWidth(text) !== stringWidth(text, { countAnsiEscapeCodes: true });
    });
    expect(differ.map((code) => code.toString(16))).toEqual([]);
    // Texts of those code points and of graphemes made of several.
    const pieces = [
      "a",
      "é",
      "\u0301",
      "日",
      "✅",
      "❤",
      "\ufe0f",
      "\u200d",
      "👩",
      "🇫",
      "🇷",
      "\u1100",
      "\u1161",
      "\u0903",
      "\u00ad",
    ];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), anyCodePoint), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(text, (parts) => {
        const joined = parts.join("");
        expect(displayWidth(joined)).toBe(stringWidth(joined, { countAnsiEscapeCodes: true }));
      }),
      { numRuns: 3000 },
    );
  });

  it("walks a text grapheme by grapheme as Intl.Segmenter does, without it when no code point can join another", () => {
    const segmenter = new Intl.Segmenter();
    const segments = (text: string) => [...segmenter.segment(text)].map(({ segment, index }) => ({ segment, index }));
    const ours = (text: string) => [...graphemesOf(text)].map(({ segment, index }) => ({ segment, index }));
    const differ: string[] = [];
    for (const code of sampledCodePoints()) {
      const c = String.fromCodePoint(code);
      for (const text of [`a${c}a`, `${c}${c}`])
        if (JSON.stringify(ours(text)) !== JSON.stringify(segments(text))) differ.push(code.toString(16));
    }
    expect([...new Set(differ)]).toEqual([]);
    const pieces = ["a", "\r", "\n", "\u0915", "\u094d", "\u200d", "👩", "🇫", "🇷", "\u1100", "\u1161", "\u0600", "한"];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), anyCodePoint), { maxLength: 30 });
    fc.assert(
      fc.property(text, (parts) => {
        expect(ours(parts.join(""))).toEqual(segments(parts.join("")));
      }),
      { numRuns: 3000 },
    );
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

  it.each([0, 1, 24, 25, 26, 50, 51, 130])(
    "writeTerminalJsonArray writes the bytes of terminalJson, in pieces (%i)",
    (n) => {
      const items = Array.from({ length: n }, (_, i) => ({
        i,
        title: i % 7 === 0 ? `caf\u00e9 \u009b ${"x".repeat(i)} 🚀` : `t${i}`,
        hidden: i % 3 === 0 ? ["programmatic"] : [],
        none: null,
        skipped: undefined,
      }));
      const pieces: string[] = [];
      writeTerminalJsonArray(items, (text) => pieces.push(text));
      expect(pieces.join("")).toBe(terminalJson(items));
      expect(pieces).toHaveLength(2 + Math.ceil(n / 25));
    },
  );
});

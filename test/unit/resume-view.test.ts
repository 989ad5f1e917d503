import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstString, lastString, rareKeysIn, typedValue } from "../../src/catalog/resume-view.ts";

/** typedValue as the listing writes it: every line from the last up, split at each newline. */
function lineByLine(text: string, key: string, type?: string, mode?: "older"): string | undefined {
  const types =
    type === undefined
      ? undefined
      : mode === undefined
        ? [`"type":"${type}"`]
        : [`"type":"${type}"`, `"type": "${type}"`];
  const keyText = `"${key}":`;
  const field = (line: string) => {
    try {
      const record = JSON.parse(line);
      if (typeof record === "object" && record !== null && (type === undefined || record.type === type)) {
        const value = record[key];
        if (typeof value === "string") return value;
      }
      return undefined;
    } catch {
      return null;
    }
  };
  let end = text.length;
  while (end > 0) {
    const newline = text.lastIndexOf("\n", end - 1);
    const line = text.slice(newline + 1, end);
    end = newline;
    if (line.includes(keyText) && (types === undefined || types.some((t) => line.includes(t)))) {
      let value = field(line);
      if (value === null && mode !== undefined) {
        const glued = line.lastIndexOf(`{${types?.[0]}`);
        value = glued > 0 && !":,[".includes(line.charAt(glued - 1)) ? field(line.slice(glued)) : null;
      }
      if (typeof value === "string") return value;
    }
    if (newline < 0) break;
  }
  return undefined;
}

const KEYS = [
  ["customTitle", "custom-title"],
  ["aiTitle", "ai-title"],
  ["tag", "tag"],
  ["relocatedCwd", "relocated"],
  ["lastPrompt", undefined],
  ["summary", undefined],
] as const;

/** Lines as transcripts hold them, and as torn writes and hand edits leave them. */
const line = fc.oneof(
  fc.constantFrom(...KEYS).chain(([key, type]) =>
    fc
      .record({
        value: fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null)),
        typed: fc.constantFrom(type, "user", undefined),
        spaced: fc.boolean(),
      })
      .map(({ value, typed, spaced }) => {
        const json = JSON.stringify({ ...(typed === undefined ? {} : { type: typed }), [key]: value });
        return spaced ? json.replaceAll('":', '": ') : json;
      }),
  ),
  fc.constantFrom(
    '{"type":"user","message":{"content":"hi"},"parentUuid":null}',
    '{"type":"custom-title","customTitle":"torn',
    '{"type":"tag","tag":"x"}{"type":"tag","tag":"glued"}',
    'x{"type":"custom-title","customTitle":"after junk"}',
    '"customTitle":',
    "",
    "not json at all",
  ),
);

describe("the listing's text searches", () => {
  it("typedValue finds what the line-by-line reading finds, on any mix of lines", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, trailingNewline) => {
        const text = lines.join("\n") + (trailingNewline ? "\n" : "");
        for (const [key, type] of KEYS) {
          expect(typedValue(text, key, type)).toBe(lineByLine(text, key, type));
          if (type !== undefined)
            expect(typedValue(text, key, type, "older")).toBe(lineByLine(text, key, type, "older"));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("rareKeysIn finds each key that the searches' first step finds, and no other", () => {
    const rare = ["customTitle", "aiTitle", "lastPrompt", "summary", "relocatedCwd", "tag", "entrypoint", "teamName"];
    const piece = fc.oneof(
      fc.constantFrom(...rare).map((key) => `"${key}":`),
      fc.constantFrom(...rare).map((key) => `"${key}": "v"`),
      fc.constantFrom('"tags":', '"subtag":', '"x":"tag":', "tag", '"', ":", "\n", '{"type":"tag",', "é🚀"),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join("");
        const found = rareKeysIn(text);
        for (const key of rare) {
          expect(found.has(key)).toBe(text.includes(`"${key}":`));
          if (found.has(key)) continue;
          expect(typedValue(text, key)).toBeUndefined();
          expect(firstString(text, key)).toBeUndefined();
          expect(lastString(text, key)).toBeUndefined();
        }
      }),
      { numRuns: 3000 },
    );
  });
});

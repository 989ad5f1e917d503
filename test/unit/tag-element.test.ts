import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { promptOutcome } from "../../src/transcript/prompt-text.ts";
import { firstTagContent } from "../../src/transcript/tag-element.ts";

/** Claude Code 2.1.29's own way, with its regular expressions: the oracle (quadratic on hostile input). */
function byRegex(text: string, name: string): string | null {
  if (!text.trim()) return null;
  const element = new RegExp(`<${name}(?:\\s+[^>]*)?>([\\s\\S]*?)<\\/${name}>`, "gi");
  const opening = new RegExp(`<${name}(?:\\s+[^>]*?)?>`, "gi");
  const closing = new RegExp(`<\\/${name}>`, "gi");
  const count = (pattern: RegExp, s: string) => (s.match(pattern) ?? []).length;
  let scannedUpTo = 0;
  for (let match = element.exec(text); match !== null; match = element.exec(text)) {
    const between = text.slice(scannedUpTo, match.index);
    if (count(opening, between) - count(closing, between) === 0 && match[1]) return match[1];
    scannedUpTo = match.index + match[0].length;
  }
  return null;
}

const pieces = [
  "<command-name>",
  "</command-name>",
  "<COMMAND-NAME>",
  "</Command-Name>",
  "<command-name x='1'>",
  "<command-name\n>",
  "<command-name",
  "<command-names>",
  "</command-name",
  "<",
  ">",
  " ",
  "\n",
  "a",
  "/deploy",
  "\u212a",
  "<command-args>",
  "</command-args>",
];

describe("firstTagContent", () => {
  it("finds what Claude Code's regular expressions find, on generated prompts", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(firstTagContent(text, "command-name")).toBe(byRegex(text, "command-name"));
        expect(firstTagContent(text, "command-args")).toBe(byRegex(text, "command-args"));
      }),
      { numRuns: Number(process.env.CLAUDE_REINDEX_PROPERTY_RUNS ?? 3000) },
    );
  });

  it.each([
    ["<command-name>/x</command-name>", "/x"],
    [
      "<command-name>a<command-name>b</command-name>c</command-name> <command-name>d</command-name>",
      "a<command-name>b",
    ],
    ["<command-name a <command-name>z</command-name>", "z"],
    ["<command-name></command-name><command-name>y</command-name>", "y"],
  ])("%j gives %j, as the regular expressions do", (text, expected) => {
    expect(firstTagContent(text, "command-name")).toBe(expected);
    expect(byRegex(text, "command-name")).toBe(expected);
  });

  it("100,000 unclosed openings take linear time (the regular expressions took 23 s)", () => {
    for (const unit of ["<command-name>", "<command-name ", "<command-name>x</command-args>"]) {
      const text = unit.repeat(100_000);
      const started = performance.now();
      promptOutcome({ type: "user", message: { content: text } });
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

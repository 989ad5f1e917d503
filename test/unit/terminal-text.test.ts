import { describe, expect, it } from "vitest";
import { terminalLine, terminalText } from "../../src/text/terminal-text.ts";

describe("terminalText", () => {
  it.each([
    ["plain text", "plain text"],
    ["keeps\nnewline and\ttab", "keeps\nnewline and\ttab"],
    ["\x1b]0;owned\x07title", "\\x1b]0;owned\\x07title"],
    ["forged\r\x1b[Kline", "forged\\x0d\\x1b[Kline"],
    ["nul\x00 and del\x7f", "nul\\x00 and del\\x7f"],
    ["c1 csi \u009b31m and \u0085", "c1 csi \\u009b31m and \\u0085"],
    ["unicode stays: é 日本 😀 \u00a0", "unicode stays: é 日本 😀 \u00a0"],
  ])("%j", (input, expected) => {
    expect(terminalText(input)).toBe(expected);
  });

  it("leaves no control byte but newline and tab, whatever the input", () => {
    const all = Array.from({ length: 0x200 }, (_, i) => String.fromCharCode(i)).join("");
    const controls = [...terminalText(all)].filter((c) => {
      const code = c.charCodeAt(0);
      return (code < 0x20 && c !== "\n" && c !== "\t") || (code >= 0x7f && code <= 0x9f);
    });
    expect(controls).toEqual([]);
  });
});

describe("terminalLine", () => {
  it("puts text on one line", () => {
    expect(terminalLine("a\nb\tc\x1b")).toBe("a b c\\x1b");
  });
});

import { describe, expect, it } from "vitest";
import { formatPrompt, promptOutcome } from "../../src/transcript/prompt-text.ts";

const user = (content: unknown, extra: Record<string, unknown> = {}) => ({
  type: "user",
  message: { role: "user", content },
  ...extra,
});

describe("promptOutcome (2.1.29 firstPrompt rules)", () => {
  const cases: [string, Record<string, unknown>, ReturnType<typeof promptOutcome>][] = [
    ["a plain string prompt", user("fix the build"), { kind: "prompt", text: "fix the build" }],
    [
      "the first text block",
      user([
        { type: "image", source: {} },
        { type: "text", text: "what is this" },
        { type: "text", text: "second" },
      ]),
      { kind: "prompt", text: "what is this" },
    ],
    ["newlines become spaces, trimmed", user("  line one\nline two\n"), { kind: "prompt", text: "line one line two" }],
    ["carriage returns are only trimmed", user("a\r\nb"), { kind: "prompt", text: "a\r b" }],
    ["meta records are skipped", user("caveat", { isMeta: true }), { kind: "skip" }],
    [
      "compact summaries are skipped",
      user("This session is being continued", { isCompactSummary: true }),
      { kind: "skip" },
    ],
    [
      "assistant records are skipped",
      { type: "assistant", message: { content: [{ type: "text", text: "hi" }] } },
      { kind: "skip" },
    ],
    ["empty content is skipped", user(""), { kind: "skip" }],
    ["blocks without text are skipped", user([{ type: "tool_result", content: "x" }]), { kind: "skip" }],
    ["an empty text block is skipped", user([{ type: "text", text: "" }]), { kind: "skip" }],
    [
      "built-in commands are skipped",
      user(
        "<command-name>/compact</command-name>\n<command-message>compact</command-message>\n" +
          "<command-args>keep it short</command-args>",
      ),
      { kind: "skip" },
    ],
    [
      "custom commands without args are skipped",
      user("<command-message>deploy</command-message>\n<command-name>/deploy</command-name>"),
      { kind: "skip" },
    ],
    [
      "custom commands with blank args are skipped",
      user("<command-name>/deploy</command-name><command-args>  </command-args>"),
      { kind: "skip" },
    ],
    [
      "custom commands with args are the whole text",
      user("<command-name>/deploy</command-name>\n<command-args>staging</command-args>"),
      { kind: "prompt", text: "<command-name>/deploy</command-name> <command-args>staging</command-args>" },
    ],
    [
      "local command output is skipped",
      user("<local-command-stdout>Total cost: $0</local-command-stdout>"),
      { kind: "skip" },
    ],
    ["session-start hook output is skipped", user("<session-start-hook>ok</session-start-hook>"), { kind: "skip" }],
    ["tick is skipped", user("<tick>"), { kind: "skip" }],
    ["a lone ide_opened_file block is skipped", user(" <ide_opened_file>a.ts</ide_opened_file>\n"), { kind: "skip" }],
    [
      "ide_opened_file followed by a question is a prompt",
      user("<ide_opened_file>a.ts</ide_opened_file> why?"),
      { kind: "prompt", text: "<ide_opened_file>a.ts</ide_opened_file> why?" },
    ],
    ["bash input becomes '! command'", user("<bash-input>ls -la</bash-input>"), { kind: "prompt", text: "! ls -la" }],
    ["a null block before the text fails in Claude Code", user([null, { type: "text", text: "x" }]), { kind: "fails" }],
    ["a numeric text fails in Claude Code", user([{ type: "text", text: 42 }]), { kind: "fails" }],
    ["a whitespace-only prompt gives an empty prompt", user("   "), { kind: "prompt", text: "" }],
    ["message null is skipped", { type: "user", message: null }, { kind: "skip" }],
  ];
  it.each(cases)("%s", (_name, record, expected) => {
    expect(promptOutcome(record)).toEqual(expected);
  });

  it("cuts at 200 UTF-16 units, trims, and adds an ellipsis", () => {
    const long = `${"a".repeat(199)} ${"b".repeat(50)}`;
    expect(formatPrompt(long)).toBe(`${"a".repeat(199)}…`);
    expect(formatPrompt("x".repeat(200))).toBe("x".repeat(200));
    expect(formatPrompt("x".repeat(201))).toBe(`${"x".repeat(200)}…`);
  });

  it("counts emoji as two units, as JavaScript does", () => {
    const text = `${"a".repeat(199)}😀tail`;
    expect(formatPrompt(text)).toBe(`${"a".repeat(199)}\ud83d…`);
  });
});

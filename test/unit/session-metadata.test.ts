import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pickerActionOf, pickerKeysHelp } from "../../src/commands/picker-keys.ts";
import { cleanUnicode } from "../../src/text/unicode-clean.ts";
import {
  appendMetadataLine,
  customTitleLine,
  isOwnMetadataLine,
  tagLine,
} from "../../src/transcript/session-metadata.ts";
import { tempDir } from "../support/temp.ts";

const ID = "11111111-2222-4333-8444-555555555555";

describe("the records rename and tag append", () => {
  it.each([
    ["  A title  ", `{"type":"custom-title","customTitle":"A title","sessionId":"${ID}"}\n`],
    [
      'quotes " and \\ and\nnewline',
      `{"type":"custom-title","customTitle":"quotes \\" and \\\\ and\\nnewline","sessionId":"${ID}"}\n`,
    ],
    ["   ", null],
  ])("customTitleLine(%j)", (title, line) => {
    expect(customTitleLine(ID, title)).toBe(line);
  });

  it.each([
    ["release", `{"type":"tag","tag":"release","sessionId":"${ID}"}\n`],
    [null, `{"type":"tag","tag":"","sessionId":"${ID}"}\n`],
    ["ｆｕｌｌ\u200b", `{"type":"tag","tag":"full","sessionId":"${ID}"}\n`],
    ["\u200b\u202e", null],
  ])("tagLine(%j)", (tag, line) => {
    expect(tagLine(ID, tag)).toBe(line);
  });

  it.each([
    ["plain ascii \u0007 stays", "plain ascii \u0007 stays"],
    ["ﬁ ligature", "fi ligature"],
    ["zero\u200bwidth\ufeff", "zerowidth"],
    ["\u202eright to left\u202c", "right to left"],
    ["private \ue000 use", "private  use"],
    ["lone \ud800 surrogate", "lone  surrogate"],
    ["emoji 🚀 and café", "emoji 🚀 and café"],
  ])("cleanUnicode(%j)", (text, cleaned) => {
    expect(cleanUnicode(text)).toBe(cleaned);
  });

  it("isOwnMetadataLine: exactly the records we write, nothing else", () => {
    expect(isOwnMetadataLine(customTitleLine(ID, "x")!.trimEnd())).toBe(true);
    expect(isOwnMetadataLine(tagLine(ID, null)!.trimEnd())).toBe(true);
    expect(isOwnMetadataLine(`{"type":"custom-title","customTitle":"x","sessionId":"${ID}","uuid":"u"}`)).toBe(false);
    expect(isOwnMetadataLine(`{"customTitle":"x","type":"custom-title","sessionId":"${ID}"}`)).toBe(false);
    expect(isOwnMetadataLine(`{"type":"user","message":{"content":"hi"}}`)).toBe(false);
    expect(isOwnMetadataLine("not json")).toBe(false);
  });
});

describe("appendMetadataLine", () => {
  it("appends after the last byte; after a cut-off last line, a newline first; refuses an empty file or a link", () => {
    const dir = tempDir();
    const whole = path.join(dir, "whole.jsonl");
    fs.writeFileSync(whole, '{"a":1}\n');
    appendMetadataLine(whole, "X\n");
    expect(fs.readFileSync(whole, "utf8")).toBe('{"a":1}\nX\n');
    const cut = path.join(dir, "cut.jsonl");
    fs.writeFileSync(cut, '{"a":1}\n{"b":');
    appendMetadataLine(cut, "X\n");
    expect(fs.readFileSync(cut, "utf8")).toBe('{"a":1}\n{"b":\nX\n');
    const empty = path.join(dir, "empty.jsonl");
    fs.writeFileSync(empty, "");
    expect(() => appendMetadataLine(empty, "X\n")).toThrow(/empty/);
    const link = path.join(dir, "link.jsonl");
    fs.symlinkSync(whole, link);
    expect(() => appendMetadataLine(link, "X\n")).toThrow();
    expect(fs.readFileSync(whole, "utf8")).toBe('{"a":1}\nX\n');
    expect(() => appendMetadataLine(path.join(dir, "missing.jsonl"), "X\n")).toThrow();
    // A FIFO is refused at once, never waited on (open with O_NONBLOCK and no reader: ENXIO).
    const fifo = path.join(dir, "fifo.jsonl");
    execFileSync("mkfifo", [fifo]);
    expect(() => appendMetadataLine(fifo, "X\n")).toThrow();
    expect(fs.existsSync(path.join(dir, "missing.jsonl"))).toBe(false);
  });
});

describe("the picker's key table", () => {
  it.each([
    [{ name: "r", ctrl: true }, "rename"],
    [{ name: "t", ctrl: true }, "tag"],
    [{ name: "a", ctrl: true }, "archive"],
    [{ name: "d", ctrl: true }, "delete"],
    [{ name: "o", ctrl: true }, "print"],
    [{ name: "r", ctrl: false }, null],
    [{ name: "r", ctrl: true, meta: true }, null],
    [{ name: "c", ctrl: true }, null],
  ])("%j → %s", (key, action) => {
    expect(pickerActionOf(key)).toBe(action);
  });

  it("the help words", () => {
    expect(pickerKeysHelp()).toBe("^R rename  ^T tag  ^A archive  ^D delete  ^O print");
  });
});

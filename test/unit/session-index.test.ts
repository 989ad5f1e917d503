import { describe, expect, it } from "vitest";
import { parseIndex, serializeIndex } from "../../src/sessions-index/session-index.ts";

const STAT = { ino: 1, size: 0, mtimeMs: 0 };

describe("parseIndex", () => {
  it.each([
    ["not JSON", "{", "invalid"],
    ["an array", "[]", "invalid"],
    ["null", "null", "invalid"],
    ["entries not an array", '{"version":1,"entries":{}}', "invalid"],
    ["no version", '{"entries":[]}', "invalid"],
    ["version 2", '{"version":2,"entries":[]}', "unsupported-version"],
    ["version as a string", '{"version":"1","entries":[]}', "unsupported-version"],
    ["a good index", '{"version":1,"entries":[{"anything":true}],"originalPath":"/x","other":1}', "ok"],
  ])("%s → %s", (_name, text, kind) => {
    expect(parseIndex(text, STAT).kind).toBe(kind);
  });

  it("keeps unknown top-level keys", () => {
    const read = parseIndex('{"version":1,"entries":[],"viewer":{"a":1}}', STAT);
    expect(read.kind === "ok" && read.index).toEqual({ version: 1, entries: [], viewer: { a: 1 } });
  });

  it("serializes as Claude Code does: two spaces, no final newline", () => {
    expect(serializeIndex({ version: 1, entries: [] })).toBe('{\n  "version": 1,\n  "entries": []\n}');
  });
});

import { describe, expect, it } from "vitest";
import { foldToken, MAX_QUERY_CHARS, parseQuery, QueryError } from "../../src/search/search-query.ts";
import { excerpt } from "../../src/search/session-search.ts";
import { parseTimeBound } from "../../src/text/time-bound.ts";
import { UsageError } from "../../src/text/user-error.ts";

describe("parseQuery", () => {
  it.each([
    [["postgres", "timeout"], [["postgres"], ["timeout"]], ["postgres", "timeout"], []],
    [["Fix", "the", "Migration"], [["fix"], ["migration"]], ["fix", "the", "migration"], ["the"]],
    [['"to be or not to be"'], [["to", "be", "or", "not", "to", "be"]], ["to", "be", "or", "not", "to", "be"], []],
    [["foo.bar-baz"], [["foo", "bar", "baz"]], ["foo", "bar", "baz"], []],
    [["Café", "NAÏVE"], [["cafe"], ["naive"]], ["cafe", "naive"], []],
    [["a", '"exact', "words", "here"], [["exact", "words", "here"]], ["a", "exact", "words", "here"], ["a"]],
    [["!!!", "kafka"], [["kafka"]], ["kafka"], []],
  ])("%j", (words, terms, phrase, ignored) => {
    expect(parseQuery(words)).toEqual({ terms, phrase, ignored });
  });

  it.each([
    [["the", "and", "of"], /only common words \(the, and, of\)/],
    [["...", "!!!", "—"], /no words to look for/],
    [[], /needs words/],
    [["   "], /needs words/],
    [["x".repeat(MAX_QUERY_CHARS + 1)], /at most 1000/],
    [Array.from({ length: 40 }, (_, i) => `word${i}`), /40 words; at most 32/],
  ])("refuses %j with a reason", (words, reason) => {
    expect(() => parseQuery(words)).toThrow(QueryError);
    expect(() => parseQuery(words)).toThrow(reason);
  });

  it("folds case and diacritics as the index does", () => {
    expect(foldToken("ÉCOLE")).toBe("ecole");
    expect(foldToken("Straße")).toBe("straße");
  });
});

describe("excerpt", () => {
  const query = parseQuery(["deploy", "script"]);
  it("centres on the phrase when it occurs, else on the first term", () => {
    const long = `${"lorem ipsum ".repeat(20)}we ran the Deploy Script twice ${"dolor sit ".repeat(30)}`;
    const cut = excerpt(long, query);
    expect(cut).toContain("Deploy Script");
    expect(cut.startsWith("…")).toBe(true);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThan(200);
    expect(excerpt("the script ran; later a deploy", query)).toBe("the script ran; later a deploy");
  });

  it("never carries control characters or newlines", () => {
    const cut = excerpt("deploy\x1b]0;pwned\x07 the\nscript\x9b2J", query);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none got through
    expect(cut).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
    expect(cut).toContain("\\x1b");
  });
});

describe("parseTimeBound", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  it.each([
    ["3d", "--since", "2026-11-27T12:00:00.000Z"],
    ["12h", "--since", "2026-11-30T00:00:00.000Z"],
    ["30m", "--until", "2026-11-30T11:30:00.000Z"],
    ["2w", "--since", "2026-11-16T12:00:00.000Z"],
    ["2026-11-01", "--since", "2026-11-01T00:00:00.000Z"],
    ["2026-11-01", "--until", "2026-11-02T00:00:00.000Z"],
    ["2026-11-01T09:30:00Z", "--since", "2026-11-01T09:30:00.000Z"],
  ] as const)("%s for %s", (value, option, iso) => {
    expect(new Date(parseTimeBound(value, option, now)).toISOString()).toBe(iso);
  });

  it.each(["yesterday", "2026-13-01", "2026-02-30", "3 days", ""])("refuses %j", (value) => {
    expect(() => parseTimeBound(value, "--since", now)).toThrow(UsageError);
  });
});

import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import stringWidth from "string-width";
import { beforeAll, describe, expect, it } from "vitest";
import { HOUR, pickerWorkspace } from "../support/picker-workspace.ts";
import { readStubRecord } from "../support/stub-claude.ts";
import { TmuxPane } from "../support/tmux-pane.ts";

const repo = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/**
 * Three sessions in two projects. The word "walrus" is said only in the middle of the oldest one
 * (neither its title nor its first or last prompt), and is in the title of none.
 */
function setup() {
  const w = pickerWorkspace();
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `ordinary step ${i}`);
  const said = w.tree.session(
    w.api,
    ["an old question about parsers", ...filler(8), "why does the walrus parser drop tokens", ...filler(8)],
    w.at(50 * HOUR),
  );
  const other = w.tree.session(w.app, ["the zebra migration plan", "a parser for zebra files"], w.at(3 * HOUR));
  w.tree.session(w.app, ["the newest work on the app"], w.at(HOUR));
  return { ...w, said, other };
}

const fits = (screen: string, columns: number, lines: number) => {
  const rows = screen.split("\n");
  expect(rows.length).toBeLessThanOrEqual(lines);
  for (const row of rows) expect(stringWidth(row), row).toBeLessThanOrEqual(columns);
};

describe("pick, full-text mode (Tab)", () => {
  it("finds a session by words said in its middle, shows the snippet, and Enter resumes it", async () => {
    const s = setup();
    const pane = await TmuxPane.start(s.command, 80, 24, s.work);
    try {
      await pane.waitFor((x) => x.includes("the newest work on the app"), "the first screen");
      // Titles first: no title, first or last prompt holds the word.
      await pane.type("walrus");
      await pane.waitFor(
        (x) => x.includes("Resume which session? walrus") && x.includes("no session matches"),
        "titles",
      );

      await pane.keys("Tab");
      const found = await pane.waitFor(
        (x) => x.includes("(words said) walrus") && x.includes("an old question about parsers"),
        "the full-text match",
      );
      fits(found, 80, 24);
      expect(found).not.toContain("the zebra migration plan");
      expect(found).not.toContain("the newest work on the app");
      expect(found).toContain("why does the walrus parser drop tokens");
      expect(found).toContain("1 of 3 sessions");
      expect(found).toContain("Tab titles");
      // The index is the one `search` keeps, private.
      expect(fs.statSync(path.join(s.tree.root, "claude-reindex", "search.sqlite")).mode & 0o777).toBe(0o600);

      await pane.keys("Enter");
      expect(await pane.exitCode()).toBe("0");
      const seen = readStubRecord(s.record);
      expect(seen.argv).toEqual(["--resume", s.said.id]);
      expect(seen.cwd).toBe(s.api);
    } finally {
      await pane.kill();
    }
  });

  it("ranks by the words typed, answers common words and punctuation in a line, and Tab goes back to " +
    "titles", async () => {
    const s = setup();
    const pane = await TmuxPane.start(s.command, 80, 24, s.work);
    try {
      await pane.waitFor((x) => x.includes("the newest work on the app"), "the first screen");
      await pane.keys("Tab");
      // An empty query in full-text mode lists every session.
      await pane.waitFor((x) => x.includes("(words said)") && x.includes("3 of 3 sessions"), "full-text mode");

      await pane.type("parser");
      const both = await pane.waitFor((x) => x.includes("2 of 3 sessions"), "two sessions say parser");
      // Newest first among equal matches.
      const rows = both.split("\n");
      const zebra = rows.findIndex((r) => r.includes("the zebra migration plan"));
      const old = rows.findIndex((r) => r.includes("an old question about parsers"));
      expect(zebra).toBeGreaterThan(0);
      expect(old).toBeGreaterThan(zebra);

      await pane.keys("C-u");
      await pane.type("the of and");
      const common = await pane.waitFor((x) => x.includes("only common words"), "the common-words answer");
      fits(common, 80, 24);
      expect(common).toContain("0 of 3 sessions");

      await pane.keys("C-u");
      await pane.type("?! ...");
      await pane.waitFor((x) => x.includes("no words to look for"), "the punctuation answer");

      await pane.keys("C-u");
      await pane.type(`walrus ${"x".repeat(1100)}`);
      const huge = await pane.waitFor((x) => x.includes("at most 1000"), "the huge-query answer");
      fits(huge, 80, 24);

      await pane.keys("C-u");
      await pane.type("zebra");
      await pane.keys("Tab");
      const titles = await pane.waitFor(
        (x) => x.includes("Resume which session? zebra") && !x.includes("(words said)"),
        "back to titles",
      );
      expect(titles).toContain("the zebra migration plan");
      expect(titles).toContain("1 of 3 sessions");

      await pane.keys("Escape");
      expect(await pane.exitCode()).toBe("130");
      expect(fs.existsSync(s.record)).toBe(false);
    } finally {
      await pane.kill();
    }
  }, 60_000);

  it("without the SQLite binding, says so in the list and keeps the title filter working", async () => {
    const s = setup();
    // A NODE_PATH cannot hide a dependency; a preload that makes its require fail can.
    const preload = path.join(s.work, "no-sqlite.cjs");
    fs.writeFileSync(
      preload,
      'const M = require("module"); const load = M._load;\n' +
        'M._load = function (r, ...a) { if (r === "better-sqlite3") ' +
        "throw new Error(\"Cannot find module 'better-sqlite3'\"); return load.call(this, r, ...a); };\n",
    );
    const command = s.command.replace(" && env ", ` && env NODE_OPTIONS='--require ${preload}' `);
    const pane = await TmuxPane.start(command, 80, 24, s.work);
    try {
      await pane.waitFor((x) => x.includes("the newest work on the app"), "the first screen");
      await pane.keys("Tab");
      const off = await pane.waitFor((x) => x.includes("full-text search is unavailable"), "the unavailable line");
      expect(off).toContain("better-sqlite3");
      await pane.keys("Tab");
      await pane.type("zebra");
      await pane.waitFor((x) => x.includes("the zebra migration plan") && x.includes("1 of 3 sessions"), "titles");
      await pane.keys("C-c");
      expect(await pane.exitCode()).toBe("130");
    } finally {
      await pane.kill();
    }
  }, 60_000);
});

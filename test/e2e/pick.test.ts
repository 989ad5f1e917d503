import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import stringWidth from "string-width";
import { beforeAll, describe, expect, it } from "vitest";
import { HOUR, pickerWorkspace, threeSessions } from "../support/picker-workspace.ts";
import { readStubRecord } from "../support/stub-claude.ts";
import { TmuxPane } from "../support/tmux-pane.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/** Two projects whose directories exist, sessions of different ages, a stub claude on PATH. */
function setup() {
  const w = pickerWorkspace();
  return { ...w, ...threeSessions(w) };
}

describe("list", () => {
  it(
    "lists the current project's sessions newest first, from the transcripts; --all " +
      "every project; --json for scripts",
    async () => {
      const s = setup();
      const current = await execa(cli, ["list"], { cwd: s.app, env: s.env });
      const lines = current.stdout.split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^\d+ (min|h) ago\s+2 {2}the newest work on the app {2}\[main\]$/);
      expect(lines[1]).toContain("an old question about parsers");
      // The indexes are the shim's business (its 24-hour rule): list reads the transcripts themselves.
      expect(fs.existsSync(s.tree.indexPath(s.app))).toBe(false);

      const all = await execa(cli, ["list", "--all", "--json"], { cwd: s.work, env: s.env });
      const sessions = JSON.parse(all.stdout);
      expect(sessions.map((x: { sessionId: string }) => x.sessionId)).toEqual([s.newest.id, s.zebra.id, s.old.id]);
      expect(sessions[1]).toMatchObject({
        title: "the zebra migration plan",
        messageCount: 2,
        gitBranch: "main",
        projectPath: s.api,
      });
    },
  );
});

describe("pick", () => {
  it(
    "without a terminal: a numbered list, and the number on stdin resumes that " + "session in its own directory",
    async () => {
      const s = setup();
      const result = await execa(cli, ["pick"], { cwd: s.work, env: s.env, input: "2\n", reject: false });
      expect(result.exitCode).toBe(0);
      expect(result.stdout.split("\n")[1]).toMatch(/^ {3}2 {2}\d+ h ago\s+2 {2}the zebra migration plan/);
      const seen = readStubRecord(s.record);
      expect(seen.argv).toEqual(["--resume", s.zebra.id]);
      expect(seen.cwd).toBe(s.api);
      const listOnly = await execa(cli, ["pick"], {
        cwd: s.work,
        env: { ...s.env, STUB_RECORD: path.join(s.work, "none.json") },
        input: "",
        reject: false,
      });
      expect(listOnly.exitCode).toBe(0);
      expect(listOnly.stdout.split("\n")).toHaveLength(3);
      expect(fs.existsSync(path.join(s.work, "none.json"))).toBe(false);
    },
  );

  it("in a real 80x24 terminal: type to filter, Enter resumes the chosen session with claude --resume", async () => {
    const s = setup();
    const pane = await TmuxPane.start(s.command, 80, 24, s.work);
    try {
      const first = await pane.waitFor((x) => x.includes("the newest work on the app"), "the first screen");
      expect(first).toContain("the zebra migration plan");
      expect(first.split("\n").every((line) => stringWidth(line) <= 80)).toBe(true);

      await pane.type("zebra");
      const filtered = await pane.waitFor(
        (x) => x.includes("Resume which session? zebra") && !x.includes("the newest work on the app"),
        "the filter",
      );
      expect(filtered).not.toContain("an old question about parsers");
      expect(filtered).toContain("the zebra migration plan");
      expect(filtered.split("\n").filter((line) => line.includes("Resume which session?"))).toHaveLength(1);

      await pane.keys("Enter");
      expect(await pane.exitCode()).toBe("0");
      const seen = readStubRecord(s.record);
      expect(seen.argv).toEqual(["--resume", s.zebra.id]);
      expect(seen.cwd).toBe(s.api);
    } finally {
      await pane.kill();
    }
  });

  for (const [columns, lines] of [
    [80, 24],
    [120, 30],
  ] as const) {
    it(`at ${columns}x${lines}: CJK, emoji, tabs, escapes and very long titles fit their ` +
      `rows, redraws leave nothing stale, Escape exits 130`, async () => {
      const s = setup();
      const now = Date.now();
      const hostile = [
        "日本語のセッション名とても長いタイトル 漢字 かな カナ 한국어 제목 中文标题 非常长的标题",
        "emoji 🚀🔥👩‍👩‍👧‍👦🇫🇷 wide ones ✅ and more 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉",
        "\u001b[31mred\u001b[0m tabs\there\tand\tthere\tand a bell \u0007 and C1 \u009b2J",
        `a very long title ${"word ".repeat(60)}end`,
        "\u001b]0;pwned\u0007 an OSC that would set the window title",
      ];
      for (const [i, title] of hostile.entries())
        s.tree.session(s.app, [title], { start: new Date(now - (i + 2) * HOUR), mtime: now - (i + 2) * HOUR });
      for (let i = 0; i < 40; i++)
        s.tree.session(s.api, [`filler session ${i}`], {
          start: new Date(now - (i + 10) * HOUR),
          mtime: now - (i + 10) * HOUR,
        });
      const pane = await TmuxPane.start(s.command, columns, lines, s.work);
      try {
        const fits = (screen: string) => {
          const rows = screen.split("\n");
          expect(rows.length).toBeLessThanOrEqual(lines);
          for (const row of rows) expect(stringWidth(row), row).toBeLessThanOrEqual(columns);
          expect(rows.filter((row) => row.includes("Resume which session?"))).toHaveLength(1);
        };
        const first = await pane.waitFor((x) => x.includes("the newest work on the app"), "the first screen");
        fits(first);
        expect(first).toContain("日本語のセッション名");
        expect(first).toContain("\\x1b[31mred");
        expect(first).not.toContain("\t");
        for (const [key, wait] of [
          ["Down", "Down"],
          ["Down", "Down"],
          ["PageDown", "PageDown"],
          ["Up", "Up"],
        ])
          await pane.keys(key ?? wait ?? "");
        await pane.type("emoji");
        const filtered = await pane.waitFor(
          (x) => x.includes("Resume which session? emoji") && !x.includes("filler session"),
          "the filter",
        );
        fits(filtered);
        expect(filtered).toContain("🚀");
        await pane.keys("BSpace", "BSpace", "BSpace", "BSpace", "BSpace");
        const back = await pane.waitFor((x) => x.includes("filler session 0"), "the filter cleared");
        fits(back);

        await pane.keys("Escape");
        expect(await pane.exitCode()).toBe("130");
        expect(fs.existsSync(s.record)).toBe(false);
        // Nothing from a transcript reached the terminal raw: the only control bytes are our own
        // escape sequences, carriage returns and newlines.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: our own escape sequences, removed before the check
        const ours = /\x1b\[(?:\?1049[hl]|\?25[hl]|H|K|J|7m|0m)/g;
        const rest = pane.output().toString("utf8").replace(ours, "");
        // biome-ignore lint/suspicious/noControlCharactersInRegex: no control byte may remain
        expect(rest).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
        expect(rest).toContain("\\x1b]0;pwned");
      } finally {
        await pane.kill();
      }
    }, 60_000);
  }

  it("more sessions than a screen, in many projects: it starts with the newest, then counts them all", async () => {
    const w = pickerWorkspace();
    for (let p = 0; p < 30; p++)
      for (let k = 0; k < 2; k++)
        w.tree.session(path.join(w.work, `other-${p}`), [`older work ${p}.${k}`], w.at((10 + p * 2 + k) * HOUR));
    w.tree.session(w.app, ["the newest work on the app"], w.at(HOUR));
    const second = w.tree.session(w.api, ["the second newest, in api"], w.at(2 * HOUR));
    const pane = await TmuxPane.start(w.command, 80, 12, w.work);
    try {
      const all = await pane.waitFor((x) => x.includes("62 of 62 sessions"), "every session counted");
      expect(all.split("\n")[1]).toContain("the newest work on the app");
      expect(all).toContain("older work 2.1");
      expect(all).not.toContain("older work 3.1");
      // Every project was read, and what was read is kept for the next run.
      expect(fs.readdirSync(path.join(w.tree.root, "claude-reindex", "catalog"))).toHaveLength(32);
      await pane.keys("Down", "Enter");
      expect(await pane.exitCode()).toBe("0");
      expect(readStubRecord(w.record).argv).toEqual(["--resume", second.id]);
    } finally {
      await pane.kill();
    }
  });

  it("Ctrl-C leaves the picker with 130 and resumes nothing", async () => {
    const s = setup();
    const pane = await TmuxPane.start(s.command, 80, 24, s.work);
    try {
      await pane.waitFor((x) => x.includes("the newest work on the app"), "the first screen");
      await pane.keys("C-c");
      expect(await pane.exitCode()).toBe("130");
      expect(fs.existsSync(s.record)).toBe(false);
    } finally {
      await pane.kill();
    }
  });
});

// The picker's action keys in a real terminal (tmux): rename, tag, archive, delete, print the resume
// line; the help line shows them; a live session is refused in the status line.
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import stringWidth from "string-width";
import { beforeAll, describe, expect, it } from "vitest";
import { pickerWorkspace, threeSessions } from "../support/picker-workspace.ts";
import { tempDir } from "../support/temp.ts";
import { TmuxPane } from "../support/tmux-pane.ts";

const repo = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

function setup() {
  const proc = tempDir("claude-reindex-proc-");
  const w = pickerWorkspace({ apiName: "it's api", env: { CLAUDE_REINDEX_PROC_ROOT: proc } });
  return { ...w, ...threeSessions(w), proc };
}

const lastLine = (file: string) => JSON.parse(fs.readFileSync(file, "utf8").trimEnd().split("\n").at(-1)!);

describe("pick: the action keys", () => {
  it("Ctrl-R renames, Ctrl-T tags, Ctrl-A (un)archives, in Claude Code's format; help shows the keys", async () => {
    const s = setup();
    const pane = await TmuxPane.start(s.command, 120, 24, s.work);
    try {
      const first = await pane.waitFor((x) => x.includes("the newest work on the app"), "the first screen");
      const help = first.split("\n").find((l) => l.includes("Enter resume"));
      expect(help).toBe(
        "3 of 3 sessions  Enter resume  Tab words said  ^R rename  ^T tag  ^A archive  ^D delete  ^O print  Esc quit",
      );
      await pane.type("zebra");
      await pane.waitFor((x) => !x.includes("the newest work on the app"), "the filter");

      await pane.keys("C-r");
      await pane.waitFor(
        (x) => x.startsWith("Rename to:") && x.includes("Enter rename  Esc cancel"),
        "the rename prompt",
      );
      await pane.type("Zebra rollout");
      await pane.keys("Enter");
      const renamed = await pane.waitFor((x) => x.includes('renamed to "Zebra rollout"'), "the rename");
      expect(renamed).toMatch(/❯ .*Zebra rollout/);
      expect(lastLine(s.zebra.path)).toEqual({
        type: "custom-title",
        customTitle: "Zebra rollout",
        sessionId: s.zebra.id,
      });

      await pane.keys("C-t");
      await pane.waitFor((x) => x.startsWith("Tag (empty clears):"), "the tag prompt");
      await pane.type("urgent");
      await pane.keys("Enter");
      const tagged = await pane.waitFor((x) => x.includes("tagged urgent"), "the tag");
      expect(tagged).toMatch(/❯ .*#urgent Zebra rollout/);
      expect(lastLine(s.zebra.path)).toEqual({ type: "tag", tag: "urgent", sessionId: s.zebra.id });

      // Escape in a prompt cancels it, not the picker.
      await pane.keys("C-t");
      await pane.waitFor((x) => x.includes("Tag (empty clears): urgent"), "the tag prompt, filled");
      await pane.keys("Escape");
      await pane.waitFor((x) => x.includes("Resume which session? zebra"), "back to the list");

      await pane.keys("C-a");
      const archived = await pane.waitFor((x) => x.includes("archived") && x.includes("[archived]"), "the archive");
      expect(archived).toMatch(/❯ .*\[archived\] #urgent Zebra rollout/);
      const mark = path.join(path.dirname(s.zebra.path), s.zebra.id, "archived.json");
      expect(JSON.parse(fs.readFileSync(mark, "utf8"))).toMatchObject({ archived: true, by: "sdk" });
      await pane.keys("C-a");
      await pane.waitFor((x) => x.includes("unarchived") && !x.includes("[archived]"), "the unarchive");
      expect(JSON.parse(fs.readFileSync(mark, "utf8"))).toMatchObject({ archived: false });

      for (const line of (await pane.screen()).split("\n")) expect(stringWidth(line)).toBeLessThanOrEqual(120);
      await pane.keys("Escape");
      expect(await pane.exitCode()).toBe("130");
      expect(fs.existsSync(s.record)).toBe(false);
    } finally {
      await pane.kill();
    }
  }, 90_000);

  it("Ctrl-D asks, then moves the session into the trash (gone from the list); any other key keeps it", async () => {
    const s = setup();
    const pane = await TmuxPane.start(s.command, 80, 24, s.work);
    try {
      await pane.waitFor((x) => x.includes("the newest work on the app"), "the first screen");
      await pane.keys("C-d");
      await pane.waitFor((x) => x.includes('Delete "the newest work on the app"?'), "the question");
      await pane.type("n");
      await pane.waitFor((x) => x.includes("Resume which session?"), "kept");
      expect(fs.existsSync(s.newest.path)).toBe(true);

      await pane.keys("C-d");
      await pane.waitFor((x) => x.includes("y delete  any other key cancels"), "the question again");
      await pane.type("y");
      const gone = await pane.waitFor((x) => x.includes("into the trash"), "the delete");
      expect(gone).not.toContain("the newest work on the app");
      expect(gone).toContain("2 of 2 sessions  Enter resume");
      expect(fs.existsSync(s.newest.path)).toBe(false);
      const trashed = path.join(
        s.tree.root,
        "claude-reindex",
        "trash",
        "projects",
        path.basename(path.dirname(s.newest.path)),
      );
      expect(fs.existsSync(path.join(trashed, `${s.newest.id}.jsonl`))).toBe(true);
      await pane.keys("Escape");
      expect(await pane.exitCode()).toBe("130");
    } finally {
      await pane.kill();
    }
  }, 60_000);

  it("Ctrl-O prints the exact resume line instead of running it; a live session is refused in the status", async () => {
    const s = setup();
    fs.mkdirSync(path.join(s.proc, "31337", "fd"), { recursive: true });
    fs.symlinkSync(s.newest.path, path.join(s.proc, "31337", "fd", "5"));
    const pane = await TmuxPane.start(s.command, 80, 24, s.work);
    try {
      await pane.waitFor((x) => x.includes("the newest work on the app"), "the first screen");
      await pane.keys("C-a");
      const refused = await pane.waitFor((x) => x.includes("refused: session"), "the refusal");
      expect(refused).toContain("is live");
      expect(fs.existsSync(path.join(path.dirname(s.newest.path), s.newest.id))).toBe(false);

      await pane.type("zebra");
      await pane.waitFor((x) => !x.includes("the newest work on the app"), "the filter");
      await pane.keys("C-o");
      expect(await pane.exitCode()).toBe("0");
      const printed = pane.output().toString("utf8");
      expect(printed).toContain(`cd '${s.api.replace("'", "'\\''")}' && claude --resume ${s.zebra.id}\r\n`);
      expect(fs.existsSync(s.record)).toBe(false);
    } finally {
      await pane.kill();
    }
  }, 60_000);
});

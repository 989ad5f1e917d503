// Real Claude Code 2.1.332, offline against the loopback stand-in: its own /resume picker shows the
// title `claude-reindex rename` gave a session, and no longer lists a session `delete` took away.
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installClaudeCode } from "../support/claude-code.mjs";
import { startInteractive } from "../support/claude-code-tmux.mjs";
import { ClaudeTree } from "../support/claude-tree.ts";
import { type StandInApi, startStandInApi } from "../support/stand-in-api.mjs";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const HOUR = 3_600_000;
let api: StandInApi;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
  await installClaudeCode("2.1.332");
  api = await startStandInApi({ reply: "Done." });
}, 600_000);

afterAll(async () => {
  await api?.close();
});

describe("Claude Code 2.1.332's own /resume", () => {
  it("shows the title rename wrote, and not the session delete moved into the trash", async () => {
    const tree = new ClaudeTree();
    const base = fs.realpathSync(tempDir("claude-reindex-manage-live-"));
    const cwd = path.join(base, "work");
    fs.mkdirSync(cwd);
    const now = Date.now();
    const kept = tree.session(cwd, ["the first question about parsers"], {
      start: new Date(now - 3 * HOUR),
      mtime: now - 3 * HOUR,
    });
    const gone = tree.session(cwd, ["a question to throw away"], {
      start: new Date(now - 2 * HOUR),
      mtime: now - 2 * HOUR,
    });
    const env = { CLAUDE_CONFIG_DIR: tree.root, CLAUDE_REINDEX_PROC_ROOT: tempDir() };
    await execa(cli, ["rename", kept.id.slice(0, 8), "Parser", "rewrite", "by", "claude-reindex"], { env });
    await execa(cli, ["delete", gone.id.slice(0, 8)], { env });

    const session = await startInteractive({
      version: "2.1.332",
      cwd,
      configDir: tree.root,
      home: path.join(base, "home"),
      apiUrl: api.url,
    });
    try {
      await session.keys("-l", "/resume");
      await new Promise((resolve) => setTimeout(resolve, 500));
      await session.keys("Enter");
      const deadline = Date.now() + 30_000;
      let screen = "";
      while (Date.now() < deadline) {
        screen = await session.screen();
        if (screen.includes("Parser rewrite by claude-reindex")) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(screen).toContain("Parser rewrite by claude-reindex");
      expect(screen).not.toContain("the first question about parsers");
      expect(screen).not.toContain("a question to throw away");
    } finally {
      await session.close();
    }
  }, 180_000);
});

import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { ClaudeTree } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");

describe("the published package", () => {
  it("installs from its tarball and works: the command, the shim, install, and a hook", async () => {
    const work = tempDir();
    await execa("npm", ["pack", "--pack-destination", work], { cwd: repo });
    const tarball = fs.readdirSync(work).find((n) => n.endsWith(".tgz"))!;
    fs.writeFileSync(path.join(work, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    // --omit=optional: better-sqlite3 (search's index) would be compiled from source for minutes.
    await execa("npm", ["install", "--no-audit", "--no-fund", "--omit=optional", path.join(work, tarball)], {
      cwd: work,
    });
    const installed = path.join(work, "node_modules", "claude-reindex");
    for (const file of [
      "bin/claude-reindex",
      "bin/claude",
      "bin/claude.cmd",
      "hooks/session-start",
      "hooks/stop",
      "hooks/session-end",
      "dist/claude-reindex.mjs",
      "dist/hook.mjs",
      "schema/sessions-index.schema.json",
    ]) {
      expect([file, fs.existsSync(path.join(installed, file))]).toEqual([file, true]);
    }

    const tree = new ClaudeTree();
    const a = tree.session("/home/dev/app", ["one"]);
    const env = { CLAUDE_CONFIG_DIR: tree.root };
    expect((await execa(path.join(work, "node_modules/.bin/claude-reindex"), ["--version"])).stdout).toBe(
      JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")).version,
    );
    const install = await execa(path.join(work, "node_modules/.bin/claude-reindex"), ["install"], { env });
    expect(install.stdout).toContain(`alias claude=${path.join(fs.realpathSync(installed), "bin/claude")}`);
    const settings = JSON.parse(fs.readFileSync(path.join(tree.root, "settings.json"), "utf8"));
    const stop = settings.hooks.Stop[0].hooks[0].command;
    expect(stop).toBe(path.join(fs.realpathSync(installed), "hooks/stop"));
    await execa(stop, [], {
      env,
      input: JSON.stringify({ session_id: a.id, transcript_path: a.path, hook_event_name: "Stop" }),
    });
    expect(tree.readIndex("/home/dev/app").entries).toHaveLength(1);

    // Without the optional binding, search says what is missing; everything else works.
    const search = await execa(path.join(work, "node_modules/.bin/claude-reindex"), ["search", "anything"], {
      env,
      reject: false,
    });
    expect(search.exitCode).toBe(1);
    expect(search.stderr).toMatch(
      /^claude-reindex: search needs the better-sqlite3 package, which could not be loaded/,
    );
    expect(search.stderr).not.toContain("    at ");
    expect(fs.existsSync(path.join(tree.root, "claude-reindex", "search.sqlite"))).toBe(false);
  }, 120_000);
});

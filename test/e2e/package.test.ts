import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { ClaudeTree } from "../support/claude-tree.ts";
import { readStubRecord, writeStubClaude } from "../support/stub-claude.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");

/** Polls until `check` holds, up to `ms`. */
async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the published package", () => {
  it("is lean, installs globally from its tarball, and its command, shim and hooks work", async () => {
    const work = tempDir();
    // --ignore-scripts: `npm test` has just built dist/; a `prepare` here would delete and rebuild it under the
    // test files that run beside this one.
    const packed = await execa("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], {
      cwd: repo,
    });
    const [manifest] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const files = manifest!.files.map((f) => f.path);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(files.filter((f) => !/^(bin|hooks|dist|schema)\/|^(README\.md|LICENSE|package\.json)$/.test(f))).toEqual([]);

    // A global install into a prefix of its own: nothing but claude-reindex itself.
    const prefix = path.join(work, "prefix");
    await execa("npm", [
      "install",
      "-g",
      "--prefix",
      prefix,
      "--no-audit",
      "--no-fund",
      // better-sqlite3 (search's index) is optional and would be compiled from source for minutes.
      "--omit=optional",
      path.join(work, manifest!.filename),
    ]);
    const installed = path.join(prefix, "lib", "node_modules", "claude-reindex");
    expect(fs.readdirSync(path.join(prefix, "lib", "node_modules"))).toEqual(["claude-reindex"]);
    expect(fs.existsSync(path.join(installed, "node_modules"))).toBe(false);
    for (const file of [
      "bin/claude",
      "hooks/launch",
      "hooks/stop",
      "dist/claude-reindex.mjs",
      "dist/shim-check.cjs",
      "dist/hook.mjs",
      "schema/sessions-index.schema.json",
    ])
      expect([file, fs.existsSync(path.join(installed, file))]).toEqual([file, true]);
    const command = path.join(prefix, "bin", "claude-reindex");
    expect((await execa(command, ["--version"])).stdout).toBe(
      JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")).version,
    );

    // install: the stable launcher, leading to the installed package; the alias names its shim.
    const tree = new ClaudeTree();
    const a = tree.session("/home/dev/app", ["one"]);
    const env = { CLAUDE_CONFIG_DIR: tree.root, PATH: `${path.join(prefix, "bin")}:${process.env.PATH}` };
    const install = await execa(command, ["install"], { env });
    expect(install.stdout).toContain(`alias claude=${path.join(fs.realpathSync(installed), "bin/claude")}`);
    const settings = JSON.parse(fs.readFileSync(path.join(tree.root, "settings.json"), "utf8"));
    const stop = settings.hooks.Stop[0].hooks[0].command;
    expect(stop).toBe(`${path.join(tree.root, "claude-reindex", "hook")} Stop`);

    // The hook as Claude Code runs it (through sh -c): it returns at once, the worker merges.
    const hook = await execa("sh", ["-c", stop], {
      env,
      input: JSON.stringify({ session_id: a.id, transcript_path: a.path, hook_event_name: "Stop" }),
    });
    expect(hook).toMatchObject({ exitCode: 0, stdout: "", stderr: "" });
    const indexed = () => fs.existsSync(tree.indexPath("/home/dev/app"));
    expect(await eventually(indexed, 5_000)).toBe(true);
    expect(tree.readIndex("/home/dev/app").entries).toHaveLength(1);

    // The shim of the installed package, in front of a stand-in claude.
    const stubDir = tempDir();
    writeStubClaude(stubDir);
    const record = path.join(work, "stub.json");
    const shim = await execa(path.join(installed, "bin/claude"), ["-p", "hi"], {
      env: { ...env, PATH: `${stubDir}:${process.env.PATH}`, STUB_RECORD: record },
      input: "",
    });
    expect(shim.exitCode).toBe(0);
    expect(readStubRecord(record).argv).toEqual(["-p", "hi"]);

    const doctor = await execa(command, ["doctor"], { env, reject: false });
    expect(doctor.stdout).toContain(`setup: hooks registered in ${path.join(tree.root, "settings.json")}`);

    // Without the optional binding, search says what is missing; everything else works.
    const search = await execa(command, ["search", "anything"], {
      env,
      reject: false,
    });
    expect(search.exitCode).toBe(1);
    expect(search.stderr).toMatch(
      /^claude-reindex: search needs the better-sqlite3 package, which could not be loaded/,
    );
    expect(search.stderr).not.toContain("    at ");
    expect(fs.existsSync(path.join(tree.root, "claude-reindex", "search.sqlite"))).toBe(false);
  }, 180_000);
});

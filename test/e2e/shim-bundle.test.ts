// The shim's fast path, read from what was built: dist/shim-check.cjs (what bin/claude runs before every
// launch whose check is due) bundles only our own small modules, never zod, a lock, an atomic writer or
// any other package; dist/shim-keep.cjs, which it loads when the keep guard is on, adds zod and
// jsonc-parser (settings are outside data), nothing else. esbuild names each bundled source in a `// path`
// comment: those are what is checked. The same comments show that pick's first screen loads no zod.
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { ClaudeTree } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");

function bundledSources(bundle: string): string[] {
  return [...new Set(bundle.match(/^\/\/ (\S+\.(?:ts|js|mjs|cjs))$/gm) ?? [])].map((line) => line.slice(3));
}

describe("the shim's fast path", () => {
  it("dist/shim-check.cjs bundles our own modules only, none of the merge machinery", () => {
    const sources = bundledSources(fs.readFileSync(path.join(repo, "dist/shim-check.cjs"), "utf8"));
    expect(sources).toContain("bin/shim-check.ts");
    expect(sources.filter((s) => s.startsWith("node_modules/"))).toEqual([]);
    expect(sources.filter((s) => /transcript\/|sessions-index\/|rebuild\/rebuild-/.test(s))).toEqual([]);
    // It asks whether the keep guard is on, without the guard (settings read with zod and jsonc-parser).
    expect(sources).toContain("src/layout/keep-guard-switch.ts");
    expect(sources.filter((s) => /layout\/(keep-guard|cleanup-period)\.ts/.test(s))).toEqual([]);
  });

  it("dist/shim-keep.cjs (loaded only with the keep guard on) bundles the guard, zod and jsonc-parser only", () => {
    const sources = bundledSources(fs.readFileSync(path.join(repo, "dist/shim-keep.cjs"), "utf8"));
    expect(sources).toEqual(
      expect.arrayContaining(["bin/shim-keep.ts", "src/layout/keep-guard.ts", "src/layout/cleanup-period.ts"]),
    );
    const packages = new Set(sources.filter((s) => s.startsWith("node_modules/")).map((s) => s.split("/")[1]));
    expect([...packages].sort()).toEqual(["jsonc-parser", "zod"]);
    expect(sources.filter((s) => /transcript\/|sessions-index\/|rebuild\//.test(s))).toEqual([]);
  });

  it(
    "dist/rebuild-unchanged.cjs (rebuild --all's stat pass) bundles our own modules only, " +
      "none of the merge machinery",
    () => {
      const sources = bundledSources(fs.readFileSync(path.join(repo, "dist/rebuild-unchanged.cjs"), "utf8"));
      expect(sources).toContain("bin/rebuild-unchanged.ts");
      expect(sources).toContain("src/rebuild/rebuild-projects.ts");
      expect(sources.filter((s) => s.startsWith("node_modules/"))).toEqual([]);
      expect(sources.filter((s) => /transcript\/|sessions-index\/|rebuild\/rebuild-project\.ts/.test(s))).toEqual([]);
    },
  );

  it("dist/shim-check.cjs loads neither Node's streams nor perf_hooks when no index is stale", async () => {
    const tree = new ClaudeTree();
    tree.session("/w/app", ["first"]);
    const cli = path.join(repo, "bin/claude-reindex");
    expect((await execa(cli, ["rebuild", "--all"], { env: { CLAUDE_CONFIG_DIR: tree.root } })).exitCode).toBe(0);
    // Node's own modules loaded after start-up, as `node -e 0` has them, written out when the check ends.
    const loaded = path.join(tempDir(), "loaded.txt");
    const recorder = path.join(tempDir(), "record-loaded.cjs");
    fs.writeFileSync(
      recorder,
      `const before = new Set(process.moduleLoadList);
process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(loaded)},
  process.moduleLoadList.filter((m) => !before.has(m)).join("\\n")));`,
    );
    const check = await execa("node", ["-r", recorder, "--max-opt=1", path.join(repo, "dist/shim-check.cjs")], {
      env: { CLAUDE_CONFIG_DIR: tree.root, CLAUDE_REINDEX_CHECK_MINUTES: "0" },
      reject: false,
    });
    expect(check).toMatchObject({ exitCode: 0, stdout: "", stderr: "" });
    expect(fs.existsSync(path.join(tree.root, "claude-reindex", "shim-checked"))).toBe(true);
    const modules = fs.readFileSync(loaded, "utf8").split("\n");
    expect(modules).toContain("NativeModule os");
    // process.stderr made eagerly loads the streams; the global `performance`, perf_hooks and a dozen more.
    expect(modules.filter((m) => /stream|perf/.test(m))).toEqual([]);
  });

  it.each(["dist/shim-check.cjs", "dist/rebuild-unchanged.cjs"])(
    "%s takes fs, path and os as they are, without a copy of each module per import",
    (bundle) => {
      const text = fs.readFileSync(path.join(repo, bundle), "utf8");
      // esbuild's __toESM defines a getter per export of the built-in, for every module that imports it.
      expect(text).not.toContain("__toESM(");
      // Each required once.
      expect(text.match(/require\("node:(?:fs|path|os)"\)/g)?.sort()).toEqual([
        'require("node:fs")',
        'require("node:os")',
        'require("node:path")',
      ]);
    },
  );

  it("catches a package in a bundle", () => {
    const bundle = "// bin/shim-check.ts\nx();\n// node_modules/zod/v4/core/core.js\ny();\n";
    expect(bundledSources(bundle).filter((s) => s.startsWith("node_modules/"))).toEqual([
      "node_modules/zod/v4/core/core.js",
    ]);
  });
});

describe("pick's first screen", () => {
  it("loads no zod (only a change to a session needs the index's schema)", () => {
    // The files the command line and the picker's chunk import statically, each once; import() is not followed.
    const loaded = new Set<string>();
    const follow = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const text = fs.readFileSync(file, "utf8");
      for (const [, relative] of text.matchAll(/^import\s[^;]*?from\s*"(\.\.?\/[^"]+)";/gms))
        follow(path.resolve(path.dirname(file), relative as string));
    };
    const chunks = path.join(repo, "dist/chunks");
    const pick = fs.readdirSync(chunks).filter((name) => name.startsWith("pick-command-"));
    expect(pick).toHaveLength(1);
    follow(path.join(repo, "dist/claude-reindex.mjs"));
    follow(path.join(chunks, pick[0] as string));
    const sources = [...loaded].flatMap((file) => bundledSources(fs.readFileSync(file, "utf8")));
    expect(sources).toContain("src/commands/session-picker.ts");
    expect(sources.filter((source) => source.includes("node_modules/zod/"))).toEqual([]);
  });
});

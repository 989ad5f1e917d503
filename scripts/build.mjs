// Bundles each entry point under dist/ as an ES module, with what sits behind a dynamic import()
// split into chunks. Start-up stays cheap: Node parses a few files instead of resolving hundreds
// of modules in node_modules (zod alone: ~45 ms unbundled, ~11 ms bundled), and a command whose
// fast path suffices never parses the merge machinery (~25 ms of compiling on a loaded machine).
// Every dependency is bundled, so the published package has no runtime dependencies at all.

import { readdirSync, rmSync } from "node:fs";
import { build } from "esbuild";
import { buildPlugin } from "./build-plugin.mjs";
import { bundleOptions } from "./bundle-options.mjs";

// Chunk names carry content hashes: without a clean slate, old chunks would pile up in the package.
rmSync("dist", { recursive: true, force: true });

const typeScriptIn = (dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith(".ts"))
    .map((n) => `${dir}/${n}`);

// Source maps only when asked (CLAUDE_REINDEX_SOURCEMAP=1): they would double the package.
const common = {
  ...bundleOptions,
  outdir: "dist",
  sourcemap: process.env.CLAUDE_REINDEX_SOURCEMAP === "1" ? "linked" : false,
};

// The shim's check before every launch whose check is due: one CommonJS file, which Node starts
// faster than an ES module (no module loader, no chunks to resolve).
const SHIM_CHECK = "bin/shim-check.ts";
// The keep guard, which dist/shim-check.cjs loads only when the guard is on (it brings zod and
// jsonc-parser). \`rebuild --all\` on a tree where nothing changed: the stat pass alone. CommonJS too.
const STAT_PASS_ENTRIES = [SHIM_CHECK, "bin/shim-keep.ts", "bin/rebuild-unchanged.ts"];
await build({
  ...common,
  entryPoints: STAT_PASS_ENTRIES,
  format: "cjs",
  outExtension: { ".js": ".cjs" },
  banner: {},
  plugins: [builtinsAsThemselves(["fs", "path", "os"])],
});
/**
 * In a CommonJS bundle, esbuild turns each module's `import fs from "node:fs"` into a copy of the module with
 * a getter per export (`__toESM`): nine of fs's hundred exports, twelve of path's, in dist/shim-check.cjs,
 * 3 ms of its CPU. Here each of these built-ins is a module of one line whose default export is the built-in
 * itself, required once. Only default imports: a named one fails the build ("No matching export").
 */
function builtinsAsThemselves(names) {
  const filter = new RegExp(`^(node:)?(${names.join("|")})$`);
  return {
    name: "builtins-as-themselves",
    setup(build) {
      // Import statements only: a require() of a bundled CommonJS package must get the built-in as it is.
      build.onResolve({ filter }, (args) =>
        args.kind === "import-statement" ? { path: args.path.replace(/^node:/, ""), namespace: "builtin" } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({
        contents: `export default require("node:${args.path}");`,
        loader: "js",
      }));
    },
  };
}

// The commands, and the worker that rebuilds start by path: shared code in chunks.
await build({
  ...common,
  entryPoints: [
    ...typeScriptIn("bin").filter((f) => !STAT_PASS_ENTRIES.includes(f)),
    "src/transcript/derivation-worker.ts",
  ],
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});
// The hooks run after every turn and always need the merge machinery: one file loads fastest.
await build({ ...common, entryPoints: typeScriptIn("hooks"), splitting: false });
// The Claude Code plugin's own copy of the hooks (committed; see scripts/build-plugin.mjs).
await buildPlugin({ repoRoot: process.cwd() });

// Bundles each entry point under dist/ as an ES module, with what sits behind a dynamic import()
// split into chunks. Start-up stays cheap: Node parses a few files instead of resolving hundreds
// of modules in node_modules (zod alone: ~45 ms unbundled, ~11 ms bundled), and a command whose
// fast path suffices never parses the merge machinery (~25 ms of compiling on a loaded machine).
// Every dependency is bundled, so the published package has no runtime dependencies at all.

import { readdirSync, rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names carry content hashes: without a clean slate, old chunks would pile up in the package.
rmSync("dist", { recursive: true, force: true });

const typeScriptIn = (dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith(".ts"))
    .map((n) => `${dir}/${n}`);

const common = {
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  entryNames: "[name]",
  bundle: true,
  platform: "node",
  // jsonc-parser's "main" is a UMD build that esbuild cannot bundle; its "module" is plain ESM.
  mainFields: ["module", "main"],
  target: "node20",
  format: "esm",
  // Source maps only when asked (CLAUDE_REINDEX_SOURCEMAP=1): they would double the package.
  sourcemap: process.env.CLAUDE_REINDEX_SOURCEMAP === "1" ? "linked" : false,
  legalComments: "none",
  logLevel: "warning",
  // A native addon: it finds its compiled .node file from its own folder, so it is never bundled.
  external: ["better-sqlite3"],
  // CommonJS dependencies (proper-lockfile, write-file-atomic) call require() on Node built-ins
  // and read __filename, which an ES module does not define.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      "const require = __createRequire(import.meta.url);",
      "const __filename = __fileURLToPath(import.meta.url);",
    ].join(" "),
  },
};

// The shim's check before every launch whose check is due: one CommonJS file, which Node starts
// faster than an ES module (no module loader, no chunks to resolve).
const SHIM_CHECK = "bin/shim-check.ts";
await build({ ...common, entryPoints: [SHIM_CHECK], format: "cjs", outExtension: { ".js": ".cjs" }, banner: {} });
// The commands, and the worker that rebuilds start by path: shared code in chunks.
await build({
  ...common,
  entryPoints: [...typeScriptIn("bin").filter((f) => f !== SHIM_CHECK), "src/transcript/derivation-worker.ts"],
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});
// The hooks run after every turn and always need the merge machinery: one file loads fastest.
await build({ ...common, entryPoints: typeScriptIn("hooks"), splitting: false });

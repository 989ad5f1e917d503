// The esbuild options every bundle of claude-reindex shares: the package's own dist/ and the
// Claude Code plugin's copy of the hooks (scripts/build-plugin.mjs) come out of the same settings.

export const bundleOptions = {
  outExtension: { ".js": ".mjs" },
  entryNames: "[name]",
  bundle: true,
  platform: "node",
  // jsonc-parser's "main" is a UMD build that esbuild cannot bundle; its "module" is plain ESM.
  mainFields: ["module", "main"],
  target: "node20",
  format: "esm",
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

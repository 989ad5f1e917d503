// Builds the Claude Code plugin's generated files into its folder (plugins/session-reindex/).
// `claude plugin install` copies only that folder into Claude Code's plugin cache, so everything
// the plugin's hooks run lives in it, committed: the hooks' entry scripts (every file of hooks/
// but the TypeScript), copied byte for byte, and the bundle they load, built from hooks/hook.ts
// like dist/hook.mjs but without a source map, laid out alike (hooks/<script>, dist/hook.mjs) so
// the scripts find it as they do in the repository. hooks/hooks.json comes from the table
// `install` registers (src/settings/); .claude-plugin/plugin.json takes its version from
// package.json plus a hash of those files. The README and the icon are written by hand. The output
// depends only on the repository's files: test/e2e/plugin.test.ts builds into a temporary folder
// and compares it with what is committed.

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { bundleOptions } from "./bundle-options.mjs";

export const PLUGIN_DIR = "plugins/session-reindex";

/** The files this build writes, relative to the plugin folder, with whether each is executable. */
export async function buildPlugin({ repoRoot, outDir = path.join(repoRoot, PLUGIN_DIR) }) {
  const { pluginHooksFile, PLUGIN_NAME } = await importTypeScript(repoRoot, "src/settings/plugin-hooks.ts");
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  // A clean slate for what this build owns, so a file it no longer makes does not linger.
  for (const dir of ["dist", "hooks"]) fs.rmSync(path.join(outDir, dir), { recursive: true, force: true });
  const written = [];
  const write = (relative, content, executable = false) => {
    const file = path.join(outDir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    fs.chmodSync(file, executable ? 0o755 : 0o644);
    written.push({ path: relative, executable });
  };

  const bundle = await build({
    ...bundleOptions,
    absWorkingDir: repoRoot,
    entryPoints: ["hooks/hook.ts"],
    outdir: "dist",
    write: false,
    sourcemap: false,
    splitting: false,
  });
  for (const file of bundle.outputFiles) write(path.join("dist", path.basename(file.path)), file.contents);

  const hooksDir = path.join(repoRoot, "hooks");
  for (const name of fs.readdirSync(hooksDir).sort()) {
    if (name.endsWith(".ts")) continue;
    const source = path.join(hooksDir, name);
    write(path.join("hooks", name), fs.readFileSync(source), (fs.statSync(source).mode & 0o111) !== 0);
  }
  write("hooks/hooks.json", `${JSON.stringify(pluginHooksFile(), null, 2)}\n`);

  // `claude plugin update` installs a new copy only when the version changes: the build metadata
  // (a hash of what the hooks run) makes every change of the hooks one, without a release.
  const runtime = createHash("sha256");
  for (const file of written) {
    runtime.update(`${file.path}\0${file.executable}\0`);
    runtime.update(fs.readFileSync(path.join(outDir, file.path)));
  }
  const manifest = {
    name: PLUGIN_NAME,
    version: `${pkg.version}+hooks.${runtime.digest("hex").slice(0, 12)}`,
    description: pkg.description,
    author: pkg.author,
    license: pkg.license,
    keywords: ["sessions", "resume", "sessions-index", "hooks"],
    // The hooks read and write files under Claude Code's config root; they reach no host.
    network: { hosts: [] },
  };
  write(".claude-plugin/plugin.json", `${JSON.stringify(manifest, null, 2)}\n`);
  write("LICENSE", fs.readFileSync(path.join(repoRoot, "LICENSE")));
  return written.sort((a, b) => a.path.localeCompare(b.path));
}

/** A TypeScript module of src/, bundled in memory and imported (Node 20 does not run .ts). */
async function importTypeScript(repoRoot, entry) {
  const result = await build({
    ...bundleOptions,
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    write: false,
    banner: {},
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}

// `node scripts/build-plugin.mjs --out <dir>` builds into another folder (the freshness test).
if (process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const out = process.argv.indexOf("--out");
  const repoRoot = fileURLToPath(new URL("..", import.meta.url));
  const written = await buildPlugin({ repoRoot, outDir: out === -1 ? undefined : path.resolve(process.argv[out + 1]) });
  process.stdout.write(`${JSON.stringify(written)}\n`);
}

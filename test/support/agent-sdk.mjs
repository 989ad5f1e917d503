// Claude Code's Agent SDK as a test oracle: `listSessions` is the code behind `/resume` of the same
// release line (0.3.332 ships with 2.1.332), read from the same files.
//
//   const sdk = await loadAgentSdk();                  // installs on first use, then imports
//   const rows = await listSessionsIn(configDir, { dir: projectPath, includeProgrammatic: false });
//
// Installed like the real releases (test/support/claude-code.mjs): with npm, into the shared
// cache under os.tmpdir() (or $CLAUDE_REINDEX_CC_CACHE), never as a devDependency, so `npm ci`
// stays lean. `--omit=optional`: the ~380 MB native platform package is only needed to run
// queries; `listSessions` and friends are plain JavaScript in sdk.mjs and import without it.
// `--ignore-scripts`: nothing of the package runs at install time.

import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { claudeCodeCacheDir } from "./claude-code.mjs";

const execFileAsync = promisify(execFile);
const PACKAGE = "@anthropic-ai/claude-agent-sdk";
export const AGENT_SDK_VERSION = "0.3.332";

/** Installs the SDK into the cache (idempotent); returns the package directory. */
export async function installAgentSdk(version = AGENT_SDK_VERSION, { cacheDir = claudeCodeCacheDir() } = {}) {
  const prefix = path.join(cacheDir, `agent-sdk-${version}`);
  if (installed(prefix, version)) return packageDirOf(prefix);
  fs.mkdirSync(cacheDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(cacheDir, `.agent-sdk-${version}-`));
  try {
    fs.writeFileSync(path.join(staging, "package.json"), `${JSON.stringify({ name: "sdk-cache", private: true })}\n`);
    await execFileAsync(
      process.platform === "win32" ? "npm.cmd" : "npm",
      [
        "install",
        "--prefix",
        staging,
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        "--omit=optional",
        "--save-exact",
        "--loglevel=error",
        `${PACKAGE}@${version}`,
      ],
      { env: process.env, maxBuffer: 64 * 1024 * 1024, shell: process.platform === "win32" },
    );
    if (!installed(staging, version)) throw new Error(`npm installed ${PACKAGE}@${version} but sdk.mjs is missing`);
    fs.rmSync(prefix, { recursive: true, force: true });
    try {
      fs.renameSync(staging, prefix);
    } catch (error) {
      if (!installed(prefix, version)) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return packageDirOf(prefix);
}

function packageDirOf(prefix) {
  return path.join(prefix, "node_modules", PACKAGE);
}

function installed(prefix, version) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(packageDirOf(prefix), "package.json"), "utf8"));
    return manifest.version === version && fs.existsSync(path.join(packageDirOf(prefix), "sdk.mjs"));
  } catch {
    return false;
  }
}

/**
 * Runs the SDK's `listSessions(options)` in a child process with CLAUDE_CONFIG_DIR set to
 * `configDir` (the SDK reads its root from the environment once), and returns its rows.
 * Several option sets can be asked at once: `[{ dir }, …]` → one array of rows per set.
 */
export async function listSessionsIn(configDir, optionSets, { version = AGENT_SDK_VERSION } = {}) {
  const packageDir = await installAgentSdk(version);
  const sdkUrl = pathToFileURL(path.join(packageDir, "sdk.mjs")).href;
  const script = `
    const { listSessions } = await import(${JSON.stringify(sdkUrl)});
    const sets = JSON.parse(process.argv[1]);
    const out = [];
    for (const options of sets) out.push(await listSessions(options));
    process.stdout.write(JSON.stringify(out));
  `;
  const { stdout } = await execFileAsync(
    process.execPath,
    ["--input-type=module", "-e", script, JSON.stringify(optionSets)],
    {
      env: { PATH: process.env.PATH ?? "", HOME: configDir, CLAUDE_CONFIG_DIR: configDir, LANG: "C.UTF-8" },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout);
}

/**
 * Runs SDK functions (renameSession, tagSession, archiveSession, …) one after another in a child
 * process with CLAUDE_CONFIG_DIR set to `configDir`: `calls` is `[{ fn, args }, …]`; returns their
 * results (undefined for none) in order.
 */
export async function callSdkIn(configDir, calls, { version = AGENT_SDK_VERSION } = {}) {
  const packageDir = await installAgentSdk(version);
  const sdkUrl = pathToFileURL(path.join(packageDir, "sdk.mjs")).href;
  const script = `
    const sdk = await import(${JSON.stringify(sdkUrl)});
    const calls = JSON.parse(process.argv[1]);
    const out = [];
    for (const { fn, args } of calls) out.push((await sdk[fn](...args)) ?? null);
    process.stdout.write(JSON.stringify(out));
  `;
  const { stdout } = await execFileAsync(
    process.execPath,
    ["--input-type=module", "-e", script, JSON.stringify(calls)],
    {
      env: { PATH: process.env.PATH ?? "", HOME: configDir, CLAUDE_CONFIG_DIR: configDir, LANG: "C.UTF-8" },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout);
}

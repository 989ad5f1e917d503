// Install and run real Claude Code releases, offline, for parity fixtures and end-to-end tests.
//
//   const { argv } = await installClaudeCode('2.1.29');
//   const api = await startStandInApi();               // ./stand-in-api.mjs
//   const { exitCode, stdout } = await runClaudeCode({
//     version: '2.1.29', args: ['-p', 'hello'], cwd, apiUrl: api.url, configDir,
//   });
//
// Releases are installed with npm into a cache under os.tmpdir() (one directory per version,
// reused when present), so a fresh machine only needs the npm registry. Releases up to 2.1.112
// ship cli.js (run with this Node); later ones ship a native binary in a platform package
// (optional dependency), which we run directly rather than relying on the wrapper's postinstall
// script (npm is moving towards not running install scripts by default).
//
// Runs are non-interactive only (`-p`, stdin closed) and offline: the environment is built from
// scratch (nothing from the caller's ANTHROPIC_*/CLAUDE_* variables leaks in), the API points at a
// loopback stand-in, and HTTPS_PROXY/HTTP_PROXY point at that same stand-in, which refuses
// tunnels, so requests Claude Code makes to hard-coded hosts never leave the machine.

import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

const PACKAGE = "@anthropic-ai/claude-code";

/** Where releases are installed; CLAUDE_REINDEX_CC_CACHE overrides it. */
export function claudeCodeCacheDir() {
  return process.env.CLAUDE_REINDEX_CC_CACHE || path.join(os.tmpdir(), "claude-reindex-claude-code");
}

/**
 * Install `@anthropic-ai/claude-code@<version>` into the cache (idempotent) and say how to run it.
 * @param {string} version an exact release, e.g. '2.1.29'
 * @returns {Promise<{ version: string, command: string, args: string[], argv: string[], packageDir: string }>}
 *   `argv` is `[command, ...args]`, all absolute; append Claude Code's own arguments to it.
 */
export async function installClaudeCode(version, { cacheDir = claudeCodeCacheDir() } = {}) {
  if (!/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(version)) {
    throw new Error(`installClaudeCode: give an exact release (e.g. 2.1.29), not ${JSON.stringify(version)}`);
  }
  const prefix = path.join(cacheDir, version);
  let runnable = locate(prefix, version);
  if (!runnable) {
    // Install into a private directory, then rename it into place: a half-finished install never
    // looks complete, and two processes installing at once do not trip over each other.
    fs.mkdirSync(cacheDir, { recursive: true });
    const staging = fs.mkdtempSync(path.join(cacheDir, `.${version}-`));
    try {
      fs.writeFileSync(path.join(staging, "package.json"), `${JSON.stringify({ name: "cc-cache", private: true })}\n`);
      await execFileAsync(
        npmCommand(),
        [
          "install",
          "--prefix",
          staging,
          "--no-audit",
          "--no-fund",
          "--ignore-scripts",
          "--save-exact",
          "--loglevel=error",
          `${PACKAGE}@${version}`,
        ],
        { env: process.env, maxBuffer: 64 * 1024 * 1024, shell: process.platform === "win32" },
      );
      if (!locate(staging, version))
        throw new Error(`npm installed ${PACKAGE}@${version} but no runnable entry was found`);
      fs.rmSync(prefix, { recursive: true, force: true }); // an earlier broken install
      try {
        fs.renameSync(staging, prefix);
      } catch (error) {
        if (!locate(prefix, version)) throw error; // someone else finished first: use theirs
      }
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
    runnable = locate(prefix, version);
    if (!runnable) throw new Error(`could not install ${PACKAGE}@${version} into ${prefix}`);
  }
  return {
    version,
    ...runnable,
    argv: [runnable.command, ...runnable.args],
    packageDir: path.join(prefix, "node_modules", PACKAGE),
  };
}

// How to run an installed release, or null when it is not (completely) installed.
function locate(prefix, version) {
  const scope = path.join(prefix, "node_modules", "@anthropic-ai");
  const packageDir = path.join(scope, "claude-code");
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8"));
  } catch {
    return null;
  }
  if (manifest.version !== version) return null;
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.claude;
  if (bin && /\.(c|m)?js$/.test(bin)) {
    const script = path.join(packageDir, bin);
    return fs.existsSync(script) ? { command: process.execPath, args: [script] } : null;
  }
  // Native releases: the binary lives in the platform package npm picked (os/cpu/libc).
  const exe = process.platform === "win32" ? "claude.exe" : "claude";
  for (const suffix of [`${process.platform}-${process.arch}`, `${process.platform}-${process.arch}-musl`]) {
    const binary = path.join(scope, `claude-code-${suffix}`, exe);
    if (fs.existsSync(binary)) return { command: binary, args: [] };
  }
  return null;
}

function npmCommand() {
  return process.platform === "win32" ? "npm.cmd" : "npm";
}

/**
 * Whether Claude Code's cleanup sweep has ended since `since` (ms since the epoch) in `configDir`:
 * 2.1.332 writes `<configDir>/.last-cleanup` once the sweep's deletions are done. A stand-in API
 * holds `-p`'s reply until this is true, so that the sweep runs before the process exits.
 */
export function sweptSince(configDir, since) {
  const marker = fs.statSync(path.join(configDir, ".last-cleanup"), { throwIfNoEntry: false });
  return marker !== undefined && marker.mtimeMs >= since;
}

/**
 * The offline environment of docs/claude-code-storage.md section 6, built from scratch.
 * `extra` entries override; an `undefined` value removes a variable.
 */
export function offlineEnv({ apiUrl, home, configDir, extra = {} }) {
  const env = {
    PATH: process.env.PATH ?? "",
    LANG: "C.UTF-8",
    TERM: "dumb",
    ANTHROPIC_BASE_URL: apiUrl,
    ANTHROPIC_API_KEY: "sk-test",
    DISABLE_TELEMETRY: "1",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    DISABLE_AUTOUPDATER: "1",
    DISABLE_ERROR_REPORTING: "1",
    HOME: home,
    USERPROFILE: home,
    // Anything sent to a non-loopback host goes to the stand-in as a proxy and is refused there.
    HTTPS_PROXY: apiUrl,
    HTTP_PROXY: apiUrl,
    https_proxy: apiUrl,
    http_proxy: apiUrl,
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
  };
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  if (process.platform === "win32") {
    for (const name of ["SystemRoot", "ComSpec", "PATHEXT", "TEMP", "TMP"])
      if (process.env[name]) env[name] = process.env[name];
  }
  if (configDir !== undefined) env.CLAUDE_CONFIG_DIR = configDir;
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = String(value);
  }
  return env;
}

/**
 * Run one release non-interactively (stdin closed) against a stand-in API.
 * @param {object} o
 * @param {string} o.version  exact release; installed on first use
 * @param {string[]} o.args   Claude Code's arguments; must include `-p`/`--print`
 * @param {string} o.cwd      working directory (its real path decides the project directory)
 * @param {string} o.apiUrl   the stand-in's URL
 * @param {string} [o.configDir] CLAUDE_CONFIG_DIR (omit to use `<home>/.claude`)
 * @param {string} [o.home]   HOME; a fresh temporary directory (removed afterwards) when omitted
 * @param {Record<string,string|undefined>} [o.env] extra variables (override the offline ones)
 * @param {number} [o.timeoutMs] kill the whole process group after this long (default 120 s)
 * @returns {Promise<{ exitCode: number | null, signal: string | null, timedOut: boolean, stdout: string,
 *   stderr: string }>}
 */
export async function runClaudeCode({ version, args, cwd, env = {}, apiUrl, configDir, home, timeoutMs = 120_000 }) {
  if (!args.includes("-p") && !args.includes("--print")) {
    throw new Error("runClaudeCode runs Claude Code non-interactively only: pass -p");
  }
  if (!apiUrl) throw new Error("runClaudeCode: apiUrl (a loopback stand-in) is required");
  const { command, args: prefixArgs } = await installClaudeCode(version);
  const ownHome = home === undefined;
  const homeDir = ownHome ? fs.mkdtempSync(path.join(os.tmpdir(), "claude-reindex-home-")) : home;
  fs.mkdirSync(homeDir, { recursive: true });
  try {
    return await new Promise((resolve, reject) => {
      // detached: its own process group, so a timeout also ends the tools it spawned.
      const child = spawn(command, [...prefixArgs, ...args], {
        cwd,
        env: offlineEnv({ apiUrl, home: homeDir, configDir, extra: env }),
        stdio: ["ignore", "pipe", "pipe"],
        detached: process.platform !== "win32",
        windowsHide: true,
      });
      let stdout = "";
      let stderr = "";
      let timedOut = false;
      child.stdout.setEncoding("utf8").on("data", (s) => (stdout += s));
      child.stderr.setEncoding("utf8").on("data", (s) => (stderr += s));
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          if (process.platform === "win32") child.kill("SIGKILL");
          else process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }, timeoutMs);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", (exitCode, signal) => {
        clearTimeout(timer);
        resolve({ exitCode, signal, timedOut, stdout, stderr });
      });
    });
  } finally {
    if (ownHome) fs.rmSync(homeDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

// Real Claude Code for the benchmark: a loopback stand-in API in a process of its own (the
// benchmark times commands with spawnSync, which would stall an in-process server), config dirs
// with and without our hooks, and the `claude -p` command to time in each.

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { installClaudeCode, offlineEnv } from "../../test/support/claude-code.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Starts the stand-in API in a child process; resolves with its URL and a stop function. */
export async function startStandInProcess() {
  const child = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { startStandInApi } from ${JSON.stringify(path.join(REPO, "test/support/stand-in-api.mjs"))};
       const api = await startStandInApi({ reply: "Done." });
       process.stdout.write(api.url + "\\n");
       process.stdin.on("end", () => api.close().then(() => process.exit(0)));
       process.stdin.resume();`,
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(out.trim());
    });
    child.on("exit", (code) => reject(new Error(`the stand-in API exited with ${code}`)));
  });
  return { url, stop: () => child.stdin.end() };
}

/**
 * Two config dirs under `dir` (`with`: our hooks installed by bin/claude-reindex; `without`: an
 * empty settings.json), a working directory and a home, and the command that runs `claude -p`
 * of `version` in either.
 */
export async function claudeCodePlaces(dir, version, apiUrl) {
  const { argv } = await installClaudeCode(version);
  fs.rmSync(dir, { recursive: true, force: true });
  const places = {
    cwd: path.join(dir, "work"),
    home: path.join(dir, "home"),
    with: path.join(dir, "with"),
    without: path.join(dir, "without"),
  };
  for (const d of Object.values(places)) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(places.without, "settings.json"), "{}\n");
  const command = (configDir, args) => ({
    file: argv[0],
    args: [...argv.slice(1), ...args],
    cwd: places.cwd,
    env: offlineEnv({ apiUrl, home: places.home, configDir }),
    cleanEnv: true,
    stdout: "ignore",
  });
  return { ...places, command };
}

/** Sessions under `configDir` whose index entry is missing or older than the transcript. */
export function laggingSessions(configDir) {
  const behind = [];
  const projects = path.join(configDir, "projects");
  for (const dir of fs.existsSync(projects) ? fs.readdirSync(projects) : []) {
    const projectDir = path.join(projects, dir);
    let entries = [];
    try {
      entries = JSON.parse(fs.readFileSync(path.join(projectDir, "sessions-index.json"), "utf8")).entries;
    } catch {
      // no index
    }
    for (const name of fs.readdirSync(projectDir).filter((n) => n.endsWith(".jsonl"))) {
      const id = name.slice(0, -".jsonl".length);
      const mtime = Math.round(fs.statSync(path.join(projectDir, name)).mtimeMs);
      if (entries.find((e) => e.sessionId === id)?.fileMtime !== mtime) behind.push(id);
    }
  }
  return behind;
}

/** Waits up to `ms` for every entry to be current; returns the laggards left. */
export async function settle(configDir, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const behind = laggingSessions(configDir);
    if (behind.length === 0 || Date.now() > deadline) return behind;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

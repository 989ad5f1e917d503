// Drives a real Claude Code release interactively in tmux, offline (see ./claude-code.mjs):
//
//   const session = await startInteractive({ version: '2.1.29', cwd, configDir, home, apiUrl });
//   await session.prompt('hello');           // types it, waits for the reply and an idle prompt
//   const { exitMs } = await session.exit(); // /exit, and how long Claude Code took to end
//
// The config dir gets a .claude.json that skips onboarding, trusts `cwd` and approves the
// stand-in's API key; dialogs a newer release opens at start (e.g. "try the fullscreen
// renderer?") are dismissed with Escape. Linux only (`date +%s%N` stamps the exit).

import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { installClaudeCode, offlineEnv } from "./claude-code.mjs";

const run = promisify(execFile);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let sessions = 0;

/** Seeds `<configDir>/.claude.json` so that Claude Code starts straight at its prompt in `cwd`. */
export function seedInteractiveConfig(configDir, cwd) {
  fs.mkdirSync(configDir, { recursive: true });
  const file = path.join(configDir, ".claude.json");
  const config = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  config.hasCompletedOnboarding = true;
  config.theme = "dark";
  config.customApiKeyResponses = { approved: ["sk-test"], rejected: [] };
  config.projects = {
    ...config.projects,
    [fs.realpathSync(cwd)]: { hasTrustDialogAccepted: true, hasCompletedProjectOnboarding: true },
  };
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
}

/**
 * @param {{ version: string, cwd: string, configDir: string, home: string, apiUrl: string,
 *           env?: Record<string, string>, timeoutMs?: number }} o
 */
export async function startInteractive({ version, cwd, configDir, home, apiUrl, env = {}, timeoutMs = 60_000 }) {
  const { argv } = await installClaudeCode(version);
  seedInteractiveConfig(configDir, cwd);
  fs.mkdirSync(home, { recursive: true });
  const dir = fs.mkdtempSync(path.join(home, ".tmux-run-"));
  const marker = path.join(dir, "exited");
  const variables = offlineEnv({ apiUrl, home, configDir, extra: { TERM: "xterm-256color", ...env } });
  const quote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
  const script = path.join(dir, "run.sh");
  fs.writeFileSync(
    script,
    [
      "#!/bin/sh",
      `cd ${quote(cwd)} || exit 1`,
      `env -i ${Object.entries(variables)
        .map(([k, v]) => quote(`${k}=${v}`))
        .join(" ")} ${argv.map(quote).join(" ")}`,
      `date +%s%N > ${quote(`${marker}.tmp`)} && mv ${quote(`${marker}.tmp`)} ${quote(marker)}`,
      "exec sleep 600",
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  const name = `cr-${process.pid}-${++sessions}`;
  // A tmux server of its own: with one for all, a test whose last session ends stops it while another
  // test's new-session connects to it ("server exited unexpectedly").
  const tmux = (...args) => run("tmux", ["-S", path.join(dir, "tmux"), ...args]);
  await tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", script);
  const screen = async () => (await tmux("capture-pane", "-p", "-t", name)).stdout;
  const keys = (...k) => tmux("send-keys", "-t", name, ...k);
  const waitFor = async (test, what, ms = timeoutMs) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const text = await screen();
      if (test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
      await sleep(100);
    }
  };
  const idle = (text) => /^❯/m.test(text) && !/esc to interrupt|running \w+ hook|Esc to cancel/i.test(text);

  // Up to the prompt, dismissing start-up dialogs.
  await waitFor((text) => {
    if (/Esc to cancel/.test(text)) keys("Escape").catch(() => {});
    return idle(text);
  }, "Claude Code's prompt");

  return {
    name,
    screen,
    /** tmux send-keys to the session. */
    keys,
    /** Types a prompt and waits for the stand-in's reply and an idle prompt again. */
    async prompt(text, reply = "Done.") {
      // A release still settling after start-up may drop keys typed at once (its prompt already drawn): typed
      // again while the input still shows its placeholder (nothing arrived), never over a part that did.
      const typed = (s) => s.includes(text);
      for (let tries = 1; ; tries++) {
        await keys("-l", text);
        if ((await waitFor(typed, "the typed prompt", 3000).catch(() => null)) !== null) break;
        if (tries < 5 && /^❯ Try "/m.test(await screen())) continue;
        await waitFor(typed, "the typed prompt");
        break;
      }
      await sleep(300);
      await keys("Enter");
      const deadline = Date.now() + timeoutMs;
      // A release still settling after start-up may drop that Enter: the prompt then stays typed.
      for (let waited = 0; ; waited += 100) {
        const s = await screen();
        if (s.includes(reply) && idle(s)) return;
        if (waited % 3000 === 2900 && s.includes(`❯ ${text}`)) await keys("Enter");
        if (Date.now() > deadline) throw new Error(`timed out waiting for the reply to ${text}; screen:\n${s}`);
        await sleep(100);
      }
    },
    /** /exit; resolves with how long it took from the Enter that ran it to the process's end. */
    async exit() {
      await keys("-l", "/exit");
      await waitFor((s) => /\/exit\s+Exit the/.test(s), "the /exit completion");
      await sleep(200);
      let sent = BigInt(Date.now()) * 1_000_000n;
      await keys("Enter");
      for (let tries = 0; !fs.existsSync(marker); tries++) {
        if (tries === 30 && /^❯ \/exit/m.test(await screen())) {
          // The first Enter only accepted the completion: this one runs it.
          sent = BigInt(Date.now()) * 1_000_000n;
          await keys("Enter");
        }
        if (tries > 600) throw new Error(`Claude Code did not exit; screen:\n${await screen()}`);
        await sleep(50);
      }
      const endedNs = BigInt(fs.readFileSync(marker, "utf8").trim());
      return { exitMs: Number(endedNs - sent) / 1e6, endedAt: Number(endedNs / 1_000_000n) };
    },
    async close() {
      await tmux("kill-server").catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

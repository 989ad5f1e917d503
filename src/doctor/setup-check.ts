// Whether claude-reindex is set up: our hooks registered in which settings files, and whether `claude`
// on PATH is the shim. Read-only.
import fs from "node:fs";
import path from "node:path";
import type { HookEvent } from "../hooks/hook-event.ts";
import { type HookTarget, hookCommands, ourHandlers, registeredEvents } from "../settings/hook-registration.ts";
import { type PluginState, pluginStates } from "../settings/plugin-state.ts";
import { MAX_SETTINGS_BYTES, parseSettings, type SettingsScope, settingsPathFor } from "../settings/settings-file.ts";
import { stableLauncherPath, stableLauncherTarget } from "../settings/stable-launcher.ts";
import { firstOnPath } from "../system/path-search.ts";
import { realPathOrSelf } from "../system/real-path.ts";
import { readRegularFile } from "../system/regular-file.ts";

export interface SetupCheck {
  configRoot: string;
  workingDir: string;
  /** The checkout or package doctor runs from. */
  packageDir: string;
  shimPath: string;
  pathEntries: string[];
}

/** One handler of ours in a settings file, and whether what it runs is still there. */
export interface HookHealth {
  event: HookEvent;
  command: string;
  /** The claude-reindex package the command leads to, when that can be told. */
  packageDir: string | null;
  /** The first file on the way from the command to the hooks' bundle that is missing. */
  missing: string | null;
  /** Registered exactly as install registers it now. */
  current: boolean;
  /** Registered `"async": true` (releases before the detached worker): slows every `claude -p`. */
  async: boolean;
}

export interface SetupReport {
  hooks: {
    scope: SettingsScope;
    path: string;
    registered: HookEvent[];
    handlers: HookHealth[];
    problem: string | null;
  }[];
  /** The `claude` a shell finds first on PATH (absolute entries only), if any. */
  claudeOnPath: string | null;
  shimInFront: boolean;
  /** The session-reindex plugins the settings name, enabled or not. */
  plugins: PluginState[];
  /** This checkout, when it is a plugin marketplace (`claude plugin marketplace add` takes it). */
  marketplaceDir: string | null;
}

/**
 * Where the hooks are registered (by `install`, or as the session-reindex plugin), what they lead to, and whether
 * `claude` resolves to the shim. Read-only.
 */
export function checkSetup(check: SetupCheck): SetupReport {
  const commands = hookCommands(stableLauncherPath(check.configRoot));
  const hooks: SetupReport["hooks"] = [];
  for (const scope of ["user", "project", "local"] as const) {
    const file = settingsPathFor(scope, check.configRoot, check.workingDir);
    let text: string;
    try {
      // Never blocks on a FIFO; a linked settings.json is read where it points, as Claude Code reads it.
      text = readRegularFile(file, MAX_SETTINGS_BYTES, { followLinks: true }).text;
    } catch {
      continue;
    }
    const read = parseSettings(text);
    const handlers = read.ok
      ? ourHandlers(read.settings, commands).map((h) => ({
          event: h.event,
          command: h.command,
          ...followTarget(h.target),
          current: h.current,
          async: h.async,
        }))
      : [];
    hooks.push({
      scope,
      path: file,
      registered: read.ok ? registeredEvents(read.settings, commands) : [],
      handlers,
      problem: read.ok ? null : read.problem,
    });
  }
  const claudeOnPath = firstOnPath("claude", check.pathEntries);
  const checkout = check.packageDir;
  return {
    hooks,
    claudeOnPath,
    shimInFront: claudeOnPath !== null && realPathOrSelf(claudeOnPath) === realPathOrSelf(check.shimPath),
    plugins: pluginStates(check.configRoot, check.workingDir),
    marketplaceDir: fs.existsSync(path.join(checkout, ".claude-plugin", "marketplace.json")) ? checkout : null,
  };
}

/** The command's file, the package it leads to, and what is missing on the way. */
function followTarget(target: HookTarget): { packageDir: string | null; missing: string | null } {
  if (!fs.existsSync(target.file)) return { packageDir: null, missing: target.file };
  const packageDir =
    target.kind === "launcher" ? stableLauncherTarget(target.file) : path.dirname(path.dirname(target.file));
  if (packageDir === null) return { packageDir: null, missing: `${target.file} (it names no package)` };
  const needed = target.kind === "launcher" ? ["hooks/launch", "dist/hook.mjs"] : ["dist/hook.mjs"];
  for (const file of needed) {
    const full = path.join(packageDir, file);
    if (!fs.existsSync(full)) return { packageDir, missing: full };
  }
  return { packageDir, missing: null };
}

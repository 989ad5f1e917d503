import fs from "node:fs";
import path from "node:path";
import type { HookEvent } from "../hooks/session-hook.ts";
import { hookCommands, registeredEvents } from "../settings/hook-registration.ts";
import { type PluginState, pluginStates } from "../settings/plugin-state.ts";
import { parseSettings, type SettingsScope, settingsPathFor } from "../settings/settings-file.ts";
import { firstOnPath } from "../system/path-search.ts";
import { realPathOrSelf } from "../system/real-path.ts";

export interface SetupCheck {
  configRoot: string;
  workingDir: string;
  hooksDir: string;
  shimPath: string;
  pathEntries: string[];
}

export interface SetupReport {
  hooks: { scope: SettingsScope; path: string; registered: HookEvent[]; problem: string | null }[];
  /** The `claude` a shell finds first on PATH (absolute entries only), if any. */
  claudeOnPath: string | null;
  shimInFront: boolean;
  /** The session-reindex plugins the settings name, enabled or not. */
  plugins: PluginState[];
  /** This checkout, when it is a plugin marketplace (`claude plugin marketplace add` takes it). */
  marketplaceDir: string | null;
}

/**
 * Whether the hooks are registered (by `install`, or as the session-reindex plugin), and whether
 * `claude` resolves to the shim. Read-only.
 */
export function checkSetup(check: SetupCheck): SetupReport {
  const commands = hookCommands(check.hooksDir);
  const hooks: SetupReport["hooks"] = [];
  for (const scope of ["user", "project", "local"] as const) {
    const file = settingsPathFor(scope, check.configRoot, check.workingDir);
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const read = parseSettings(text);
    hooks.push({
      scope,
      path: file,
      registered: read.ok ? registeredEvents(read.settings, commands) : [],
      problem: read.ok ? null : read.problem,
    });
  }
  const claudeOnPath = firstOnPath("claude", check.pathEntries);
  const checkout = path.dirname(check.hooksDir);
  return {
    hooks,
    claudeOnPath,
    shimInFront: claudeOnPath !== null && realPathOrSelf(claudeOnPath) === realPathOrSelf(check.shimPath),
    plugins: pluginStates(check.configRoot, check.workingDir),
    marketplaceDir: fs.existsSync(path.join(checkout, ".claude-plugin", "marketplace.json")) ? checkout : null,
  };
}

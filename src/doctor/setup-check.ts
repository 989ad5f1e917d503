import type { HookEvent } from "../hooks/session-hook.ts";
import { hookCommands, registeredEvents } from "../settings/hook-registration.ts";
import { MAX_SETTINGS_BYTES, parseSettings, type SettingsScope, settingsPathFor } from "../settings/settings-file.ts";
import { firstOnPath } from "../system/path-search.ts";
import { realPathOrSelf } from "../system/real-path.ts";
import { readRegularFile } from "../system/regular-file.ts";

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
}

/** Whether the hooks are registered, and whether `claude` resolves to the shim. Read-only. */
export function checkSetup(check: SetupCheck): SetupReport {
  const commands = hookCommands(check.hooksDir);
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
    hooks.push({
      scope,
      path: file,
      registered: read.ok ? registeredEvents(read.settings, commands) : [],
      problem: read.ok ? null : read.problem,
    });
  }
  const claudeOnPath = firstOnPath("claude", check.pathEntries);
  return {
    hooks,
    claudeOnPath,
    shimInFront: claudeOnPath !== null && realPathOrSelf(claudeOnPath) === realPathOrSelf(check.shimPath),
  };
}

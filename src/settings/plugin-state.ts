// Whether Claude Code runs the session-reindex plugin for a directory: its state in the settings
// files' `enabledPlugins` (checked with 2.1.332: local over project over user, key by key) and
// where `claude plugin install` put it (<root>/plugins/installed_plugins.json). Read-only.
import path from "node:path";
import { type ParseError, parse } from "jsonc-parser";
import * as z from "zod";
import { PLUGIN_NAME } from "./plugin-hooks.ts";
import { readSettingsText, type SettingsScope, settingsPathFor } from "./settings-file.ts";

export interface PluginState {
  /** `session-reindex@<marketplace>`, as `enabledPlugins` spells it. */
  id: string;
  enabled: boolean;
  /** The settings file whose entry decides (the most specific one that names the plugin). */
  scope: SettingsScope;
  settingsPath: string;
  /** Where Claude Code installed it (its plugin cache), as installed_plugins.json records. */
  installPaths: string[];
}

const EnabledPluginsSchema = z.looseObject({ enabledPlugins: z.record(z.string(), z.unknown()).optional() });

const InstalledPluginsSchema = z.looseObject({
  plugins: z.record(
    z.string(),
    z.array(
      z.looseObject({ scope: z.string().optional(), installPath: z.string(), projectPath: z.string().optional() }),
    ),
  ),
});

/** Claude Code's record of installed plugins. */
export function installedPluginsPath(configRoot: string): string {
  return path.join(configRoot, "plugins", "installed_plugins.json");
}

/** Every `session-reindex@…` plugin the settings of `workingDir` name, with its effective state. */
export function pluginStates(configRoot: string, workingDir: string): PluginState[] {
  const decided = new Map<string, PluginState>();
  for (const scope of ["user", "project", "local"] as const) {
    const settingsPath = settingsPathFor(scope, configRoot, workingDir);
    for (const [id, value] of Object.entries(enabledPluginsIn(settingsPath))) {
      if (!id.startsWith(`${PLUGIN_NAME}@`)) continue;
      decided.set(id, { id, enabled: value === true, scope, settingsPath, installPaths: [] });
    }
  }
  const installed = installedPlugins(configRoot);
  for (const state of decided.values()) {
    const records = installed[state.id] ?? [];
    state.installPaths = [...new Set(records.map((r) => r.installPath))];
  }
  return [...decided.values()];
}

function enabledPluginsIn(settingsPath: string): Record<string, unknown> {
  const parsed = EnabledPluginsSchema.safeParse(readJson(settingsPath));
  return parsed.success ? (parsed.data.enabledPlugins ?? {}) : {};
}

function installedPlugins(configRoot: string): z.infer<typeof InstalledPluginsSchema>["plugins"] {
  const parsed = InstalledPluginsSchema.safeParse(readJson(installedPluginsPath(configRoot)));
  return parsed.success ? parsed.data.plugins : {};
}

/** A settings-style file (comments and trailing commas allowed), or undefined when unreadable. */
function readJson(file: string): unknown {
  let text: string | null;
  try {
    text = readSettingsText(file);
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length === 0 ? value : undefined;
}

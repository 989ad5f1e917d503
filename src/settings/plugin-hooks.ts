// The Claude Code plugin's identity and its hooks/hooks.json: the hooks `install` registers (same
// events and options, the same launcher and worker), run from the plugin's own folder through
// ${CLAUDE_PLUGIN_ROOT}.
import { HOOK_EVENTS } from "../hooks/hook-event.ts";
import { HANDLER_OPTIONS } from "./hook-registration.ts";

/** The plugin's name (`claude-` names are reserved for Anthropic's own) and its marketplace's. */
export const PLUGIN_NAME = "session-reindex";
export const MARKETPLACE_NAME = "claude-reindex";
/** The plugin's id as Claude Code's settings (`enabledPlugins`) and plugin commands spell it. */
export const PLUGIN_ID = `${PLUGIN_NAME}@${MARKETPLACE_NAME}`;

interface PluginHookHandler {
  type: "command";
  command: string;
  timeout: number;
}

export interface PluginHooksFile {
  description: string;
  hooks: Record<string, { hooks: PluginHookHandler[] }[]>;
}

/**
 * hooks/hooks.json of the plugin: each event runs the plugin's copy of hooks/launch, which hands
 * the hook to a detached worker (the plugin's dist/hook.mjs) and returns at once, as the stable
 * launcher `install` registers does. Claude Code expands `${CLAUDE_PLUGIN_ROOT}` to the plugin's
 * folder; the double quotes keep a path with spaces one word.
 */
export function pluginHooksFile(): PluginHooksFile {
  const hooks: PluginHooksFile["hooks"] = {};
  for (const event of HOOK_EVENTS) {
    const command = `sh "\${CLAUDE_PLUGIN_ROOT}/hooks/launch" ${event}`;
    hooks[event] = [{ hooks: [{ type: "command", command, ...HANDLER_OPTIONS }] }];
  }
  return {
    description: "claude-reindex: merge each session into its project's sessions-index.json as it runs",
    hooks,
  };
}

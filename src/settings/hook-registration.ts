import path from "node:path";
import type { FormattingOptions } from "jsonc-parser";
import type { HookEvent } from "../hooks/session-hook.ts";
import { shellQuote } from "../text/shell-quote.ts";
import { appendElement, appendProperty, removeAt } from "./json-text-edit.ts";
import { parseSettings, type Settings } from "./settings-file.ts";

export const HOOK_EVENTS: readonly HookEvent[] = ["SessionStart", "Stop", "SessionEnd"];

/** Each event's entry script in `hooks/` (of this checkout, the installed package, or the plugin). */
export const HOOK_SCRIPTS: Record<HookEvent, string> = {
  SessionStart: "session-start",
  Stop: "stop",
  SessionEnd: "session-end",
};

/**
 * How each hook is registered. Stop runs after every turn and SessionStart merges a whole
 * project: both run in the background (`async`), so the user never waits for them. SessionEnd
 * stays in the foreground: Claude Code is exiting, and an async hook could be cut off.
 */
export const HANDLER_OPTIONS: Record<HookEvent, { timeout: number; async?: boolean }> = {
  SessionStart: { timeout: 60, async: true },
  Stop: { timeout: 30, async: true },
  SessionEnd: { timeout: 30 },
};

export type HookCommands = Record<HookEvent, string>;

/** The commands that run this checkout's (or installed package's) hook scripts. */
export function hookCommands(hooksDir: string): HookCommands {
  const commands = {} as HookCommands;
  for (const event of HOOK_EVENTS) commands[event] = shellQuote(path.join(hooksDir, HOOK_SCRIPTS[event]));
  return commands;
}

/** Events whose hooks include our command. */
export function registeredEvents(settings: Settings, commands: HookCommands): HookEvent[] {
  return HOOK_EVENTS.filter((event) =>
    (settings.hooks?.[event] ?? []).some((group) => group.hooks.some((h) => h.command === commands[event])),
  );
}

/** What an install created, so that uninstall removes containers only if they were ours. */
export interface CreatedContainers {
  hooksKey: boolean;
  events: HookEvent[];
}

/**
 * The settings text with our three hooks added where they are missing: one group per event,
 * appended after the user's own. Edits are made in the text (jsonc-parser), so formatting,
 * comments and every other key stay as they were.
 */
export function addHooks(
  text: string,
  commands: HookCommands,
  formatting: FormattingOptions,
): { text: string; added: HookEvent[]; created: CreatedContainers } {
  const created: CreatedContainers = { hooksKey: false, events: [] };
  const added: HookEvent[] = [];
  let current = text;
  for (const event of HOOK_EVENTS) {
    const settings = settingsOf(current);
    if (registeredEvents(settings, commands).includes(event)) continue;
    const group = { hooks: [{ type: "command", command: commands[event], ...HANDLER_OPTIONS[event] }] };
    if (settings.hooks === undefined) {
      created.hooksKey = true;
      created.events.push(event);
      current = appendProperty(current, [], "hooks", { [event]: [group] }, formatting);
    } else if (settings.hooks[event] === undefined) {
      created.events.push(event);
      current = appendProperty(current, ["hooks"], event, [group], formatting);
    } else {
      current = appendElement(current, ["hooks", event], group, formatting);
    }
    added.push(event);
  }
  return { text: current, added, created };
}

/** The settings text without our hooks, and without the containers an install created for them. */
export function removeHooks(
  text: string,
  commands: HookCommands,
  created: CreatedContainers | null,
): { text: string; removed: HookEvent[] } {
  const removed = new Set<HookEvent>();
  let current = text;
  for (const event of HOOK_EVENTS) {
    // One removal at a time, parsing again after each: array positions move.
    for (;;) {
      const groups = settingsOf(current).hooks?.[event] ?? [];
      const g = groups.findIndex((group) => group.hooks.some((h) => h.command === commands[event]));
      if (g === -1) break;
      removed.add(event);
      const handlers = groups[g]!.hooks;
      const h = handlers.findIndex((handler) => handler.command === commands[event]);
      current = removeAt(current, handlers.length === 1 ? ["hooks", event, g] : ["hooks", event, g, "hooks", h]);
    }
    if (created?.events.includes(event) && settingsOf(current).hooks?.[event]?.length === 0)
      current = removeAt(current, ["hooks", event]);
  }
  const hooks = settingsOf(current).hooks;
  if (created?.hooksKey && hooks !== undefined && Object.keys(hooks).length === 0)
    current = removeAt(current, ["hooks"]);
  return { text: current, removed: [...removed] };
}

function settingsOf(text: string): Settings {
  const read = parseSettings(text);
  if (!read.ok) throw new Error(`settings became unparseable while editing: ${read.problem}`);
  return read.settings;
}

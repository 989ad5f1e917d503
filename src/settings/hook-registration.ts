// Our hook registrations in a settings file's text: the commands that run the stable launcher, whether
// they are registered (ours of earlier releases too), and adding or removing them with minimal edits.
import fs from "node:fs";
import path from "node:path";
import type { FormattingOptions } from "jsonc-parser";
import { HOOK_EVENTS, HOOK_SCRIPTS, type HookEvent } from "../hooks/hook-event.ts";
import { shellQuote, shellUnquote } from "../text/shell-quote.ts";
import { appendElement, appendProperty, removeAt } from "./json-text-edit.ts";
import { parseSettings, type Settings } from "./settings-file.ts";

/**
 * How each hook is registered: in the foreground, never `async`. The hook only starts a detached
 * worker and returns in a few milliseconds; an `async` Stop hook would make Claude Code in print
 * mode wait about 1.5 s at every exit.
 */
export const HANDLER_OPTIONS = { timeout: 10 };

export type HookCommands = Record<HookEvent, string>;

/** The commands settings.json runs: the stable launcher, with the event as its argument. */
export function hookCommands(launcherPath: string): HookCommands {
  const commands = {} as HookCommands;
  for (const event of HOOK_EVENTS) commands[event] = `${shellQuote(launcherPath)} ${event}`;
  return commands;
}

/** What a handler of ours runs: the stable launcher, or (registered by earlier releases) a hook script. */
export interface HookTarget {
  kind: "launcher" | "script";
  file: string;
}

/**
 * Whether a settings command is one of claude-reindex's hooks for `event`, wherever the package
 * was when it was registered: `<…>/claude-reindex/hook <Event>`, or a lone `<…>/hooks/<script>`
 * whose path or text names claude-reindex (a checkout that moved away is recognised by its path).
 */
export function hookTarget(event: HookEvent, command: string): HookTarget | null {
  const match = /^\s*('(?:[^']|'\\'')*'|[^\s']+)(?:\s+(\w+))?\s*$/.exec(command);
  const file = match && shellUnquote(match[1]!);
  if (!match || !file || !path.isAbsolute(file)) return null;
  const argument = match[2];
  if (argument === event && file.endsWith(`${path.sep}claude-reindex${path.sep}hook`))
    return { kind: "launcher", file };
  if (argument === undefined && file.endsWith(`${path.sep}hooks${path.sep}${HOOK_SCRIPTS[event]}`))
    return namesClaudeReindex(file) ? { kind: "script", file } : null;
  return null;
}

function namesClaudeReindex(file: string): boolean {
  if (file.includes("claude-reindex")) return true;
  try {
    const fd = fs.openSync(file, "r");
    try {
      const head = Buffer.alloc(512);
      return head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)).includes("claude-reindex");
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

export interface OurHandler {
  event: HookEvent;
  command: string;
  target: HookTarget;
  /** Registered exactly as install registers it now (command and options). */
  current: boolean;
  /** Registered with `"async": true`, as releases before 0.2 did. */
  async: boolean;
}

/** Every handler of ours in the settings, in file order. */
export function ourHandlers(settings: Settings, commands: HookCommands): OurHandler[] {
  const found: OurHandler[] = [];
  for (const event of HOOK_EVENTS) {
    for (const group of settings.hooks?.[event] ?? []) {
      for (const handler of group.hooks) {
        const target = typeof handler.command === "string" ? hookTarget(event, handler.command) : null;
        if (target === null) continue;
        found.push({
          event,
          command: handler.command!,
          target,
          current: isCurrent(handler, commands[event]),
          async: handler.async === true,
        });
      }
    }
  }
  return found;
}

function isCurrent(handler: Record<string, unknown>, command: string): boolean {
  const wanted: Record<string, unknown> = { type: "command", command, ...HANDLER_OPTIONS };
  const keys = Object.keys(handler);
  return keys.length === Object.keys(wanted).length && keys.every((k) => handler[k] === wanted[k]);
}

/** Events whose hooks are registered exactly as install registers them now. */
export function registeredEvents(settings: Settings, commands: HookCommands): HookEvent[] {
  const handlers = ourHandlers(settings, commands);
  return HOOK_EVENTS.filter((event) => handlers.some((h) => h.event === event && h.current));
}

/** What an install created, so that uninstall removes containers only if they were ours. */
export interface CreatedContainers {
  hooksKey: boolean;
  events: HookEvent[];
}

/**
 * The settings text with exactly one handler of ours per event, registered as `commands` says:
 * handlers of ours that differ (another place, `async`, duplicates) are removed, and a missing
 * one is appended in a group of its own after the user's. Edits are made in the text
 * (jsonc-parser), so formatting, comments and every other key stay as they were.
 */
export function addHooks(
  text: string,
  commands: HookCommands,
  formatting: FormattingOptions,
): { text: string; added: HookEvent[]; replaced: string[]; created: CreatedContainers } {
  const created: CreatedContainers = { hooksKey: false, events: [] };
  const added: HookEvent[] = [];
  const replaced = new Set<string>();
  let current = text;
  for (const event of HOOK_EVENTS) {
    const ours = ourHandlers(settingsOf(current), commands).filter((h) => h.event === event);
    if (ours.length === 1 && ours[0]!.current) continue;
    for (const handler of ours) replaced.add(handler.command);
    current = removeHandlers(current, event);
    const settings = settingsOf(current);
    const group = { hooks: [{ type: "command", command: commands[event], ...HANDLER_OPTIONS }] };
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
  return { text: current, added, replaced: [...replaced], created };
}

/** The settings text without any handler of ours, and without the containers an install created for them. */
export function removeHooks(text: string, created: CreatedContainers | null): { text: string; removed: HookEvent[] } {
  const removed: HookEvent[] = [];
  let current = text;
  for (const event of HOOK_EVENTS) {
    const after = removeHandlers(current, event);
    if (after !== current) removed.push(event);
    current = after;
    if (created?.events.includes(event) && settingsOf(current).hooks?.[event]?.length === 0)
      current = removeAt(current, ["hooks", event]);
  }
  const hooks = settingsOf(current).hooks;
  if (created?.hooksKey && hooks !== undefined && Object.keys(hooks).length === 0)
    current = removeAt(current, ["hooks"]);
  return { text: current, removed };
}

/** Removes every handler of ours for one event (a group left empty goes with its last handler). */
function removeHandlers(text: string, event: HookEvent): string {
  let current = text;
  // One removal at a time, parsing again after each: array positions move.
  for (;;) {
    const groups = settingsOf(current).hooks?.[event] ?? [];
    const g = groups.findIndex((group) => group.hooks.some((h) => isOurs(event, h.command)));
    if (g === -1) return current;
    const handlers = groups[g]!.hooks;
    const h = handlers.findIndex((handler) => isOurs(event, handler.command));
    current = removeAt(current, handlers.length === 1 ? ["hooks", event, g] : ["hooks", event, g, "hooks", h]);
  }
}

function isOurs(event: HookEvent, command: unknown): boolean {
  return typeof command === "string" && hookTarget(event, command) !== null;
}

function settingsOf(text: string): Settings {
  const read = parseSettings(text);
  if (!read.ok) throw new Error(`settings became unparseable while editing: ${read.problem}`);
  return read.settings;
}

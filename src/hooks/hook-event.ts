// The Claude Code hook events claude-reindex answers, and the entry script in hooks/ of each: the one
// list of them that the hooks' entry, registration, the plugin's hooks.json, the install manifest and
// doctor follow (test/unit/hook-events.test.ts compares the copies in sh and in the docs with it).
export const HOOK_EVENTS = ["SessionStart", "Stop", "SessionEnd"] as const;

export type HookEvent = (typeof HOOK_EVENTS)[number];

/** The entry script of each event's hook in the package's hooks/ (earlier releases registered these). */
export const HOOK_SCRIPTS: Record<HookEvent, string> = {
  SessionStart: "session-start",
  Stop: "stop",
  SessionEnd: "session-end",
};

export function isHookEvent(word: string): word is HookEvent {
  return (HOOK_EVENTS as readonly string[]).includes(word);
}

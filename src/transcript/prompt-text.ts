// How Claude Code 2.1.29 turns one user record into the session's `firstPrompt`, or passes it
// over. Kept apart from the chain logic so each rule can be checked in a table.

import { firstTagContent } from "./tag-element.ts";

/** What one record contributes to `firstPrompt`. `fails` mirrors a TypeError in Claude Code. */
export type PromptOutcome = { kind: "skip" } | { kind: "prompt"; text: string } | { kind: "fails" };

export const SKIP: PromptOutcome = Object.freeze({ kind: "skip" });
export const FAILS: PromptOutcome = Object.freeze({ kind: "fails" });

/**
 * Built-in slash commands of 2.1.29 (its command table in the default configuration). A
 * `<command-name>` message naming one of these is never a session's first prompt.
 */
export const BUILT_IN_COMMANDS: ReadonlySet<string> = new Set([
  "add-dir",
  "agents",
  "btw",
  "chrome",
  "clear",
  "color",
  "compact",
  "config",
  "copy",
  "context",
  "cost",
  "doctor",
  "exit",
  "export",
  "extra-usage",
  "feedback",
  "files",
  "fork",
  "help",
  "hooks",
  "ide",
  "init",
  "install-github-app",
  "install-slack-app",
  "keybindings",
  "login",
  "logout",
  "mcp",
  "memory",
  "mobile",
  "model",
  "output-style",
  "permissions",
  "plan",
  "plugin",
  "pr-comments",
  "privacy-settings",
  "rate-limit-options",
  "release-notes",
  "remote-env",
  "rename",
  "resume",
  "review",
  "rewind",
  "sandbox",
  "security-review",
  "session",
  "skills",
  "stats",
  "status",
  "statusline",
  "stickers",
  "tag",
  "tasks",
  "terminal-setup",
  "theme",
  "think-back",
  "thinkback-play",
  "todos",
  "upgrade",
  "usage",
  "vim",
]);

const NOT_A_PROMPT = new RegExp(
  [
    "^(?:<local-command-stdout>|<session-start-hook>|<tick>|<goal>",
    "|\\s*<ide_opened_file>[\\s\\S]*<\\/ide_opened_file>\\s*$",
    "|\\s*<ide_selection>[\\s\\S]*<\\/ide_selection>\\s*$)",
  ].join(""),
);

const MAX_PROMPT_LENGTH = 200;

/** The text Claude Code reads from a user message: the string, or the first text block's text. */
function messageText(content: unknown[]): unknown | typeof FAILS {
  for (const block of content) {
    // Claude Code reads `block.type` unguarded: a null block is a TypeError there.
    if (block === null || block === undefined) return FAILS;
    if ((block as { type?: unknown }).type === "text") return (block as { text?: unknown }).text || "";
  }
  return "";
}

/** Newlines to spaces, trimmed, cut to 200 UTF-16 units plus an ellipsis. */
export function formatPrompt(text: string): string {
  let prompt = text.replace(/\n/g, " ").trim();
  if (prompt.length > MAX_PROMPT_LENGTH) prompt = `${prompt.slice(0, MAX_PROMPT_LENGTH).trim()}…`;
  return prompt;
}

/** What a parsed transcript record contributes to `firstPrompt`, by 2.1.29's rules. */
export function promptOutcome(record: Record<string, unknown>): PromptOutcome {
  if (record.type !== "user" || record.isMeta) return SKIP;
  if ("isCompactSummary" in record && record.isCompactSummary) return SKIP;
  const content = (record.message as { content?: unknown } | null | undefined)?.content;
  if (!content) return SKIP;
  let text: unknown = "";
  if (typeof content === "string") text = content;
  else if (Array.isArray(content)) text = messageText(content);
  if (text === FAILS) return FAILS;
  if (!text) return SKIP;
  // Claude Code calls `.trim()` on the text: any other truthy value is a TypeError there.
  if (typeof text !== "string") return FAILS;

  const commandName = firstTagContent(text, "command-name");
  if (commandName) {
    if (BUILT_IN_COMMANDS.has(commandName.replace(/^\//, ""))) return SKIP;
    const commandArgs = firstTagContent(text, "command-args");
    if (!commandArgs || commandArgs.trim() === "") return SKIP;
  }
  if (NOT_A_PROMPT.test(text)) return SKIP;
  const bashInput = firstTagContent(text, "bash-input");
  return { kind: "prompt", text: formatPrompt(bashInput ? `! ${bashInput}` : text) };
}

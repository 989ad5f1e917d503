// What a transcript line says, split by kind: the conversation (user prompts and assistant replies)
// and tool traffic (tool input and tool output). This is what `search` indexes and matches.

/** `text`: prompts and replies (searched by default); `tools`: tool input and output (`--tools`). */
export type TextKind = "text" | "tools";

export interface SearchableText {
  text: string[];
  tools: string[];
}

const EMPTY: SearchableText = Object.freeze({ text: [], tools: [] }) as SearchableText;

/**
 * The searchable pieces of one parsed transcript record. Only `user` and `assistant` records
 * speak; meta records Claude Code injects (`isMeta`), thinking blocks and images say nothing a
 * person would search for.
 */
export function searchableText(record: unknown): SearchableText {
  if (typeof record !== "object" || record === null) return EMPTY;
  const { type, isMeta, message } = record as Record<string, unknown>;
  if ((type !== "user" && type !== "assistant") || isMeta === true) return EMPTY;
  if (typeof message !== "object" || message === null) return EMPTY;
  const content = (message as Record<string, unknown>).content;
  if (typeof content === "string") return type === "user" ? { text: [content], tools: [] } : EMPTY;
  if (!Array.isArray(content)) return EMPTY;
  const out: SearchableText = { text: [], tools: [] };
  for (const block of content) {
    if (typeof block !== "object" || block === null) continue;
    const b = block as Record<string, unknown>;
    if (b.type === "text" && typeof b.text === "string") out.text.push(b.text);
    else if (b.type === "tool_use") out.tools.push(...toolInput(b.name, b.input));
    else if (b.type === "tool_result") out.tools.push(...toolOutput(b.content));
  }
  return out;
}

function toolInput(name: unknown, input: unknown): string[] {
  const pieces = typeof name === "string" ? [name] : [];
  collectStrings(input, pieces, 0);
  return pieces;
}

function toolOutput(content: unknown): string[] {
  if (typeof content === "string") return [content];
  const pieces: string[] = [];
  if (Array.isArray(content)) {
    for (const block of content) {
      if (typeof block === "object" && block !== null && (block as Record<string, unknown>).type === "text") {
        const text = (block as Record<string, unknown>).text;
        if (typeof text === "string") pieces.push(text);
      }
    }
  }
  return pieces;
}

/** The string values of a tool's input (commands, paths, patterns, file contents), depth-first. */
function collectStrings(value: unknown, into: string[], depth: number): void {
  if (depth > 8) return;
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, into, depth + 1);
  else if (typeof value === "object" && value !== null)
    for (const v of Object.values(value)) collectStrings(v, into, depth + 1);
}

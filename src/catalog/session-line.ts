// A session row as one line of a terminal, and the picker's filter. Everything taken from a
// transcript goes through terminalLine, so no control character from it reaches the terminal.
import path from "node:path";
import { displayWidth, fitWidth } from "../text/display-width.ts";
import { terminalLine } from "../text/terminal-text.ts";
import type { SessionRow } from "./session-record.ts";

/** Whether a session matches what was typed: every word in its title, prompts, branch, path or id. */
export function matchesFilter(row: SessionRow, filter: string): boolean {
  const haystack = [
    row.title,
    row.firstPrompt,
    row.lastPrompt ?? "",
    row.gitBranch ?? "",
    row.projectPath ?? "",
    row.sessionId,
  ]
    .join("\n")
    .toLowerCase();
  return filter
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * One line of at most `columns` display columns: age, message count, title, branch, project. The
 * title comes first (it is what people recognise) and gives way last; hidden sessions say so.
 */
export function sessionLine(
  row: SessionRow,
  nowMs: number,
  columns: number,
  project: "path" | "name" | "none",
): string {
  const fixed = `${formatAge(nowMs - row.modifiedMs).padEnd(13)} ${`${row.messageCount}`.padStart(4)}  `;
  const branch = row.gitBranch ? `  [${terminalLine(row.gitBranch)}]` : "";
  const where =
    row.projectPath === null || project === "none"
      ? ""
      : `  ${terminalLine(project === "name" ? path.basename(row.projectPath) : row.projectPath)}`;
  const hidden = row.hiddenFromResume.length > 0 ? `  (hidden: ${row.hiddenFromResume.join(", ")})` : "";
  // Deleted by Claude Code and kept by the guard (picking it restores it): said before the title.
  // Archived sessions and tags as Claude Code's own rows mark them.
  const marks =
    `${row.kept ? "[kept] " : ""}${row.archived ? "[archived] " : ""}` +
    `${row.tag ? `#${terminalLine(row.tag)} ` : ""}`;
  const title = `${marks}${terminalLine(row.title)}`;
  const room = columns - fixed.length;
  const tail = `${branch}${where}${hidden}`;
  // The title keeps up to 60% of the room, or all the room the rest leaves; what follows it is cut first. (A title
  // that fits in 60% is whole either way: the title is not measured beyond what can show.)
  const titleRoom = Math.max(Math.floor(room * 0.6), room - displayWidth(tail));
  return fitWidth(`${fixed}${fitWidth(title, titleRoom)}${tail}`, columns);
}

export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days < 60 ? `${days} days ago` : `${Math.floor(days / 30)} months ago`;
}

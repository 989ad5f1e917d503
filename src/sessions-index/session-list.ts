import path from "node:path";
import { indexPathOf } from "./index-path.ts";
import { type IndexEntry, IndexEntrySchema, readIndex } from "./session-index.ts";

/** A session as a picker shows it, from its index entry. */
export interface ListedSession {
  sessionId: string;
  /** customTitle, else summary, else the first prompt: what Claude Code's own picker shows. */
  title: string;
  firstPrompt: string;
  modified: string | null;
  /** When it last changed, for sorting and ages: `modified`, else the transcript's mtime. */
  modifiedMs: number;
  messageCount: number;
  gitBranch: string | null;
  projectPath: string | null;
  projectDir: string;
  fullPath: string;
}

/** The sessions the indexes of these projects list, newest first. Entries that fail the schema are left out. */
export function listSessions(projectDirs: string[]): ListedSession[] {
  const sessions: ListedSession[] = [];
  for (const projectDir of projectDirs) {
    const read = readIndex(indexPathOf(projectDir));
    if (read.kind !== "ok") continue;
    for (const raw of read.index.entries) {
      const parsed = IndexEntrySchema.safeParse(raw);
      if (parsed.success) sessions.push(listed(parsed.data, projectDir));
    }
  }
  return sessions.sort((a, b) => b.modifiedMs - a.modifiedMs || a.sessionId.localeCompare(b.sessionId));
}

function listed(entry: IndexEntry, projectDir: string): ListedSession {
  const modified = Date.parse(entry.modified ?? "");
  return {
    sessionId: entry.sessionId,
    title: entry.customTitle || entry.summary || entry.firstPrompt,
    firstPrompt: entry.firstPrompt,
    modified: entry.modified ?? null,
    modifiedMs: Number.isFinite(modified) ? modified : entry.fileMtime,
    messageCount: entry.messageCount,
    gitBranch: entry.gitBranch || null,
    projectPath: entry.projectPath ?? null,
    projectDir,
    fullPath: entry.fullPath,
  };
}

/** Whether a session matches what was typed: every word in its title, prompt, branch or path. */
export function matchesFilter(session: ListedSession, filter: string): boolean {
  const haystack = [session.title, session.firstPrompt, session.gitBranch ?? "", session.projectPath ?? ""]
    .join("\n")
    .toLowerCase();
  return filter
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * One line: age, message count, title, branch and project, cut to the terminal's width. The
 * title comes first: it is what people recognise; the project is shown whole, by name, or not.
 */
export function sessionLine(
  session: ListedSession,
  nowMs: number,
  columns: number,
  project: "path" | "name" | "none",
): string {
  const age = formatAge(nowMs - session.modifiedMs).padEnd(13);
  const fixed = `${age} ${`${session.messageCount}`.padStart(4)}  `;
  const branch = session.gitBranch ? `  [${session.gitBranch}]` : "";
  const where =
    session.projectPath === null || project === "none"
      ? ""
      : `  ${project === "name" ? path.basename(session.projectPath) : session.projectPath}`;
  const room = Math.max(10, columns - fixed.length - branch.length - 1);
  const title = session.title.length > room ? `${session.title.slice(0, room - 1)}…` : session.title;
  const line = `${fixed}${title}${branch}${where}`;
  return line.length > columns - 1 ? `${line.slice(0, Math.max(20, columns - 2))}…` : line;
}

function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days < 60 ? `${days} days ago` : `${Math.floor(days / 30)} months ago`;
}

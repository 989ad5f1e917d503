// Finding sessions by what was said in them: brings the full-text index up to date, matches every
// term of the query, ranks the sessions, and cuts a snippet around the match in each one shown.

import fs from "node:fs";
import path from "node:path";
import { catalogSessions } from "../catalog/session-catalog.ts";
import type { SessionRow } from "../catalog/session-record.ts";
import { listSessionFiles } from "../layout/session-file.ts";
import { terminalLine } from "../text/terminal-text.ts";
import {
  type IndexableFile,
  type IndexedFile,
  parseLine,
  type SearchIndex,
  type UpdateReport,
} from "./search-index.ts";
import { ftsPhrase, type SearchQuery, tokensOf } from "./search-query.ts";
import { searchableText, type TextKind } from "./searchable-text.ts";

/** Where the index lives: a cache under the config root, next to claude-reindex's other files. */
export function searchIndexPath(configRoot: string): string {
  return path.join(configRoot, "claude-reindex", "search.sqlite");
}

export interface SessionSearch {
  configRoot: string;
  projectDirs: string[];
  query: SearchQuery;
  /** Also search tool input and output. */
  tools: boolean;
  /** Only sessions last changed at or after / before these times (ms). */
  sinceMs?: number;
  untilMs?: number;
  /** At most this many hits get a snippet and a title; `total` still counts every match. */
  limit: number;
  onProgress?: (done: number, total: number) => void;
}

/** How well a session matches, best first. */
export enum MatchRank {
  /** The query's words, in order, side by side. */
  Phrase = 1,
  /** Every term in one stretch of the conversation. */
  Together = 2,
  /** Every term, somewhere in the session. */
  Scattered = 3,
}

export interface SearchHit {
  sessionId: string;
  title: string;
  projectPath: string | null;
  fullPath: string;
  /** When the transcript last changed (ISO 8601). */
  modified: string;
  modifiedMs: number;
  snippet: string;
  rank: MatchRank;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Every matching session, before the limit. */
  total: number;
  update: UpdateReport;
}

/** A session whose transcript holds every term: how well, and the chunk to cut its snippet from. */
export interface SessionMatch {
  file: IndexedFile;
  rank: MatchRank;
  chunk: number;
}

/**
 * Updates `index` for the project directories, then finds the sessions that hold every term, best
 * first and newest first among equals. No title and no snippet: `searchSessions` adds those.
 */
export function matchSessions(
  index: SearchIndex,
  search: Omit<SessionSearch, "limit" | "configRoot">,
): { matched: SessionMatch[]; update: UpdateReport } {
  const { update, indexed } = refreshIndex(index, search.projectDirs, search.onProgress);
  return { matched: rankMatches(index, indexed, search), update };
}

/** Brings `index` up to date with the transcripts now in these project directories; returns what it covers there. */
export function refreshIndex(
  index: SearchIndex,
  projectDirs: string[],
  onProgress?: (done: number, total: number) => void,
): { update: UpdateReport; indexed: IndexedFile[] } {
  const files: IndexableFile[] = [];
  for (const projectDir of projectDirs) {
    let listing: ReturnType<typeof listSessionFiles>;
    try {
      listing = listSessionFiles(projectDir);
    } catch {
      continue; // gone or unreadable since it was listed: nothing of it to search
    }
    for (const f of listing.sessions.values()) files.push({ ...f, projectDir });
  }
  const { report: update, files: indexed } = index.update(projectDirs, files, onProgress);
  return { update, indexed };
}

/** The sessions of `indexed` that hold every term, best first and newest first among equals. */
export function rankMatches(
  index: SearchIndex,
  indexed: IndexedFile[],
  search: Pick<SessionSearch, "query" | "tools" | "sinceMs" | "untilMs">,
): SessionMatch[] {
  const kinds: TextKind[] = search.tools ? ["text", "tools"] : ["text"];
  const { terms, phrase } = search.query;

  // Every term must occur in the session; the rarest-first order does not matter for sets.
  let candidates: Map<number, number> | null = null;
  for (const term of terms) {
    const found = index.matching(ftsPhrase(term), kinds);
    const next = new Map<number, number>();
    for (const [file, chunk] of found) {
      if (candidates === null || candidates.has(file)) next.set(file, candidates?.get(file) ?? chunk);
    }
    candidates = next;
    if (candidates.size === 0) break;
  }
  const inScope = new Map(indexed.map((f) => [f.id, f]));
  const matched: SessionMatch[] = [];
  for (const [id, chunk] of candidates ?? []) {
    const file = inScope.get(id);
    if (file === undefined) continue;
    if (search.sinceMs !== undefined && file.mtime < search.sinceMs) continue;
    if (search.untilMs !== undefined && file.mtime >= search.untilMs) continue;
    matched.push({ file, rank: MatchRank.Scattered, chunk });
  }
  if (matched.length > 0 && terms.length > 1) {
    const together = index.matching(terms.map(ftsPhrase).join(" AND "), kinds);
    const sideBySide = phrase.length > 1 ? index.matching(ftsPhrase(phrase), kinds) : new Map<number, number>();
    for (const m of matched) {
      const p = sideBySide.get(m.file.id);
      const t = together.get(m.file.id);
      if (p !== undefined) Object.assign(m, { rank: MatchRank.Phrase, chunk: p });
      else if (t !== undefined) Object.assign(m, { rank: MatchRank.Together, chunk: t });
    }
  }
  matched.sort((a, b) => a.rank - b.rank || b.file.mtime - a.file.mtime || a.file.path.localeCompare(b.file.path));
  return matched;
}

/** Updates `index` for the project directories, then searches them. */
export async function searchSessions(index: SearchIndex, search: SessionSearch): Promise<SearchResult> {
  const { matched, update } = matchSessions(index, search);
  const shown = matched.slice(0, search.limit);
  const listed = await titlesOf(
    search.configRoot,
    shown.map((m) => m.file),
  );
  const hits = shown.map(({ file, rank, chunk }): SearchHit => {
    const entry = listed.get(file.path);
    const first = entry?.title && entry.projectPath ? null : index.firstLines(file.id);
    return {
      sessionId: path.basename(file.path, ".jsonl"),
      title: terminalLine(entry?.title || first?.firstPrompt || "(no prompt)"),
      projectPath: entry?.projectPath ?? first?.cwd ?? null,
      fullPath: file.path,
      modified: new Date(file.mtime).toISOString(),
      modifiedMs: file.mtime,
      snippet: snippetOf(index, file, chunk, search.query, rank),
      rank,
    };
  });
  return { hits, total: matched.length, update };
}

/** The titles Claude Code shows (from the session catalog `list` and `pick` keep), by transcript path. */
async function titlesOf(configRoot: string, files: IndexedFile[]): Promise<Map<string, SessionRow>> {
  const projectDirs = [...new Set(files.map((f) => f.projectDir))];
  if (projectDirs.length === 0) return new Map();
  const only = new Set(files.map((f) => f.path));
  const rows = await catalogSessions({ configRoot, projectDirs, writable: true, only });
  return new Map(rows.map((row) => [row.fullPath, row]));
}

/**
 * A short, one-line, terminal-safe excerpt around the first match in the chunk: the phrase when
 * the session ranked by it, else the first term. Lines are read one at a time, up to the match.
 */
export function snippetOf(
  index: SearchIndex,
  file: IndexedFile,
  chunkId: number,
  query: SearchQuery,
  rank: MatchRank = MatchRank.Scattered,
): string {
  const chunk = index.chunk(chunkId);
  if (chunk === null) return "";
  let fallback: string | null = null;
  try {
    for (const text of chunkTexts(file.path, chunk.lines, chunk.kind)) {
      const tokens = [...tokensOf(text)];
      if (at(tokens, query.phrase) !== null) return excerpt(text, query);
      if (fallback === null && query.terms.some((term) => at(tokens, term) !== null)) {
        fallback = text;
        if (rank !== MatchRank.Phrase) break;
      }
    }
  } catch {
    return "";
  }
  return fallback === null ? "" : excerpt(fallback, query);
}

/** The text of one kind that each of these lines of a transcript holds, line by line. */
function* chunkTexts(file: string, lines: number[], kind: TextKind): Generator<string> {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const [start, end] = [lines[i]!, lines[i + 1]!];
      const buffer = Buffer.allocUnsafe(end - start);
      let got = 0;
      while (got < buffer.length) {
        const n = fs.readSync(fd, buffer, got, buffer.length - got, start + got);
        if (n === 0) break;
        got += n;
      }
      const pieces = searchableText(parseLine(buffer, 0, got))[kind];
      if (pieces.length > 0) yield pieces.join("\n");
    }
  } finally {
    fs.closeSync(fd);
  }
}

type Token = { token: string; start: number; end: number };

/** Where `needle` (folded tokens) first stands in `tokens`, as character offsets. */
function at(tokens: Token[], needle: string[]): { start: number; end: number } | null {
  outer: for (let i = 0; i + needle.length <= tokens.length; i++) {
    for (let j = 0; j < needle.length; j++) if (tokens[i + j]!.token !== needle[j]) continue outer;
    return { start: tokens[i]!.start, end: tokens[i + needle.length - 1]!.end };
  }
  return null;
}

const BEFORE_CHARS = 50;
const SNIPPET_CHARS = 160;

/** Cuts `text` around the query: its phrase where it occurs, else its first term. */
export function excerpt(text: string, query: SearchQuery): string {
  const tokens = [...tokensOf(text)];
  const hit = at(tokens, query.phrase) ??
    query.terms.map((term) => at(tokens, term)).find((h) => h !== null) ?? { start: 0, end: 0 };
  let from = Math.max(0, hit.start - BEFORE_CHARS);
  let to = Math.min(text.length, from + Math.max(SNIPPET_CHARS, hit.end - hit.start + BEFORE_CHARS));
  // Whole words at both ends where there is room.
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space !== -1 && space < hit.start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > hit.end) to = space;
  }
  const body = text.slice(from, to).replace(/\s+/g, " ").trim();
  return terminalLine(`${from > 0 ? "…" : ""}${body}${to < text.length ? "…" : ""}`);
}

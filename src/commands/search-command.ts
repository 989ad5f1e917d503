// `claude-reindex search <words…>`: the sessions of every project (or one) whose prompts and replies
// (and with --tools, tool input and output) hold every word, best matches first, newest first
// among equals, each with its title, project, age and a snippet around the match.

import { projectsRoot } from "../layout/config-root.ts";
import { type ProjectSelection, selectProjectDirs } from "../layout/project-dir.ts";
import { SearchIndex, SearchUnavailableError } from "../search/search-index.ts";
import { parseQuery, QueryError } from "../search/search-query.ts";
import { type SearchHit, searchIndexPath, searchSessions } from "../search/session-search.ts";
import type { CommandIo } from "../text/command-io.ts";
import { progressLine } from "../text/progress-line.ts";
import { terminalLine } from "../text/terminal-text.ts";
import { parseTimeBound } from "../text/time-bound.ts";
import { UsageError } from "../text/user-error.ts";
import type { CommandResult } from "./command-result.ts";

export interface SearchCommand {
  configRoot: string;
  selection: ProjectSelection;
  words: string[];
  tools: boolean;
  since?: string;
  until?: string;
  limit: number;
  json: boolean;
  now: () => Date;
  io: CommandIo & { stdout: NodeJS.WritableStream & { columns?: number } };
}

/** The rows `--json` prints: one per session. */
export interface SearchRow {
  sessionId: string;
  title: string;
  projectPath: string | null;
  fullPath: string;
  modified: string;
  snippet: string;
}

/**
 * Done when something matched; attention (exit 1, as grep) when nothing did. A query that cannot be
 * searched is a usage error.
 */
export async function runSearch(command: SearchCommand): Promise<CommandResult> {
  let query: ReturnType<typeof parseQuery>;
  try {
    query = parseQuery(command.words);
  } catch (error) {
    if (error instanceof QueryError) throw new UsageError(terminalLine(error.message));
    throw error;
  }
  const now = command.now();
  const sinceMs = command.since === undefined ? undefined : parseTimeBound(command.since, "--since", now);
  const untilMs = command.until === undefined ? undefined : parseTimeBound(command.until, "--until", now);
  const projectDirs = selectProjectDirs(command.configRoot, command.selection);
  const { stderr, stdout } = command.io;
  if (projectDirs.length === 0) {
    // Nothing to search: no index is made for it.
    if (command.json) stdout.write("[]\n");
    return {
      kind: "attention",
      problems: [`no sessions to search under ${terminalLine(projectsRoot(command.configRoot))}`],
    };
  }

  const progress = progressLine(stderr, "indexing transcripts for search", { delayMs: 300 });
  let index: SearchIndex;
  try {
    index = SearchIndex.open(searchIndexPath(command.configRoot), command.tools ? ["text", "tools"] : ["text"]);
  } catch (error) {
    if (error instanceof SearchUnavailableError) return { kind: "failed", problems: [error.message] };
    throw error;
  }
  let result: Awaited<ReturnType<typeof searchSessions>>;
  try {
    result = await searchSessions(index, {
      configRoot: command.configRoot,
      projectDirs,
      query,
      tools: command.tools,
      sinceMs,
      untilMs,
      limit: command.limit,
      onProgress: (done, total) => progress.project(done, total, ""),
    });
  } finally {
    progress.finish();
    index.close();
  }

  const problems: string[] = [];
  const broken = result.update.brokenLines;
  if (broken.length > 0) {
    const lines = broken.reduce((n, b) => n + b.lines, 0);
    const names = broken.slice(0, 3).map((b) => terminalLine(b.path));
    const more = broken.length > 3 ? ` and ${broken.length - 3} more` : "";
    problems.push(
      `skipped ${lines} damaged line${lines === 1 ? "" : "s"} (not JSON) in ${names.join(", ")}${more}; ` +
        "the rest of each transcript is searched",
    );
  }
  if (query.ignored.length > 0 && !command.json) {
    problems.push(`common words not searched for: ${query.ignored.join(", ")}`);
  }

  if (command.json) {
    stdout.write(`${JSON.stringify(result.hits.map(row))}\n`);
  } else {
    // Terminal widths (string-width, Intl.Segmenter) load only for people: --json does without them.
    const { hitLines } = await import("./search-hit-lines.ts");
    const columns = stdout.columns ?? 120;
    for (const hit of result.hits) stdout.write(`${hitLines(hit, now.getTime(), columns)}\n`);
  }
  if (result.total === 0) {
    problems.push(`no session ${scopeWords(command)} holds every word of the query${searched(command)}`);
    return { kind: "attention", problems };
  }
  if (result.total > result.hits.length && !command.json) {
    problems.push(`${result.total} sessions match; the first ${result.hits.length} are shown (--limit <n> for more)`);
  }
  return { kind: "done", problems };
}

function scopeWords(command: SearchCommand): string {
  const scope = command.selection.kind === "all" ? "in any project" : "in this project";
  const window = command.since !== undefined || command.until !== undefined ? " in that time" : "";
  return `${scope}${window}`;
}

function searched(command: SearchCommand): string {
  return command.tools ? "" : " (in prompts and replies; --tools also searches tool input and output)";
}

function row(hit: SearchHit): SearchRow {
  return {
    sessionId: hit.sessionId,
    title: hit.title,
    projectPath: hit.projectPath,
    fullPath: hit.fullPath,
    modified: hit.modified,
    snippet: hit.snippet,
  };
}

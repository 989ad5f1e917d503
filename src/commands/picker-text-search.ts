// The picker's full-text mode: the sessions whose prompts and replies hold every word typed, best
// match first, from the search index of `claude-reindex search`. The index (and the native SQLite
// binding) is loaded the first time the mode is switched on, never for a picker that does not use it.

import type { SessionRow } from "../catalog/session-record.ts";
import type { IndexedFile, SearchIndex } from "../search/search-index.ts";
import type { SearchQuery } from "../search/search-query.ts";
import type { SessionMatch } from "../search/session-search.ts";
import { errorText } from "../text/error-text.ts";
import { terminalLine } from "../text/terminal-text.ts";

type SearchModules = [
  typeof import("../search/search-index.ts"),
  typeof import("../search/search-query.ts"),
  typeof import("../search/session-search.ts"),
];

/** Progress lines while the index is brought up to date are redrawn at most this often. */
const PROGRESS_EVERY_MS = 100;

type State =
  | { kind: "closed" }
  | { kind: "opening"; progress: string }
  | { kind: "failed"; problem: string }
  | { kind: "ready"; index: SearchIndex; indexed: IndexedFile[]; modules: SearchModules };

/** What the picker shows in full-text mode for one query. */
export interface TextFilter {
  rows: SessionRow[];
  /** One line about the result: what to type, a query problem, the index being built, or how many matched. */
  status: string;
}

export class PickerTextSearch {
  private state: State = { kind: "closed" };
  private last: { parsed: SearchQuery; matches: Map<string, SessionMatch> } | null = null;
  private readonly snippets = new Map<string, string>();
  private closed = false;

  /**
   * `projectDirs`: the directories whose transcripts are searched. `redraw` is called when the
   * index becomes ready (or fails), and with progress while it is brought up to date.
   */
  constructor(
    private readonly configRoot: string,
    private readonly projectDirs: () => string[],
    private readonly redraw: () => void,
  ) {}

  /** The rows (of `rows`) whose transcripts hold every word of `query`, best first. */
  filter(rows: SessionRow[], query: string): TextFilter {
    const state = this.state;
    if (state.kind === "closed") {
      this.state = { kind: "opening", progress: "opening the search index…" };
      void this.open();
      return { rows: [], status: "opening the search index…" };
    }
    if (state.kind === "opening") return { rows: [], status: state.progress };
    if (state.kind === "failed") return { rows: [], status: state.problem };
    if (query.trim() === "") {
      this.last = null;
      return { rows, status: "type words said in a session (prompts and replies)" };
    }
    const [, { parseQuery, QueryError }, { rankMatches }] = state.modules;
    let parsed: SearchQuery;
    try {
      parsed = parseQuery([query]);
    } catch (error) {
      if (error instanceof QueryError) {
        this.last = null;
        return { rows: [], status: terminalLine(error.message) };
      }
      throw error;
    }
    const matches = new Map(
      rankMatches(state.index, state.indexed, { query: parsed, tools: false }).map((m) => [m.file.path, m]),
    );
    this.last = { parsed, matches };
    this.snippets.clear();
    const order = new Map([...matches.keys()].map((p, i) => [p, i]));
    const shown = rows.filter((row) => order.has(row.fullPath));
    shown.sort((a, b) => order.get(a.fullPath)! - order.get(b.fullPath)!);
    const status =
      shown.length === 0 ? "no session holds every word (whole words)" : `${shown.length} sessions hold every word`;
    return { rows: shown, status };
  }

  /** A one-line, terminal-safe excerpt of where the row's transcript holds the last query; "" if none. */
  snippet(row: SessionRow): string {
    const state = this.state;
    const match = this.last?.matches.get(row.fullPath);
    if (state.kind !== "ready" || match === undefined || this.last === null) return "";
    let text = this.snippets.get(row.fullPath);
    if (text === undefined) {
      const { snippetOf } = state.modules[2];
      text = snippetOf(state.index, match.file, match.chunk, this.last.parsed, match.rank);
      this.snippets.set(row.fullPath, text);
    }
    return text;
  }

  close(): void {
    this.closed = true;
    if (this.state.kind === "ready") this.state.index.close();
    this.state = { kind: "closed" };
  }

  private async open(): Promise<void> {
    let index: SearchIndex | null = null;
    try {
      const modules: SearchModules = await Promise.all([
        import("../search/search-index.ts"),
        import("../search/search-query.ts"),
        import("../search/session-search.ts"),
      ]);
      const [{ SearchIndex }, , { refreshIndex, searchIndexPath }] = modules;
      index = SearchIndex.open(searchIndexPath(this.configRoot), ["text"]);
      let shownAt = 0;
      const { indexed } = refreshIndex(index, this.projectDirs(), (done, total) => {
        const now = Date.now();
        if (now - shownAt < PROGRESS_EVERY_MS) return;
        shownAt = now;
        if (this.state.kind === "opening") this.state.progress = `indexing transcripts for search: ${done} of ${total}`;
        this.redraw();
      });
      if (this.closed) {
        index.close();
        return;
      }
      this.state = { kind: "ready", index, indexed, modules };
    } catch (error) {
      if (this.closed) return;
      index?.close();
      const message = errorText(error).split("\n")[0];
      this.state = { kind: "failed", problem: terminalLine(`full-text search is unavailable: ${message}`) };
    }
    this.redraw();
  }
}

// What the catalog keeps per transcript between runs, and the row the commands get for a session.

import type { ResumeView } from "./resume-view.ts";
import type { HiddenReason } from "./resume-visibility.ts";

/** The fields of 2.1.29's index entry that rows show. */
export interface EntryFacts {
  firstPrompt: string;
  messageCount: number;
  created?: string;
  modified?: string;
  gitBranch?: string;
  projectPath?: string;
}

/** Everything known about one transcript while its file (and `<uuid>/` folder) stay as they were. */
export interface SessionFacts {
  mtime: number;
  size: number;
  /** mtime of the `<uuid>/` folder that holds its sidecar files, null when there is none. */
  folderMtime: number | null;
  /** The latest release's view; null when the listing cannot read the file (empty, a link, unreadable). */
  view: ResumeView | null;
  /** 2.1.29's entry; null when 2.1.29 writes none. */
  entry: EntryFacts | null;
  /** Whether it holds message records (an entry from 2.1.29, or any record with a parentUuid). */
  hasMessages: boolean;
  /** The index's `originalPath`, a last resort for the working directory. */
  originalPath?: string;
}

/** A session as `list`, `pick`, `why` and doctor see it. */
export interface SessionRow {
  sessionId: string;
  /** The title Claude Code 2.1.332 shows (custom title, AI title, last prompt, summary, first prompt). */
  title: string;
  /** 2.1.29's firstPrompt, exactly as the index keeps it ("No prompt" when none). */
  firstPrompt: string;
  lastPrompt: string | null;
  customTitle: string | null;
  aiTitle: string | null;
  tag: string | null;
  messageCount: number;
  created: string | null;
  modified: string | null;
  /** The transcript's mtime: what the pickers sort by. */
  modifiedMs: number;
  gitBranch: string | null;
  /** The working directory to resume it in. */
  projectPath: string | null;
  projectDir: string;
  fullPath: string;
  /** Empty when `claude --resume` of 2.1.332 run in `projectPath` lists it; else why not. */
  hiddenFromResume: HiddenReason[];
  /** The session it continued into, when it did. */
  continuedIn: string | null;
  entrypoint: "sdk" | "daemon" | null;
  teamName: string | null;
  fileSize: number;
  /**
   * Claude Code deleted its transcript and the keep guard kept it: `fullPath` is the kept file under
   * `<root>/claude-reindex/kept/`, and `claude-reindex restore` (or pick) puts it back.
   */
  kept?: true;
  /** Archived (`<uuid>/archived.json`), as Claude Code's listing reports it. */
  archived?: true;
}

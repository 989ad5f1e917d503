// What a rebuild says of one project: its status, the entries it added, updated, removed and kept, and
// why. Apart from the merge itself, so that the stat pass (rebuild-projects.ts) can report a project it
// found unchanged without loading the merge machinery.
import type { IndexFileStat } from "../layout/project-stamp.ts";
import type { EntryChange } from "../sessions-index/index-merge.ts";

export type ProjectStatus =
  /** The index was written. */
  | "written"
  /** The index already matched the transcripts: nothing was written. */
  | "unchanged"
  /** Dry run: the index would be written. */
  | "would-write"
  /** No transcript gives an entry and there is no index: nothing to write. */
  | "empty"
  /** The index could not be written (see `problem`). */
  | "failed";

export interface ProjectReport {
  projectDir: string;
  indexPath: string;
  status: ProjectStatus;
  added: number;
  updated: number;
  removed: number;
  kept: number;
  changes: EntryChange[];
  skipped: { path: string; reason: string }[];
  /** Where an unusable index was moved before it was rebuilt. */
  backup: string | null;
  problem: string | null;
  /**
   * Set when the index on disk accounts for every transcript listed (an entry it can trust, or
   * a transcript that gives none): the stat of that index file (null: there is no index).
   */
  verified: { index: IndexFileStat | null; entries: number } | null;
}

/** The report of a project whose index already accounts for every transcript: `kept` entries, no change. */
export function unchangedReport(projectDir: string, indexPath: string, kept: number): ProjectReport {
  return {
    projectDir,
    indexPath,
    status: "unchanged",
    added: 0,
    updated: 0,
    removed: 0,
    kept,
    changes: [],
    skipped: [],
    backup: null,
    problem: null,
    verified: null,
  };
}

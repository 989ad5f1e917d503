// The changes the managing commands and the picker make to a session, each as Claude Code's own
// code makes it: a title or tag appended as a metadata record, an archived mark beside the
// transcript, or the whole session moved into the trash with its index entry taken out.
import path from "node:path";
import { writeArchiveMark } from "../catalog/archive-mark.ts";
import { indexPathOf } from "../layout/index-path.ts";
import { trashSession } from "../layout/session-trash.ts";
import { dropIndexEntry } from "../sessions-index/index-entry-drop.ts";
import { UsageError } from "../text/user-error.ts";
import { appendMetadataLine, customTitleLine, tagLine } from "../transcript/session-metadata.ts";
import type { SessionTarget } from "./session-target.ts";

/** Appends a custom-title record to each transcript of the session; the files written. */
export function renameTarget(target: SessionTarget, title: string): string[] {
  const line = customTitleLine(target.sessionId, title);
  if (line === null) throw new UsageError("the title is empty");
  for (const { transcript } of target.locations) appendMetadataLine(transcript, line);
  return target.locations.map((l) => l.transcript);
}

/** Appends a tag record (`null`: the empty tag that clears it); the files written. */
export function tagTarget(target: SessionTarget, tag: string | null): string[] {
  const line = tagLine(target.sessionId, tag);
  if (line === null) throw new UsageError("the tag is empty once cleaned (--clear removes a tag)");
  for (const { transcript } of target.locations) appendMetadataLine(transcript, line);
  return target.locations.map((l) => l.transcript);
}

/** Writes the archived mark of each copy of the session; the marks written. */
export function archiveTarget(target: SessionTarget, archived: boolean, now: Date): string[] {
  return target.locations.map((l) => writeArchiveMark(l.transcript, target.sessionId, archived, now));
}

export interface TrashReport {
  /** Files moved into the trash, relative to their project directory (`kept/…` for the kept copy). */
  moved: string[];
  /** Index entries taken out (one per project directory whose index had one). */
  indexEntriesDropped: number;
  problems: string[];
}

/** Moves the session into `<root>/claude-reindex/trash/` and takes its entry out of each index. */
export async function trashTarget(configRoot: string, target: SessionTarget, now: () => Date): Promise<TrashReport> {
  const report: TrashReport = { moved: [], indexEntriesDropped: 0, problems: [] };
  for (const { projectDir } of target.locations) {
    const move = trashSession(configRoot, path.basename(projectDir), target.sessionId);
    report.moved.push(...move.moved);
    report.problems.push(...move.problems);
    if (move.problems.length > 0) continue;
    const drop = await dropIndexEntry(indexPathOf(projectDir), target.sessionId, { now });
    if (drop.kind === "dropped") report.indexEntriesDropped++;
    if (drop.kind === "refused")
      report.problems.push(
        `${indexPathOf(projectDir)} was left as it is (${drop.reason}); ` +
          `its entry for ${target.sessionId} stays until it is rebuilt`,
      );
  }
  return report;
}

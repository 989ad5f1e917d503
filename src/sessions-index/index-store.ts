// Writing a project's index: under its lock, merged with what is on disk at that moment, by temporary file
// and rename, and only while the lock is still ours.
import fs from "node:fs";
import type { IndexFileStat } from "../layout/project-stamp.ts";
import { removeOrphanedTemporaryFiles, replaceFile, writerIsGone } from "../system/replace-file.ts";
import { type HeldLock, LockLostError, type LockOptions, withLock } from "./index-lock.ts";
import type { MergePlan } from "./index-merge.ts";
import { type IndexEnvelope, type IndexRead, readIndex, readIndexText, serializeIndex } from "./session-index.ts";

export type CommitResult =
  /** `stat` is that of the file as written, when no other writer replaced it meanwhile. */
  | { kind: "written"; plan: MergePlan; backup: string | null; stat: IndexFileStat | null }
  | { kind: "unchanged"; plan: MergePlan; stat: IndexFileStat | null }
  | { kind: "refused"; read: Extract<IndexRead, { kind: "unsupported-version" | "unreadable" }> };

/**
 * Writes the index file. `beforeRename` runs once the new content is on disk, right before it replaces
 * the old file, and throws when the lock was lost meanwhile.
 */
export type IndexWriter = (file: string, content: string, beforeRename: () => void) => Promise<void>;

/**
 * A temporary file of ours beside the index, fsync, rename; the replaced index keeps its owner and mode, a
 * new one is 0600 (entries hold first prompts). Never through a symbolic link.
 */
export const atomicIndexWriter: IndexWriter = async (file, content, beforeRename) =>
  replaceFile(file, content, { newFileMode: 0o600, fsync: true, beforeRename });

/**
 * Removes the temporary files that writers of ours, killed before their rename, left beside a project's
 * index: only names we make (`sessions-index.json.claude-reindex-<pid>-<hex>.tmp`), and only those whose
 * writer is gone, so no lock is needed. For callers that may write no index themselves (a rerun of migrate).
 */
export function removeOrphanedIndexTemporaryFiles(indexPath: string): void {
  removeOrphanedTemporaryFiles(indexPath, writerIsGone);
}

/** A writer that loses its lock this many times in a row (stopped again and again) gives up. */
const MAX_ATTEMPTS = 3;

/**
 * Re-reads the index under its lock, merges with `plan` (so a concurrent writer's entries are merged, not
 * lost), moves an unusable file aside, and writes atomically. Right before the rename it checks that the
 * lock is still its own: a writer that was stopped past the stale time has lost it to another, whose
 * index is newer; it then takes the lock again and merges with that index instead of replacing it.
 */
export async function commitIndex(
  indexPath: string,
  plan: (current: IndexEnvelope | null) => MergePlan,
  options: {
    lock: LockOptions;
    now: () => Date;
    write?: IndexWriter;
    /**
     * Throws when the index's place is no longer safe to write (a link swapped in): before the lock, the
     * temporary file and the rename.
     */
    checkPlace?: () => void;
  },
): Promise<CommitResult> {
  for (let attempt = 1; ; attempt++) {
    options.checkPlace?.();
    try {
      return await withLock(indexPath, options.lock, (lock) => commitOnce(indexPath, plan, options, lock));
    } catch (error) {
      if (!(error instanceof LockLostError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function commitOnce(
  indexPath: string,
  plan: (current: IndexEnvelope | null) => MergePlan,
  options: { now: () => Date; write?: IndexWriter; checkPlace?: () => void },
  lock: HeldLock,
): Promise<CommitResult> {
  // Only names we make are touched, never the user's files beside the index.
  removeOrphanedIndexTemporaryFiles(indexPath);
  const read = readIndex(indexPath);
  if (read.kind === "unsupported-version" || read.kind === "unreadable") return { kind: "refused", read };
  const merged = plan(read.kind === "ok" ? read.index : null);
  const mustReplace = read.kind === "invalid";
  if (!merged.changed && !mustReplace)
    return { kind: "unchanged", plan: merged, stat: read.kind === "ok" ? read.stat : null };
  const content = serializeIndex(merged.index);
  lock.assertHeld();
  options.checkPlace?.();
  const backup = mustReplace ? moveAside(indexPath, options.now()) : null;
  try {
    await (options.write ?? atomicIndexWriter)(indexPath, content, () => {
      lock.assertHeld();
      options.checkPlace?.();
    });
  } catch (error) {
    // The unusable index stays where it was rather than vanish with the failed write.
    if (backup) restore(backup, indexPath);
    throw error;
  }
  return { kind: "written", plan: merged, backup, stat: statIfUnchanged(indexPath, content) };
}

/** The stat of the index when it still holds `content` (Claude Code does not take our lock). */
function statIfUnchanged(indexPath: string, content: string): IndexFileStat | null {
  const file = readIndexText(indexPath);
  return file.kind === "read" && file.text === content ? file.stat : null;
}

/** Keeps an unusable index for inspection next to the new one: `<index>.invalid-<UTC time>`. */
function moveAside(indexPath: string, now: Date): string {
  const stem = `${indexPath}.invalid-${now.toISOString().replace(/[:.]/g, "-")}`;
  // link, not rename: a file of that name already there is never replaced.
  for (let n = 1; ; n++) {
    const backup = n === 1 ? stem : `${stem}-${n}`;
    try {
      fs.linkSync(indexPath, backup);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST" && n < 100) continue;
      throw error;
    }
    fs.unlinkSync(indexPath);
    // A name we made, holding first prompts: private, like the index we write.
    fs.chmodSync(backup, 0o600);
    return backup;
  }
}

/** Puts a moved-aside index back, unless another writer has put an index there meanwhile. */
function restore(backup: string, indexPath: string): void {
  try {
    fs.linkSync(backup, indexPath);
    fs.unlinkSync(backup);
  } catch {
    // an index is there again: the moved-aside one stays as the backup
  }
}

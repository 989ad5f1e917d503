import fs from "node:fs";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import type { IndexFileStat } from "../layout/project-stamp.ts";
import { type LockOptions, withLock } from "./index-lock.ts";
import type { MergePlan } from "./index-merge.ts";
import { type IndexEnvelope, type IndexRead, readIndex, readIndexText, serializeIndex } from "./session-index.ts";

export type CommitResult =
  /** `stat` is that of the file as written, when no other writer replaced it meanwhile. */
  | { kind: "written"; plan: MergePlan; backup: string | null; stat: IndexFileStat | null }
  | { kind: "unchanged"; plan: MergePlan; stat: IndexFileStat | null }
  | { kind: "refused"; read: Extract<IndexRead, { kind: "unsupported-version" | "unreadable" }> };

/**
 * Re-reads the index under its lock, merges with `plan` (so a concurrent writer's entries are
 * merged, not lost), moves an unusable file aside, and writes atomically: a temporary file in
 * the same directory, fsync, rename; mode 0600 since entries hold first prompts.
 */
export type IndexWriter = (file: string, content: string) => Promise<void>;

/** Temporary file in the same directory, fsync, rename, 0600 (write-file-atomic). */
export const atomicIndexWriter: IndexWriter = (file, content) =>
  writeFileAtomic(file, content, { mode: 0o600, fsync: true });

export async function commitIndex(
  indexPath: string,
  plan: (current: IndexEnvelope | null) => MergePlan,
  options: { lock: LockOptions; now: () => Date; write?: IndexWriter },
): Promise<CommitResult> {
  return withLock(indexPath, options.lock, async () => {
    removeOrphanedTemporaryFiles(indexPath);
    const read = readIndex(indexPath);
    if (read.kind === "unsupported-version" || read.kind === "unreadable") return { kind: "refused", read };
    const merged = plan(read.kind === "ok" ? read.index : null);
    const mustReplace = read.kind === "invalid";
    if (!merged.changed && !mustReplace)
      return { kind: "unchanged", plan: merged, stat: read.kind === "ok" ? read.stat : null };
    const backup = mustReplace ? moveAside(indexPath, options.now()) : null;
    const content = serializeIndex(merged.index);
    try {
      await (options.write ?? atomicIndexWriter)(indexPath, content);
    } catch (error) {
      // The unusable index stays where it was rather than vanish with the failed write.
      if (backup) fs.renameSync(backup, indexPath);
      throw error;
    }
    return { kind: "written", plan: merged, backup, stat: statIfUnchanged(indexPath, content) };
  });
}

/** The stat of the index when it still holds `content` (Claude Code does not take our lock). */
function statIfUnchanged(indexPath: string, content: string): IndexFileStat | null {
  const file = readIndexText(indexPath);
  return file.kind === "read" && file.text === content ? file.stat : null;
}

/**
 * write-file-atomic's temporary files (`sessions-index.json.<decimal number>`) left by a writer killed
 * between write and rename. Every writer of ours holds the lock while its temporary file exists,
 * so under the lock any such file is an orphan. (Claude Code's own is `….tmp`: not touched.)
 */
function removeOrphanedTemporaryFiles(indexPath: string): void {
  const dir = path.dirname(indexPath);
  const pattern = new RegExp(`^${path.basename(indexPath).replace(/\./g, "\\.")}\\.\\d{1,10}$`);
  for (const name of fs.readdirSync(dir)) {
    if (pattern.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Keeps an unusable index for inspection next to the new one: `<index>.invalid-<UTC time>`. */
function moveAside(indexPath: string, now: Date): string {
  const backup = `${indexPath}.invalid-${now.toISOString().replace(/[:.]/g, "-")}`;
  fs.renameSync(indexPath, backup);
  fs.chmodSync(backup, 0o600);
  return backup;
}

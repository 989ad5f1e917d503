import fs from "node:fs";
import writeFileAtomic from "write-file-atomic";
import { withLock, type LockOptions } from "./index-lock.ts";
import type { MergePlan } from "./index-merge.ts";
import { readIndex, serializeIndex, type IndexEnvelope, type IndexRead } from "./session-index.ts";

export type CommitResult =
  | { kind: "written"; plan: MergePlan; backup: string | null }
  | { kind: "unchanged"; plan: MergePlan }
  | { kind: "refused"; read: Extract<IndexRead, { kind: "unsupported-version" | "unreadable" }> };

/**
 * Re-reads the index under its lock, merges with `plan` (so a concurrent writer's entries are
 * merged, not lost), moves an unusable file aside, and writes atomically: a temporary file in
 * the same directory, fsync, rename; mode 0600 since entries hold first prompts.
 */
export async function commitIndex(
  indexPath: string,
  plan: (current: IndexEnvelope | null) => MergePlan,
  options: { lock: LockOptions; now: () => Date },
): Promise<CommitResult> {
  return withLock(indexPath, options.lock, async () => {
    const read = readIndex(indexPath);
    if (read.kind === "unsupported-version" || read.kind === "unreadable") return { kind: "refused", read };
    const merged = plan(read.kind === "ok" ? read.index : null);
    const mustReplace = read.kind === "invalid";
    if (!merged.changed && !mustReplace) return { kind: "unchanged", plan: merged };
    const backup = mustReplace ? moveAside(indexPath, options.now()) : null;
    await writeFileAtomic(indexPath, serializeIndex(merged.index), { mode: 0o600, fsync: true });
    return { kind: "written", plan: merged, backup };
  });
}

/** Keeps an unusable index for inspection next to the new one: `<index>.invalid-<UTC time>`. */
function moveAside(indexPath: string, now: Date): string {
  const backup = `${indexPath}.invalid-${now.toISOString().replace(/[:.]/g, "-")}`;
  fs.renameSync(indexPath, backup);
  fs.chmodSync(backup, 0o600);
  return backup;
}

// Taking one session's entry out of a project's sessions-index.json (after `delete` moved its
// transcript away): under the index's lock, re-read at that moment, every other entry and key kept
// as it is, written atomically. A rebuild would drop it too (its transcript is gone); this does only that.

import { DEFAULT_LOCK, type LockOptions } from "./index-lock.ts";
import { commitIndex } from "./index-store.ts";
import { readIndex } from "./session-index.ts";

export type EntryDrop =
  | { kind: "dropped" }
  /** No index, or no entry for the session in it. */
  | { kind: "absent" }
  /** An index we do not rewrite (an unknown version, unreadable): left as it is, with why. */
  | { kind: "refused"; reason: string };

export async function dropIndexEntry(
  indexPath: string,
  sessionId: string,
  options: { now: () => Date; lock?: LockOptions },
): Promise<EntryDrop> {
  // A missing or damaged index is left to rebuild (which moves a damaged one aside and derives anew).
  const before = readIndex(indexPath);
  if (before.kind === "missing" || before.kind === "invalid") return { kind: "absent" };
  const result = await commitIndex(
    indexPath,
    (current) => {
      const entries = current?.entries ?? [];
      const kept = entries.filter((e) => (e as { sessionId?: unknown } | null)?.sessionId !== sessionId);
      const changed = current !== null && kept.length !== entries.length;
      return {
        index: current === null ? { entries: [] } : { ...current, entries: kept },
        changes: changed ? [{ sessionId, change: "removed", reason: "transcript is gone" }] : [],
        kept: kept.length,
        skipped: [],
        changed,
      };
    },
    { lock: options.lock ?? DEFAULT_LOCK, now: options.now },
  );
  if (result.kind === "refused")
    return {
      kind: "refused",
      reason: result.read.kind === "unreadable" ? result.read.reason : `version ${String(result.read.version)}`,
    };
  return result.kind === "written" ? { kind: "dropped" } : { kind: "absent" };
}

// Whether a project's index needs a rebuild before Claude Code starts, from stats and small reads only.
// On the fast path: no zod.
import { indexPathOf, MAX_INDEX_BYTES } from "../layout/index-path.ts";
import type { ListedProject } from "../layout/listed-tree.ts";
import { verifiedEntries } from "../layout/project-stamp.ts";
import { isFutureMtime, listSessionFiles, type SessionListing } from "../layout/session-file.ts";
import { readRegularFile } from "../system/regular-file.ts";

/** How far an index may lag its newest transcript before the shim rebuilds it. */
export const DEFAULT_STALE_HOURS = 24;

export type Staleness =
  | { stale: false; why: "no sessions" | "verified" | "recent enough" | "not our version" | "cannot list" }
  /** `behindMs`: since the oldest change the index misses (the picker has lacked it that long). */
  | { stale: true; why: "no index" | "index unreadable" | "index behind"; behindMs: number; listing: SessionListing };

/**
 * Whether a project's index needs a rebuild before Claude Code starts: it has transcripts and its
 * index is missing, unreadable, or older than its newest transcript by more than `staleAfterMs`.
 * A project whose verified stamp still holds is fresh without looking further. Stats and small
 * reads only: this runs on every launch whose "checked recently" stamp has expired.
 */
export function assessProject(
  configRoot: string,
  projectDir: string,
  staleAfterMs: number,
  now: number,
  /** The project's sessions as a listing already taken has them, and its index when that listing shows it. */
  listed?: Pick<ListedProject, "sessions"> & Partial<Pick<ListedProject, "index">>,
): Staleness {
  let listing: SessionListing;
  try {
    listing = listed?.sessions ?? listSessionFiles(projectDir);
  } catch {
    return { stale: false, why: "cannot list" };
  }
  if (listing.sessions.size === 0) return { stale: false, why: "no sessions" };
  const indexPath = indexPathOf(projectDir);
  if (verifiedEntries(configRoot, projectDir, indexPath, listing, listed?.index) !== null)
    return { stale: false, why: "verified" };

  // Folded, not Math.min(...mtimes): a project can hold more sessions than a call takes arguments.
  const mtimes = [...listing.sessions.values()].map((file) => file.mtime);
  const oldestAfter = (after: number) => mtimes.reduce((min, m) => (m > after && m < min ? m : min), Infinity);
  const newest = mtimes.reduce((max, m) => Math.max(max, m), Number.NEGATIVE_INFINITY);
  const behindSince = (after: number) => Math.max(0, now - oldestAfter(after));
  let text: string;
  let indexMtime: number;
  try {
    // A regular file only, opened without blocking (a FIFO here must not hold Claude Code back), and an
    // index too large to read is judged unreadable at once: the rebuild moves it aside.
    const file = readRegularFile(indexPath, MAX_INDEX_BYTES);
    indexMtime = file.stat.mtimeMs;
    text = file.text;
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no index" : "index unreadable";
    return { stale: true, why, behindMs: behindSince(-Infinity), listing };
  }
  const shape = indexShape(text);
  if (shape === "other version") return { stale: false, why: "not our version" };
  if (shape === "broken") return { stale: true, why: "index unreadable", behindMs: behindSince(-Infinity), listing };
  // An index written in the future (a clock since set right) may hold entries of that future; the rebuild
  // derives them again.
  if (newest - indexMtime > staleAfterMs || isFutureMtime(indexMtime, now))
    return { stale: true, why: "index behind", behindMs: behindSince(indexMtime), listing };
  return { stale: false, why: "recent enough" };
}

/** A cheap look at the index, as Claude Code's own reader judges it (the rebuild validates fully). */
function indexShape(text: string): "usable" | "broken" | "other version" {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return "broken";
  }
  const { version, entries } = (json ?? {}) as { version?: unknown; entries?: unknown };
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "broken";
  if (version !== undefined && version !== 1) return "other version";
  return version === 1 && Array.isArray(entries) ? "usable" : "broken";
}

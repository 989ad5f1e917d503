// The shim's signature of the tree: once Claude Code has exited, the SessionEnd hook saves the tree
// listing when no index needs a repair (and `rebuild --all` when every stamp holds), so that
// bin/claude's next check compares it in sh and starts no Node until something changes. When Node
// does start, its stat pass (tree-freshness.ts) reads the listing bin/claude took (listed-tree.ts).
import fs from "node:fs";
import { projectsRoot } from "../layout/config-root.ts";
import { listedProjects, projectRecords } from "../layout/listed-tree.ts";
import { hasLinkedProjectDir } from "../layout/project-dir.ts";
import { treeListing } from "../layout/tree-listing.ts";
import {
  readTreeSignature,
  saveTreeSignature,
  shimListingPath,
  shimSignatureHeader,
  shimSignaturePath,
} from "../layout/tree-signature.ts";
import { DEFAULT_STALE_HOURS } from "./staleness.ts";
import { checkTreeFreshness, type TreeCheck } from "./tree-freshness.ts";

/**
 * Saves the shim's signature when every index is fine: the listing is taken before the check, so
 * whatever changes during it changes the next listing. Nothing is saved without GNU find, or when a
 * project directory is a link (find does not look inside it: the listing would not be the whole tree).
 */
export function renewShimSignature(check: TreeCheck): void {
  const root = projectsRoot(check.configRoot);
  const listing = treeListing(root);
  if (listing === null || hasLinkedProjectDir(check.configRoot)) return;
  const listed = listedProjects(root, listing);
  if (checkTreeFreshness({ ...check, listed }) !== "fresh") return;
  saveShimSignature(check.configRoot, check.env, listing);
}

/** Saves `listing`, taken before a pass that found every index fine, as the shim's signature (if it is not already). */
export function saveShimSignature(configRoot: string, env: NodeJS.ProcessEnv, listing: Buffer): void {
  const header = headerFor(env);
  const file = shimSignaturePath(configRoot);
  const saved = readTreeSignature(file);
  if (saved?.header !== header || !saved.listing.equals(listing)) saveTreeSignature(file, { header, listing });
}

/** bin/claude names the listing it took before the stat pass in this variable (shimListingPath). */
export const TREE_LISTING_SETTING = "CLAUDE_REINDEX_TREE_LISTING";

/**
 * What the listing bin/claude took before this check says of the projects, so that the stat pass need
 * not list and stat them again (nothing when there is no such listing):
 * - `fineBefore`: the projects whose records are as the shim's signature has them (a check found them
 *   fine then, under the same stale threshold, so it would now: as still_fine in bin/claude has it);
 * - `listed`: the others, as listed-tree.ts reads them.
 */
export function handedOverProjects(
  configRoot: string,
  env: NodeJS.ProcessEnv,
): Pick<TreeCheck, "listed" | "fineBefore"> {
  const file = handedOverListing(configRoot, env);
  const taken = file === null ? null : readTreeSignature(file);
  const header = headerFor(env);
  if (taken === null || taken.header !== header) return {};
  const saved = readTreeSignature(shimSignaturePath(configRoot));
  // Without a signature under this threshold every project is judged: from the listing as it is, which says
  // what its projects' records put together again say, without cutting it and copying the pieces.
  if (saved?.header !== header)
    return { fineBefore: new Set(), listed: listedProjects(projectsRoot(configRoot), taken.listing) };
  const before = projectRecords(saved.listing);
  const fineBefore = new Set<string>();
  const changed: Buffer[] = [];
  for (const [name, records] of projectRecords(taken.listing)) {
    const then = before.get(name);
    if (records !== null && then && records.equals(then)) fineBefore.add(name);
    else if (records !== null) changed.push(records);
  }
  return { fineBefore, listed: listedProjects(projectsRoot(configRoot), Buffer.concat(changed)) };
}

/**
 * Makes the listing bin/claude took before this check (in sh, with the signature's header) the shim's
 * signature: called once the stat pass has found every index fine. Only the file at its own place, a
 * regular file, and not when a project directory is a link (find did not look inside it).
 */
export function adoptShimListing(configRoot: string, env: NodeJS.ProcessEnv): void {
  const listing = handedOverListing(configRoot, env);
  if (listing === null || hasLinkedProjectDir(configRoot)) return;
  try {
    if (fs.lstatSync(listing).isFile()) fs.renameSync(listing, shimSignaturePath(configRoot));
  } catch {
    // Without a signature the next check lists and runs its stat pass again: slower, never wrong.
  }
}

/** The listing TREE_LISTING_SETTING names, when it is at its own place (shimListingPath). */
function handedOverListing(configRoot: string, env: NodeJS.ProcessEnv): string | null {
  const listing = env[TREE_LISTING_SETTING] ?? "";
  const pid = /\.(\d{1,10})$/.exec(listing)?.[1];
  return pid !== undefined && listing === shimListingPath(configRoot, pid) ? listing : null;
}

/** The shim's header for the stale threshold set in `env` (an empty setting counts as unset). */
function headerFor(env: NodeJS.ProcessEnv): string {
  return shimSignatureHeader(env.CLAUDE_REINDEX_STALE_HOURS || String(DEFAULT_STALE_HOURS));
}

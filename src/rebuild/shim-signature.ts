// The shim's signature of the tree: once Claude Code has exited, the SessionEnd hook saves the tree
// listing when no index needs a repair (and `rebuild --all` when every stamp holds), so that
// bin/claude's next check compares it in sh and starts no Node until something changes. Apart from
// the check itself (tree-freshness.ts), which the shim's small bundle runs without find.
import fs from "node:fs";
import { projectsRoot } from "../layout/config-root.ts";
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
  const listing = treeListing(projectsRoot(check.configRoot));
  if (listing === null || hasLinkedProjectDir(check.configRoot) || checkTreeFreshness(check) !== "fresh") return;
  saveShimSignature(check.configRoot, check.env, listing);
}

/** Saves `listing`, taken before a pass that found every index fine, as the shim's signature (if it is not already). */
export function saveShimSignature(configRoot: string, env: NodeJS.ProcessEnv, listing: Buffer): void {
  const header = shimSignatureHeader(env.CLAUDE_REINDEX_STALE_HOURS || String(DEFAULT_STALE_HOURS));
  const file = shimSignaturePath(configRoot);
  const saved = readTreeSignature(file);
  if (saved?.header !== header || !saved.listing.equals(listing)) saveTreeSignature(file, { header, listing });
}

/** bin/claude names the listing it took before the stat pass in this variable (shimListingPath). */
export const TREE_LISTING_SETTING = "CLAUDE_REINDEX_TREE_LISTING";

/**
 * Makes the listing bin/claude took before this check (in sh, with the signature's header) the shim's
 * signature: called once the stat pass has found every index fine. Only the file at its own place, a
 * regular file, and not when a project directory is a link (find did not look inside it).
 */
export function adoptShimListing(configRoot: string, env: NodeJS.ProcessEnv): void {
  const listing = env[TREE_LISTING_SETTING] ?? "";
  const pid = /\.(\d{1,10})$/.exec(listing)?.[1];
  if (pid === undefined || listing !== shimListingPath(configRoot, pid) || hasLinkedProjectDir(configRoot)) return;
  try {
    if (fs.lstatSync(listing).isFile()) fs.renameSync(listing, shimSignaturePath(configRoot));
  } catch {
    // Without a signature the next check lists and runs its stat pass again: slower, never wrong.
  }
}

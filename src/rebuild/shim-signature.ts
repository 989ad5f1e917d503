// The shim's signature of the tree: once Claude Code has exited, the SessionEnd hook saves the tree
// listing when no index needs a repair (and `rebuild --all` when every stamp holds), so that
// bin/claude's next check compares it in sh and starts no Node until something changes. Apart from
// the check itself (tree-freshness.ts), which the shim's small bundle runs without find.
import { projectsRoot } from "../layout/config-root.ts";
import { hasLinkedProjectDir } from "../layout/project-dir.ts";
import { treeListing } from "../layout/tree-listing.ts";
import {
  readTreeSignature,
  saveTreeSignature,
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
  if (listing === null || hasLinkedProjectDir(check.configRoot) || checkTreeFreshness(check) === "stale") return;
  saveShimSignature(check.configRoot, check.env, listing);
}

/** Saves `listing`, taken before a pass that found every index fine, as the shim's signature (if it is not already). */
export function saveShimSignature(configRoot: string, env: NodeJS.ProcessEnv, listing: Buffer): void {
  const header = shimSignatureHeader(env.CLAUDE_REINDEX_STALE_HOURS || String(DEFAULT_STALE_HOURS));
  const file = shimSignaturePath(configRoot);
  const saved = readTreeSignature(file);
  if (saved?.header !== header || !saved.listing.equals(listing)) saveTreeSignature(file, { header, listing });
}

// Saved tree listings (tree-listing.ts) that let a check skip its stat pass. A check that looked at
// every project and found them all fine saves the listing it took before it began, under one header
// line; a later check whose own listing has the same bytes knows that nothing it looks at changed
// (a change after the listing was taken changes the next listing), so it has the same answer:
// - the shim's (`claude-reindex/tree-signature`): no index needs a repair; bin/claude compares it in
//   sh (find and cmp), without starting Node, and its header line names the stale threshold;
// - `rebuild --all`'s (`claude-reindex/verified/tree-signature`, beside the stamps it stands for):
//   every project's stamp holds; its header holds the report that run printed.
// A signature only ever saves work: a missing, damaged or different one means the full pass.
import path from "node:path";
import { readPrivateBytes, writePrivateFile } from "../system/private-file.ts";

export const TREE_SIGNATURE_FORMAT = 1;

export function shimSignaturePath(configRoot: string): string {
  return path.join(configRoot, "claude-reindex", "tree-signature");
}

/**
 * Where the bin/claude of process `pid` writes the listing it takes before a check (in sh, the same bytes as
 * a signature); the shim's stat pass makes it the signature when it finds every index fine (adoptShimListing).
 */
export function shimListingPath(configRoot: string, pid: number | string): string {
  return path.join(configRoot, "claude-reindex", `tree-listing.${pid}`);
}

export function rebuildSignaturePath(configRoot: string): string {
  return path.join(configRoot, "claude-reindex", "verified", "tree-signature");
}

/**
 * The shim's header line. bin/claude prints it with printf and `${CLAUDE_REINDEX_STALE_HOURS:-24}`:
 * `staleHours` is that setting's text as given (an empty one counts as unset), not its value.
 */
export function shimSignatureHeader(staleHours: string): string {
  return `claude-reindex tree signature ${TREE_SIGNATURE_FORMAT}, stale after ${staleHours} hours`;
}

export interface TreeSignature {
  /** The first line, without its newline. */
  header: string;
  listing: Buffer;
}

export function readTreeSignature(file: string): TreeSignature | null {
  const bytes = readPrivateBytes(file);
  const newline = bytes?.indexOf(10) ?? -1;
  if (bytes === null || newline === -1) return null;
  return { header: bytes.toString("utf8", 0, newline), listing: bytes.subarray(newline + 1) };
}

/** Saves a signature; without one the next check does its full pass: slower, never wrong. */
export function saveTreeSignature(file: string, signature: TreeSignature): void {
  try {
    writePrivateFile(file, Buffer.concat([Buffer.from(`${signature.header}\n`), signature.listing]));
  } catch {
    // As a missing signature.
  }
}

// Where a project's sessions-index.json lives. Apart from the index schema (sessions-index/) so that the
// fast path, and the listings of the tree, can name an index without loading zod.
import path from "node:path";

export const INDEX_FILE_NAME = "sessions-index.json";

/** Where a project's index lives; apart from the index schema so callers need not load zod. */
export function indexPathOf(projectDir: string): string {
  return path.join(projectDir, INDEX_FILE_NAME);
}

/**
 * An index larger than this is not read: it would cost gigabytes to parse (Claude Code itself cannot read
 * one past V8's longest string). It is moved aside like any other unusable index.
 */
export const MAX_INDEX_BYTES = 512 * 1024 * 1024;

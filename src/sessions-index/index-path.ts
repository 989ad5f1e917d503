import path from "node:path";

export const INDEX_FILE_NAME = "sessions-index.json";

/** Where a project's index lives; apart from the index schema so callers need not load zod. */
export function indexPathOf(projectDir: string): string {
  return path.join(projectDir, INDEX_FILE_NAME);
}

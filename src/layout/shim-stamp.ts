// The shim's "checked recently" stamp, <root>/claude-reindex/shim-checked: bin/claude reads its mtime in
// sh, the shim check and `list`/`pick` in Node. On the fast path.
import fs from "node:fs";
import path from "node:path";
import { numberSetting } from "../system/environment-setting.ts";
import { writePrivateFile } from "../system/private-file.ts";

/** How long a check of every project's staleness stays good (CLAUDE_REINDEX_CHECK_MINUTES). */
export const DEFAULT_CHECK_MINUTES = 15;

/** Where the shim records that every project was checked; bin/claude reads its mtime. */
export function shimStampPath(configRoot: string): string {
  return path.join(configRoot, "claude-reindex", "shim-checked");
}

export function checkedRecently(configRoot: string, env: NodeJS.ProcessEnv, now: Date): boolean {
  const minutes = numberSetting(env, "CLAUDE_REINDEX_CHECK_MINUTES", DEFAULT_CHECK_MINUTES);
  if (minutes === 0) return false;
  try {
    return now.getTime() - fs.statSync(shimStampPath(configRoot)).mtimeMs < minutes * 60_000;
  } catch {
    return false;
  }
}

export function recordCheck(configRoot: string, now: Date): void {
  writePrivateFile(shimStampPath(configRoot), `${now.toISOString()}\n`);
}

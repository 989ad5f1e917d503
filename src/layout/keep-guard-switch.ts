// Whether the keep guard is on: install's manifest (`<root>/claude-reindex/installed.json`) records
// `--keep-sessions`. Apart from the guard itself (keep-guard.ts, which reads settings with zod and
// jsonc-parser) so that the shim's stat pass can ask without loading them.
import path from "node:path";
import { readPrivateFile } from "../system/private-file.ts";

/** The key in install's manifest (`<root>/claude-reindex/installed.json`) that turns the guard on. */
export const KEEP_SESSIONS_KEY = "keepSessions";

/** Whether some install recorded `--keep-sessions` (read loosely: a damaged manifest means off). */
export function keepGuardOn(configRoot: string): boolean {
  const text = readPrivateFile(path.join(configRoot, "claude-reindex", "installed.json"));
  if (text === null) return false;
  try {
    const manifest = JSON.parse(text) as unknown;
    if (typeof manifest !== "object" || manifest === null) return false;
    return Object.values(manifest).some(
      (record) => typeof record === "object" && record !== null && record[KEEP_SESSIONS_KEY] === true,
    );
  } catch {
    return false;
  }
}

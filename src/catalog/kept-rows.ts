// The rows of sessions Claude Code deleted and the keep guard kept: read from the kept files as any
// session is (their own catalog under catalog/kept/), marked `kept`, and placed in the project
// directory they came from, so that list, pick and why show them beside the others.
import path from "node:path";
import { projectsRoot } from "../layout/config-root.ts";
import { listKeptSessions } from "../layout/kept-store.ts";
import { catalogSessions } from "./session-catalog.ts";
import type { SessionRow } from "./session-record.ts";

/** Kept sessions whose transcript is gone, of these project directories (by name; null: every one). */
export async function keptSessionRows(
  configRoot: string,
  projectDirNames: ReadonlySet<string> | null,
  writable: boolean,
): Promise<SessionRow[]> {
  const gone = listKeptSessions(configRoot).filter(
    (k) => !k.originalExists && (projectDirNames === null || projectDirNames.has(k.projectDirName)),
  );
  if (gone.length === 0) return [];
  const wanted = new Set(gone.map((k) => k.keptPath));
  const rows = await catalogSessions({
    configRoot,
    projectDirs: [...new Set(gone.map((k) => path.dirname(k.keptPath)))],
    writable,
  });
  return rows
    .filter((row) => wanted.has(row.fullPath))
    .map((row) => ({
      ...row,
      projectDir: path.join(projectsRoot(configRoot), path.basename(row.projectDir)),
      kept: true as const,
    }));
}

// Projects whose folder is gone: the working directory their sessions were started in no longer exists
// (moved, renamed or deleted). When sessions elsewhere were started in a folder of the same name, and
// more recently, that is likely where it went: `move-project` brings the sessions there.
import fs from "node:fs";
import path from "node:path";
import type { SessionRow } from "../catalog/session-record.ts";
import { encodeProjectDirName } from "../layout/project-dir.ts";
import { shellQuote } from "../text/shell-quote.ts";
import type { Finding } from "./doctor.ts";

export interface GoneProject {
  projectDir: string;
  /** The working directory its sessions name, which no longer exists. */
  path: string;
  sessions: number;
  newestMs: number;
  /** An existing folder of the same name with newer sessions, the newest first; empty when none. */
  likelyNewPaths: string[];
}

/** From the rows of the sessions: each project directory whose own working directory is gone. */
export function findGoneProjects(
  rows: readonly SessionRow[],
  exists: (p: string) => boolean = (p) => fs.existsSync(p),
): GoneProject[] {
  const byDir = new Map<string, SessionRow[]>();
  for (const row of rows) {
    if (row.kept) continue;
    byDir.set(row.projectDir, [...(byDir.get(row.projectDir) ?? []), row]);
  }
  // Per folder that exists: its newest session, to find where a gone folder went.
  const living = new Map<string, number>();
  const gone: GoneProject[] = [];
  for (const [projectDir, dirRows] of byDir) {
    const own = ownPath(projectDir, dirRows);
    if (own === null) continue;
    const newestMs = dirRows.reduce((n, r) => Math.max(n, r.modifiedMs), Number.NEGATIVE_INFINITY);
    if (exists(own)) living.set(own, Math.max(living.get(own) ?? Number.NEGATIVE_INFINITY, newestMs));
    else gone.push({ projectDir, path: own, sessions: dirRows.length, newestMs, likelyNewPaths: [] });
  }
  for (const project of gone) {
    project.likelyNewPaths = [...living]
      .filter(([p]) => p !== project.path && path.basename(p) === path.basename(project.path))
      .filter(([, newest]) => newest >= project.newestMs)
      .sort((a, b) => b[1] - a[1])
      .map(([p]) => p);
  }
  return gone.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The working directory the project directory is named for: the one its sessions name most. */
function ownPath(projectDir: string, rows: SessionRow[]): string | null {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const p = row.projectPath;
    if (p && path.isAbsolute(p) && encodeProjectDirName(p) === path.basename(projectDir))
      counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [p, n] of counts) if (best === null || n > counts.get(best)!) best = p;
  return best;
}

/** A finding for each gone project with a likely new place; one note for the rest. */
export function goneProjectReport(gone: readonly GoneProject[]): { findings: Finding[]; notes: string[] } {
  const findings: Finding[] = [];
  for (const project of gone.filter((g) => g.likelyNewPaths.length > 0)) {
    const [likely, ...others] = project.likelyNewPaths;
    const more = others.length > 0 ? ` (or ${others.join(", ")})` : "";
    findings.push({
      kind: "project-moved",
      message:
        `${project.sessions} ${project.sessions === 1 ? "session" : "sessions"} of ${project.path}, ` +
        `which no longer exists; ${likely} has newer sessions: moved there?${more}`,
      fix: `claude-reindex move-project ${shellQuote(project.path)} ${shellQuote(likely!)}`,
    });
  }
  const unplaced = gone.filter((g) => g.likelyNewPaths.length === 0);
  const notes =
    unplaced.length === 0
      ? []
      : [
          `${unplaced.length} ` +
            `${unplaced.length === 1 ? "project's folder no longer exists" : "projects' folders no longer exist"} ` +
            `(${unplaced
              .slice(0, 3)
              .map((g) => g.path)
              .join(", ")}${unplaced.length > 3 ? ", …" : ""}); ` +
            "if one was moved: claude-reindex move-project <old path> <new path>",
        ];
  return { findings, notes };
}

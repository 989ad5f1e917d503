// Where a session named on the command line lives: its `<uuid>.jsonl` in one or more project
// directories, found from a full id or a unique start of one by directory listings alone.
import fs from "node:fs";
import path from "node:path";
import { projectsRoot } from "./config-root.ts";
import { listProjectDirNames } from "./project-dir.ts";
import { sessionIdOfFileName } from "./session-file.ts";

export interface SessionLocation {
  sessionId: string;
  projectDir: string;
  /** `<projectDir>/<uuid>.jsonl`, a regular file when it was found. */
  transcript: string;
}

export type SessionMatch =
  | { kind: "found"; sessionId: string; locations: SessionLocation[] }
  | { kind: "none" }
  /** Several sessions start with it: their ids, sorted. */
  | { kind: "ambiguous"; sessionIds: string[] }
  | { kind: "not-an-id" };

/** Whether `value` can be a session id or the start of one (hex digits and dashes). */
export function isIdOrPrefix(value: string): boolean {
  return /^[0-9a-f][0-9a-f-]*$/i.test(value) && value.length <= 36;
}

/**
 * The session `idOrPrefix` names among the transcripts of `projectDirs` (default: every project
 * directory): an exact id wins over longer ids it starts; a session copied into several project
 * directories is one session with several locations.
 */
export function matchSession(
  configRoot: string,
  idOrPrefix: string,
  projectDirs: readonly string[] | null = null,
): SessionMatch {
  if (!isIdOrPrefix(idOrPrefix)) return { kind: "not-an-id" };
  const needle = idOrPrefix.toLowerCase();
  const dirs = projectDirs ?? listProjectDirNames(configRoot).map((name) => path.join(projectsRoot(configRoot), name));
  const byId = new Map<string, SessionLocation[]>();
  for (const projectDir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(projectDir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.toLowerCase().startsWith(needle)) continue;
      const sessionId = sessionIdOfFileName(name);
      if (sessionId === null) continue;
      const transcript = path.join(projectDir, name);
      if (!isRegularFile(transcript)) continue;
      const list = byId.get(sessionId) ?? [];
      list.push({ sessionId, projectDir, transcript });
      byId.set(sessionId, list);
    }
  }
  const exact = [...byId.keys()].find((id) => id.toLowerCase() === needle);
  if (exact !== undefined) return { kind: "found", sessionId: exact, locations: byId.get(exact)! };
  if (byId.size === 0) return { kind: "none" };
  if (byId.size > 1) return { kind: "ambiguous", sessionIds: [...byId.keys()].sort() };
  const [[sessionId, locations]] = [...byId.entries()] as [[string, SessionLocation[]]];
  return { kind: "found", sessionId, locations };
}

function isRegularFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

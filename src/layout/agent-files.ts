// The old layout's agent transcripts (`agent-*.jsonl` beside the sessions, before 2.1.2): which
// session each belongs to, by the `sessionId` of its first record, so that a session is kept, moved
// or migrated whole.
import fs from "node:fs";
import path from "node:path";
import { readFileHead } from "../system/regular-file.ts";

/** The old layout's agent transcripts, beside the sessions. */
export function isAgentFileName(name: string): boolean {
  return name.startsWith("agent-") && name.endsWith(".jsonl");
}

/** The session id on the first line of an old-layout agent transcript, or null. */
export function agentSessionId(file: string): string | null {
  // A regular file only, never waited on (a FIFO), no link followed, its access time left as it was.
  const head = readFileHead(file, 64 * 1024);
  if (head === null) return null;
  try {
    const first = head.split("\n", 1)[0] ?? "";
    const id = (JSON.parse(first.replace(/^\uFEFF/, "")) as { sessionId?: unknown } | null)?.sessionId;
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}

/**
 * The old-layout agent transcripts directly in `dir`, by the session they belong to (names, sorted);
 * those whose first record names no session are under null.
 */
export function agentFilesBySession(dir: string): Map<string | null, string[]> {
  const bySession = new Map<string | null, string[]>();
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return bySession;
  }
  for (const d of dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!d.isFile() || !isAgentFileName(d.name)) continue;
    const id = agentSessionId(path.join(dir, d.name));
    bySession.set(id, [...(bySession.get(id) ?? []), d.name]);
  }
  return bySession;
}

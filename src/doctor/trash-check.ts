// What claude-reindex's trash holds (sessions `delete` took away): how many, how much space, which,
// and the commands that bring one back or remove it for good.
import { listTrashedSessions, trashRoot } from "../layout/session-trash.ts";

export interface TrashReport {
  path: string;
  sessions: { sessionId: string; projectDirName: string; size: number; withKeptCopy: boolean }[];
  /** Bytes on disk of every trashed file (a kept copy linked to its transcript counted once). */
  bytes: number;
}

export function checkTrash(configRoot: string): TrashReport {
  const trashed = listTrashedSessions(configRoot);
  return {
    path: trashRoot(configRoot),
    sessions: trashed.map(({ sessionId, projectDirName, size, withKeptCopy }) => ({
      sessionId,
      projectDirName,
      size,
      withKeptCopy,
    })),
    bytes: trashed.reduce((n, t) => n + t.bytes, 0),
  };
}

/** The report as doctor's lines; none for an empty trash. */
export function trashLines(report: TrashReport): string[] {
  const n = report.sessions.length;
  if (n === 0) return [];
  const example = report.sessions[0]!.sessionId;
  return [
    `trash: ${n} deleted ${n === 1 ? "session" : "sessions"} ` +
      `(${(report.bytes / 1048576).toFixed(1)} MiB) in ${report.path}`,
    ...report.sessions
      .slice(0, 10)
      .map((s) => `  ${s.sessionId}  ${s.projectDirName}${s.withKeptCopy ? " (with its kept copy)" : ""}`),
    ...(n > 10 ? [`  … and ${n - 10} more`] : []),
    `  restore one: claude-reindex restore ${example}; remove one for good: claude-reindex delete --purge ${example}`,
  ];
}

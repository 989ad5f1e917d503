// The session a managing command (rename, tag, archive, unarchive, delete) acts on: `<id>` or a
// unique start of one, among every project (or the `--project` ones); a prefix of several is a usage
// error that lists them. And the refusal to touch a live session, in one line.
import path from "node:path";
import { type LivenessProbe, liveSessionReason } from "../catalog/live-session.ts";
import { matchKeptSessions } from "../layout/kept-store.ts";
import { matchSession, type SessionLocation } from "../layout/session-locations.ts";
import { matchTrashedSessions } from "../layout/session-trash.ts";
import type { CommandIo } from "../text/command-io.ts";
import { terminalJson } from "../text/terminal-json.ts";
import { terminalLine } from "../text/terminal-text.ts";
import { UsageError } from "../text/user-error.ts";
import type { CommandResult } from "./command-result.ts";

export interface SessionTarget {
  sessionId: string;
  /** Its transcript in each project directory that holds it (usually one). */
  locations: SessionLocation[];
}

/**
 * The session `idOrPrefix` names, or the one-line problem when there is none. Not an id, or the start
 * of several: a UsageError (exit 2) that names the candidates.
 */
export function findTarget(
  configRoot: string,
  idOrPrefix: string,
  projectDirs: readonly string[] | null,
): { ok: true; target: SessionTarget } | { ok: false; problem: string } {
  const match = matchSession(configRoot, idOrPrefix, projectDirs);
  if (match.kind === "not-an-id")
    throw new UsageError(`${JSON.stringify(idOrPrefix)} is not a session id or the start of one`);
  if (match.kind === "ambiguous") {
    const shown = match.sessionIds.slice(0, 10).join(", ");
    throw new UsageError(
      `${idOrPrefix} starts ${match.sessionIds.length} sessions ` +
        `(${shown}${match.sessionIds.length > 10 ? ", ..." : ""}); give more of the id`,
    );
  }
  if (match.kind === "none") {
    const trashed = matchTrashedSessions(configRoot, idOrPrefix)[0];
    if (trashed !== undefined)
      return {
        ok: false,
        problem:
          `session ${trashed.sessionId} is in the trash: ` + `claude-reindex restore ${trashed.sessionId} puts it back`,
      };
    const kept = matchKeptSessions(configRoot, idOrPrefix).find((k) => !k.originalExists);
    if (kept !== undefined)
      return {
        ok: false,
        problem:
          `session ${kept.sessionId} is only kept (Claude Code deleted its transcript): ` +
          `claude-reindex restore ${kept.sessionId} puts it back, forget ${kept.sessionId} drops it`,
      };
    return {
      ok: false,
      problem:
        `no session ${idOrPrefix} under ` +
        `${projectDirs === null ? path.join(configRoot, "projects") : projectDirs.join(", ")} ` +
        "(claude-reindex list --all lists them)",
    };
  }
  return { ok: true, target: { sessionId: match.sessionId, locations: match.locations } };
}

/** Why the session must not be changed now (a process has it open, or it was just written); null when it may. */
export function liveProblem(target: SessionTarget, probe: LivenessProbe): string | null {
  for (const location of target.locations) {
    const reason = liveSessionReason(location.transcript, probe);
    if (reason !== null) return `refused: session ${target.sessionId} is live: ${reason}`;
  }
  return null;
}

/** What every managing command is given. */
export interface ManageCommand {
  configRoot: string;
  idOrPrefix: string;
  /** The `--project` directories to look in; null: every project. */
  projectDirs: readonly string[] | null;
  json: boolean;
  now: () => Date;
  /** /proc on Linux: where the processes that may hold the session open are listed. */
  procRoot: string;
  io: CommandIo;
}

/** The session to change, or the failed result (none such, or live) to return. */
export function changeableTarget(command: ManageCommand): { target: SessionTarget } | { result: CommandResult } {
  const found = findTarget(command.configRoot, command.idOrPrefix, command.projectDirs);
  if (!found.ok) return { result: { kind: "failed", problems: [found.problem] } };
  const live = liveProblem(found.target, { procRoot: command.procRoot, nowMs: command.now().getTime() });
  if (live !== null) return { result: { kind: "failed", problems: [live] } };
  return { target: found.target };
}

/** The outcome of a change: one line for people, or one JSON object on stdout with --json. */
export function reportChange(command: Pick<ManageCommand, "json" | "io">, line: string, json: object): void {
  command.io.stdout.write(command.json ? `${terminalJson(json)}\n` : `${terminalLine(line)}\n`);
}

// `claude-reindex restore <id>`: a session back into its project directory, byte for byte with its
// times, never over a different file: one `delete` moved into the trash (with its kept copy), or one
// the keep guard kept; then the project's index rebuilt so that every picker sees it. The one
// command for bringing a session back.
import path from "node:path";
import { type CleanupPlaces, cleanupPeriodInForce, DAY_MS } from "../layout/cleanup-period.ts";
import { projectsRoot } from "../layout/config-root.ts";
import { findKeptSession, matchKeptSessions, restoreKeptSession } from "../layout/kept-store.ts";
import { matchTrashedSessions, restoreTrashedSession, type TrashedSession } from "../layout/session-trash.ts";
import { rebuildProjects } from "../rebuild/rebuild-projects.ts";
import type { CommandIo } from "../text/command-io.ts";
import { type CommandResult, done } from "./command-result.ts";

export interface RestoreCommand {
  configRoot: string;
  idOrPrefix: string;
  now: () => Date;
  io: CommandIo;
  workerScript?: URL;
  /** Where cleanupPeriodDays is read, to warn that a restored session is past the cutoff. */
  cleanup?: Omit<CleanupPlaces, "configRoot">;
}

export async function runRestore(command: RestoreCommand): Promise<CommandResult> {
  const trashed = /^[0-9a-f-]+$/i.test(command.idOrPrefix)
    ? matchTrashedSessions(command.configRoot, command.idOrPrefix)
    : [];
  if (trashed.length > 0) {
    const ids = new Set([
      ...trashed.map((t) => t.sessionId),
      ...matchKeptSessions(command.configRoot, command.idOrPrefix).map((k) => k.sessionId),
    ]);
    if (ids.size > 1)
      return {
        kind: "failed",
        problems: [
          `${command.idOrPrefix} starts ${ids.size} trashed or kept sessions ` +
            `(${[...ids].sort().slice(0, 5).join(", ")}${ids.size > 5 ? ", ..." : ""}); give more of the id`,
        ],
      };
    return restoreFromTrash(command, trashed);
  }
  return restoreKept(command);
}

/** A session `delete` moved into the trash: every file back where it was, then the index rebuilt. */
async function restoreFromTrash(command: RestoreCommand, trashed: TrashedSession[]): Promise<CommandResult> {
  const { io } = command;
  const problems: string[] = [];
  const changed: string[] = [];
  for (const t of trashed) {
    const projectDir = path.join(projectsRoot(command.configRoot), t.projectDirName);
    const report = restoreTrashedSession(command.configRoot, t);
    problems.push(...report.problems);
    if (report.moved.length > 0) {
      changed.push(projectDir);
      io.stdout.write(
        `restored ${t.sessionId} from the trash into ${projectDir} ` +
          `(${report.moved.length} ${report.moved.length === 1 ? "file" : "files"})\n`,
      );
    }
  }
  return finish(command, changed, problems, trashed[0]!.sessionId, trashed[0]!.mtimeMs);
}

async function restoreKept(command: RestoreCommand): Promise<CommandResult> {
  const { io } = command;
  const found = findKeptSession(command.configRoot, command.idOrPrefix);
  if (!found.ok) return { kind: "failed", problems: [found.problem] };
  const problems: string[] = [];
  const changed: string[] = [];
  for (const kept of found.kept) {
    const projectDir = path.join(projectsRoot(command.configRoot), kept.projectDirName);
    const report = restoreKeptSession(command.configRoot, kept);
    if (report.refused !== null) problems.push(`not restored: ${report.refused}`);
    for (const relative of report.conflicts)
      problems.push(
        `not restored: ${path.join(projectDir, relative)} exists and differs from the ` +
          `kept ${path.join(path.dirname(kept.keptPath), relative)}; move it away and run ` +
          `restore again`,
      );
    if (report.placed.length > 0) {
      changed.push(projectDir);
      const already = report.already.length > 0 ? `, ${report.already.length} already there` : "";
      io.stdout.write(
        `restored ${kept.sessionId} into ${projectDir} (${report.placed.length} ` +
          `${report.placed.length === 1 ? "file" : "files"}${already})\n`,
      );
    } else if (report.conflicts.length === 0 && report.refused === null) {
      io.stdout.write(`${kept.sessionId} is already in place in ${projectDir}\n`);
    }
  }
  return finish(command, changed, problems, found.kept[0]!.sessionId, found.kept[0]!.mtimeMs);
}

/** Rebuilds the indexes of the projects a session went back to, then says how to resume it. */
async function finish(
  command: RestoreCommand,
  changed: string[],
  problems: string[],
  id: string,
  mtimeMs: number,
): Promise<CommandResult> {
  const { io } = command;
  if (changed.length > 0) {
    const reports = await rebuildProjects(
      changed,
      { configRoot: command.configRoot, dryRun: false, now: command.now, workerScript: command.workerScript },
      () => {},
    );
    for (const report of reports) if (report.problem) problems.push(report.problem);
  }
  if (problems.length > 0) return { kind: "failed", problems };
  if (command.cleanup) {
    const period = cleanupPeriodInForce({ ...command.cleanup, configRoot: command.configRoot });
    const ageDays = Math.floor((command.now().getTime() - mtimeMs) / DAY_MS);
    if (ageDays >= period.days)
      io.stdout.write(
        `note: its transcript is ${ageDays} days old, past cleanupPeriodDays ` +
          `(${period.days}): Claude Code deletes it again at its next sweep unless you ` +
          `resume it; it stays kept meanwhile\n`,
      );
  }
  io.stdout.write(`resume it: claude --resume ${id} (from the session's own directory)\n`);
  return done();
}

import fs from "node:fs";
import path from "node:path";
import { formatDuration } from "./duration.ts";
import { findProjectDirs, listProjectDirNames } from "./project-dir.ts";
import { projectsRoot } from "./config-root.ts";
import { writePrivateFile } from "./private-file.ts";
import { progressLine } from "./progress-line.ts";
import { rebuildProjects, type CommandIo } from "./rebuild-command.ts";
import { assessProject, DEFAULT_STALE_HOURS } from "./staleness.ts";

export interface ShimCheck {
  configRoot: string;
  workingDir: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  io: CommandIo;
  workerScript?: URL;
}

const DEFAULT_NOTICE_DAYS = 1;
const DEFAULT_CHECK_MINUTES = 15;
/** A check this quick shows no progress line at all. */
const PROGRESS_DELAY_MS = 400;

/** Where the shim records that a check ran; the shim skips checks while it is recent. */
export function shimStampPath(configRoot: string): string {
  return path.join(configRoot, "claude-reindex", "shim-checked");
}

/**
 * The shim's check before Claude Code starts: find the projects whose index lags by more than
 * the stale threshold and rebuild them, the current project first. It never fails: problems are
 * one line on stderr, and the shim starts Claude Code whatever happens here.
 */
export async function runShimCheck(check: ShimCheck): Promise<void> {
  const { configRoot, env, io } = check;
  const debug = (line: string) => {
    if (env.CLAUDE_REINDEX_DEBUG === "1") io.stderr.write(`claude-reindex: ${line}\n`);
  };
  // bin/claude already skips a recent check before starting node; the Windows front cannot.
  const checkMinutes = numberFrom(env.CLAUDE_REINDEX_CHECK_MINUTES, DEFAULT_CHECK_MINUTES);
  const lastCheck = lastShimCheck(configRoot);
  if (checkMinutes > 0 && lastCheck !== null && check.now().getTime() - lastCheck < checkMinutes * 60_000) {
    debug(`indexes checked less than ${checkMinutes} minutes ago`);
    return;
  }
  const staleAfterMs = numberFrom(env.CLAUDE_REINDEX_STALE_HOURS, DEFAULT_STALE_HOURS) * 3_600_000;
  const noticeAfterMs = numberFrom(env.CLAUDE_REINDEX_NOTICE_DAYS, DEFAULT_NOTICE_DAYS) * 86_400_000;

  const stale: { projectDir: string; behindMs: number }[] = [];
  const now = check.now().getTime();
  for (const projectDir of projectsInOrder(configRoot, check.workingDir)) {
    const staleness = assessProject(configRoot, projectDir, staleAfterMs, now);
    if (staleness.stale) {
      debug(`${projectDir}: stale (${staleness.why}, ${formatDuration(staleness.behindMs)} behind)`);
      stale.push({ projectDir, behindMs: staleness.behindMs });
    } else if (staleness.why !== "no sessions") {
      debug(`${projectDir}: ${staleness.why}`);
    }
  }

  if (stale.length > 0) {
    const progress = progressLine(io.stderr, "claude-reindex: repairing session indexes", { delayMs: PROGRESS_DELAY_MS });
    try {
      const reports = await rebuildProjects(
        stale.map((s) => s.projectDir),
        { configRoot, dryRun: false, now: check.now, workerScript: check.workerScript, lockStaleMs: positiveNumber(env.CLAUDE_REINDEX_LOCK_STALE_MS) },
        progress.project,
      );
      progress.finish();
      const failed = reports.filter((r) => r.status === "failed");
      if (failed.length > 0) {
        const more = failed.length > 1 ? ` (and ${failed.length - 1} more)` : "";
        io.stderr.write(`claude-reindex: could not repair ${failed.length} session ${failed.length === 1 ? "index" : "indexes"}: ${failed[0]!.problem}${more}\n`);
      }
      const repaired = stale.filter((_, i) => reports[i]!.status === "written" && stale[i]!.behindMs >= noticeAfterMs);
      if (repaired.length > 0) {
        const worst = Math.max(...repaired.map((r) => r.behindMs));
        io.stderr.write(`claude-reindex: repaired ${repaired.length} stale session ${repaired.length === 1 ? "index" : "indexes"} (up to ${formatDuration(worst)} behind)\n`);
      }
    } finally {
      progress.finish();
    }
  } else {
    debug("no stale index");
  }
  writePrivateFile(shimStampPath(configRoot), `${check.now().toISOString()}\n`);
}

/** Every project, the current directory's first (it is the one about to be resumed). */
function projectsInOrder(configRoot: string, workingDir: string): string[] {
  const current = findProjectDirs(configRoot, workingDir);
  const root = projectsRoot(configRoot);
  const others = listProjectDirNames(configRoot)
    .map((name) => path.join(root, name))
    .filter((dir) => !current.includes(dir));
  return [...current, ...others];
}

function positiveNumber(value: string | undefined): number | undefined {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

function lastShimCheck(configRoot: string): number | null {
  try {
    return fs.statSync(shimStampPath(configRoot)).mtimeMs;
  } catch {
    return null;
  }
}

function numberFrom(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(number) && number >= 0 ? number : fallback;
}

import fs from "node:fs";
import path from "node:path";
import { formatDuration } from "./duration.ts";
import { findProjectDirs, listProjectDirNames } from "./project-dir.ts";
import { projectsRoot } from "./config-root.ts";
import { writePrivateFile } from "./private-file.ts";
import type { CommandIo } from "./rebuild-command.ts";
import { numberFrom, repairStaleIndexes } from "./stale-repair.ts";

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
  const noticeAfterMs = numberFrom(env.CLAUDE_REINDEX_NOTICE_DAYS, DEFAULT_NOTICE_DAYS) * 86_400_000;
  const { repaired } = await repairStaleIndexes({ configRoot, projectDirs: projectsInOrder(configRoot, check.workingDir), env, now: check.now, io, workerScript: check.workerScript });
  const noticed = repaired.filter((r) => r.behindMs >= noticeAfterMs);
  if (noticed.length > 0) {
    const worst = Math.max(...noticed.map((r) => r.behindMs));
    io.stderr.write(`claude-reindex: repaired ${noticed.length} stale session ${noticed.length === 1 ? "index" : "indexes"} (up to ${formatDuration(worst)} behind)\n`);
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


function lastShimCheck(configRoot: string): number | null {
  try {
    return fs.statSync(shimStampPath(configRoot)).mtimeMs;
  } catch {
    return null;
  }
}


// `claude-reindex shim-check`, run by bin/claude before Claude Code starts: rebuilds the indexes that lag
// by more than the stale threshold, current project first. On the fast path: no heavy module here.
import path from "node:path";
import { projectsRoot } from "../layout/config-root.ts";
import { keepGuardOn } from "../layout/keep-guard-switch.ts";
import { findProjectDirs, listProjectDirNames } from "../layout/project-dir.ts";
import { checkedRecently, recordCheck } from "../layout/shim-stamp.ts";
import { repairStaleIndexes } from "../rebuild/stale-repair.ts";
import { numberSetting } from "../system/environment-setting.ts";
import type { CommandIo } from "../text/command-io.ts";
import { formatDuration } from "../text/duration.ts";
import { keepBeforeLaunch } from "./keep-before-launch.ts";
import { KEPT_THEN_REPAIR, STAT_PASS_STATUS } from "./shim-fast-check.ts";

export interface ShimCheck {
  configRoot: string;
  workingDir: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  io: CommandIo;
  workerScript?: URL;
}

/** Repairs of indexes that lagged at least this many days are reported (CLAUDE_REINDEX_NOTICE_DAYS). */
export const DEFAULT_NOTICE_DAYS = 1;

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
  if (checkedRecently(configRoot, env, check.now())) {
    debug("indexes checked recently (CLAUDE_REINDEX_CHECK_MINUTES)");
    return;
  }
  // First, and before Claude Code starts (its sweep begins about 5 s later): the keep guard, unless the
  // stat pass of this launch ran it already (bin/claude passes on its exit status).
  if (env[STAT_PASS_STATUS] === String(KEPT_THEN_REPAIR)) {
    debug("keep guard: ran in the stat pass");
  } else if (keepGuardOn(configRoot)) {
    keepBeforeLaunch({ configRoot, workingDir: check.workingDir, env, now: check.now(), stderr: io.stderr });
  }
  const noticeAfterMs = numberSetting(env, "CLAUDE_REINDEX_NOTICE_DAYS", DEFAULT_NOTICE_DAYS) * 86_400_000;
  const { repaired } = await repairStaleIndexes({
    configRoot,
    projectDirs: projectsInOrder(configRoot, check.workingDir),
    env,
    now: check.now,
    io,
    workerScript: check.workerScript,
  });
  const noticed = repaired.filter((r) => r.behindMs >= noticeAfterMs);
  if (noticed.length > 0) {
    const worst = Math.max(...noticed.map((r) => r.behindMs));
    const indexes = `${noticed.length} stale session ${noticed.length === 1 ? "index" : "indexes"}`;
    io.stderr.write(`claude-reindex: repaired ${indexes} (up to ${formatDuration(worst)} behind)\n`);
  }
  recordCheck(configRoot, check.now());
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

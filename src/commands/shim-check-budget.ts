// The shim check's time limit (CLAUDE_REINDEX_CHECK_BUDGET_MS, counted from when bin/claude began its check,
// or else from node's start): past it the process ends, the check counted as made, so that with the shell
// around it Claude Code starts within 2 s.
import { shimStampPath } from "../layout/shim-stamp.ts";
import { numberSetting } from "../system/environment-setting.ts";
import { secondsSinceBoot } from "../system/seconds-since-boot.ts";
import { armWatchdog } from "../system/watchdog.ts";

export const DEFAULT_CHECK_BUDGET_MS = 1500;

/**
 * Arms the limit; the returned function disarms it. A check cut off counts as a check (the stamp is
 * written), so a tree that defeats it costs one launch in CLAUDE_REINDEX_CHECK_MINUTES.
 */
export function armCheckBudget(configRoot: string, env: NodeJS.ProcessEnv, now: Date): () => Promise<void> {
  return armWatchdog(Math.max(100, checkDeadline(env, now) - now.getTime()), overBudgetMessage(checkBudgetMs(env)), {
    file: shimStampPath(configRoot),
    text: `${now.toISOString()}\n`,
  });
}

export function checkBudgetMs(env: NodeJS.ProcessEnv): number {
  return numberSetting(env, "CLAUDE_REINDEX_CHECK_BUDGET_MS", DEFAULT_CHECK_BUDGET_MS);
}

/** What a check cut off by its limit says, on one line. */
export function overBudgetMessage(budgetMs: number): string {
  return (
    `claude-reindex: the index check took longer than ${budgetMs} ms; starting Claude ` +
    `Code (claude-reindex doctor tells what is wrong)`
  );
}

/** When bin/claude began the check, in seconds since boot as /proc/uptime has them (Linux). */
export const CHECK_BEGAN_SETTING = "CLAUDE_REINDEX_CHECK_BEGAN";

/** When the check must end (ms since the epoch): CLAUDE_REINDEX_CHECK_BUDGET_MS after it began. */
export function checkDeadline(env: NodeJS.ProcessEnv, now: Date): number {
  return now.getTime() - checkSpentMs(env) + checkBudgetMs(env);
}

/**
 * The time the check has taken so far: since bin/claude began it (its listing, and a stat pass before this
 * process), or else since node started.
 */
function checkSpentMs(env: NodeJS.ProcessEnv): number {
  const began = Number(env[CHECK_BEGAN_SETTING] || Number.NaN);
  const uptime = secondsSinceBoot();
  const sinceBegan = uptime === null ? Number.NaN : (uptime - began) * 1000;
  // NaN, or a value from elsewhere: node's own start is the lower bound. process.uptime(), not performance.now():
  // the global `performance` loads perf_hooks and a dozen modules behind it, on the path of every due launch.
  const sinceStart = process.uptime() * 1000;
  return sinceBegan >= 0 && sinceBegan < 60_000 ? Math.max(sinceBegan, sinceStart) : sinceStart;
}

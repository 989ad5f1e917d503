// The shim check's time limit (CLAUDE_REINDEX_CHECK_BUDGET_MS, counted from node's start): past it the
// process ends, the check counted as made, so that with the shell around it Claude Code starts within 2 s.
import { shimStampPath } from "../layout/shim-stamp.ts";
import { numberSetting } from "../system/environment-setting.ts";
import { armWatchdog } from "../system/watchdog.ts";

export const DEFAULT_CHECK_BUDGET_MS = 1500;

/**
 * Arms the limit; the returned function disarms it. A check cut off counts as a check (the stamp is
 * written), so a tree that defeats it costs one launch in CLAUDE_REINDEX_CHECK_MINUTES.
 */
export function armCheckBudget(configRoot: string, env: NodeJS.ProcessEnv, now: Date): () => Promise<void> {
  const budgetMs = numberSetting(env, "CLAUDE_REINDEX_CHECK_BUDGET_MS", DEFAULT_CHECK_BUDGET_MS);
  return armWatchdog(
    Math.max(100, budgetMs - performance.now()),
    `claude-reindex: the index check took longer than ${budgetMs} ms; starting Claude ` +
      `Code (claude-reindex doctor tells what is wrong)`,
    { file: shimStampPath(configRoot), text: `${now.toISOString()}\n` },
  );
}

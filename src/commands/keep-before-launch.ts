// The keep guard's run before Claude Code starts (its sweep begins about 5 s later), as the shim's check
// makes it: the settings of the launch directory, managed settings, problems one line each on stderr.
// Shared by `claude-reindex shim-check` and the stat pass's own bundle (dist/shim-keep.cjs), so that
// both keep alike and say the same lines.
import { managedSettingsDir } from "../layout/cleanup-period.ts";
import { keepDueSessions } from "../layout/keep-guard.ts";
import type { SessionListing } from "../layout/session-file.ts";
import { armCheckBudget } from "./shim-check-budget.ts";

export interface LaunchKeep {
  configRoot: string;
  workingDir: string;
  env: NodeJS.ProcessEnv;
  now: Date;
  stderr: { write(text: string): unknown };
  /**
   * Arm the shim check's time limit before the first copy (the kept store cannot hard-link the
   * transcripts): for the stat pass, which has no limit of its own. Links and checks cost in proportion
   * to the number of files, as the stat pass does; a copy, to the bytes.
   */
  limitCopies?: boolean;
}

/**
 * Keeps what is due (the caller knows the guard is on); never throws for one file. Returns the projects'
 * session listings from the guard's own stats, for the check that follows (KeepReport.listings).
 */
export function keepBeforeLaunch(run: LaunchKeep): ReadonlyMap<string, SessionListing> {
  let armed = !run.limitCopies;
  const kept = keepDueSessions({
    configRoot: run.configRoot,
    workingDir: run.workingDir,
    managedDir: managedSettingsDir(run.env),
    now: run.now,
    beforeCopy: () => {
      if (armed) return;
      armed = true;
      // Never disarmed: it ends with this short process, and covers the rest of the check too.
      armCheckBudget(run.configRoot, run.env, run.now);
    },
  });
  for (const problem of kept.problems) run.stderr.write(`claude-reindex: ${problem}\n`);
  if (run.env.CLAUDE_REINDEX_DEBUG === "1") {
    run.stderr.write(
      `claude-reindex: keep guard: ${kept.due} due (cleanupPeriodDays ${kept.period.days}), ` +
        `${kept.kept.length} files kept now\n`,
    );
  }
  return kept.listings;
}

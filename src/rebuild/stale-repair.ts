// The stale repair that runs before Claude Code starts (the shim) and before `list` and `pick`: rebuilds
// the projects whose index lags, with a progress line when it takes a while. On the fast path until
// something is stale.
import type { SessionListing } from "../layout/session-file.ts";
import { lockStaleMsSetting, numberSetting } from "../system/environment-setting.ts";
import type { CommandIo } from "../text/command-io.ts";
import { formatDuration } from "../text/duration.ts";
import { progressLine } from "../text/progress-line.ts";
import type { ProjectReport } from "./rebuild-project.ts";
import { rebuildProjects } from "./rebuild-projects.ts";
import { assessProject, DEFAULT_STALE_HOURS } from "./staleness.ts";

export interface StaleRepair {
  configRoot: string;
  /** In the order to repair them: the one the user is about to work in first. */
  projectDirs: string[];
  env: NodeJS.ProcessEnv;
  now: () => Date;
  io: CommandIo;
  workerScript?: URL;
}

/** A check this quick shows no progress line at all. */
const PROGRESS_DELAY_MS = 400;

export interface RepairResult {
  /** The projects whose index was rewritten, and how far behind each was. */
  repaired: { projectDir: string; behindMs: number }[];
}

/**
 * Rebuilds the projects whose index lags by more than the stale threshold
 * (CLAUDE_REINDEX_STALE_HOURS, default 24), showing one progress line if it takes a while and
 * one line for whatever could not be repaired. Used before Claude Code starts (the shim); list
 * and pick read the transcripts themselves (src/catalog).
 */
export async function repairStaleIndexes(repair: StaleRepair): Promise<RepairResult> {
  const { env, io } = repair;
  const debug = (line: string) => {
    if (env.CLAUDE_REINDEX_DEBUG === "1") io.stderr.write(`claude-reindex: ${line}\n`);
  };
  const staleAfterMs = numberSetting(env, "CLAUDE_REINDEX_STALE_HOURS", DEFAULT_STALE_HOURS) * 3_600_000;
  const now = repair.now().getTime();
  const stale: RepairResult["repaired"] = [];
  const listings = new Map<string, SessionListing>();
  for (const projectDir of repair.projectDirs) {
    const staleness = assessProject(repair.configRoot, projectDir, staleAfterMs, now);
    if (staleness.stale) {
      debug(`${projectDir}: stale (${staleness.why}, ${formatDuration(staleness.behindMs)} behind)`);
      stale.push({ projectDir, behindMs: staleness.behindMs });
      listings.set(projectDir, staleness.listing);
    } else if (staleness.why !== "no sessions") {
      debug(`${projectDir}: ${staleness.why}`);
    }
  }
  if (stale.length === 0) {
    debug("no stale index");
    return { repaired: [] };
  }
  const progress = progressLine(io.stderr, "claude-reindex: repairing session indexes", { delayMs: PROGRESS_DELAY_MS });
  let reports: ProjectReport[];
  try {
    const command = {
      configRoot: repair.configRoot,
      dryRun: false,
      now: repair.now,
      workerScript: repair.workerScript,
      lockStaleMs: lockStaleMsSetting(env),
    };
    reports = await rebuildProjects(
      stale.map((s) => s.projectDir),
      command,
      progress.project,
      listings,
    );
  } finally {
    progress.finish();
  }
  const failed = reports.filter((r) => r.status === "failed");
  if (failed.length > 0) {
    const more = failed.length > 1 ? ` (and ${failed.length - 1} more)` : "";
    const indexes = `${failed.length} session ${failed.length === 1 ? "index" : "indexes"}`;
    io.stderr.write(`claude-reindex: could not repair ${indexes}: ${failed[0]!.problem}${more}\n`);
  }
  return { repaired: stale.filter((_, i) => reports[i]!.status === "written") };
}

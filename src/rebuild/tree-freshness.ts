// Whether some project's index needs a repair, over the whole tree: the shim's check (and the
// condition of its signature, shim-signature.ts). On the fast path: stats and small reads only.
import path from "node:path";
import { projectsRoot } from "../layout/config-root.ts";
import type { ListedProject } from "../layout/listed-tree.ts";
import { listProjectDirNames } from "../layout/project-dir.ts";
import type { SessionListing } from "../layout/session-file.ts";
import { numberSetting } from "../system/environment-setting.ts";
import { assessProject, DEFAULT_STALE_HOURS } from "./staleness.ts";

export interface TreeCheck {
  configRoot: string;
  env: NodeJS.ProcessEnv;
  now: Date;
  /** Asked before each project: true ends the check as "cut off". */
  overBudget?: () => boolean;
  /** The projects as a tree listing taken just before the check has them; the others are looked at on disk. */
  listed?: ReadonlyMap<string, ListedProject>;
  /** Projects that listing shows as they were when a check found them fine: fine without a look. */
  fineBefore?: ReadonlySet<string>;
  /** Session listings made moments before from stats of their own (the keep guard's): not made again. */
  seen?: ReadonlyMap<string, SessionListing>;
}

/**
 * "fresh" when no project's index needs a repair (CLAUDE_REINDEX_STALE_HOURS), "stale" when one does,
 * "cut off" when `overBudget` said so before every project was looked at.
 */
export function checkTreeFreshness(check: TreeCheck): "fresh" | "stale" | "cut off" {
  const { configRoot, env, now } = check;
  const root = projectsRoot(configRoot);
  const staleAfterMs = numberSetting(env, "CLAUDE_REINDEX_STALE_HOURS", DEFAULT_STALE_HOURS) * 3_600_000;
  for (const name of listProjectDirNames(configRoot)) {
    if (check.overBudget?.()) return "cut off";
    if (check.fineBefore?.has(name)) continue;
    const projectDir = path.join(root, name);
    const seen = check.seen?.get(name);
    const listed = check.listed?.get(name) ?? (seen && { sessions: seen });
    if (assessProject(configRoot, projectDir, staleAfterMs, now.getTime(), listed).stale) return "stale";
  }
  return "fresh";
}

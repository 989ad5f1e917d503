// Whether some project's index needs a repair, over the whole tree: the shim's check (and the
// condition of its signature, shim-signature.ts). On the fast path: stats and small reads only.
import path from "node:path";
import { projectsRoot } from "../layout/config-root.ts";
import { listProjectDirNames } from "../layout/project-dir.ts";
import { numberSetting } from "../system/environment-setting.ts";
import { assessProject, DEFAULT_STALE_HOURS } from "./staleness.ts";

export interface TreeCheck {
  configRoot: string;
  env: NodeJS.ProcessEnv;
  now: Date;
}

/** "fresh" when no project's index needs a repair (CLAUDE_REINDEX_STALE_HOURS), else "stale". */
export function checkTreeFreshness(check: TreeCheck): "fresh" | "stale" {
  const { configRoot, env, now } = check;
  const root = projectsRoot(configRoot);
  const staleAfterMs = numberSetting(env, "CLAUDE_REINDEX_STALE_HOURS", DEFAULT_STALE_HOURS) * 3_600_000;
  for (const name of listProjectDirNames(configRoot)) {
    if (assessProject(configRoot, path.join(root, name), staleAfterMs, now.getTime()).stale) return "stale";
  }
  return "fresh";
}

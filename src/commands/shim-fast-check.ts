// The shim's check without the repair machinery: the stat pass alone, small enough to load in a
// few milliseconds. bin/shim-check.ts runs it; only when an index needs a repair, or the keep guard
// is on, does bin/claude start the full `claude-reindex shim-check`.
import { keepGuardOn } from "../layout/keep-guard-switch.ts";
import { checkedRecently, recordCheck } from "../layout/shim-stamp.ts";
import { checkTreeFreshness } from "../rebuild/tree-freshness.ts";

export interface FastShimCheck {
  configRoot: string;
  env: NodeJS.ProcessEnv;
  now: Date;
}

/**
 * "done" when the check was made recently or no project's index needs a repair (then the check is
 * recorded, as `runShimCheck` records it); "repair" when one does, when the keep guard is on (the full
 * check keeps what is due), or when the decisions should be traced (CLAUDE_REINDEX_DEBUG=1):
 * `claude-reindex shim-check` does all three.
 */
export function fastShimCheck(check: FastShimCheck): "done" | "repair" {
  const { configRoot, env, now } = check;
  if (env.CLAUDE_REINDEX_DEBUG === "1") return "repair";
  if (checkedRecently(configRoot, env, now)) return "done";
  if (keepGuardOn(configRoot)) return "repair";
  if (checkTreeFreshness(check) === "stale") return "repair";
  recordCheck(configRoot, now);
  return "done";
}

// The shim's check without the repair machinery: the stat pass alone, small enough to load in a
// few milliseconds, and the keep guard when it is on. bin/shim-check.ts runs it; only when an index
// needs a repair does bin/claude start the full `claude-reindex shim-check`.
import { keepGuardOn } from "../layout/keep-guard-switch.ts";
import type { SessionListing } from "../layout/session-file.ts";
import { checkedRecently, recordCheck } from "../layout/shim-stamp.ts";
import { adoptShimListing, handedOverProjects } from "../rebuild/shim-signature.ts";
import { checkTreeFreshness } from "../rebuild/tree-freshness.ts";
import { checkBudgetMs, overBudgetMessage } from "./shim-check-budget.ts";

/** dist/shim-check.cjs's exit status when an index needs a repair: bin/claude runs the full check. */
export const NEEDS_REPAIR = 3;
/** The same, after the stat pass ran the keep guard: the full check need not keep again. */
export const KEPT_THEN_REPAIR = 4;
/** bin/claude hands the stat pass's exit status to the full check in this variable. */
export const STAT_PASS_STATUS = "CLAUDE_REINDEX_STAT_PASS_STATUS";

export interface FastShimCheck {
  configRoot: string;
  env: NodeJS.ProcessEnv;
  now: Date;
  /** When the check must end (`checkDeadline`), against `clock` (ms since the epoch) before each project. */
  deadline: number;
  clock: () => number;
  stderr: { write(text: string): unknown };
  /**
   * Runs the keep guard (called only when it is on, before the staleness pass); returns the session
   * listings it made, which the staleness pass takes instead of listing those projects again.
   */
  keep: () => ReadonlyMap<string, SessionListing>;
}

/**
 * "done" when the check was made recently or no project's index needs a repair (then the check is
 * recorded, as `runShimCheck` records it, and bin/claude's listing becomes the signature); "repair"
 * when one does, or when the decisions should be traced (CLAUDE_REINDEX_DEBUG=1): `claude-reindex
 * shim-check` does both. With the keep guard on, `keep` runs first, as the full check runs it first.
 */
export function fastShimCheck(check: FastShimCheck): "done" | "repair" {
  const { configRoot, env, now } = check;
  if (env.CLAUDE_REINDEX_DEBUG === "1") return "repair";
  if (checkedRecently(configRoot, env, now)) return "done";
  const seen = keepGuardOn(configRoot) ? check.keep() : undefined;
  const overBudget = () => check.clock() > check.deadline;
  const handedOver = handedOverProjects(configRoot, env);
  const freshness = checkTreeFreshness({ configRoot, env, now, overBudget, seen, ...handedOver });
  if (freshness === "stale") return "repair";
  // Cut off, it counts as a check all the same (as the full check's watchdog has it): a tree that defeats
  // it costs one launch in CLAUDE_REINDEX_CHECK_MINUTES, never the 2 s in which Claude Code starts.
  if (freshness === "cut off") check.stderr.write(`${overBudgetMessage(checkBudgetMs(env))}\n`);
  else adoptShimListing(configRoot, env);
  recordCheck(configRoot, now);
  return "done";
}

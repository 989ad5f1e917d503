// `claude-reindex shim-check`, run by bin/claude before it starts Claude Code: the call to runShimCheck,
// which fails open (whatever goes wrong is one line on stderr, and the exit status is 0).
import { errorText } from "../text/error-text.ts";
import { defineCliCommand } from "./cli-definition.ts";
import { done } from "./command-result.ts";
import { armCheckBudget } from "./shim-check-budget.ts";

export { DEFAULT_CHECK_BUDGET_MS } from "./shim-check-budget.ts";

export const shimCheckCli = defineCliCommand({
  name: "shim-check",
  summary: "rebuild the indexes that lag by more than CLAUDE_REINDEX_STALE_HOURS (default 24)",
  description: `Run by the bin/claude shim before it starts Claude Code, at most every CLAUDE_REINDEX_CHECK_MINUTES
(default 15): rebuilds every project whose index is missing, unreadable or lags its newest transcript
by more than CLAUDE_REINDEX_STALE_HOURS, the current directory's project first. It fails open: a problem
is one line on stderr, and Claude Code starts either way.`,
  options: {},
  internal: true,
  outcomes: { done: "whatever the check found or failed to do (the shim starts Claude Code either way)" },
  async run(_values, context) {
    // Claude Code starts within 2 s whatever the session files hold: past its budget the check is cut off.
    const disarm = armCheckBudget(context.configRoot, context.env, context.now());
    try {
      const { runShimCheck } = await import("./shim-check-command.ts");
      await runShimCheck({
        configRoot: context.configRoot,
        workingDir: context.workingDir,
        env: context.env,
        now: context.now,
        io: context.io,
        workerScript: context.workerScript,
      });
      return done();
    } catch (error) {
      if (context.debug) context.io.stderr.write(`${(error as Error).stack ?? errorText(error)}\n`);
      return done([`could not check the session indexes: ${errorText(error)}; starting Claude Code`]);
    } finally {
      await disarm();
    }
  },
});

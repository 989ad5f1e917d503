// `claude-reindex doctor` on the command line: its options and help, and the call to runDoctor.
import { defineCliCommand } from "./cli-definition.ts";
import { JSON_OPTION, PROJECT_OPTION, selectionOf } from "./common-options.ts";

export const doctorCli = defineCliCommand({
  name: "doctor",
  summary: "report what is wrong with the indexes, the storage and the setup, read-only (default: every project)",
  description: `Read-only. Per project: the index missing, unreadable, of an unknown version or unusable; how far it
lags its newest transcript; transcripts without an entry; entries older than their transcript, invalid,
pointing at another place, or whose transcript is gone; sessions that the pickers of Claude Code 2.1.30+
hide or mistitle. Storage: a HOME that is not the account's, a CLAUDE_CONFIG_DIR that does not exist or
holds nothing, a linked projects directory, sessions in temporary homes, one working directory split over
several project directories. Cleanup: how many sessions Claude Code's own sweep deletes within 7 days and
how many are past its cutoff, the cleanupPeriodDays in force and where it is set, and the space kept
sessions hold. Setup: the hooks registered, claude resolving to the shim. Each finding
comes with the command that fixes it.`,
  options: { project: PROJECT_OPTION, all: { help: "every project (the default)" }, json: JSON_OPTION },
  outcomes: { done: "all is well", attention: "something needs attention (the report says what, and the fix)" },
  usageErrors: "--project and --all together, --project that names no project",
  async run(values, context) {
    const { runDoctor } = await import("./doctor-command.ts");
    const { managedSettingsDir } = await import("../layout/cleanup-period.ts");
    return runDoctor({
      configRoot: context.configRoot,
      selection: selectionOf(values, context, "all"),
      json: values.json,
      now: context.now,
      io: context.io,
      setup: {
        configRoot: context.configRoot,
        workingDir: context.workingDir,
        packageDir: context.packageDir,
        shimPath: context.shimPath,
        pathEntries: context.pathEntries,
      },
      storage: {
        env: context.env,
        accountHome: context.accountHome,
        strayRoots: context.strayRoots,
        uid: context.uid,
      },
      cleanup: { workingDir: context.workingDir, managedDir: managedSettingsDir(context.env), now: context.now() },
    });
  },
});

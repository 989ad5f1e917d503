// `claude-reindex rebuild` on the command line: its options and help, and the call to runRebuild.
import { lockStaleMsSetting } from "../system/environment-setting.ts";
import { defineCliCommand } from "./cli-definition.ts";
import { ALL_OPTION, PROJECT_OPTION, selectionOf } from "./common-options.ts";

export const rebuildCli = defineCliCommand({
  name: "rebuild",
  summary: "merge sessions-index.json with the transcripts on disk and write it (default: this directory's project)",
  description: `Merges the index of the current directory's project with its transcripts and writes it if anything
changed: an entry whose transcript exists is never dropped, keys we do not own are kept, the write is
atomic and under Claude Code's lock. On a terminal, --all shows one progress line on stderr.`,
  options: {
    project: PROJECT_OPTION,
    all: ALL_OPTION,
    "dry-run": { help: "change nothing; say what would change" },
    json: {
      help:
        "a report per project: status, added, updated, removed, kept, the change of each entry with its " +
        "reason, and the transcripts that give no entry with the reason",
    },
  },
  outcomes: {
    done: "every index was written or was already right",
    failed: "some project could not be written (each named on stderr, or in the --json report)",
  },
  usageErrors: "--project and --all together, --project that names no project",
  async run(values, context) {
    const { runRebuild } = await import("./rebuild-command.ts");
    return runRebuild({
      configRoot: context.configRoot,
      selection: selectionOf(values, context, "current"),
      dryRun: values["dry-run"],
      json: values.json,
      now: context.now,
      io: context.io,
      workerScript: context.workerScript,
      lockStaleMs: lockStaleMsSetting(context.env),
    });
  },
});

// `claude-reindex list` on the command line: its options and help, and the call to runList.
import { defineCliCommand } from "./cli-definition.ts";
import { ALL_OPTION, PROJECT_OPTION, selectionOf } from "./common-options.ts";

export const listCli = defineCliCommand({
  name: "list",
  summary: "the sessions of the current project (--all: every project), newest first",
  description: `Every session of the current project, newest first: age, message count, title (as Claude Code 2.1.332
shows it: custom title, AI title, last prompt, summary, first prompt), branch, with --all the project,
and (hidden: …) for sessions Claude Code's /resume leaves out. Read from the transcripts themselves,
whatever state the indexes are in; only new or changed transcripts are read again.`,
  options: {
    project: PROJECT_OPTION,
    all: ALL_OPTION,
    since: { value: "<when>", help: "only sessions changed since: an age (30m, 12h, 3d, 2w), a day (2026-11-01)" },
    until: { value: "<when>", help: "only sessions changed before an age ago, or up to the end of a day" },
    json: { help: "the sessions as one JSON array on stdout" },
  },
  outcomes: { done: "listed (also when there is none)" },
  usageErrors: "--project and --all together, --project that names no project, a wrong --since or --until",
  async run(values, context) {
    const { parseTimeBound } = await import("../text/time-bound.ts");
    const now = context.now();
    const { runList } = await import("./list-command.ts");
    return runList({
      since: values.since === undefined ? undefined : parseTimeBound(values.since, "--since", now),
      until: values.until === undefined ? undefined : parseTimeBound(values.until, "--until", now),
      configRoot: context.configRoot,
      selection: selectionOf(values, context, "current"),
      json: values.json,
      env: context.env,
      now: context.now,
      io: context.io,
      workerScript: context.workerScript,
    });
  },
});

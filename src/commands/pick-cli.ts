// `claude-reindex pick` on the command line: its help, and the call to runPick.
import { defineCliCommand } from "./cli-definition.ts";
import { procRootOf } from "./common-options.ts";

export const pickCli = defineCliCommand({
  name: "pick",
  summary: "choose a session of any project interactively and resume it in its own directory",
  description: `Every session of every project, hidden ones included, to resume: type to filter by title, first or
last prompt, branch, path or session id, arrows to move, Enter resumes it with claude --resume <id> in
the session's own directory (so a session started elsewhere resumes from anywhere), Escape or Ctrl-C
leaves. Without a terminal: a numbered list, and a number on stdin picks.

Keys on the selected session (the help line shows them): Ctrl-R renames it, Ctrl-T tags it (an empty
tag clears it), Ctrl-A archives it (or unarchives an archived one), Ctrl-D moves it into the trash
after a y (claude-reindex restore brings it back), Ctrl-O prints its resume line (cd <its directory>
&& claude --resume <id>) instead of running it. A live session is never changed.`,
  options: {},
  outcomes: {
    done: "nothing chosen (without a terminal: no number on stdin, or not one of the list), or the resume line printed",
    resumed: "the resumed claude's own exit code",
    failed: "no sessions to pick from, or the session's directory no longer exists",
    "no-claude": "no claude to resume with (set CLAUDE_REINDEX_REAL_CLAUDE)",
    cancelled: "the picker was left with Ctrl-C or Escape",
  },
  async run(_values, context) {
    const { runPick } = await import("./pick-command.ts");
    return runPick({
      configRoot: context.configRoot,
      env: context.env,
      now: context.now,
      io: context.io,
      stdin: context.stdin,
      pathEntries: context.pathEntries,
      workerScript: context.workerScript,
      procRoot: procRootOf(context),
    });
  },
});

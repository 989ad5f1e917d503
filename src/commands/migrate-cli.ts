// `claude-reindex migrate` on the command line: its options and help, and the call to runMigrate.
import fs from "node:fs";
import path from "node:path";
import { UsageError } from "../text/user-error.ts";
import { defineCliCommand } from "./cli-definition.ts";

export const migrateCli = defineCliCommand({
  name: "migrate",
  summary: "--from <dir>: bring sessions from a custom layout or another copy into projects/",
  description: `Copies (--move: moves) the session transcripts found below --from into projects/<encoded cwd>/, the
directory named from each transcript's cwd as Claude Code names it. File times are kept, a different
file of the same name is never overwritten, a second run finds everything already there, and the
indexes of the projects that received sessions are rebuilt.`,
  options: {
    from: { value: "<dir>", required: true, help: "where the sessions are now (searched six levels deep)" },
    project: {
      value: "<dir>",
      help: "put every session into this one project directory (to join a split project), whatever its cwd",
    },
    move: { help: "move instead of copy" },
    "dry-run": { help: "change nothing; say what would be copied or moved" },
  },
  outcomes: {
    done: "every session migrated or already there",
    failed: "some session not migrated (a different file of that name exists, or no cwd to place it by)",
  },
  usageErrors: "--from that does not exist",
  async run(values, context) {
    const from = path.resolve(context.workingDir, values.from);
    if (!fs.existsSync(from)) throw new UsageError(`${from} does not exist`);
    const { runMigrate } = await import("./migrate-command.ts");
    return runMigrate({
      configRoot: context.configRoot,
      from,
      project: values.project === undefined ? undefined : path.resolve(context.workingDir, values.project),
      move: values.move,
      dryRun: values["dry-run"],
      now: context.now,
      io: context.io,
    });
  },
});

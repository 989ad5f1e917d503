// `claude-reindex move-project <old path> <new path>` on the command line: its options and help, and the
// call to runMoveProject.
import path from "node:path";
import { globalConfigPath } from "../layout/config-root.ts";
import { realPathOrSelf } from "../system/real-path.ts";
import { UsageError } from "../text/user-error.ts";
import { defineCliCommand } from "./cli-definition.ts";
import { JSON_OPTION } from "./common-options.ts";

export const moveProjectCli = defineCliCommand({
  name: "move-project",
  summary: "after moving or renaming a project folder: bring its sessions, memory and index to the new path",
  description: `After a project folder was moved or renamed (or before: the folder need not exist yet), brings
its sessions (each transcript with its <uuid>/ folder and old-layout agent files), memory/ and every
other file of its project directory under projects/ to the directory Claude Code reads for the new path,
so that claude --continue and /resume find them there. Every file keeps its bytes, mode and times
(claude --continue picks the newest by mtime); a directory that already exists for the new path is
merged into, and nothing there is overwritten: a different file of the same name stays, and ours goes
beside it under a new name (said on stderr). Each moved transcript gets Claude Code's own "relocated"
record (a line appended, nothing rewritten, its times put back), so that its working directory reads as
the new path. The index is rebuilt. A second run changes nothing; a run that was killed is finished by
the next one.

--update-config also renames the folder's keys (and those of folders below it) in the projects map of
Claude Code's .claude.json ($CLAUDE_CONFIG_DIR/.claude.json, else ~/.claude.json) and the project of each
prompt in history.jsonl, exact paths only (/a/b never matches /a/bc), each file backed up under
claude-reindex/backups/ first. Paths that start with "-" go after "--".`,
  operands: { value: "<old path> <new path>", count: "any" },
  options: {
    "dry-run": { help: "change nothing; say what would be moved, merged and rewritten" },
    "update-config": { help: "also rewrite the folder's keys in .claude.json and its prompts in history.jsonl" },
    json: JSON_OPTION,
  },
  outcomes: {
    done: "everything moved (or already there)",
    failed: "something stayed behind (a different session of the same id, a link) or a file could not be rewritten",
  },
  usageErrors: "not exactly two paths, or the same path twice",
  async run(values, context, operands) {
    if (operands.length !== 2)
      throw new UsageError(`move-project takes two paths, <old path> <new path>, not ${operands.length}`);
    const oldPath = trimSlash(path.resolve(context.workingDir, operands[0]!));
    // Claude Code names a project after the real path of its launch directory.
    const newPath = trimSlash(realPathOrSelf(path.resolve(context.workingDir, operands[1]!)));
    if (oldPath === newPath) throw new UsageError(`${oldPath} and ${newPath} are the same path`);
    const { runMoveProject } = await import("./move-project-command.ts");
    return runMoveProject({
      configRoot: context.configRoot,
      oldPath,
      newPath,
      dryRun: values["dry-run"],
      updateConfig: values["update-config"],
      json: values.json,
      globalConfig: globalConfigPath(context.env, context.homeDir),
      now: context.now,
      io: context.io,
      workerScript: context.workerScript,
    });
  },
});

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith(path.sep) ? p.slice(0, -1) : p;
}

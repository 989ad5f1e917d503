// What the managing commands (rename, tag, archive, unarchive, delete) share on the command line:
// their options and the parameter object each one's work takes.
import type { CliContext, CliOperands, CliOption } from "./cli-definition.ts";
import { JSON_OPTION, PROJECT_OPTION, procRootOf } from "./common-options.ts";
import type { ManageCommand } from "./session-target.ts";

export const MANAGE_OPTIONS = {
  project: { ...PROJECT_OPTION, help: `look for the session only in ${PROJECT_OPTION.help}` },
  json: JSON_OPTION,
} as const satisfies Record<string, CliOption>;

export const ID_OPERAND = {
  value: "<id>",
  count: "one",
  help: "the session id, or enough of its start to name one session (list --all --json shows ids)",
} as const satisfies CliOperands;

export const LIVE_NOTE = `A live session is never changed: one a running process has open, or one written in the last 60
seconds; the command says so and changes nothing.`;

/** The parameter object of a managing command's work (the project lookup loaded only when the command runs). */
export async function manageCommandOf(
  values: { project?: string | undefined; json: boolean },
  context: CliContext,
  idOrPrefix: string,
): Promise<ManageCommand> {
  const { selectProjectDirs } = await import("../layout/project-dir.ts");
  return {
    configRoot: context.configRoot,
    idOrPrefix,
    projectDirs:
      values.project === undefined
        ? null
        : selectProjectDirs(context.configRoot, {
            kind: "project",
            argument: values.project,
            workingDir: context.workingDir,
          }),
    json: values.json,
    now: context.now,
    procRoot: procRootOf(context),
    io: context.io,
  };
}

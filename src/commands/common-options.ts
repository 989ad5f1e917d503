// What several commands take, declared once: the project selection (--project, --all), --json, and the
// kept session's id that restore and forget take as their operand.
import type { ProjectSelection } from "../layout/project-dir.ts";
import { UsageError } from "../text/user-error.ts";
import type { CliContext, CliOperands, CliOption } from "./cli-definition.ts";

export const PROJECT_OPTION = {
  value: "<path>",
  help:
    "one project: its working directory (relative to this directory: '..' is the parent's project), " +
    "its directory under projects/, or that directory's name",
} as const satisfies CliOption;

export const ALL_OPTION = {
  help: "every project under $CLAUDE_CONFIG_DIR/projects (or ~/.claude/projects)",
} as const satisfies CliOption;

/** The one operand of restore and forget. */
export const KEPT_SESSION_OPERAND = {
  value: "<id>",
  count: "one",
  help: "the session id, or enough of its start to name one kept session",
} as const satisfies CliOperands;

export const JSON_OPTION = { help: "a machine-readable report on stdout" } as const satisfies CliOption;

/** The projects a command works on: --project, --all, or its own default. */
export function selectionOf(
  values: { project?: string | undefined; all: boolean },
  context: Pick<CliContext, "workingDir">,
  fallback: "current" | "all",
): ProjectSelection {
  if (values.project !== undefined && values.all) throw new UsageError("--project and --all exclude each other");
  if (values.project !== undefined)
    return { kind: "project", argument: values.project, workingDir: context.workingDir };
  if (values.all || fallback === "all") return { kind: "all" };
  return { kind: "current", workingDir: context.workingDir };
}

/** Where running processes are listed: /proc, or CLAUDE_REINDEX_PROC_ROOT (tests lay out their own). */
export function procRootOf(context: Pick<CliContext, "env">): string {
  return context.env.CLAUDE_REINDEX_PROC_ROOT || "/proc";
}

// What a command comes to: a value that bin/claude-reindex maps to an exit code (README "Exit codes").
// Expected outcomes are results, each problem one line that names the file and what to do; only a
// usage error (UsageError), a busy lock and the truly unexpected are thrown.

/** The outcomes, each with its own exit code in bin/claude-reindex.ts. */
export type CommandResult =
  /** Done (doctor: all is well; pick: nothing chosen). */
  | { kind: "done"; problems?: string[] }
  /** doctor: the report names something that needs attention. */
  | { kind: "attention"; problems?: string[] }
  /** Some part could not be done: a project not written, a session not migrated, settings refused. */
  | { kind: "failed"; problems: string[] }
  /** pick: the picker was left with Ctrl-C or Escape. */
  | { kind: "cancelled"; problems?: string[] }
  /** pick: no `claude` to resume with. */
  | { kind: "no-claude"; problems: string[] }
  /** pick: the resumed `claude` exited with this status. */
  | { kind: "resumed"; exitCode: number; problems?: string[] };

export type Outcome = CommandResult["kind"];

/** Done, with the problem lines worth a word that still do not change the outcome. */
export function done(problems: string[] = []): CommandResult {
  return { kind: "done", problems };
}

/** Failed when any problem was found, else done. */
export function failedIfAny(problems: string[]): CommandResult {
  return problems.length > 0 ? { kind: "failed", problems } : { kind: "done" };
}

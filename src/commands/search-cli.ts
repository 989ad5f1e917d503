// `claude-reindex search <words…>` on the command line: its options and help, and the call to runSearch.
import { UsageError } from "../text/user-error.ts";
import { defineCliCommand } from "./cli-definition.ts";
import { PROJECT_OPTION, selectionOf } from "./common-options.ts";

export const searchCli = defineCliCommand({
  name: "search",
  summary: "sessions of every project whose prompts and replies hold every word, best match first",
  operands: { value: "<words…>", count: "any" },
  description: `The sessions of every project (--project: one) in whose prompts and replies (--tools: also tool input
and output) every word occurs; "quoted words" must stand together. Best match first (the words side by
side, then all in one stretch, then anywhere), newest first among equals: age, title, project, and a
snippet around the match. Case, accents and punctuation do not matter; common words are not searched.

The index is <root>/claude-reindex/search.sqlite, built by the first search and brought up to date by
each one with only what transcripts gained since.`,
  options: {
    project: PROJECT_OPTION,
    tools: { help: "also search tool input and output (the first time, the index is built again with them)" },
    since: { value: "<when>", help: "only sessions changed since: an age (30m, 12h, 3d, 2w), a day (2026-11-01)" },
    until: { value: "<when>", help: "only sessions changed before an age ago, or up to the end of a day" },
    limit: { value: "<n>", default: "20", help: "show at most n sessions" },
    json: { help: "one JSON array of {sessionId, title, projectPath, fullPath, modified, snippet}" },
  },
  outcomes: { done: "something matched", attention: "nothing matched, or there are no sessions" },
  usageErrors:
    "no words, only common words or punctuation, over 1000 characters or 32 words, a wrong --since, --until or --limit",
  async run(values, context, operands) {
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError("--limit takes a positive whole number");
    const { runSearch } = await import("./search-command.ts");
    return runSearch({
      configRoot: context.configRoot,
      selection: selectionOf({ project: values.project, all: false }, context, "all"),
      words: operands,
      tools: values.tools,
      since: values.since,
      until: values.until,
      limit,
      json: values.json,
      now: context.now,
      io: context.io,
    });
  },
});

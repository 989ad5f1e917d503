// `claude-reindex tag <id> <tag>` and `tag <id> --clear` on the command line: help, and the call to runTag.
import { UsageError } from "../text/user-error.ts";
import { defineCliCommand } from "./cli-definition.ts";
import { LIVE_NOTE, MANAGE_OPTIONS, manageCommandOf } from "./manage-options.ts";

export const tagCli = defineCliCommand({
  name: "tag",
  summary: "tag a session (or --clear its tag), as Claude Code's tags are written",
  operands: { value: "<id> [<tag>]", count: "any" },
  description: `Appends the record Claude Code writes for a tag (a tag line, exactly as its Agent SDK's tagSession
writes it: the tag cleaned of invisible and look-alike Unicode) to the session's transcript; --clear
appends the empty tag that removes it. Nothing already in the transcript changes.

${LIVE_NOTE}`,
  options: { ...MANAGE_OPTIONS, clear: { help: "remove the session's tag instead of setting one" } },
  outcomes: { done: "tagged (or the tag cleared)", failed: "no such session, or it is live (nothing changed)" },
  usageErrors: "no id, neither a tag nor --clear (or both), an id that is not one, a prefix of several sessions",
  async run(values, context, operands) {
    const [id, ...words] = operands;
    if (id === undefined) throw new UsageError("tag needs <id> and a tag, or <id> --clear");
    const tag = words.join(" ");
    if (values.clear && tag !== "") throw new UsageError("give a tag or --clear, not both");
    if (!values.clear && tag.trim() === "") throw new UsageError("tag needs a tag after the id (or --clear)");
    const { runTag } = await import("./tag-command.ts");
    return runTag({ ...(await manageCommandOf(values, context, id)), tag: values.clear ? null : tag });
  },
});

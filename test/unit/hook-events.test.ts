// The hook events are listed once (src/hooks/hook-event.ts): the hooks' entry, install's settings
// entries, the plugin's hooks.json (built from it), the install manifest and doctor import that list.
// What cannot import it repeats it: the entry scripts in hooks/, hooks/launch (sh), the package's file
// list, and lists of events in help texts, comments and the README. Each copy is compared with the list.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HOOK_EVENTS, HOOK_SCRIPTS } from "../../src/hooks/hook-event.ts";
import { hookCommands } from "../../src/settings/hook-registration.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(repo, file), "utf8");

/** Claude Code's hook events (ours and others), to recognise a list of them in prose or code. */
const ANY_EVENT =
  "SessionStart|SessionEnd|Stop|SubagentStop|PreToolUse|PostToolUse|UserPromptSubmit|Notification|PreCompact";
const SEPARATOR = String.raw`\s*(?:,\s*and|,\s*or|,|\||\band\b|\bor\b)\s*`;
const LIST = new RegExp(String.raw`\b(?:${ANY_EVENT})\b(?:${SEPARATOR}\b(?:${ANY_EVENT})\b)+`, "g");

/**
 * Every list of hook events in a text (two names or more, joined by commas, "and", "or" or "|") that
 * disagrees with HOOK_EVENTS: a name that is not ours, or a list of three or more (a list of all of
 * them, not a mention of some) that is not HOOK_EVENTS in order.
 */
function wrongLists(text: string): string[] {
  const wrong: string[] = [];
  for (const [list] of text.matchAll(LIST)) {
    const names = list.split(new RegExp(SEPARATOR)).filter(Boolean);
    const foreign = names.some((name) => !(HOOK_EVENTS as readonly string[]).includes(name));
    if (foreign || (names.length >= 3 && names.join(" ") !== HOOK_EVENTS.join(" "))) wrong.push(list);
  }
  return wrong;
}

/** The files that may name the events: sources, entry points, scripts and the documentation. */
function textFiles(): string[] {
  const files: string[] = ["README.md", "plugins/session-reindex/README.md", ".claude-plugin/marketplace.json"];
  for (const dir of ["src", "hooks", "bin", "scripts"])
    for (const name of fs.readdirSync(path.join(repo, dir), { recursive: true, encoding: "utf8" })) {
      const file = path.join(dir, name);
      if (fs.statSync(path.join(repo, file)).isFile()) files.push(file);
    }
  return files;
}

describe("the hook events", () => {
  it.each(HOOK_EVENTS)("%s has its entry script in hooks/, which hands that event to hooks/launch", (event) => {
    const script = path.join(repo, "hooks", HOOK_SCRIPTS[event]);
    expect(fs.statSync(script).mode & 0o111, `${script} is executable`).not.toBe(0);
    expect([...read(`hooks/${HOOK_SCRIPTS[event]}`).matchAll(/^exec sh "\$here\/launch" (\S+) "\$@"$/gm)]).toEqual([
      expect.arrayContaining([event]),
    ]);
  });

  it("hooks/ holds an entry script for each event, the launcher and the worker's source, and nothing else", () => {
    const names = fs.readdirSync(path.join(repo, "hooks")).sort();
    expect(names).toEqual([...Object.values(HOOK_SCRIPTS), "hook.ts", "launch"].sort());
  });

  it("hooks/launch accepts exactly the events", () => {
    const accepted = read("hooks/launch").match(/^\s*((?:\w+ \| )*\w+)\) ;;$/m);
    expect(accepted?.[1]?.split(" | ")).toEqual([...HOOK_EVENTS]);
  });

  it("the package ships every entry script and the launcher", () => {
    const files = (JSON.parse(read("package.json")) as { files: string[] }).files;
    const shipped = files.filter((file) => file.startsWith("hooks/"));
    expect(shipped.sort()).toEqual(
      ["hooks/launch", ...HOOK_EVENTS.map((event) => `hooks/${HOOK_SCRIPTS[event]}`)].sort(),
    );
  });

  it("install registers, and the committed plugin runs, exactly the events", () => {
    expect(Object.keys(hookCommands("/x/hook"))).toEqual([...HOOK_EVENTS]);
    const plugin = JSON.parse(read("plugins/session-reindex/hooks/hooks.json")) as { hooks: object };
    expect(Object.keys(plugin.hooks)).toEqual([...HOOK_EVENTS]);
  });

  it("the README's table of hooks has one row per event, in order", () => {
    const table = read("README.md").match(/^\| event +\| does +\|\n\|[-| ]+\|\n((?:\|.*\|\n)+)/m);
    expect(table, "the README's table of hooks").not.toBeNull();
    expect(
      table![1]!
        .trim()
        .split("\n")
        .map((row) => row.split("|")[1]!.trim()),
    ).toEqual([...HOOK_EVENTS]);
  });

  it("every list of events in help, comments, scripts and docs is the list", () => {
    const wrong: Record<string, string[]> = {};
    let lists = 0;
    for (const file of textFiles()) {
      const text = read(file);
      lists += [...text.matchAll(LIST)].length;
      const found = wrongLists(text);
      if (found.length > 0) wrong[file] = found;
    }
    expect(wrong).toEqual({});
    expect(lists).toBeGreaterThan(8);
  });

  it("catches a list that lacks an event, names one that is not ours, or has them out of order", () => {
    expect(wrongLists("register the SessionStart, Stop and SessionEnd hooks")).toEqual([]);
    expect(wrongLists("SessionStart | Stop | SessionEnd) ;;")).toEqual([]);
    expect(wrongLists("the next Stop or SessionEnd hook")).toEqual([]);
    expect(wrongLists("the SessionStart, Stop or PreCompact hook")).toEqual(["SessionStart, Stop or PreCompact"]);
    expect(wrongLists("<SessionStart|SessionEnd|Stop>")).toEqual(["SessionStart|SessionEnd|Stop"]);
    expect(wrongLists("SessionStart, Stop, SessionEnd, PreCompact")).toEqual([
      "SessionStart, Stop, SessionEnd, PreCompact",
    ]);
  });
});

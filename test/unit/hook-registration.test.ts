import { describe, expect, it } from "vitest";
import { addHooks, hookCommands, registeredEvents, removeHooks } from "../../src/settings/hook-registration.ts";
import { detectFormatting, parseSettings } from "../../src/settings/settings-file.ts";

const commands = hookCommands("/opt/claude reindex/hooks");

const styles: [string, string][] = [
  ["an empty object", "{}\n"],
  [
    "two spaces, other settings and hooks",
    '{\n  "model": "opus",\n  "hooks": {\n    "Stop": [\n      {\n        "hooks": [\n          { "type": "command", "command": "say done" }\n        ]\n      }\n    ],\n    "PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "audit"}]}]\n  },\n  "env": {"A": "1"}\n}\n',
  ],
  ["tabs, no final newline", '{\n\t"permissions": {\n\t\t"allow": ["Bash(ls)"]\n\t}\n}'],
  [
    "four spaces and CRLF",
    '{\r\n    "hooks": {\r\n        "SessionEnd": [\r\n            {"matcher": "logout", "hooks": [{"type": "command", "command": "bye"}]}\r\n        ]\r\n    }\r\n}\r\n',
  ],
  ["comments and a trailing comma", '{\n  // the model I like\n  "model": "sonnet", /* inline */\n  "hooks": {},\n}\n'],
  ["a compact one-liner", '{"hooks":{"Stop":[{"hooks":[{"type":"command","command":"x"}]}]}}'],
];

describe("hook registration in settings.json text", () => {
  it.each(styles)(
    "adds the three hooks to %s, idempotently, and removes them back to the same bytes",
    (_name, original) => {
      const formatting = detectFormatting(original);
      const added = addHooks(original, commands, formatting);
      expect(added.added).toEqual(["SessionStart", "Stop", "SessionEnd"]);
      const read = parseSettings(added.text);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(registeredEvents(read.settings, commands)).toEqual(["SessionStart", "Stop", "SessionEnd"]);
      const before = parseSettings(original);
      if (before.ok) {
        // Every handler the user had is still there.
        for (const [event, groups] of Object.entries(before.settings.hooks ?? {})) {
          expect(read.settings.hooks?.[event]?.slice(0, groups.length)).toEqual(groups);
        }
      }
      expect(addHooks(added.text, commands, formatting).text).toBe(added.text);
      expect(removeHooks(added.text, commands, added.created).text).toBe(original);
    },
  );

  it("registers Stop and SessionStart in the background, SessionEnd in the foreground", () => {
    const read = parseSettings(addHooks("{}", commands, detectFormatting("{}")).text);
    if (!read.ok) throw new Error(read.problem);
    expect(read.settings.hooks?.Stop?.[0]?.hooks[0]).toEqual({
      type: "command",
      command: "'/opt/claude reindex/hooks/stop'",
      timeout: 30,
      async: true,
    });
    expect(read.settings.hooks?.SessionStart?.[0]?.hooks[0]).toMatchObject({ async: true });
    expect(read.settings.hooks?.SessionEnd?.[0]?.hooks[0]).not.toHaveProperty("async");
  });

  it("leaves containers it did not create when uninstalling, and a handler someone added next to ours", () => {
    const mine = '{\n  "hooks": {\n    "Stop": []\n  }\n}\n';
    const added = addHooks(mine, commands, detectFormatting(mine));
    expect(added.created).toEqual({ hooksKey: false, events: ["SessionStart", "SessionEnd"] });
    expect(removeHooks(added.text, commands, added.created).text).toBe(mine);

    const shared = {
      hooks: {
        Stop: [
          {
            hooks: [
              { type: "command", command: commands.Stop, timeout: 30, async: true },
              { type: "command", command: "mine" },
            ],
          },
        ],
      },
    };
    const removed = removeHooks(JSON.stringify(shared, null, 2), commands, { hooksKey: false, events: [] });
    expect(removed.removed).toEqual(["Stop"]);
    const read = parseSettings(removed.text);
    if (!read.ok) throw new Error(read.problem);
    expect(read.settings.hooks?.Stop).toEqual([{ hooks: [{ type: "command", command: "mine" }] }]);
  });
});

describe("parseSettings", () => {
  it.each([
    ["not JSON", "{ model: opus }", "not valid JSON"],
    ["an array", "[]", "not a JSON object"],
    ["hooks as an array", '{"hooks": []}', '"hooks"'],
    ["a group without hooks", '{"hooks": {"Stop": [{"matcher": ""}]}}', '"hooks.Stop.0.hooks"'],
  ])("refuses %s", (_name, text, problem) => {
    const read = parseSettings(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toContain(problem);
  });
});

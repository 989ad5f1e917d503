import { describe, expect, it } from "vitest";
import {
  addHooks,
  hookCommands,
  hookTarget,
  ourHandlers,
  registeredEvents,
  removeHooks,
} from "../../src/settings/hook-registration.ts";
import { detectFormatting, parseSettings } from "../../src/settings/settings-file.ts";

const commands = hookCommands("/home/dev/.claude dir/claude-reindex/hook");

const styles: [string, string][] = [
  ["an empty object", "{}\n"],
  [
    "two spaces, other settings and hooks",
    [
      "{",
      '  "model": "opus",',
      '  "hooks": {',
      '    "Stop": [',
      "      {",
      '        "hooks": [',
      '          { "type": "command", "command": "say done" }',
      "        ]",
      "      }",
      "    ],",
      '    "PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "audit"}]}]',
      "  },",
      '  "env": {"A": "1"}',
      "}",
      "",
    ].join("\n"),
  ],
  ["tabs, no final newline", '{\n\t"permissions": {\n\t\t"allow": ["Bash(ls)"]\n\t}\n}'],
  [
    "four spaces and CRLF",
    [
      "{",
      '    "hooks": {',
      '        "SessionEnd": [',
      '            {"matcher": "logout", "hooks": [{"type": "command", "command": "bye"}]}',
      "        ]",
      "    }",
      "}",
      "",
    ].join("\r\n"),
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
      expect(removeHooks(added.text, added.created).text).toBe(original);
    },
  );

  it("registers every hook in the foreground (never async), running the stable launcher with its event", () => {
    const read = parseSettings(addHooks("{}", commands, detectFormatting("{}")).text);
    if (!read.ok) throw new Error(read.problem);
    expect(read.settings.hooks?.Stop?.[0]?.hooks[0]).toEqual({
      type: "command",
      command: "'/home/dev/.claude dir/claude-reindex/hook' Stop",
      timeout: 10,
    });
    for (const event of ["SessionStart", "SessionEnd"])
      expect(read.settings.hooks?.[event]?.[0]?.hooks[0]).toEqual({
        type: "command",
        command: `'/home/dev/.claude dir/claude-reindex/hook' ${event}`,
        timeout: 10,
      });
  });

  it("replaces hooks of ours registered from another place or the old way (async), keeping one set", () => {
    const old = {
      hooks: {
        SessionStart: [
          { hooks: [{ type: "command", command: "/old/src/claude-reindex/hooks/session-start", async: true }] },
        ],
        Stop: [
          { hooks: [{ type: "command", command: "say done" }] },
          { hooks: [{ type: "command", command: "'/gone/claude-reindex/hooks/stop'", timeout: 30, async: true }] },
          { hooks: [{ type: "command", command: "/other/.claude/claude-reindex/hook Stop", timeout: 10 }] },
        ],
        SessionEnd: [{ hooks: [{ type: "command", command: "/var/x/hooks/session-end" }] }],
      },
    };
    const text = JSON.stringify(old, null, 2);
    const added = addHooks(text, commands, detectFormatting(text));
    expect(added.added).toEqual(["SessionStart", "Stop", "SessionEnd"]);
    expect(added.replaced).toEqual([
      "/old/src/claude-reindex/hooks/session-start",
      "'/gone/claude-reindex/hooks/stop'",
      "/other/.claude/claude-reindex/hook Stop",
    ]);
    const read = parseSettings(added.text);
    if (!read.ok) throw new Error(read.problem);
    const ours = ourHandlers(read.settings, commands);
    expect(ours.map((h) => [h.event, h.current])).toEqual([
      ["SessionStart", true],
      ["Stop", true],
      ["SessionEnd", true],
    ]);
    // Someone else's hook that happens to be called hooks/session-end (its path and text do not name us) stays.
    expect(read.settings.hooks?.SessionEnd?.[0]).toEqual(old.hooks.SessionEnd[0]);
    expect(read.settings.hooks?.Stop?.[0]).toEqual(old.hooks.Stop[0]);
    expect(addHooks(added.text, commands, detectFormatting(text)).text).toBe(added.text);
    const removed = removeHooks(added.text, null);
    expect(removed.removed).toEqual(["SessionStart", "Stop", "SessionEnd"]);
  });

  it.each([
    ["Stop", "/a/claude-reindex/hook Stop", { kind: "launcher", file: "/a/claude-reindex/hook" }],
    ["Stop", "'/a b/claude-reindex/hook' Stop", { kind: "launcher", file: "/a b/claude-reindex/hook" }],
    ["Stop", "'/it'\\''s/claude-reindex/hook' Stop", { kind: "launcher", file: "/it's/claude-reindex/hook" }],
    ["Stop", "/a/claude-reindex/hook SessionEnd", null],
    ["Stop", "/a/claude-reindex/hook", null],
    ["Stop", "claude-reindex/hook Stop", null],
    ["Stop", "/src/claude-reindex/hooks/stop", { kind: "script", file: "/src/claude-reindex/hooks/stop" }],
    ["Stop", "/src/claude-reindex/hooks/session-end", null],
    ["Stop", "/src/tools/hooks/stop", null],
    ["Stop", "/src/claude-reindex/hooks/stop --flag", null],
  ])("hookTarget(%s, %s)", (event, command, expected) => {
    expect(hookTarget(event as "Stop", command)).toEqual(expected);
  });

  it("leaves containers it did not create when uninstalling, and a handler someone added next to ours", () => {
    const mine = '{\n  "hooks": {\n    "Stop": []\n  }\n}\n';
    const added = addHooks(mine, commands, detectFormatting(mine));
    expect(added.created).toEqual({ hooksKey: false, events: ["SessionStart", "SessionEnd"] });
    expect(removeHooks(added.text, added.created).text).toBe(mine);

    const shared = {
      hooks: {
        Stop: [
          {
            hooks: [
              { type: "command", command: commands.Stop, timeout: 10 },
              { type: "command", command: "mine" },
            ],
          },
        ],
      },
    };
    const removed = removeHooks(JSON.stringify(shared, null, 2), { hooksKey: false, events: [] });
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

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pluginStates } from "../../src/settings/plugin-state.ts";
import { tempDir } from "../support/temp.ts";

const ID = "session-reindex@claude-reindex";

/** A config root and a project with the given settings files (text, or an object as JSON). */
function setup(files: { user?: unknown; project?: unknown; local?: unknown; installed?: unknown }) {
  const base = tempDir();
  const root = path.join(base, "config");
  const project = path.join(base, "project");
  const write = (file: string, content: unknown) => {
    if (content === undefined) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  };
  write(path.join(root, "settings.json"), files.user);
  write(path.join(project, ".claude", "settings.json"), files.project);
  write(path.join(project, ".claude", "settings.local.json"), files.local);
  write(path.join(root, "plugins", "installed_plugins.json"), files.installed);
  return { root, project };
}

const enabled = (value: unknown) => ({ enabledPlugins: { [ID]: value } });

describe("pluginStates", () => {
  it("finds nothing when no settings name the plugin", () => {
    const { root, project } = setup({ user: { enabledPlugins: { "other@market": true } } });
    expect(pluginStates(root, project)).toEqual([]);
  });

  // What 2.1.332 does with these combinations was checked by running it with a plugin hook.
  it.each([
    ["user only", { user: enabled(true) }, true, "user"],
    ["user on, local off", { user: enabled(true), local: enabled(false) }, false, "local"],
    ["user on, project off", { user: enabled(true), project: enabled(false) }, false, "project"],
    ["project off, local on", { user: enabled(true), project: enabled(false), local: enabled(true) }, true, "local"],
    ["user off, project on", { user: enabled(false), project: enabled(true) }, true, "project"],
    ["a value other than true", { user: enabled("yes") }, false, "user"],
  ])("%s: the most specific settings file decides", (_name, files, isEnabled, scope) => {
    const { root, project } = setup(files);
    expect(pluginStates(root, project)).toMatchObject([{ id: ID, enabled: isEnabled, scope }]);
  });

  it("reads settings with comments and trailing commas, skips ones that do not parse, and names install paths", () => {
    const cache = "/home/u/.claude/plugins/cache/claude-reindex/session-reindex/0.1.0";
    const { root, project } = setup({
      user: `{\n  // mine\n  "enabledPlugins": { "${ID}": true, },\n}\n`,
      project: "{ not json",
      installed: { version: 2, plugins: { [ID]: [{ scope: "user", installPath: cache, version: "0.1.0" }] } },
    });
    expect(pluginStates(root, project)).toEqual([
      { id: ID, enabled: true, scope: "user", settingsPath: path.join(root, "settings.json"), installPaths: [cache] },
    ]);
  });

  it("counts the plugin from any marketplace, by its name", () => {
    const { root, project } = setup({ user: { enabledPlugins: { "session-reindex@a-fork": true, [ID]: false } } });
    expect(pluginStates(root, project).map((p) => [p.id, p.enabled])).toEqual([
      ["session-reindex@a-fork", true],
      [ID, false],
    ]);
  });
});

// Claude Code's configuration root ($CLAUDE_CONFIG_DIR or ~/.claude) and its projects/ directory.
import path from "node:path";

/**
 * Claude Code's configuration root: `$CLAUDE_CONFIG_DIR` when set (even to a relative path, which
 * Claude Code then uses relative to its working directory), else `~/.claude`.
 * Paths are not resolved further because Claude Code writes `fullPath` from this root as given.
 */
export function resolveConfigRoot(env: NodeJS.ProcessEnv, homedir: string): string {
  const configured = env.CLAUDE_CONFIG_DIR;
  if (configured !== undefined && configured !== "") return configured;
  return path.join(homedir, ".claude");
}

export function projectsRoot(configRoot: string): string {
  return path.join(configRoot, "projects");
}

/**
 * Claude Code's global configuration file (its `projects` map, per-folder trust and settings):
 * `$CLAUDE_CONFIG_DIR/.claude.json` when the variable is set, else `~/.claude.json` beside `~/.claude`
 * (seen in 2.1.332: with CLAUDE_CONFIG_DIR set it writes the file inside that directory).
 */
export function globalConfigPath(env: NodeJS.ProcessEnv, homedir: string): string {
  const configured = env.CLAUDE_CONFIG_DIR;
  if (configured !== undefined && configured !== "") return path.join(configured, ".claude.json");
  return path.join(homedir, ".claude.json");
}

/** The prompts typed in Claude Code, one JSON line each with the folder (`project`) they were typed in. */
export function promptHistoryPath(configRoot: string): string {
  return path.join(configRoot, "history.jsonl");
}

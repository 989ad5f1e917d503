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

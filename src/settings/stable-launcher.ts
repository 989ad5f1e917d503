// The stable launcher, <root>/claude-reindex/hook: what Claude Code's settings run. It stays put
// when a checkout moves or a package is reinstalled elsewhere; `install` rewrites the one line
// that says where the package is, so the settings never change for a move.
import path from "node:path";
import { readPrivateFile } from "../system/private-file.ts";
import { makeDirectory, replaceFile } from "../system/replace-file.ts";
import { shellQuote, shellUnquote } from "../text/shell-quote.ts";

/** Absolute even for a relative CLAUDE_CONFIG_DIR: Claude Code runs hooks from any directory. */
export function stableLauncherPath(configRoot: string): string {
  return path.resolve(configRoot, "claude-reindex", "hook");
}

/** The launcher's text: run `<package>/hooks/launch`, or say (stderr, hooks.log) that it is gone. */
export function stableLauncherScript(packageDir: string): string {
  return `#!/bin/sh
# Written by \`claude-reindex install\`. Claude Code's settings run this file with the hook's event
# (SessionStart, Stop or SessionEnd); it runs the hook launcher of the claude-reindex package below.
# When claude-reindex moves, run \`claude-reindex install\` from its new place: it rewrites the line.
package=${shellQuote(packageDir)}
if [ -f "$package/hooks/launch" ]; then exec sh "$package/hooks/launch" "$@"; fi
line="$package/hooks/launch is missing (claude-reindex moved or was removed)"
line="$line; run claude-reindex install from where it is now, or claude-reindex uninstall"
printf 'claude-reindex %s hook: %s\\n' "$1" "$line" >&2
printf '%s %s: %s\\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$line" >>"\${0%/*}/hooks.log" 2>/dev/null
exit 0
`;
}

/** The package a launcher file leads to, read back from its `package=` line; null without one. */
export function stableLauncherTarget(launcherPath: string): string | null {
  const text = readPrivateFile(launcherPath);
  if (text === null) return null;
  const line = /^package=(.*)$/m.exec(text)?.[1];
  if (line === undefined) return null;
  return shellUnquote(line);
}

/** Writes the launcher (0700, replaced by rename: a hook starting meanwhile runs the old or the new). */
export function writeStableLauncher(configRoot: string, packageDir: string): void {
  const file = stableLauncherPath(configRoot);
  // Made by root on a user's tree, the folder and the launcher belong to that user; never through a link.
  makeDirectory(path.dirname(file), 0o700);
  replaceFile(file, stableLauncherScript(packageDir), { newFileMode: 0o700, fsync: true });
}

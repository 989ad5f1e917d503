// One search hit as `claude-reindex search` prints it for people: age, title and project, then
// the snippet, each fitted to the terminal's width.

import { formatAge } from "../catalog/session-line.ts";
import type { SearchHit } from "../search/session-search.ts";
import { displayWidth, fitWidth } from "../text/display-width.ts";
import { terminalLine } from "../text/terminal-text.ts";

/** Two lines: age, title and project; then the snippet, indented. Both fitted to the terminal's width. */
export function hitLines(hit: SearchHit, nowMs: number, columns: number): string {
  const width = Math.max(40, columns - 1);
  const head = `${formatAge(nowMs - hit.modifiedMs).padEnd(13)} ${hit.title}`;
  const project = hit.projectPath === null ? "" : `  ${terminalLine(hit.projectPath)}`;
  const room = Math.max(20, width - displayWidth(project));
  return `${fitWidth(`${fitWidth(head, room)}${project}`, width)}\n${fitWidth(`    ${hit.snippet}`, width)}`;
}

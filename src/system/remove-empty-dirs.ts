// Removing the folders a move or a removal emptied: bottom up, only empty ones, never through a link.
import fs from "node:fs";
import path from "node:path";

/**
 * Removes `dir` and the folders below it that are (then) empty. A folder that still holds anything,
 * something not ours included, stays; a link is never followed (a Dirent of a link is no directory).
 */
export function removeEmptyDirs(dir: string): void {
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const d of dirents) if (d.isDirectory()) removeEmptyDirs(path.join(dir, d.name));
  try {
    fs.rmdirSync(dir);
  } catch {
    // not empty: something not ours is in it
  }
}

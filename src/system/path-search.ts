// Finding a program on PATH as a shell does, absolute entries only.
import fs from "node:fs";
import path from "node:path";

/**
 * The first executable `name` in an absolute PATH entry, as a shell finds it; relative and empty
 * entries are skipped, so the current directory never supplies the program.
 */
export function firstOnPath(name: string, entries: string[]): string | null {
  for (const dir of entries) {
    if (!path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, name);
    try {
      if (fs.statSync(candidate).isFile()) {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      }
    } catch {
      // not here
    }
  }
  return null;
}

// The names in a directory, or none when it cannot be listed (gone, not a directory, no permission):
// for the many walks that skip what they cannot read.
import fs from "node:fs";

export function directoryNames(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

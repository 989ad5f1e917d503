// Real paths, for comparing places that symbolic links may spell differently.
import fs from "node:fs";
import path from "node:path";

/** The path with symbolic links resolved, or (when it does not exist) just made absolute. */
export function realPathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

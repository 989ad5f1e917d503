// A `node` for the front of PATH that notes each start in a log, then runs the real one: what tests of
// the shim and the hooks read to tell which Node starts happened, with what.
import fs from "node:fs";
import path from "node:path";

/**
 * Writes `<dir>/node`: it appends what the sh command `note` prints (one line, from the arguments
 * "$@" and the environment it was started with) to `log`, then execs this process's own Node.
 */
export function writeRecordingNode(dir: string, log: string, note: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "node"), `#!/bin/sh\n${note} >>'${log}'\nexec '${process.execPath}' "$@"\n`, {
    mode: 0o755,
  });
}

// Which running processes hold a file open, from Linux's /proc/<pid>/fd links (the proc root is a
// parameter, so that tests can lay out their own). Elsewhere, or where /proc cannot be read, nothing is
// known and the answer is empty. Processes of other users are not visible and are not counted.
import fs from "node:fs";
import path from "node:path";

export interface FileHolder {
  pid: number;
  /** The file it holds (one of those asked about). */
  file: string;
  /** Its command name (`/proc/<pid>/comm`), when readable. */
  command: string | null;
}

/**
 * The processes under `procRoot` (normally /proc) with an open descriptor on one of `files`, or on
 * a file below one of `folders`. Paths are compared as the kernel prints them: absolute and resolved.
 */
export function processesHolding(
  procRoot: string,
  files: readonly string[],
  folders: readonly string[] = [],
  selfPid: number = process.pid,
): FileHolder[] {
  const wanted = new Set(files);
  const prefixes = folders.map((f) => `${f}${path.sep}`);
  const holders: FileHolder[] = [];
  let pids: string[];
  try {
    pids = fs.readdirSync(procRoot).filter((name) => /^\d+$/.test(name));
  } catch {
    return holders;
  }
  for (const pid of pids) {
    if (Number(pid) === selfPid) continue;
    const fdDir = path.join(procRoot, pid, "fd");
    let fds: string[];
    try {
      fds = fs.readdirSync(fdDir);
    } catch {
      continue; // gone meanwhile, or another user's
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = fs.readlinkSync(path.join(fdDir, fd));
      } catch {
        continue;
      }
      if (wanted.has(target) || prefixes.some((p) => target.startsWith(p))) {
        holders.push({ pid: Number(pid), file: target, command: commandOf(procRoot, pid) });
        break;
      }
    }
  }
  return holders;
}

function commandOf(procRoot: string, pid: string): string | null {
  try {
    return fs.readFileSync(path.join(procRoot, pid, "comm"), "utf8").trim() || null;
  } catch {
    return null;
  }
}

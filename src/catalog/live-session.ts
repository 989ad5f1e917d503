// Whether a session is live: a running process holds its transcript (or a file of its `<uuid>/`
// folder) open, or one of them was written within the last minute. Nothing changes a live session:
// Claude Code may be appending to it. Our own writes do not count: a transcript whose last line is a
// title or tag record as we append them, and the archived mark, were written by a rename, tag or
// archive that found the session quiet.
import fs from "node:fs";
import path from "node:path";
import { processesHolding } from "../system/open-files.ts";
import { realPathOrSelf } from "../system/real-path.ts";
import { isOwnMetadataLine } from "../transcript/session-metadata.ts";

/** A session written more recently than this counts as live. */
export const LIVE_WINDOW_MS = 60_000;

export interface LivenessProbe {
  /** Where the running processes are listed: /proc on Linux (tests lay out their own). */
  procRoot: string;
  nowMs: number;
}

/** Why the session at `transcript` is live, as one line; null when it is not. */
export function liveSessionReason(transcript: string, probe: LivenessProbe): string | null {
  const folder = transcript.slice(0, -".jsonl".length);
  // The kernel names open files by their real paths.
  const real = realPathOrSelf(transcript);
  const holders = processesHolding(probe.procRoot, [real], [real.slice(0, -".jsonl".length)]);
  if (holders.length > 0) {
    const h = holders[0]!;
    return (
      `${path.basename(h.file)} is open in process ${h.pid}${h.command ? ` (${h.command})` : ""}; ` +
      "it may still be running: leave it first"
    );
  }
  const newest = newestMtime(transcript, folder);
  const age = probe.nowMs - newest;
  if (newest > 0 && age < LIVE_WINDOW_MS)
    return age >= 0
      ? `it was written ${Math.floor(age / 1000)} s ago and may still be running: try again in a minute`
      : "its files' times lie in the future, so it may still be running: try again once the clock has passed them";
  return null;
}

/** The newest mtime among the transcript and the files below its folder (0 when none can be read). */
function newestMtime(transcript: string, folder: string): number {
  let newest = 0;
  const visit = (p: string, depth: number) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(p);
    } catch {
      return;
    }
    if (
      stat.isFile() &&
      !(depth === 1 && path.basename(p) === "archived.json") &&
      !(depth === 0 && endsWithOwnRecord(p))
    )
      newest = Math.max(newest, stat.mtimeMs);
    else if (stat.isDirectory() && depth < 4) {
      let names: string[] = [];
      try {
        names = fs.readdirSync(p);
      } catch {
        return;
      }
      for (const name of names) visit(path.join(p, name), depth + 1);
    }
  };
  visit(transcript, 0);
  visit(folder, 0);
  return newest;
}

/** Whether the transcript's last line is a title or tag record exactly as we append them. */
function endsWithOwnRecord(transcript: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(transcript, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString("utf8").split("\n");
    return lines.length >= 2 && lines.at(-1) === "" && isOwnMetadataLine(lines.at(-2)!);
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

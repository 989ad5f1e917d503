// The `relocated` record Claude Code appends to a transcript whose session now belongs to another
// working directory (`{"type":"relocated","sessionId":…,"relocatedCwd":…}`): its listing and the Agent
// SDK's `listSessions` read the last one in a transcript's tail as the session's cwd. Appending one is
// the only write claude-reindex makes to a transcript: a new line after the last, nothing before it
// rewritten, and the file's access and modification times put back exactly, so that `--continue`
// (newest mtime) and the cleanup cutoff see the file as they did.
import fs from "node:fs";
import { type ExactTimes, setExactTimes, timesOf } from "../system/file-times.ts";

/** The line Claude Code writes, key for key. */
export function relocatedLine(sessionId: string, relocatedCwd: string): string {
  return `${JSON.stringify({ type: "relocated", sessionId, relocatedCwd })}\n`;
}

/**
 * Appends a `relocated` record to `file` (a regular file, never through a link) and gives it back its
 * times. A transcript whose last line is cut off gets a line break first, so that the cut line stays
 * as it was and the record is a line of its own. `before`: the times to give back, taken before the caller
 * read the file (reading can move its access time); default the times found when appending. Returns
 * whether the times are exact (see setExactTimes).
 */
export function appendRelocatedRecord(
  file: string,
  sessionId: string,
  relocatedCwd: string,
  before?: ExactTimes,
): boolean {
  const fd = fs.openSync(
    file,
    fs.constants.O_RDWR | fs.constants.O_APPEND | fs.constants.O_NOFOLLOW | (fs.constants.O_NONBLOCK ?? 0),
  );
  let times: ExactTimes;
  try {
    const stat = fs.fstatSync(fd, { bigint: true });
    if (!stat.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: "ENOTREG" });
    times = before ?? timesOf(stat);
    let prefix = "";
    if (stat.size > 0n) {
      const last = Buffer.alloc(1);
      fs.readSync(fd, last, 0, 1, Number(stat.size - 1n));
      if (last[0] !== 0x0a) prefix = "\n";
    }
    const bytes = Buffer.from(`${prefix}${relocatedLine(sessionId, relocatedCwd)}`);
    for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return setExactTimes(file, times);
}

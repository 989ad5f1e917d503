// Never writing through a link in a parent directory. A base directory (the config root's `projects/`,
// our own `claude-reindex/kept/`) is the user's layout: a link there (a custom place for the sessions)
// is followed, as Claude Code follows it, but only as it was resolved when the run began. Below the
// base nothing may be a link: a project directory, a `<uuid>/` folder. Each write checks this right
// before it happens, so a path component swapped for a link (or the base re-pointed) during the run
// stops the write with one line instead of sending it elsewhere.
import fs from "node:fs";
import path from "node:path";

/** What every refusal to go through a link says. */
export const NOT_THROUGH_LINKS = "claude-reindex does not write through links, so it was left as it is";

export class PlaceChangedError extends Error {
  readonly code = "ELOOP";
}

export class PlaceGuard {
  /** The base's real path when the run began, or null when it did not exist yet. */
  private readonly baseReal: string | null;

  constructor(readonly base: string) {
    this.baseReal = realPathOrNull(base);
  }

  /**
   * Why writing at `target` (a directory below the base, or a file in one) is not safe, in one line; null
   * when every existing component from the base down to `target` is a real directory (or, for the last,
   * a file) and the base still resolves to where it did. Components that do not exist yet end the walk.
   */
  problemWith(target: string): string | null {
    const relative = path.relative(this.base, target);
    if (relative.startsWith("..") || path.isAbsolute(relative)) return `${target} is not inside ${this.base}`;
    const now = realPathOrNull(this.base);
    if (this.baseReal !== null && now !== null && now !== this.baseReal)
      return (
        `${this.base} changed while claude-reindex ran (it led to ${this.baseReal}, now to ${now}); ` +
        "nothing was written there"
      );
    let current = this.base;
    for (const part of relative.split(path.sep).filter((p) => p !== "")) {
      current = path.join(current, part);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(current);
      } catch {
        return null; // not there yet: made by us, as a real directory, when needed
      }
      if (stat.isSymbolicLink()) return `${current} is a symbolic link (to ${readLink(current)}); ${NOT_THROUGH_LINKS}`;
    }
    return null;
  }

  /** Throws PlaceChangedError (its message the one line) when `problemWith(target)` finds a problem. */
  check(target: string): void {
    const problem = this.problemWith(target);
    if (problem !== null) throw new PlaceChangedError(problem);
  }
}

function realPathOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

function readLink(p: string): string {
  try {
    return fs.readlinkSync(p);
  } catch {
    return "?";
  }
}

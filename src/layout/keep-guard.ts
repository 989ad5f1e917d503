// The keep guard (opt-in: `claude-reindex install --keep-sessions`): before Claude Code's cleanup can
// delete a transcript, keep every session whose mtime is near or past the cutoff, with its `<uuid>/`
// folder, and every such old-layout `agent-*.jsonl`, under `<root>/claude-reindex/kept/`.
//
// Near means within KEEP_MARGIN_DAYS of the cutoff. Claude Code can sweep with none of our code run
// in between: a process left open (interactive sessions retry the sweep every 10 minutes once the
// daily marker is old) or launched without the shim. A week covers an editor left open over a long
// weekend and more, and it is the window doctor warns about; with hard links it costs no space while
// the originals exist. When nothing is due the guard costs one listing and one lstat per transcript; when
// much is due, about as much once a whole pass has kept it (keep-stamp.ts), plus one lstat per kept folder.
import fs from "node:fs";
import path from "node:path";
import { millisecondsOf } from "../system/file-times.ts";
import { errorText } from "../text/error-text.ts";
import { isAgentFileName } from "./agent-files.ts";
import { type CleanupPeriod, type CleanupPlaces, cleanupPeriodInForce, DAY_MS } from "./cleanup-period.ts";
import { projectsRoot } from "./config-root.ts";
import { beginKeepStamp, trustedKeepStamp } from "./keep-stamp.ts";
import { keepFile, keptRoot, sessionFolderFiles } from "./kept-store.ts";
import { listProjectDirNames } from "./project-dir.ts";
import { addToListing, type SessionListing, sessionIdOfFileName } from "./session-file.ts";

export const KEEP_MARGIN_DAYS = 7;

export interface KeepRun extends CleanupPlaces {
  now: Date;
  marginDays?: number;
  /** Called before each copy (where the kept store cannot hard-link the transcripts). */
  beforeCopy?: () => void;
}

export interface KeepReport {
  period: CleanupPeriod;
  /** Sessions (and agent files) near or past the cutoff. */
  due: number;
  /** Files kept by this run (linked, copied or replaced), as `<project dir>/<relative path>`. */
  kept: string[];
  problems: string[];
  /**
   * Each project's sessions as listSessionFiles would list them, from the stats this run took (the check
   * after it need not take them again): every project it could list.
   */
  listings: Map<string, SessionListing>;
}

/** The mtime before which a transcript is due: past the cutoff less the margin. */
export function keepThresholdMs(period: CleanupPeriod, now: Date, marginDays = KEEP_MARGIN_DAYS): number {
  return now.getTime() - Math.max(0, period.days - marginDays) * DAY_MS;
}

/** Keeps what is due in every project; idempotent, never throws for one file (problems say which). */
export function keepDueSessions(run: KeepRun): KeepReport {
  const period = cleanupPeriodInForce(run);
  const threshold = keepThresholdMs(period, run.now, run.marginDays);
  const report: KeepReport = { period, due: 0, kept: [], problems: [...period.problems], listings: new Map() };
  const root = projectsRoot(run.configRoot);
  const checkedDirs = new Set<string>();
  const kept = keptRoot(run.configRoot);
  const pending = beginKeepStamp(run.configRoot, threshold);
  const trusted = trustedKeepStamp(run.configRoot, pending);
  // Of use while the kept root is a folder unchanged since it (no kept project folder added, removed, moved).
  const stamp = trusted !== null && isUnchangedDir(kept, trusted.beganNs) ? trusted : null;
  // Whether this pass kept every due file of every project: only then does it leave a stamp.
  let whole = true;
  let projectDirNames: string[];
  try {
    projectDirNames = listProjectDirNames(run.configRoot);
  } catch (error) {
    pending?.drop();
    throw error;
  }
  for (const projectDirName of projectDirNames) {
    const projectDir = path.join(root, projectDirName);
    let names: string[];
    try {
      names = fs.readdirSync(projectDir);
    } catch {
      whole = false;
      continue;
    }
    // The project folder and its kept folder, both unchanged since the stamp (looked at when first needed).
    let settled: boolean | undefined;
    const unchanged = (since: bigint) => {
      settled ??= isUnchangedDir(projectDir, since) && isUnchangedDir(`${kept}${path.sep}${projectDirName}`, since);
      return settled;
    };
    const present = new Set(names);
    const listing: SessionListing = { sessions: new Map(), unreadable: [] };
    report.listings.set(projectDirName, listing);
    for (const name of names) {
      const sessionId = sessionIdOfFileName(name);
      if (sessionId === null && !isAgentFileName(name)) continue;
      // In nanoseconds, as placeFile needs it to tell whether the kept file is this one: taken once.
      const filePath = `${projectDir}${path.sep}${name}`;
      let stat: fs.BigIntStats;
      try {
        stat = fs.lstatSync(filePath, { bigint: true });
      } catch (error) {
        if (sessionId !== null) listing.unreadable.push({ path: filePath, reason: errorText(error) });
        whole = false;
        continue;
      }
      if (sessionId !== null) addToListing(listing, sessionId, filePath, stat);
      const mtimeMs = millisecondsOf(stat.mtimeNs);
      if (!stat.isFile() || mtimeMs >= threshold) continue;
      // Old-layout agent files are kept by their own mtime, as Claude Code deletes them.
      report.due++;
      const withFolder = sessionId !== null && present.has(sessionId);
      // Due and kept by the last whole pass, unchanged since, in folders unchanged since: kept still.
      // (A `<uuid>/` folder is looked at every time: its files have times of their own.)
      if (
        !withFolder &&
        stamp !== null &&
        mtimeMs < stamp.thresholdMs &&
        stat.ctimeNs < stamp.beganNs &&
        unchanged(stamp.beganNs)
      )
        continue;
      const files = [name];
      // The `<uuid>/` folder goes with its transcript, whatever its own times.
      if (withFolder) files.push(...sessionFolderFiles(projectDir, sessionId));
      for (const relative of files) {
        try {
          const source = relative === name ? stat : undefined;
          const outcome = keepFile(run.configRoot, projectDirName, relative, checkedDirs, {
            beforeCopy: run.beforeCopy,
            source,
          });
          if (outcome !== "same") report.kept.push(path.join(projectDirName, relative));
        } catch (error) {
          whole = false;
          report.problems.push(`could not keep ${path.join(projectDir, relative)}: ${errorText(error)}`);
        }
      }
    }
  }
  if (whole) pending?.settle();
  else pending?.drop();
  return report;
}

/**
 * Whether `dir` is a folder (not a link) that has not changed since `sinceNs`: mtime and ctime older, so no
 * file in it removed, added or renamed since, nor the folder itself moved.
 */
function isUnchangedDir(dir: string, sinceNs: bigint): boolean {
  const stat = fs.lstatSync(dir, { bigint: true, throwIfNoEntry: false });
  return stat?.isDirectory() === true && stat.mtimeNs < sinceNs && stat.ctimeNs < sinceNs;
}

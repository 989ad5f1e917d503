// doctor's word on Claude Code's own cleanup: how many sessions its sweep will delete within the next
// week and how many are already past the cutoff, the cleanupPeriodDays in force and where it is set,
// the two remedies, and what the keep guard holds. Read-only.
import fs from "node:fs";
import path from "node:path";
import { type CleanupPlaces, cleanupPeriodInForce, DAY_MS } from "../layout/cleanup-period.ts";
import { projectsRoot } from "../layout/config-root.ts";
import { keepGuardOn } from "../layout/keep-guard-switch.ts";
import { listKeptSessions } from "../layout/kept-store.ts";
import { listProjectDirNames } from "../layout/project-dir.ts";
import { sessionIdOfFileName } from "../layout/session-file.ts";
import type { Finding } from "./doctor.ts";

export const WARN_DAYS = 7;

export interface CleanupCheck extends CleanupPlaces {
  now: Date;
}

export interface CleanupReport {
  cleanupPeriodDays: number;
  /** The settings file that sets it, or null: Claude Code's default. */
  setIn: string | null;
  /** Settings files Claude Code passes over. */
  settingsProblems: string[];
  /** Sessions whose transcript is older than the cutoff: deleted at Claude Code's next sweep. */
  pastCutoff: number;
  /** Sessions that pass the cutoff within WARN_DAYS. */
  withinWarnDays: number;
  keepGuard: boolean;
  kept: { sessions: number; transcriptGone: number; bytes: number; ownBytes: number };
  finding: Finding | null;
}

export function checkCleanup(check: CleanupCheck): CleanupReport {
  const period = cleanupPeriodInForce(check);
  const cutoff = check.now.getTime() - period.days * DAY_MS;
  let pastCutoff = 0;
  let withinWarnDays = 0;
  const root = projectsRoot(check.configRoot);
  for (const name of listProjectDirNames(check.configRoot)) {
    const dir = path.join(root, name);
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const file of names) {
      if (sessionIdOfFileName(file) === null) continue;
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(path.join(dir, file));
      } catch {
        continue;
      }
      if (!stat.isFile()) continue;
      if (stat.mtimeMs < cutoff) pastCutoff++;
      else if (stat.mtimeMs < cutoff + WARN_DAYS * DAY_MS) withinWarnDays++;
    }
  }
  const keptSessions = listKeptSessions(check.configRoot);
  const keepGuard = keepGuardOn(check.configRoot);
  const report: CleanupReport = {
    cleanupPeriodDays: period.days,
    setIn: period.source,
    settingsProblems: period.problems,
    pastCutoff,
    withinWarnDays,
    keepGuard,
    kept: {
      sessions: new Set(keptSessions.map((k) => `${k.projectDirName}/${k.sessionId}`)).size,
      transcriptGone: keptSessions.filter((k) => !k.originalExists).length,
      bytes: keptSessions.reduce((n, k) => n + k.bytes, 0),
      ownBytes: keptSessions.reduce((n, k) => n + k.ownBytes, 0),
    },
    finding: null,
  };
  if (!keepGuard && pastCutoff + withinWarnDays > 0) {
    const settingsFile = period.source ?? path.join(check.configRoot, "settings.json");
    report.finding = {
      kind: "cleanup-due",
      message:
        `${cleanupSentence(report)}: ${count(pastCutoff, "session")} already past the ` +
        `cutoff (deleted at Claude Code's next launch) and ` +
        `${count(withinWarnDays, "more session")} within ${WARN_DAYS} days`,
      fix:
        `raise cleanupPeriodDays in ${settingsFile} (e.g. "cleanupPeriodDays": 3650), or ` +
        `keep them before Claude Code deletes them: claude-reindex install ` +
        `--keep-sessions`,
    };
  }
  return report;
}

/** "cleanupPeriodDays is 30 (…)": the setting in force and where it comes from. */
export function cleanupSentence(report: CleanupReport): string {
  const where = report.setIn === null ? "Claude Code's default: no settings file sets it" : `set in ${report.setIn}`;
  return (
    `cleanupPeriodDays is ${report.cleanupPeriodDays} (${where}): Claude Code deletes ` +
    `every transcript untouched for ${report.cleanupPeriodDays} days`
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

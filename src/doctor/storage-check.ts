// Storage mistakes seen from the config root (HOME, CLAUDE_CONFIG_DIR, a linked projects directory,
// split project directories), and the user's own sessions left in other places (temporary homes),
// which are reported apart: they do not make doctor's exit status, which speaks for the config root.
import fs from "node:fs";
import path from "node:path";
import { projectsRoot } from "../layout/config-root.ts";
import { listProjectDirNames } from "../layout/project-dir.ts";
import { sessionIdOfFileName } from "../layout/session-file.ts";
import { directoryNames } from "../system/directory-names.ts";
import { realPathOrSelf } from "../system/real-path.ts";
import { shellQuote } from "../text/shell-quote.ts";
import type { Finding } from "./doctor.ts";

export interface StorageCheck {
  configRoot: string;
  env: NodeJS.ProcessEnv;
  /** The account's home directory from the password database, whatever HOME says. */
  accountHome: string;
  /** Where stray config directories turn up (a HOME pointed at a temporary directory). */
  strayRoots: string[];
  /** The user's id: sessions found under a stray root count only when they are this user's (null: any). */
  uid: number | null;
}

export interface StorageReport {
  /** Mistakes about the config root that was asked about: they make doctor's exit status 1. */
  findings: Finding[];
  /** The user's sessions in other places (temporary homes): reported with their fix, not counted. */
  elsewhere: Finding[];
  /** Facts worth knowing that need no fix. */
  notes: string[];
}

/**
 * The storage mistakes people make, seen from the config root: a HOME that is not the
 * account's, a CLAUDE_CONFIG_DIR that leads nowhere, a linked `projects` directory, sessions in
 * temporary homes, and one working directory split over several project directories.
 */
export function checkStorage(check: StorageCheck): StorageReport {
  const findings: Finding[] = [];
  const elsewhere: Finding[] = [];
  const notes: string[] = [];
  const { env, configRoot } = check;
  const root = projectsRoot(configRoot);

  if (env.HOME && realPathOrSelf(env.HOME) !== realPathOrSelf(check.accountHome)) {
    const theirs = path.join(env.HOME, ".claude", "projects");
    findings.push({
      kind: "home-mismatch",
      message:
        `HOME is ${env.HOME}, but your account's home is ${check.accountHome}: Claude Code keeps sessions ` +
        "under $HOME/.claude, so sessions started with this HOME are not with the others (an IDE or terminal setting?)",
      fix: fs.existsSync(theirs)
        ? `HOME=${shellQuote(check.accountHome)} claude-reindex migrate --from ${shellQuote(theirs)}`
        : `start Claude Code with HOME=${shellQuote(check.accountHome)}`,
    });
  }
  if (env.CLAUDE_CONFIG_DIR) {
    const accountProjects = path.join(check.accountHome, ".claude", "projects");
    const elsewhere =
      fs.existsSync(accountProjects) && realPathOrSelf(accountProjects) !== realPathOrSelf(root)
        ? ` (${accountProjects} has sessions)`
        : "";
    if (!fs.existsSync(configRoot)) {
      findings.push({
        kind: "config-dir-missing",
        message: `CLAUDE_CONFIG_DIR is ${configRoot}, which does not exist${elsewhere}`,
        fix: "unset CLAUDE_CONFIG_DIR, or point it at your Claude Code directory",
      });
    } else if (listProjectDirNames(configRoot).length === 0) {
      findings.push({
        kind: "config-dir-empty",
        message: `CLAUDE_CONFIG_DIR is ${configRoot}, which holds no sessions${elsewhere}`,
        fix: "unset CLAUDE_CONFIG_DIR, or point it at your Claude Code directory",
      });
    }
  }
  try {
    if (fs.lstatSync(root).isSymbolicLink())
      notes.push(
        `${root} is a link to ${fs.readlinkSync(root)} (resolved: ${realPathOrSelf(root)}); claude-reindex follows it`,
      );
  } catch {
    // no projects directory
  }

  for (const stray of strayProjectDirs(check.strayRoots, root, check.uid)) {
    elsewhere.push({
      kind: "sessions-elsewhere",
      message:
        `${stray.sessions} ${stray.sessions === 1 ? "session" : "sessions"} in ` +
        `${stray.dir}, outside ${root} (Claude Code run with HOME or CLAUDE_CONFIG_DIR ` +
        `pointing there?)`,
      fix: `claude-reindex migrate --from ${shellQuote(stray.dir)}`,
    });
  }

  for (const outside of transcriptsOutsideProjects(configRoot)) {
    findings.push({
      kind: "sessions-outside-projects",
      message:
        `${outside.sessions} session ${outside.sessions === 1 ? "transcript" : "transcripts"} under ${outside.dir}, ` +
        `outside ${root}: Claude Code reads sessions only from projects/ ` +
        "(a custom layout, or left there when projects/ was a link?)",
      fix: `claude-reindex migrate --from ${shellQuote(outside.dir)}`,
    });
  }

  for (const group of splitProjects(configRoot)) {
    const [keep, ...others] = group.dirs;
    findings.push({
      kind: "project-split",
      message:
        `one working directory split over ${group.dirs.length} project directories ` +
        `(${group.why}): ${group.dirs.join(", ")}`,
      fix: others
        .map(
          (other) =>
            `claude-reindex migrate --from ${shellQuote(path.join(root, other))} ` +
            `--project ${shellQuote(path.join(root, keep!))}`,
        )
        .join(" && "),
    });
  }
  return { findings, elsewhere, notes };
}

/**
 * UUID-named transcripts under the config root but outside `projects/` (and outside our own
 * `claude-reindex/`, and whatever `projects/` links to), six levels deep at most, links not followed:
 * per folder of the root, how many and the deepest folder that holds them all (what migrate --from takes).
 */
export function transcriptsOutsideProjects(configRoot: string, maxDepth = 6): { dir: string; sessions: number }[] {
  const projects = realPathOrSelf(projectsRoot(configRoot));
  const found: { dir: string; sessions: number }[] = [];
  for (const top of safeDirents(configRoot)) {
    if (!top.isDirectory() || top.name === "projects" || top.name === "claude-reindex") continue;
    const files: string[] = [];
    const pending: [string, number][] = [[path.join(configRoot, top.name), 1]];
    while (pending.length > 0) {
      const [dir, depth] = pending.pop()!;
      const real = realPathOrSelf(dir);
      if (real === projects || real.startsWith(`${projects}${path.sep}`)) continue;
      for (const d of safeDirents(dir)) {
        if (d.isFile() && sessionIdOfFileName(d.name) !== null) files.push(path.join(dir, d.name));
        else if (d.isDirectory() && depth < maxDepth && d.name !== "subagents")
          pending.push([path.join(dir, d.name), depth + 1]);
      }
    }
    if (files.length > 0) found.push({ dir: commonDirectory(files), sessions: files.length });
  }
  return found;
}

function commonDirectory(files: string[]): string {
  let common = path.dirname(files[0]!);
  for (const file of files) {
    while (file !== common && !file.startsWith(`${common}${path.sep}`)) common = path.dirname(common);
  }
  return common;
}

function safeDirents(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * `<home>/.claude/projects` directories a level or two under each stray root that hold sessions of this
 * user: the would-be home, its `.claude` and `projects` are real directories (not links) owned by `uid`,
 * and only transcripts owned by `uid` in directories named as Claude Code names projects count. Another
 * user's sessions (a shared /tmp) are never offered for migration.
 */
function strayProjectDirs(
  strayRoots: string[],
  ownProjects: string,
  uid: number | null,
): { dir: string; sessions: number }[] {
  const found: { dir: string; sessions: number }[] = [];
  const own = realPathOrSelf(ownProjects);
  const visit = (dir: string, depth: number) => {
    const candidate = path.join(dir, ".claude", "projects");
    if (looksLikeUsersHome(dir, uid) && realPathOrSelf(candidate) !== own) {
      const sessions = countSessions(candidate, uid);
      if (sessions > 0) found.push({ dir: candidate, sessions });
    }
    if (depth === 0) return;
    let names: fs.Dirent[] = [];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of names) if (d.isDirectory() && d.name !== ".claude") visit(path.join(dir, d.name), depth - 1);
  };
  for (const root of strayRoots) visit(root, 2);
  return found;
}

/** A home directory of this user with Claude Code's `.claude/projects` in it, all real directories. */
function looksLikeUsersHome(home: string, uid: number | null): boolean {
  const claude = path.join(home, ".claude");
  return [home, claude, path.join(claude, "projects")].every((dir) => isOwn(dir, uid, "directory"));
}

function isOwn(file: string, uid: number | null, kind: "directory" | "file"): boolean {
  try {
    const stat = fs.lstatSync(file);
    return (kind === "directory" ? stat.isDirectory() : stat.isFile()) && (uid === null || stat.uid === uid);
  } catch {
    return false;
  }
}

/** How Claude Code names a project directory: an encoded absolute path (`-home-…`, `C--Users-…`). */
const PROJECT_DIR_NAME = /^(-|[A-Za-z]--)/;

function countSessions(projectsDir: string, uid: number | null): number {
  let count = 0;
  for (const project of directoryNames(projectsDir)) {
    if (!PROJECT_DIR_NAME.test(project)) continue;
    for (const name of directoryNames(path.join(projectsDir, project)))
      if (sessionIdOfFileName(name) !== null && isOwn(path.join(projectsDir, project, name), uid, "file")) count++;
  }
  return count;
}

/**
 * Project directories that belong to one working directory: names equal but for case
 * (a case-insensitive file system), for `_`, `.` and `-`, for the long-path hash suffix, or for
 * being the WSL and the Windows spelling of one path (`-mnt-c-x` and `C--x`).
 */
export function splitProjects(configRoot: string): { dirs: string[]; why: string }[] {
  const groups = new Map<string, string[]>();
  // On a case-sensitive file system `src/app` and `src/App` are two working directories, not one split.
  const foldCase = isCaseInsensitive(projectsRoot(configRoot));
  for (const name of listProjectDirNames(configRoot)) {
    const key = splitKey(name, foldCase);
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  return [...groups.values()].filter((dirs) => dirs.length > 1).map((dirs) => ({ dirs, why: splitReason(dirs) }));
}

function splitKey(name: string, foldCase: boolean): string {
  let key = name.length > 200 && /^.{200}-[0-9a-z]+$/.test(name) ? name.slice(0, 200) : name;
  key = key.replace(/[_.]/g, "-");
  if (foldCase) key = key.toLowerCase();
  // WSL's /mnt/c and Windows' C: name one drive whatever the case.
  const wsl = /^-mnt-([a-z])-(.*)$/i.exec(key) ?? /^([a-z])--(.*)$/i.exec(key);
  if (wsl) key = `${wsl[1]!.toLowerCase()}--${foldCase ? wsl[2]!.toLowerCase() : wsl[2]}`;
  return key;
}

/** Whether names in `dir` are case-insensitive: its own name in another case leads to it. */
function isCaseInsensitive(dir: string): boolean {
  const base = path.basename(dir);
  const flipped = base === base.toUpperCase() ? base.toLowerCase() : base.toUpperCase();
  if (flipped === base) return false;
  try {
    const a = fs.statSync(dir);
    const b = fs.statSync(path.join(path.dirname(dir), flipped));
    return a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
}

function splitReason(dirs: string[]): string {
  if (dirs.some((d) => d.startsWith("-mnt-")) && dirs.some((d) => /^[A-Za-z]--/.test(d)))
    return "WSL and Windows spellings";
  if (dirs.some((d) => d.length > 200)) return "long-path hash suffixes";
  if (new Set(dirs.map((d) => d.toLowerCase())).size === 1) return "case variants";
  return "punctuation variants";
}

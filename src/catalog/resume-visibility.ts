// Why the latest release's `/resume` (and the Agent SDK's `listSessions({ dir, includeProgrammatic: false })`)
// leaves a session out when run in the session's own working directory: stable reason codes, and the
// directory test itself (which project directories a listing for a path reads, and the same-slug check).
import fs from "node:fs";
import path from "node:path";
import { encodeProjectDirName } from "../layout/project-dir.ts";
import type { ResumeView } from "./resume-view.ts";

/** In the order the listing applies its tests. */
export const HIDDEN_REASONS = [
  "no-cwd",
  "split-directory",
  "programmatic",
  "daemon",
  "continued",
  "sidechain-head",
  "no-title",
  "bookkeeping-only",
  "cwd-mismatch",
] as const;

export type HiddenReason = (typeof HIDDEN_REASONS)[number];

/** One line each, for `why` and doctor. */
export const REASON_TEXT: Record<HiddenReason, string> = {
  "no-cwd": "no working directory is recorded in the transcript, so no directory's /resume lists it",
  "split-directory":
    "the transcript sits in a project directory other than the one Claude Code reads " +
    "for its working directory (a moved, relocated, linked or re-encoded project)",
  programmatic:
    "it was started by `claude -p` or the Agent SDK (an sdk-* entrypoint); /resume " +
    "lists only sessions typed in a terminal",
  daemon: "it is a daemon session (sessionKind daemon or daemon-worker)",
  continued: "it continued into another session, and /resume lists only the newer one",
  "sidechain-head": 'its first line is a sidechain record ("isSidechain":true), which the listing takes for a subagent',
  "no-title":
    "no title, prompt or summary is within the first or last 64 KiB that the listing reads (the prompt is further in)",
  "bookkeeping-only":
    "it holds no prompt at all: only bookkeeping records (a screen such as /model " +
    "opened and closed, a hook, an interrupted start)",
  "cwd-mismatch":
    "its recorded working directory is another directory that only shares this project's encoded name (slug)",
};

/** What /resume would do with a session that has these facts, run in `projectPath`. */
export interface VisibilityInput {
  projectDir: string;
  projectPath: string | null;
  view: ResumeView;
  /** Whether the session it continued into exists beside it and holds messages. */
  continuationExists: boolean;
  /** Whether 2.1.29 found a prompt or a counted message anywhere in the transcript. */
  hasPrompt: boolean;
}

export function hiddenReasons(input: VisibilityInput, paths: PathFacts): HiddenReason[] {
  const { view } = input;
  const reasons: HiddenReason[] = [];
  if (input.projectPath === null) reasons.push("no-cwd");
  else if (!paths.listedDirNames(input.projectPath).has(path.basename(input.projectDir)))
    reasons.push("split-directory");
  if (view.programmatic === "sdk") reasons.push("programmatic");
  if (view.programmatic === "daemon") reasons.push("daemon");
  if (view.continuedIn !== undefined && input.continuationExists) reasons.push("continued");
  if (view.sidechainHead) reasons.push("sidechain-head");
  if (view.title === undefined) reasons.push(input.hasPrompt ? "no-title" : "bookkeeping-only");
  if (
    input.projectPath !== null &&
    view.checkedCwd !== undefined &&
    !reasons.includes("split-directory") &&
    paths.slugCollision(view.checkedCwd, input.projectPath)
  )
    reasons.push("cwd-mismatch");
  return reasons;
}

/** Real paths and directory listings, looked up once per run. */
export class PathFacts {
  private readonly real = new Map<string, string | null>();
  private readonly dirNames = new Map<string, Set<string>>();
  private allNames: string[] | null = null;

  constructor(private readonly projectsRoot: string) {}

  realPath(p: string): string | null {
    let real = this.real.get(p);
    if (real === undefined) {
      try {
        real = fs.realpathSync.native(p);
      } catch {
        real = null;
      }
      this.real.set(p, real);
    }
    return real;
  }

  /**
   * The project directories a listing for `projectPath` reads: the name of its real path as the
   * latest release encodes it, and for long paths any name with the same 200-character prefix.
   */
  listedDirNames(projectPath: string): Set<string> {
    const real = this.realPath(projectPath) ?? projectPath;
    let names = this.dirNames.get(real);
    if (names === undefined) {
      names = new Set([encodeProjectDirName(real)]);
      const uncut = real.replace(/[^a-zA-Z0-9]/g, "-");
      if (uncut.length > 200) {
        const prefix = `${uncut.slice(0, 200)}-`;
        for (const name of this.projectDirNames()) if (name.startsWith(prefix)) names.add(name);
      }
      this.dirNames.set(real, names);
    }
    return names;
  }

  private projectDirNames(): string[] {
    if (this.allNames === null) {
      try {
        this.allNames = fs.readdirSync(this.projectsRoot);
      } catch {
        this.allNames = [];
      }
    }
    return this.allNames;
  }

  /**
   * The listing's test for a transcript whose recorded directory `recorded` is not the directory
   * listed (`projectPath`) though both encode to the same name: then it belongs to the other one.
   */
  slugCollision(recorded: string, projectPath: string): boolean {
    const listed = this.realPath(projectPath) ?? projectPath;
    if (!sameSlugOtherPath(recorded, listed)) return false;
    // Network and parent-relative paths the listing cannot verify: it keeps the session.
    if (unverifiable(recorded) || unverifiable(listed)) return false;
    const recordedReal = this.realPath(recorded);
    if (recordedReal === null) return false;
    return sameSlugOtherPath(recordedReal, listed);
  }
}

function sameSlugOtherPath(a: string, b: string): boolean {
  if (a === b) return false;
  const slug = (p: string) => p.replace(/[^a-zA-Z0-9]/g, "-");
  return slug(a) === slug(b) && a.replaceAll("\\", "/") !== b.replaceAll("\\", "/");
}

function unverifiable(p: string): boolean {
  return /^[\\/]{2}/.test(p) || /(^|[\\/])\.\.([\\/]|$)/.test(p) || /^\/net(\/|$)/i.test(p);
}

// `claude-reindex why <id>`: where one session's transcript is, whether and why Claude Code's `/resume`
// hides it, the line that resumes it anyway, and the fix where there is one.
import fs from "node:fs";
import path from "node:path";
import { keptSessionRows } from "../catalog/kept-rows.ts";
import { readWindows } from "../catalog/resume-view.ts";
import { REASON_TEXT } from "../catalog/resume-visibility.ts";
import { catalogSessions } from "../catalog/session-catalog.ts";
import type { SessionRow } from "../catalog/session-record.ts";
import { indexPathOf } from "../layout/index-path.ts";
import { selectProjectDirs } from "../layout/project-dir.ts";
import { sessionIdOfFileName } from "../layout/session-file.ts";
import { directoryNames } from "../system/directory-names.ts";
import { readRegularFile } from "../system/regular-file.ts";
import type { CommandIo } from "../text/command-io.ts";
import { shellQuote } from "../text/shell-quote.ts";
import { terminalJson } from "../text/terminal-json.ts";
import { terminalLine } from "../text/terminal-text.ts";
import { type CommandResult, done } from "./command-result.ts";

export interface WhyCommand {
  configRoot: string;
  /** A session id or a prefix of one that only one session has. */
  session: string;
  json: boolean;
  io: CommandIo;
}

export interface Explanation {
  session: SessionRow;
  /** The latest release (2.1.332) run in the session's directory: whether /resume lists it, and why not. */
  latest: string[];
  /** What other releases do with it. */
  releases: string[];
  /** For a kept session: where its transcript went, and where it is kept. */
  kept: string | null;
  /** For a kept session: the line that puts it back (before `resume` works). */
  restore: string | null;
  resume: string | null;
  fix: string | null;
}

/**
 * `claude-reindex why <id>`: where a session's transcript is, which releases hide it and why, the
 * exact line that resumes it anyway, and the fix where one exists. Failed when no session (or more
 * than one) has that id or prefix.
 */
export async function runWhy(command: WhyCommand): Promise<CommandResult> {
  const { io } = command;
  const wanted = command.session.trim().toLowerCase();
  // Only the projects that hold such a transcript are read: a row depends on its own project alone.
  const projectDirs = selectProjectDirs(command.configRoot, { kind: "all" }).filter((dir) =>
    directoryNames(dir).some((name) => sessionIdOfFileName(name)?.toLowerCase().startsWith(wanted)),
  );
  const rows = [
    ...(await catalogSessions({ configRoot: command.configRoot, projectDirs, writable: true })),
    // Sessions Claude Code deleted that the keep guard kept.
    ...(await keptSessionRows(command.configRoot, null, true)),
  ];
  const matches = rows.filter((row) => row.sessionId.toLowerCase().startsWith(wanted));
  const ids = [...new Set(matches.map((row) => row.sessionId))];
  if (wanted === "" || ids.length === 0) {
    const what = wanted === "" ? "id given" : `starts with ${terminalLine(wanted)}`;
    return { kind: "failed", problems: [`no session ${what} (claude-reindex list --all shows them all)`] };
  }
  if (ids.length > 1) {
    const some = `${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}`;
    return {
      kind: "failed",
      problems: [`${ids.length} sessions start with ${terminalLine(wanted)}: ${some}; give more of the id`],
    };
  }
  const explanations = matches.map(explain);
  if (command.json) {
    io.stdout.write(`${terminalJson(explanations, 2)}\n`);
    return done();
  }
  io.stdout.write(explanations.map(describe).join("\n"));
  return done();
}

export function explain(session: SessionRow): Explanation {
  if (session.kept) return explainKept(session);
  const latest: string[] = [];
  const where = session.projectPath;
  for (const reason of session.hiddenFromResume) latest.push(`${reason}: ${REASON_TEXT[reason]}`);
  const releases: string[] = [];
  const head = readWindows(session.fullPath)?.head ?? "";
  if (session.teamName !== null)
    releases.push(
      `2.1.330 and later, terminal /resume: hides team sessions (team ` +
        `${terminalLine(session.teamName)}); the Agent SDK's listing, our reference, ` +
        `shows it`,
    );
  if (!session.hiddenFromResume.includes("sidechain-head") && /"isSidechain": ?true/.test(head))
    releases.push('2.1.30 to 2.1.118: hidden ("isSidechain":true within the first 64 KiB)');
  if (session.hiddenFromResume.includes("no-title"))
    releases.push("2.1.30 to 2.1.45: hidden as well (no prompt within the windows read)");
  releases.push(indexNote(session));
  const resume = where === null ? null : `cd ${shellQuote(where)} && claude --resume ${session.sessionId}`;
  return { session, latest, releases, kept: null, restore: null, resume, fix: fixFor(session) };
}

/** A session whose transcript Claude Code's cleanup deleted and the keep guard kept. */
function explainKept(session: SessionRow): Explanation {
  const original = path.join(session.projectDir, path.basename(session.fullPath));
  const kept =
    `its transcript ${original} is gone from projects/: Claude Code's cleanup deleted it (its mtime was older ` +
    `than cleanupPeriodDays), and the keep guard had kept it at ${session.fullPath}`;
  const where = session.projectPath;
  return {
    session,
    latest: ["deleted: no release lists it until it is restored"],
    releases: [],
    kept,
    restore: `claude-reindex restore ${session.sessionId}`,
    resume: where === null ? null : `cd ${shellQuote(where)} && claude --resume ${session.sessionId}`,
    fix: "restore it (it comes back byte for byte with its times; resume it soon, or it is past the cutoff again)",
  };
}

function indexNote(session: SessionRow): string {
  try {
    const index = JSON.parse(readRegularFile(indexPathOf(session.projectDir)).text) as { entries?: unknown };
    const entries = Array.isArray(index?.entries) ? index.entries : [];
    const listed = entries.some((e) => (e as { sessionId?: unknown } | null)?.sessionId === session.sessionId);
    return listed
      ? "2.1.29 and earlier: listed by the project's sessions-index.json"
      : `2.1.29 and earlier: missing from the project's sessions-index.json (fix: ` +
          `claude-reindex rebuild --project ${shellQuote(session.projectDir)})`;
  } catch {
    return (
      `2.1.29 and earlier: the project has no sessions-index.json (fix: claude-reindex ` +
      `rebuild --project ${shellQuote(session.projectDir)})`
    );
  }
}

function fixFor(session: SessionRow): string | null {
  const reasons = session.hiddenFromResume;
  if (reasons.includes("split-directory") && session.projectPath !== null)
    return (
      `claude-reindex migrate --from ${shellQuote(session.projectDir)} --project ` +
      `${shellQuote(session.projectPath)} (moves the project's sessions where Claude ` +
      `Code looks for them)`
    );
  if (reasons.includes("no-title"))
    return "resume it and give it a name with /rename: the title record lands in the tail, where /resume reads it";
  if (reasons.includes("bookkeeping-only")) return "none needed: nothing was said in this session";
  if (reasons.length > 0)
    return (
      "none in the files (claude-reindex never rewrites a transcript): resume it by id, " +
      "or with claude-reindex pick"
    );
  return null;
}

function describe(explanation: Explanation): string {
  const { session, latest, releases, resume, fix } = explanation;
  if (explanation.kept !== null) {
    const lines = [
      `${session.sessionId}  ${terminalLine(session.title)}  [kept]`,
      `  ${terminalLine(explanation.kept)}`,
      `  directory:  ${session.projectPath === null ? "none recorded" : terminalLine(session.projectPath)}`,
      `  restore it: ${terminalLine(explanation.restore ?? "")}`,
    ];
    if (resume !== null) lines.push(`  then resume it: ${terminalLine(resume)}`);
    return `${lines.join("\n")}\n`;
  }
  const lines = [
    `${session.sessionId}  ${terminalLine(session.title)}`,
    `  transcript: ${terminalLine(session.fullPath)}`,
    `  directory:  ${session.projectPath === null ? "none recorded" : terminalLine(session.projectPath)}${
      session.projectPath !== null && !fs.existsSync(session.projectPath) ? " (no longer exists)" : ""
    }`,
  ];
  if (latest.length === 0)
    lines.push(
      `  Claude Code 2.1.330+ (/resume in that directory): lists ` +
        `it${session.projectPath === null ? "" : ` (in ${terminalLine(path.basename(session.projectPath))})`}`,
    );
  else {
    lines.push("  Claude Code 2.1.330+ (/resume in that directory): hides it:");
    for (const line of latest) lines.push(`    - ${line}`);
  }
  for (const line of releases) lines.push(`  ${line}`);
  if (resume !== null) lines.push(`  resume it: ${terminalLine(resume)}`);
  if (fix !== null) lines.push(`  fix: ${terminalLine(fix)}`);
  return `${lines.join("\n")}\n`;
}

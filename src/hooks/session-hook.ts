// One run of a SessionStart, Stop or SessionEnd hook: merge the hook's session (or its whole project)
// into the project's index through the rebuild layer. Never throws, never writes to stdout.
import fs from "node:fs";
import { managedSettingsDir } from "../layout/cleanup-period.ts";
import { indexPathOf } from "../layout/index-path.ts";
import { keepDueSessions } from "../layout/keep-guard.ts";
import { keepGuardOn } from "../layout/keep-guard-switch.ts";
import { type SessionFile, sessionFileFrom } from "../layout/session-file.ts";
import { type ProjectReport, rebuildProject } from "../rebuild/rebuild-project.ts";
import { renewShimSignature } from "../rebuild/shim-signature.ts";
import type { LockOptions } from "../sessions-index/index-lock.ts";
import { lockStaleMsSetting } from "../system/environment-setting.ts";
import { errorText } from "../text/error-text.ts";
import { TranscriptCache } from "../transcript/transcript-cache.ts";
import type { HookEvent } from "./hook-event.ts";
import { locateTranscript, parseHookInput } from "./hook-input.ts";
import { appendHookLog } from "./hook-log.ts";

export interface HookRun {
  event: HookEvent;
  input: string;
  configRoot: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  stderr: NodeJS.WritableStream;
}

/** A hook waits this long for another writer's lock, then leaves the merge to the next turn. */
export const HOOK_LOCK: LockOptions = { staleMs: 10_000, waitMs: 3_000 };

/**
 * One run of a SessionStart, Stop or SessionEnd hook: merge the entry of the hook's session into
 * its project's index, through the same library and lock as `rebuild`. SessionStart merges the
 * whole project, so a resumed project is whole from the first prompt (the merge is incremental:
 * entries it can trust cost a stat). So does any hook that finds no index, so that a hook never
 * leaves an index of one session behind. Never throws, never writes to stdout (SessionStart
 * stdout goes to the model): problems go to stderr and the hooks' log.
 */
export async function runSessionHook(run: HookRun): Promise<void> {
  const note = (line: string) => {
    run.stderr.write(`claude-reindex ${run.event} hook: ${line}\n`);
    appendHookLog(run.configRoot, run.now(), `${run.event}: ${line}`);
  };
  const debug = (line: string) => {
    if (run.env.CLAUDE_REINDEX_DEBUG === "1") note(line);
  };
  // SessionEnd's session, once located: what list and pick know of it is brought up to date at the end.
  let ended: { projectDir: string; transcript: string } | null = null;
  try {
    const parsed = parseHookInput(run.input);
    if (!parsed.ok) return note(`${parsed.problem}; nothing written`);
    const input = parsed.value;
    if (run.event === "Stop" && input.stop_hook_active)
      return debug("stop_hook_active: another Stop hook keeps Claude going; the next Stop merges");
    if (run.event === "SessionStart" && keepGuardOn(run.configRoot)) {
      // The keep guard while people work: Claude Code sweeps about 5 s after it starts.
      const kept = keepDueSessions({
        configRoot: run.configRoot,
        workingDir: input.cwd ?? null,
        managedDir: managedSettingsDir(run.env),
        now: run.now(),
      });
      for (const problem of kept.problems) note(problem);
      debug(`keep guard: ${kept.due} due, ${kept.kept.length} files kept now`);
    }
    const located = locateTranscript(run.configRoot, input.transcript_path);
    if (!located.ok) return note(`${located.problem}; nothing written`);
    const { projectDir, sessionId, path } = located.value;
    if (sessionId !== input.session_id)
      debug(`session_id ${input.session_id} differs from the transcript's name; indexing ${sessionId}`);

    // A project's first session: Claude Code may run SessionStart before it creates the directory.
    if (!fs.existsSync(projectDir)) return debug(`${projectDir} does not exist yet`);
    if (run.event === "SessionEnd") ended = { projectDir, transcript: path };
    const options = {
      dryRun: false,
      cache: TranscriptCache.under(run.configRoot, { writable: true }),
      now: run.now,
      lock: HOOK_LOCK,
      lockStaleMs: lockStaleMsSetting(run.env),
    };
    if (run.event === "SessionStart" || !fs.existsSync(indexPathOf(projectDir))) {
      report(await rebuildProject(projectDir, options), note, debug);
      return;
    }
    const file = sessionFile(sessionId, path);
    if (file) report(await rebuildProject(projectDir, { ...options, only: file }), note, debug);
    else debug(`${path} does not exist yet`);
  } catch (error) {
    note(`unexpected error: ${errorText(error)}`);
  } finally {
    // Claude Code has exited (the launcher waits for it): the shim's next check can then find the
    // tree as this check leaves it, and compare in sh without starting Node.
    if (run.event === "SessionEnd") {
      if (ended !== null) await refreshCatalog(run, ended, note);
      refreshShimSignature(run, note);
    }
  }
}

/**
 * What `list` and `pick` keep of the session that ended (session-catalog.ts), read now that it is complete:
 * their next run shows it without reading it, and a picker's first screen, where it is among the newest, comes
 * without loading the code that reads transcripts.
 */
async function refreshCatalog(
  run: HookRun,
  { projectDir, transcript }: { projectDir: string; transcript: string },
  note: (line: string) => void,
): Promise<void> {
  try {
    const { catalogSessions } = await import("../catalog/session-catalog.ts");
    const only = new Set([transcript]);
    await catalogSessions({ configRoot: run.configRoot, projectDirs: [projectDir], writable: true, only });
  } catch (error) {
    note(`keeping what list and pick know of ${transcript}: ${errorText(error)}`);
  }
}

function refreshShimSignature(run: HookRun, note: (line: string) => void): void {
  try {
    renewShimSignature({ configRoot: run.configRoot, env: run.env, now: run.now() });
  } catch (error) {
    note(`checking every project's index: ${errorText(error)}`);
  }
}

function sessionFile(sessionId: string, filePath: string): SessionFile | null {
  try {
    const stat = fs.lstatSync(filePath);
    if (!stat.isFile()) return null;
    return sessionFileFrom(sessionId, filePath, stat);
  } catch {
    return null;
  }
}

function report(result: ProjectReport, note: (line: string) => void, debug: (line: string) => void): void {
  if (result.status === "failed") note(`${result.problem}; the next hook or rebuild will merge it`);
  else
    debug(
      `${result.indexPath}: ${result.status}, ` +
        `${result.added} added, ${result.updated} updated, ${result.removed} removed`,
    );
}

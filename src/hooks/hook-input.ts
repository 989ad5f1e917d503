// What Claude Code sends a hook on stdin, checked with zod, and where its transcript_path points: a
// session transcript under this config root, or a problem (a hook never writes elsewhere).
import path from "node:path";
import * as z from "zod";
import { projectsRoot } from "../layout/config-root.ts";
import { sessionIdOfFileName } from "../layout/session-file.ts";
import { realPathOrSelf } from "../system/real-path.ts";

/** What Claude Code sends a command hook on stdin (the fields claude-reindex reads; others pass). */
export const HookInputSchema = z.looseObject({
  session_id: z.string().min(1),
  transcript_path: z.string().min(1),
  cwd: z.string().optional(),
  hook_event_name: z.string().min(1),
  source: z.string().optional(),
  reason: z.string().optional(),
  stop_hook_active: z.boolean().optional(),
});

export type HookInput = z.infer<typeof HookInputSchema>;

/** Hook input is small; a Stop hook's last_assistant_message can still run to megabytes. */
export const MAX_HOOK_INPUT_BYTES = 16 * 1024 * 1024;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export function parseHookInput(text: string): Parsed<HookInput> {
  if (text.trim() === "") return { ok: false, problem: "no hook input on stdin" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: "hook input on stdin is not JSON" };
  }
  const parsed = HookInputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `hook input: ${issue.path.join(".") || "top level"}: ${issue.message}` };
  }
  return { ok: true, value: parsed.data };
}

export interface TranscriptLocation {
  /** The project directory under the config root's `projects/`, spelled from the root as given. */
  projectDir: string;
  sessionId: string;
  /** The transcript's path as the index writes it: `<root>/projects/<dir>/<uuid>.jsonl`. */
  path: string;
}

/**
 * Where a hook's `transcript_path` points, if it is a session transcript of this config root:
 * an absolute path, without `..`, naming `<uuid>.jsonl` in a directory directly under
 * `projects/` (compared by real path, so a symlinked `projects` directory works). Anything else
 * is refused: a hook never writes outside the root it belongs to.
 */
export function locateTranscript(configRoot: string, transcriptPath: string): Parsed<TranscriptLocation> {
  if (!path.isAbsolute(transcriptPath))
    return { ok: false, problem: `transcript_path is not absolute: ${transcriptPath}` };
  if (transcriptPath.split(/[\\/]/).includes(".."))
    return { ok: false, problem: `transcript_path contains "..": ${transcriptPath}` };
  const name = path.basename(transcriptPath);
  const sessionId = sessionIdOfFileName(name);
  if (sessionId === null)
    return {
      ok: false,
      problem: `transcript_path does not name a session transcript (<uuid>.jsonl): ${transcriptPath}`,
    };
  const root = projectsRoot(configRoot);
  const projectDir = path.dirname(transcriptPath);
  if (realPathOrSelf(path.dirname(projectDir)) !== realPathOrSelf(root)) {
    return { ok: false, problem: `transcript_path is not under ${root}: ${transcriptPath}` };
  }
  const ownProjectDir = path.join(root, path.basename(projectDir));
  return { ok: true, value: { projectDir: ownProjectDir, sessionId, path: path.join(ownProjectDir, name) } };
}

// The picker tests' workspace: a config tree, two project folders that exist (pick resumes a session
// in its own folder), session times counted back from now, a stub claude on PATH, and the command line
// that starts `claude-reindex pick` in a terminal with that environment.
import fs from "node:fs";
import path from "node:path";
import { ClaudeTree } from "./claude-tree.ts";
import { writeStubClaude } from "./stub-claude.ts";
import { tempDir } from "./temp.ts";

const cli = path.resolve(import.meta.dirname, "../../bin/claude-reindex");
export const HOUR = 3_600_000;

export interface PickerWorkspaceOptions {
  /** The second project's folder name (default "api"). */
  apiName?: string;
  /** More environment for the picker. */
  env?: Record<string, string>;
}

export function pickerWorkspace(options: PickerWorkspaceOptions = {}) {
  const tree = new ClaudeTree();
  const work = fs.realpathSync(tempDir());
  const app = path.join(work, "app");
  const api = path.join(work, options.apiName ?? "api");
  fs.mkdirSync(app);
  fs.mkdirSync(api);
  const now = Date.now();
  // Transcripts last written a minute after they started: pickers sort and age by that mtime.
  const at = (ago: number) => ({ start: new Date(now - ago), mtime: now - ago + 60_000 });
  const stubDir = path.join(work, "bin");
  writeStubClaude(stubDir);
  const record = path.join(work, "record.json");
  const env: Record<string, string> = {
    CLAUDE_CONFIG_DIR: tree.root,
    STUB_RECORD: record,
    PATH: `${stubDir}:${process.env.PATH}`,
    TERM: "xterm-256color",
    ...options.env,
  };
  const envLine = Object.entries(env)
    .map(([k, v]) => `${k}='${v}'`)
    .join(" ");
  const command = `cd '${work}' && env ${envLine} '${cli}' pick`;
  return { tree, work, app, api, at, record, env, command };
}

/** The sessions most picker tests look at: an old one and the newest in app, one in between in api. */
export function threeSessions(w: ReturnType<typeof pickerWorkspace>) {
  const old = w.tree.session(w.app, ["an old question about parsers"], w.at(50 * HOUR));
  const zebra = w.tree.session(w.api, ["the zebra migration plan"], w.at(3 * HOUR));
  const newest = w.tree.session(w.app, ["the newest work on the app"], w.at(HOUR));
  return { old, zebra, newest };
}

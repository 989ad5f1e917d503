// A moved project in Claude Code's own records: the keys of the `projects` map in `.claude.json`
// (`$CLAUDE_CONFIG_DIR/.claude.json`, else `~/.claude.json`) and the `project` field of each prompt in
// `<root>/history.jsonl`. A path matches exactly or as a folder above (`/a/b` matches `/a/b` and
// `/a/b/c`, never `/a/bc`). Only those strings change: every other byte of the files stays, unknown
// keys and formatting included. The file is backed up first and replaced by rename, never through a link,
// and not when it changed while it was being rewritten (Claude Code writes both files while it runs).
import fs from "node:fs";
import path from "node:path";
import { findNodeAtLocation, parseTree } from "jsonc-parser";
import { withDirectoryLock } from "../system/directory-lock.ts";
import { makeDirectory, replaceFile } from "../system/replace-file.ts";
import { errorText } from "../text/error-text.ts";

/** `value` with `oldPath` replaced by `newPath` when it is that path or below it; else null. */
export function movedPath(value: string, oldPath: string, newPath: string): string | null {
  const from = trimSlash(oldPath);
  if (value === from) return trimSlash(newPath);
  if (value.startsWith(`${from}/`)) return trimSlash(newPath) + value.slice(from.length);
  return null;
}

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p;
}

export interface TextChange {
  text: string;
  /** What changed, one line each ("old -> new"). */
  changed: string[];
  /** Keys not renamed because the new one is already there (both kept). */
  clashes: string[];
}

/** `.claude.json`: the `projects` keys of the moved folder (and folders below it) renamed in place. */
export function moveProjectKeys(text: string, oldPath: string, newPath: string): TextChange {
  const result: TextChange = { text, changed: [], clashes: [] };
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const projects = tree && findNodeAtLocation(tree, ["projects"]);
  if (projects?.type !== "object") return result;
  const keys = new Set((projects.children ?? []).map((p) => p.children?.[0]?.value as string));
  const edits: { offset: number; length: number; text: string }[] = [];
  for (const property of projects.children ?? []) {
    const keyNode = property.children?.[0];
    if (!keyNode || typeof keyNode.value !== "string") continue;
    const renamed = movedPath(keyNode.value, oldPath, newPath);
    if (renamed === null || renamed === keyNode.value) continue;
    if (keys.has(renamed)) {
      result.clashes.push(`${keyNode.value} (${renamed} is there too; both kept)`);
      continue;
    }
    keys.add(renamed);
    edits.push({ offset: keyNode.offset, length: keyNode.length, text: JSON.stringify(renamed) });
    result.changed.push(`${keyNode.value} -> ${renamed}`);
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.offset - a.offset))
    out = out.slice(0, edit.offset) + edit.text + out.slice(edit.offset + edit.length);
  result.text = out;
  return result;
}

/** `history.jsonl`: the `project` of each prompt made in the moved folder; other lines byte for byte. */
export function moveHistoryProjects(text: string, oldPath: string, newPath: string): TextChange {
  const result: TextChange = { text, changed: [], clashes: [] };
  const lines = text.split("\n");
  let count = 0;
  for (const [i, line] of lines.entries()) {
    if (!line.includes('"project"')) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue; // a torn or foreign line stays as it is
    }
    if (typeof record !== "object" || record === null || Array.isArray(record)) continue;
    const project = (record as { project?: unknown }).project;
    if (typeof project !== "string") continue;
    const renamed = movedPath(project, oldPath, newPath);
    if (renamed === null || renamed === project) continue;
    const token = `"project":${JSON.stringify(project)}`;
    const at = line.indexOf(token);
    lines[i] =
      at >= 0 && line.indexOf(token, at + 1) < 0
        ? `${line.slice(0, at)}"project":${JSON.stringify(renamed)}${line.slice(at + token.length)}`
        : JSON.stringify({ ...(record as object), project: renamed });
    count++;
  }
  if (count > 0) {
    result.text = lines.join("\n");
    result.changed.push(`${count} ${count === 1 ? "prompt" : "prompts"}: ${oldPath} -> ${newPath}`);
  }
  return result;
}

export type RewriteOutcome =
  | { kind: "missing" }
  | { kind: "unchanged"; clashes: string[] }
  | { kind: "changed"; changed: string[]; clashes: string[]; backup: string | null }
  | { kind: "refused"; problem: string };

export interface RewriteOptions {
  file: string;
  /** Where the copy of the file as it was goes (`<backupDir>/<name>.<time>`). */
  backupDir: string;
  now: Date;
  dryRun: boolean;
  /** Take `<file>.lock` while rewriting (history.jsonl, which Claude Code appends to). */
  lock: boolean;
  change: (text: string) => TextChange;
}

/** Rewrites one file with `change`, backed up first; a dry run only says what would change. */
export async function rewriteWithBackup(options: RewriteOptions): Promise<RewriteOutcome> {
  const { file } = options;
  const first = statOrNull(file);
  if (first === null) return { kind: "missing" };
  if (first.isSymbolicLink())
    return { kind: "refused", problem: `${file} is a symbolic link; claude-reindex does not write through links` };
  if (!first.isFile()) return { kind: "refused", problem: `${file} is not a regular file` };
  const work = async (): Promise<RewriteOutcome> => {
    const before = fs.lstatSync(file, { bigint: true });
    const original = fs.readFileSync(file);
    const change = options.change(original.toString("utf8"));
    if (change.changed.length === 0) return { kind: "unchanged", clashes: change.clashes };
    if (options.dryRun) return { kind: "changed", changed: change.changed, clashes: change.clashes, backup: null };
    makeDirectory(options.backupDir, 0o700);
    const backup = backupName(options.backupDir, path.basename(file), options.now);
    fs.writeFileSync(backup, original, { flag: "wx", mode: 0o600 });
    replaceFile(file, change.text, {
      newFileMode: 0o600,
      fsync: true,
      beforeRename: () => {
        const now = fs.lstatSync(file, { bigint: true });
        if (now.ino !== before.ino || now.size !== before.size || now.mtimeNs !== before.mtimeNs)
          throw new Error(`${file} changed while it was rewritten (Claude Code running?); nothing written, run again`);
      },
    });
    return { kind: "changed", changed: change.changed, clashes: change.clashes, backup };
  };
  try {
    return options.lock && !options.dryRun
      ? await withDirectoryLock(file, { staleMs: 10_000, waitMs: 15_000 }, work)
      : await work();
  } catch (error) {
    return { kind: "refused", problem: errorText(error) };
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch {
    return null;
  }
}

/** `<dir>/<name>.<yyyymmddThhmmssZ>`, then `-2`, … : never over an earlier backup. */
function backupName(dir: string, name: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${name}.${stamp}${n === 1 ? "" : `-${n}`}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

// Claude Code's settings files: where each scope's file is, and reading one as Claude Code does
// (comments and trailing commas allowed), checking only the `hooks` part.
import fs from "node:fs";
import path from "node:path";
import {
  type FormattingOptions,
  type Node,
  type ParseError,
  parse,
  parseTree,
  printParseErrorCode,
} from "jsonc-parser";
import * as z from "zod";
import { readRegularFile } from "../system/regular-file.ts";

/** Settings files are small; one larger than this is not read. */
export const MAX_SETTINGS_BYTES = 16 * 1024 * 1024;

/**
 * The text of a settings file, or null when there is none. Read where a link points (as Claude Code
 * reads it), never blocking on a FIFO; anything else that stops the read is thrown.
 */
export function readSettingsText(file: string): string | null {
  try {
    return readRegularFile(file, MAX_SETTINGS_BYTES, { followLinks: true }).text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Why claude-reindex must not replace this settings file, or null when it may: a link (the new file
 * would replace the link, not change the file it points to), a file the user may not write, a file of
 * another user (a rename would change its owner).
 */
export function settingsWriteProblem(file: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return null;
  }
  if (stat.isSymbolicLink())
    return (
      `a symbolic link (to ${fs.readlinkSync(file)}); claude-reindex does not write ` +
      `through links: run it with the file the link points to in place, or edit that ` +
      `file`
    );
  if (!stat.isFile()) return "not a regular file";
  const uid = process.getuid?.();
  if (uid !== undefined && uid !== 0 && stat.uid !== uid)
    return `owned by another user (uid ${stat.uid}); replacing it would change its owner`;
  const readOnly = "read-only; make it writable (chmod u+w) if claude-reindex should change it";
  // The owner's write bit, even for root (who may write anything): a read-only file was made so on purpose.
  if ((stat.mode & 0o200) === 0) return readOnly;
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    return readOnly;
  }
  return null;
}
export type SettingsScope = "user" | "project" | "local";

/** Claude Code's settings files: the user's in the config root, a project's in its `.claude/`. */
export function settingsPathFor(scope: SettingsScope, configRoot: string, workingDir: string): string {
  if (scope === "user") return path.join(configRoot, "settings.json");
  return path.join(workingDir, ".claude", scope === "project" ? "settings.json" : "settings.local.json");
}

const HookHandlerSchema = z.looseObject({ type: z.string(), command: z.string().optional() });
const HookGroupSchema = z.looseObject({ matcher: z.string().optional(), hooks: z.array(HookHandlerSchema) });

/** The part of settings.json claude-reindex edits; everything else passes through untouched. */
export const SettingsSchema = z.looseObject({
  hooks: z.record(z.string(), z.array(HookGroupSchema)).optional(),
});

export type Settings = z.infer<typeof SettingsSchema>;

export type SettingsRead =
  | { ok: true; settings: Settings; formatting: FormattingOptions }
  | { ok: false; problem: string };

/**
 * Parses settings.json as Claude Code does (comments and trailing commas are accepted) and checks
 * the `hooks` part of it. A file that fails either is reported, never rewritten.
 */
export function parseSettings(text: string): SettingsRead {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const { error, offset } = errors[0]!;
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    return { ok: false, problem: `not valid JSON (${printParseErrorCode(error)} at line ${line}, column ${column})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, problem: "not a JSON object" };
  const duplicate = duplicateHooksKey(text);
  if (duplicate) return { ok: false, problem: duplicate };
  const parsed = SettingsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `"${issue.path.join(".")}" is not what Claude Code expects (${issue.message})` };
  }
  return { ok: true, settings: value as Settings, formatting: detectFormatting(text) };
}

/** The file's own indentation and line ends, so that edits look like the rest of it. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indent?.startsWith("\t")) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent?.length ?? 2, eol };
}

/**
 * A key written twice where hooks live (`hooks` itself, or any key inside it). Claude Code reads the
 * last of duplicates; an edit of the first would register hooks that never run, so such a file is
 * reported and left unchanged.
 */
function duplicateHooksKey(text: string): string | null {
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (root?.type !== "object") return null;
  const lineOf = (node: Node) => text.slice(0, node.offset).split("\n").length;
  const pending: { node: Node; inHooks: boolean }[] = [{ node: root, inHooks: false }];
  while (pending.length > 0) {
    const { node, inHooks } = pending.pop()!;
    if (node.type === "object") {
      const seen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const first = seen.get(key);
        if (first && (inHooks || key === "hooks"))
          return (
            `ambiguous: the key ${JSON.stringify(key)} appears twice (lines ${lineOf(first)} ` +
            `and ${lineOf(keyNode)}), and Claude Code reads only the last one; merge them ` +
            `into one`
          );
        seen.set(key, keyNode);
        if (valueNode && (inHooks || key === "hooks")) pending.push({ node: valueNode, inHooks: true });
      }
    } else if (node.type === "array" && inHooks) {
      for (const child of node.children ?? []) pending.push({ node: child, inHooks: true });
    }
  }
  return null;
}

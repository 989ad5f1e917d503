import path from "node:path";
import { type FormattingOptions, type ParseError, parse, printParseErrorCode } from "jsonc-parser";
import * as z from "zod";

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

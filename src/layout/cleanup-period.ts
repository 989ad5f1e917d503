// The `cleanupPeriodDays` Claude Code 2.1.332 goes by, and the settings file it comes from: its sweep
// deletes every `projects/*/*.jsonl` whose mtime is older than that many days (README "What Claude
// Code deletes"). The settings are read as Claude Code merges them (managed over local over project
// over user); a file that does not parse, or whose value Claude Code rejects, is passed over (Claude
// Code ignores such a file whole) and named in `problems`. The schema uses zod/mini: the same checks as
// zod's classic API, and about half the load time, which the shim's keep guard (dist/shim-keep.cjs) pays on
// every launch whose check is due.
import fs from "node:fs";
import path from "node:path";
import { parse } from "jsonc-parser";
import * as z from "zod/mini";
import { readRegularFile } from "../system/regular-file.ts";

export const DEFAULT_CLEANUP_PERIOD_DAYS = 30;
export const DAY_MS = 86_400_000;

/** Settings files are small; a larger one is passed over unread. */
const MAX_SETTINGS_BYTES = 16 * 1024 * 1024;

export interface CleanupPlaces {
  configRoot: string;
  /** The directory Claude Code runs in: its `.claude/settings*.json` count (null: unknown, not read). */
  workingDir: string | null;
  /** Where managed (policy) settings live: /etc/claude-code on Linux. */
  managedDir: string;
}

export interface CleanupPeriod {
  days: number;
  /** The settings file that sets it, or null for Claude Code's default. */
  source: string | null;
  /** Settings files passed over, each one line. */
  problems: string[];
}

const RetentionSchema = z.looseObject({ cleanupPeriodDays: z.optional(z.int().check(z.positive())) });

/** Managed settings' folder per platform (Claude Code's own choice; tests pass another). */
export function defaultManagedSettingsDir(platform: NodeJS.Platform = process.platform): string {
  if (platform === "darwin") return "/Library/Application Support/ClaudeCode";
  if (platform === "win32") return "C:\\Program Files\\ClaudeCode";
  return "/etc/claude-code";
}

/** Managed settings' folder: CLAUDE_REINDEX_MANAGED_SETTINGS_DIR (for tests), else the platform's. */
export function managedSettingsDir(env: NodeJS.ProcessEnv): string {
  return env.CLAUDE_REINDEX_MANAGED_SETTINGS_DIR || defaultManagedSettingsDir();
}

/** The settings files Claude Code reads cleanupPeriodDays from, the one that wins first. */
export function retentionSettingsFiles(places: CleanupPlaces): string[] {
  const dropIns = path.join(places.managedDir, "managed-settings.d");
  let names: string[] = [];
  try {
    names = fs
      .readdirSync(dropIns)
      .filter((n) => n.endsWith(".json"))
      .sort()
      .reverse();
  } catch {
    // none
  }
  return [
    ...names.map((n) => path.join(dropIns, n)),
    path.join(places.managedDir, "managed-settings.json"),
    ...(places.workingDir === null
      ? []
      : [
          path.join(places.workingDir, ".claude", "settings.local.json"),
          path.join(places.workingDir, ".claude", "settings.json"),
        ]),
    path.join(places.configRoot, "settings.json"),
  ];
}

export function cleanupPeriodInForce(places: CleanupPlaces): CleanupPeriod {
  const problems: string[] = [];
  for (const file of retentionSettingsFiles(places)) {
    let text: string;
    try {
      // A settings file kept with dotfiles may be a link; a FIFO or device is refused, never waited on.
      text = readRegularFile(file, MAX_SETTINGS_BYTES, { followLinks: true }).text;
    } catch {
      continue;
    }
    const value: unknown = parse(text, [], { allowTrailingComma: true, disallowComments: false });
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      if (text.trim() !== "") problems.push(`${file} is not a JSON object; Claude Code ignores it`);
      continue;
    }
    const read = RetentionSchema.safeParse(value);
    if (!read.success) {
      const given = JSON.stringify((value as Record<string, unknown>).cleanupPeriodDays);
      problems.push(
        `cleanupPeriodDays ${given} in ${file} is not a whole number of days of at least ` +
          `1; Claude Code ignores that file`,
      );
      continue;
    }
    if (read.data.cleanupPeriodDays !== undefined) return { days: read.data.cleanupPeriodDays, source: file, problems };
  }
  return { days: DEFAULT_CLEANUP_PERIOD_DAYS, source: null, problems };
}

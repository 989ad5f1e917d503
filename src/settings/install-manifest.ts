// What each install created in each settings file, <root>/claude-reindex/installed.json, so that
// uninstall removes exactly that.
import path from "node:path";
import * as z from "zod";
import { HOOK_EVENTS } from "../hooks/hook-event.ts";
import { KEEP_SESSIONS_KEY } from "../layout/keep-guard-switch.ts";
import { readPrivateFile, writePrivateFile } from "../system/private-file.ts";
import type { CreatedContainers } from "./hook-registration.ts";

/**
 * What each install created in each settings file (the file itself, the `hooks` key, event
 * arrays), so that uninstall removes exactly that and leaves the user's own containers alone.
 */
const ManifestSchema = z.record(
  z.string(),
  z.object({
    createdFile: z.boolean(),
    hooksKey: z.boolean(),
    events: z.array(z.enum(HOOK_EVENTS)),
    /** `install --keep-sessions`: the keep guard is on (layout/keep-guard-switch.ts). */
    [KEEP_SESSIONS_KEY]: z.boolean().optional(),
  }),
);

export type InstallRecord = CreatedContainers & { createdFile: boolean; keepSessions?: boolean };

function manifestPath(configRoot: string): string {
  return path.join(configRoot, "claude-reindex", "installed.json");
}

function readManifest(configRoot: string): z.infer<typeof ManifestSchema> {
  const text = readPrivateFile(manifestPath(configRoot));
  if (text === null) return {};
  try {
    return ManifestSchema.parse(JSON.parse(text));
  } catch {
    return {};
  }
}

/** Every settings file an install is recorded for. */
export function installRecords(configRoot: string): Record<string, InstallRecord> {
  return readManifest(configRoot);
}

export function installRecord(configRoot: string, settingsPath: string): InstallRecord | null {
  return readManifest(configRoot)[settingsPath] ?? null;
}

export function saveInstallRecord(configRoot: string, settingsPath: string, record: InstallRecord | null): void {
  const manifest = readManifest(configRoot);
  if (record === null) delete manifest[settingsPath];
  else manifest[settingsPath] = record;
  writePrivateFile(manifestPath(configRoot), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Compares session rows (the catalog's, or `list --all --json`'s) with the Agent SDK's listings. */
import type { SessionRow } from "../../src/catalog/session-record.ts";
import { listSessionsIn, type SdkSessionRow } from "./agent-sdk.mjs";

type Row = Pick<SessionRow, "sessionId" | "title" | "projectPath" | "hiddenFromResume">;

/** Compares the catalog with the SDK's listings; returns the counts for the report. */
export async function compareWithSdk(root: string, rows: Row[]) {
  const paths = [...new Set(rows.map((r) => r.projectPath).filter((p): p is string => p !== null))];
  const [all, ...perDir] = await listSessionsIn(root, [
    { includeProgrammatic: true },
    ...paths.map((dir) => ({ dir, includeProgrammatic: false })),
  ]);
  const byId = new Map(rows.map((r) => [r.sessionId, r]));
  const missing = all!.filter((s) => !byId.has(s.sessionId)).map((s) => s.sessionId);
  const titleDiffs: { id: string; ours: string; sdk: string }[] = [];
  const check = (s: SdkSessionRow) => {
    const row = byId.get(s.sessionId);
    if (row && row.title !== s.summary) titleDiffs.push({ id: s.sessionId, ours: row.title, sdk: s.summary });
  };
  all!.forEach(check);
  const visibility: { id: string; ours: string[]; sdkLists: boolean }[] = [];
  for (const row of rows) {
    if (row.projectPath === null) {
      visibility.push({ id: row.sessionId, ours: row.hiddenFromResume, sdkLists: false });
      continue;
    }
    const listed = perDir[paths.indexOf(row.projectPath)]!;
    const sdkRow = listed.find((s) => s.sessionId === row.sessionId);
    if (sdkRow) check(sdkRow);
    visibility.push({ id: row.sessionId, ours: row.hiddenFromResume, sdkLists: sdkRow !== undefined });
  }
  const disagreements = visibility.filter((v) => (v.ours.length === 0) !== v.sdkLists);
  return { sdkAll: all!.length, rows: rows.length, missing, titleDiffs, visibility, disagreements };
}

// `--since` / `--until` values: an age back from now (`30m`, `12h`, `3d`, `2w`), a day
// (`2026-11-01`, local time), or an ISO 8601 date and time.

import { UsageError } from "./user-error.ts";

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * The instant `value` names, in ms. A bare day means its start for `--since` and the start of the
 * next day for `--until`, so that `--until 2026-11-01` includes all of that day.
 */
export function parseTimeBound(value: string, option: "--since" | "--until", now: Date): number {
  const age = /^(\d+)\s*([mhdw])$/i.exec(value.trim());
  if (age !== null) return now.getTime() - Number(age[1]) * UNIT_MS[age[2]!.toLowerCase()]!;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (day !== null) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const start = new Date(y, m - 1, d);
    if (start.getFullYear() === y && start.getMonth() === m - 1 && start.getDate() === d) {
      return option === "--until" ? new Date(y, m - 1, d + 1).getTime() : start.getTime();
    }
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(value.trim())) {
    const at = Date.parse(value.trim());
    if (Number.isFinite(at)) return at;
  }
  throw new UsageError(
    `${option} takes an age (30m, 12h, 3d, 2w), a day (2026-11-01) or a date and time (2026-11-01T09:30), ` +
      `not '${value}'`,
  );
}

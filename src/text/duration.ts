// Durations in words for people: "3 days", "1 hour".
const UNITS: [name: string, ms: number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
];

/** "3 days", "1 hour", "12 minutes": the largest whole unit, for messages to people. */
export function formatDuration(ms: number): string {
  for (const [name, size] of UNITS) {
    const count = Math.floor(ms / size);
    if (count >= 1) return `${count} ${name}${count === 1 ? "" : "s"}`;
  }
  return "less than a second";
}

// Settings read from the environment: non-negative numbers and lists of paths, with their defaults.
/** A non-negative number from an environment variable, or the default when unset or not one. */
export function numberSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  const number = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(number) && number >= 0 ? number : fallback;
}

/** CLAUDE_REINDEX_LOCK_STALE_MS: when a lock left by a dead process may be taken over; unset keeps the default. */
export function lockStaleMsSetting(env: NodeJS.ProcessEnv): number | undefined {
  return numberSetting(env, "CLAUDE_REINDEX_LOCK_STALE_MS", 0) || undefined;
}

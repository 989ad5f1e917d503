// The usage error: a mistake in how a command was called, reported in one line with exit code 2.
/** A mistake in how the command was called: reported in one line with the usage, exit code 2. */
export class UsageError extends Error {}

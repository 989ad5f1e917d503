// The one way an error becomes text in a problem line: "CODE: message", the code said once.

/**
 * "EACCES: permission denied, open '/x'" for a system error (whose message already starts with its
 * code, which is then not repeated), "CODE: message" for other errors with a code, else the message.
 */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code } = error as NodeJS.ErrnoException;
  if (typeof code !== "string" || code === "" || error.message.startsWith(`${code}:`)) return error.message;
  return `${code}: ${error.message}`;
}

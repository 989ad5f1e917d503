/** Quotes a word for a POSIX shell, so a printed command (or a hook command) runs as it reads. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

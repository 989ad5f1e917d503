// Quoting for a POSIX shell, so that a printed command (or a hook command) runs as it reads.
/** Quotes a word for a POSIX shell, so a printed command (or a hook command) runs as it reads. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The inverse of shellQuote for the words it writes (bare, or '…' with '\'' for a quote); null for others. */
export function shellUnquote(word: string): string | null {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  const quoted = /^'((?:[^']|'\\'')*)'$/.exec(word);
  return quoted ? quoted[1]!.replace(/'\\''/g, "'") : null;
}

// What the person typed after `search`, turned into terms: words and quoted phrases, folded as the
// full-text index folds them (case and diacritics), with common words set aside.

/** At most this many characters of query: a pasted log is not a query. */
export const MAX_QUERY_CHARS = 1000;
/** At most this many terms (words or quoted phrases) must all occur. */
export const MAX_TERMS = 32;

/** Words so common that nearly every session holds them: they cannot narrow a search. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about after all also am an and any are as at be because been but by can could did do does for from had " +
    "has have he her here him his how i if in into is it its just let me more my no not now of on one or our out " +
    "she so some than that the their them then there these they this to too up us was we were what when where " +
    "which who why will with would you your"
  ).split(" "),
);

/** A query that cannot be searched for, with the reason in words for the person who typed it. */
export class QueryError extends Error {}

export interface SearchQuery {
  /** Every term must occur in a session; a term is a run of tokens that must stand together. */
  terms: string[][];
  /** The whole query's tokens in order, common words included: sessions that hold it rank first. */
  phrase: string[];
  /** Common words left out of `terms`. */
  ignored: string[];
}

const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;
const MARKS = /\p{M}/gu;

/** Case and diacritics folded away, as SQLite's unicode61 tokenizer (remove_diacritics 2) does. */
export function foldToken(token: string): string {
  return token.normalize("NFD").replace(MARKS, "").toLowerCase();
}

/** The folded tokens of a text, with where each starts and ends in the text. */
export function* tokensOf(text: string): Generator<{ token: string; start: number; end: number }> {
  for (const match of text.matchAll(TOKEN)) {
    yield { token: foldToken(match[0]), start: match.index, end: match.index + match[0].length };
  }
}

function tokenList(text: string): string[] {
  return [...tokensOf(text)].map((t) => t.token).filter((t) => t.length > 0);
}

/** Parses the words after `search`. Throws QueryError when nothing searchable is left. */
export function parseQuery(words: string[]): SearchQuery {
  const text = words.join(" ").trim();
  if (text.length === 0) throw new QueryError("search needs words to look for: claude-reindex search <words…>");
  if (text.length > MAX_QUERY_CHARS)
    throw new QueryError(`the query is ${text.length} characters long; at most ${MAX_QUERY_CHARS} are searched for`);
  const terms: string[][] = [];
  const ignored: string[] = [];
  // "quoted phrases" stay together; everything else is a word of its own.
  for (const part of text.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const quoted = part[1] !== undefined;
    const tokens = tokenList(part[1] ?? part[0]);
    const [only] = tokens;
    if (only === undefined) continue;
    if (!quoted && tokens.length === 1 && STOP_WORDS.has(only)) ignored.push(only);
    else if (!terms.some((t) => t.join(" ") === tokens.join(" "))) terms.push(tokens);
  }
  const phrase = tokenList(text.replace(/"/g, " "));
  if (phrase.length === 0)
    throw new QueryError(`'${shown(text)}' has no words to look for (only punctuation or symbols)`);
  if (terms.length === 0)
    throw new QueryError(
      `'${shown(text)}' has only common words (${ignored.join(", ")}), which nearly every session holds; ` +
        'add a more specific word, or put the words in quotes to search for the exact phrase: "…"',
    );
  if (terms.length > MAX_TERMS)
    throw new QueryError(`the query has ${terms.length} words; at most ${MAX_TERMS} are searched for`);
  return { terms, phrase, ignored };
}

function shown(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** An FTS5 query for a run of folded tokens that must stand together. */
export function ftsPhrase(tokens: string[]): string {
  // Tokens hold only letters, digits and private-use characters: nothing to escape in quotes.
  return `"${tokens.join(" ")}"`;
}

// Terminal columns a string takes, and cutting a string to a number of columns: East Asian wide
// characters and emoji take two, combining marks none (string-width measures each grapheme).
import stringWidth from "string-width";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const segmenter = new Intl.Segmenter();

/** Columns `text` takes; give it text without control characters (see terminalLine). */
export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text, { countAnsiEscapeCodes: true });
}

/** `text` cut to at most `columns` columns, ending in "…" when cut; never splits a grapheme. */
export function fitWidth(text: string, columns: number): string {
  if (columns <= 0) return "";
  if (PRINTABLE_ASCII.test(text)) return text.length <= columns ? text : `${text.slice(0, columns - 1)}…`;
  if (displayWidth(text) <= columns) return text;
  let used = 0;
  let cut = "";
  for (const { segment } of segmenter.segment(text)) {
    const width = stringWidth(segment, { countAnsiEscapeCodes: true });
    if (used + width > columns - 1) break;
    cut += segment;
    used += width;
  }
  return `${cut}…`;
}

/** `text` padded with spaces to `columns` columns (cut first when longer). */
export function padWidth(text: string, columns: number): string {
  const fitted = fitWidth(text, columns);
  return fitted + " ".repeat(Math.max(0, columns - displayWidth(fitted)));
}

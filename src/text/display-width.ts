// Terminal columns a string takes, and cutting a string to a number of columns: East Asian wide
// characters and emoji take two, combining marks none (string-width measures each grapheme). Cutting
// looks no further into a string than the columns at stake: a title can be a whole first prompt, many
// kilobytes long, and V8's Intl.Segmenter takes time in the length of the whole string for each
// grapheme it steps over (the first 100 of a 1.4 MB string: about a second). A grapheme of one code point
// is measured here as string-width measures it, without string-width, whose emoji expression takes 50 ms
// to compile on its first use: only a grapheme of several code points (an emoji sequence, a letter with its
// marks) goes to string-width.
import { eastAsianWidth } from "get-east-asian-width";
import stringWidth from "string-width";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const segmenter = new Intl.Segmenter();

/** Columns `text` takes; give it text without control characters (see terminalLine). */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}

/** `text` cut to at most `columns` columns, ending in "…" when cut; never splits a grapheme. */
export function fitWidth(text: string, columns: number): string {
  if (columns <= 0) return "";
  const ascii = printableAsciiPrefix(text, columns + 1);
  if (ascii > columns) return `${text.slice(0, columns - 1)}…`;
  if (ascii === text.length) return text;
  const { used, cutEnd } = walk(text, columns, ascii);
  return used > columns ? `${text.slice(0, cutEnd)}…` : text;
}

/** `text` padded with spaces to `columns` columns (cut first when longer). */
export function padWidth(text: string, columns: number): string {
  const fitted = fitWidth(text, columns);
  return fitted + " ".repeat(Math.max(0, columns - displayWidth(fitted)));
}

/** How many characters of printable ASCII `text` opens with, counting up to `most`. */
function printableAsciiPrefix(text: string, most: number): number {
  const end = Math.min(text.length, most);
  let at = 0;
  while (at < end && isPrintableAscii(text.charCodeAt(at))) at++;
  return at;
}

/**
 * Walks `text` grapheme by grapheme after its first `ascii` characters (printable ASCII, no more than
 * `columns`: a grapheme and a column each, but for the last, which a combining mark after it may join),
 * adding up columns, and stops once they are over `columns`: `used` is then more than `columns` (else the
 * whole width), and `cutEnd` where the graphemes that fit in `columns - 1` end (room for "…"). Each
 * grapheme's width is string-width's, which adds them up the same way. Graphemes are found in windows of the
 * text: a break depends only on what comes before it, so every grapheme but a window's last is the text's
 * own; that one is read again in the next window (a larger one when it fills the whole window).
 */
function walk(text: string, columns: number, ascii: number): { used: number; cutEnd: number } {
  let at = Math.max(0, ascii - 1);
  let used = at;
  let cutEnd = -1;
  let size = 256;
  while (at < text.length) {
    const end = Math.min(text.length, at + size);
    const window = text.slice(at, end);
    let next = end;
    for (const { segment, index } of segmenter.segment(window)) {
      if (end < text.length && index + segment.length === window.length) {
        next = at + index;
        break;
      }
      const width = graphemeWidth(segment);
      if (cutEnd === -1 && used + width > columns - 1) cutEnd = at + index;
      used += width;
      if (used > columns) return { used, cutEnd };
    }
    if (next === at) size *= 2;
    at = next;
  }
  return { used, cutEnd };
}

/**
 * Columns one grapheme takes, as string-width counts them. One code point: none when it does not print
 * (default-ignorable, control, format, a non-spacing or enclosing mark, a lone surrogate), two for an emoji
 * shown as one by default (RGI_Emoji's of one code point), else its East Asian Width (ambiguous as
 * narrow). Several code points: string-width itself.
 */
function graphemeWidth(segment: string): number {
  const code = segment.codePointAt(0) as number;
  if (segment.length === 1 && isPrintableAscii(code)) return 1;
  if (segment.length !== (code > 0xffff ? 2 : 1)) return stringWidth(segment, ANSI_COUNTED);
  if (NOT_PRINTING.test(segment)) return 0;
  if (EMOJI_PRESENTATION.test(segment)) return 2;
  return eastAsianWidth(code);
}

const NOT_PRINTING =
  /^[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]$/u;
// A regional indicator alone is no emoji of RGI_Emoji: only two of them, a flag, are.
const EMOJI_PRESENTATION = /^(?!\p{Regional_Indicator})\p{Emoji_Presentation}$/u;
const ANSI_COUNTED = { countAnsiEscapeCodes: true };
const isPrintableAscii = (code: number) => code >= 0x20 && code <= 0x7e;

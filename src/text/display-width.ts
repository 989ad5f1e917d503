// Terminal columns a string takes, and cutting a string to a number of columns: East Asian wide
// characters and emoji take two, combining marks none (string-width's rules, grapheme by grapheme). Cutting
// looks no further into a string than the columns at stake: a title can be a whole first prompt, many
// kilobytes long, and V8's Intl.Segmenter takes time in the length of the whole string for each
// grapheme it steps over (the first 100 of a 1.4 MB string: about a second). Most text needs neither
// Intl.Segmenter nor string-width, which together take about 45 ms to load and 50 ms more to compile
// string-width's emoji expression on its first use: a text without a code point that can join another
// into a grapheme is one grapheme per code point, and a grapheme of one code point is measured here as
// string-width measures it. Only a grapheme of several (an emoji sequence, a letter with its marks) goes
// to string-width, loaded then.
import { eastAsianWidth } from "get-east-asian-width";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns `text` takes; give it text without control characters (see terminalLine). */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemesOf(text)) width += graphemeWidth(segment);
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
    for (const { segment, index } of graphemesOf(window)) {
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
 * Code points that can join a neighbour into one grapheme (UAX #29): CR, what extends a grapheme
 * (Grapheme_Extend, which holds the variation selectors and viramas, and the emoji modifiers), ZWJ,
 * spacing marks (every Mc, and Thai and Lao AM: more than there are), Prepend, the Hangul jamo and the
 * regional indicators. Between any two other code points there is a break: `test/unit/display-width.test.ts`
 * holds Intl.Segmenter to it over every code point of planes 0, 1 and 14 and every 7th of planes 2 and 3.
 */
const JOINING = new RegExp(
  [
    "[\\r\\u200d\\p{Grapheme_Extend}\\p{Emoji_Modifier}\\p{Mc}\\u0e33\\u0eb3\\p{Regional_Indicator}",
    // Hangul jamo: leading, vowel and trailing.
    "\\u1100-\\u11ff\\ua960-\\ua97f\\ud7b0-\\ud7ff",
    // Prepend.
    "\\u0600-\\u0605\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u0d4e\\u{110bd}\\u{110cd}\\u{111c2}\\u{111c3}",
    "\\u{113d1}\\u{1193f}\\u{11941}\\u{11a3a}\\u{11a84}-\\u{11a89}\\u{11d46}\\u{11f02}",
    // Kirat Rai's vowel signs, which join one another (Unicode 16).
    "\\u{16d63}\\u{16d67}-\\u{16d6a}]",
  ].join(""),
  "u",
);

let segmenter: Intl.Segmenter | undefined;

/**
 * The graphemes of `text`, with where each begins: its code points one by one when none of them can join
 * another, else as Intl.Segmenter finds them (made on first need: making one loads ICU's rules, 23 ms).
 */
export function graphemesOf(text: string): Iterable<{ segment: string; index: number }> {
  if (JOINING.test(text)) {
    segmenter ??= new Intl.Segmenter();
    return segmenter.segment(text);
  }
  const graphemes: { segment: string; index: number }[] = [];
  let index = 0;
  for (const segment of text) {
    graphemes.push({ segment, index });
    index += segment.length;
  }
  return graphemes;
}

type StringWidth = typeof import("string-width").default;
let stringWidthOf: StringWidth | undefined;

/**
 * string-width, loaded on first need: loading it makes an Intl.Segmenter and its emoji expression. `require`,
 * not `import`: esbuild bundles a required module to run at the call, not with this module.
 */
function stringWidth(segment: string): number {
  stringWidthOf ??= (require("string-width") as typeof import("string-width")).default;
  return stringWidthOf(segment, ANSI_COUNTED);
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
  if (segment.length !== (code > 0xffff ? 2 : 1)) return stringWidth(segment);
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

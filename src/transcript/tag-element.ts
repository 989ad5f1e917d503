// Finding `<tag …>content</tag>` in a prompt as Claude Code 2.1.29's regular expressions find it, in linear
// time: its expressions (a lazy `[\s\S]*?` per opening) take quadratic time on many unclosed openings.

/**
 * Claude Code's expressions, for reference (`gi`): an element `<tag(?:\s+[^>]*)?>([\s\S]*?)<\/tag>`, an
 * opening `<tag(?:\s+[^>]*?)?>`, a closing `<\/tag>`. Both opening forms end at the first `>` after the
 * tag name, which must be followed by `>` or by white space; the content ends at the first closing after
 * that. An element counts when the openings and closings between the previous element and this one
 * balance, and its content is not empty.
 */
export function firstTagContent(text: string, tag: string): string | null {
  if (!text.trim()) return null;
  const scanner = new TagScanner(text, tag);
  let scannedUpTo = 0;
  for (let element = scanner.nextElement(0); element !== null; element = scanner.nextElement(element.end)) {
    const depth = scanner.countOpenings(scannedUpTo, element.start) - scanner.countClosings(scannedUpTo, element.start);
    if (depth === 0 && element.contentEnd > element.contentStart)
      return text.slice(element.contentStart, element.contentEnd);
    scannedUpTo = element.end;
  }
  return null;
}

interface Element {
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
}

/** No `>` after this opening within the limit: no later opening can close either. */
const NO_END = -1;
/** Not an opening: the tag name is followed by something other than `>` or white space. */
const NOT_AN_OPENING = -2;

class TagScanner {
  private readonly openingLiteral: RegExp;
  private readonly closingLiteral: RegExp;
  private readonly nameEnd: number;
  private readonly closingLength: number;

  constructor(
    private readonly text: string,
    tag: string,
  ) {
    // Case-insensitive as Claude Code's (`i` without `u`: ASCII letters match only ASCII letters).
    this.openingLiteral = new RegExp(`<${tag}`, "gi");
    this.closingLiteral = new RegExp(`</${tag}>`, "gi");
    this.nameEnd = 1 + tag.length;
    this.closingLength = 3 + tag.length;
  }

  /** The leftmost element at or after `from`, as the element expression finds it. */
  nextElement(from: number): Element | null {
    for (let position = from; ; ) {
      const start = this.find(this.openingLiteral, position);
      if (start === -1) return null;
      const openingEnd = this.openingEnd(start, this.text.length);
      if (openingEnd === NO_END) return null;
      if (openingEnd === NOT_AN_OPENING) {
        position = start + 1;
        continue;
      }
      const closing = this.find(this.closingLiteral, openingEnd + 1);
      // No closing after this opening: none after any later one either.
      if (closing === -1) return null;
      return { start, contentStart: openingEnd + 1, contentEnd: closing, end: closing + this.closingLength };
    }
  }

  /** Openings the opening expression matches in text[from, to), one after another as `g` does. */
  countOpenings(from: number, to: number): number {
    let count = 0;
    for (let position = from; ; ) {
      const start = this.find(this.openingLiteral, position);
      if (start === -1 || start + this.nameEnd > to) return count;
      const openingEnd = this.openingEnd(start, to);
      if (openingEnd === NO_END) return count;
      if (openingEnd === NOT_AN_OPENING) position = start + 1;
      else {
        count++;
        position = openingEnd + 1;
      }
    }
  }

  /** Closings in text[from, to). */
  countClosings(from: number, to: number): number {
    let count = 0;
    for (let position = from; ; ) {
      const start = this.find(this.closingLiteral, position);
      if (start === -1 || start + this.closingLength > to) return count;
      count++;
      position = start + this.closingLength;
    }
  }

  /** Where the opening at `start` ends (its `>`), within text[…, limit). */
  private openingEnd(start: number, limit: number): number {
    const after = start + this.nameEnd;
    if (after >= limit) return NO_END;
    const next = this.text[after]!;
    if (next === ">") return after;
    if (!/\s/.test(next)) return NOT_AN_OPENING;
    const end = this.text.indexOf(">", after + 1);
    return end === -1 || end >= limit ? NO_END : end;
  }

  private find(literal: RegExp, from: number): number {
    literal.lastIndex = from;
    return literal.exec(this.text)?.index ?? -1;
  }
}

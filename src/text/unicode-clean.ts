// The Unicode cleaning Claude Code applies to a tag before it writes it (the Agent SDK's tagSession,
// 0.3.332): ASCII stays as it is; anything else is NFKC-normalised and stripped of format, private-use
// and unassigned characters, directional marks and lone surrogates, until nothing changes.

const REPEATS = 10;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` as Claude Code cleans it; throws, as Claude Code does, on text that never settles. */
export function cleanUnicode(text: string): string {
  if (!/[^\0-\x7f]/.test(text)) return text;
  let current = text;
  let previous = "";
  let rounds = 0;
  while (current !== previous && rounds < REPEATS) {
    previous = current;
    current = stripInvisible(current.normalize("NFKC"));
    rounds++;
  }
  if (rounds >= REPEATS) throw new Error(`Unicode cleaning did not settle for ${JSON.stringify(text.slice(0, 100))}`);
  return current;
}

function stripInvisible(text: string): string {
  let current = text.replace(LONE_SURROGATE, "");
  for (let i = 0; i < REPEATS; i++) {
    const next = current
      .replace(/[\p{Cf}\p{Co}\p{Cn}]/gu, "")
      .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uE000-\uF8FF]/g, "");
    if (next === current) return current;
    current = next;
  }
  return current;
}

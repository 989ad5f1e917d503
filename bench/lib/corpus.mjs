// Text pools the transcript writer slices from. Building every tool result character by character
// would make a 2 GB tree take many minutes; instead a few MB of realistic text are built once per
// process (deterministically from the seed) and cut into pieces at random line starts.
//
// The pools deliberately hold what makes JSON parsing and escaping expensive in real transcripts:
// double quotes, backslashes (regexes, Windows paths), tabs, newlines, control characters, and
// non-ASCII text in 2-, 3- and 4-byte UTF-8 (accents, CJK, emoji as surrogate pairs).

import { makeRng } from "./prng.mjs";

export const WORDS = (
  "the a to of and in is for that with on this it be as file function test error value path " +
  "index session config build user data type return import export const let string number " +
  "array object async await promise cache parse read write update check handle result input " +
  "output server client request response token model message transcript project branch commit " +
  "merge fix bug issue feature refactor rename move delete create list sort filter map reduce " +
  "stream buffer chunk line byte offset length size limit timeout retry lock queue worker"
).split(" ");

const IDENTS = (
  "loadConfig parseLine readIndex writeIndex sessionId entries fileMtime firstPrompt projectPath " +
  "handleRequest userName retryCount bufferSize lineOffset resolvePath encodeCwd makeEntry " +
  "onMessage render useState fetchData toolUseId parentUuid leafUuid messageCount"
).split(" ");

const NON_ASCII = [
  "Größe prüfen",
  "naïve café",
  "déjà vu",
  "São Paulo",
  "Ελληνικά",
  "Привет, мир",
  "日本語のコメント",
  "中文注释",
  "한국어",
  "→ ← ✓ ✗",
  "— “smart quotes” ‘too’",
  "🚀 done",
  "✅ passed",
  "❌ failed",
  "😅",
  "½ ≤ ∞",
  "µs",
  "Zürich",
  "Ångström",
];

function word(rng) {
  return rng.pick(WORDS);
}
function ident(rng) {
  return rng.pick(IDENTS);
}
function sentence(rng, min = 6, max = 18) {
  const n = rng.int(min, max);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(word(rng));
  if (rng.chance(0.3)) parts.splice(rng.int(0, n), 0, `\`${ident(rng)}\``);
  if (rng.chance(0.15)) parts.splice(rng.int(0, n), 0, `"${word(rng)} ${word(rng)}"`);
  if (rng.chance(0.12)) parts.splice(rng.int(0, n), 0, rng.pick(NON_ASCII));
  const s = parts.join(" ");
  return s[0].toUpperCase() + s.slice(1) + rng.pick([".", ".", ".", "?", "!", ":"]);
}

/** One line of source code in a handful of languages; template literals keep escapes visible. */
const CODE_LINES = [
  (r) => `import { ${ident(r)} } from "./${word(r)}/${ident(r)}.js";`,
  (r) =>
    `export async function ${ident(r)}(${ident(r)}: string, opts = {}): ` +
    `Promise<${r.pick(["void", "string[]", "Entry"])}> {`,
  (r) => `  const ${ident(r)} = ${ident(r)}.replace(/\\s+/g, " ").trim();`,
  (r) => `  if (!${ident(r)}) throw new Error(\`Missing ${word(r)}: \${${ident(r)}}\`);`,
  (r) => `  const dir = "C:\\\\Users\\\\dev\\\\${word(r)}\\\\${ident(r)}"; // Windows path`,
  (r) => `  const re = /^[0-9a-f]{8}-[0-9a-f]{4}-\\d{4}\\\\${word(r)}$/i;`,
  (r) => `  // ${rng2text(r)}`,
  (r) => `  # ${rng2text(r)}`,
  (r) => `    print(f"{${ident(r)}!r} → {${ident(r)}}\\n", file=sys.stderr)`,
  (r) => `  "${ident(r)}": "${word(r)} \\"${word(r)}\\" ${word(r)}",`,
  (r) => `\t${ident(r)} := strings.Split(${ident(r)}, "\\n")`,
  (r) => `\tif err != nil {\n\t\treturn fmt.Errorf("${word(r)} %q: %w", ${ident(r)}, err)\n\t}`,
  (r) => `  log.info("✅ ${word(r)} in %dms", ${ident(r)});`,
  (r) => `  const label = '${r.pick(NON_ASCII)}';`,
  (r) => `    ${ident(r)}.push({ ${ident(r)}, ${ident(r)}: ${r.int(0, 99999)} });`,
  (r) => `  return ${ident(r)}.${r.pick(["map", "filter", "some", "find"])}((x) => x.${ident(r)} === '${word(r)}');`,
  () => `}`,
  () => ``,
  () => `  },`,
  () => `    });`,
  (r) => `SELECT ${word(r)}, COUNT(*) FROM "${word(r)}s" WHERE name LIKE '%\\_${word(r)}%' ESCAPE '\\';`,
  (r) => `echo "$HOME/${word(r)}" | sed -e 's/\\//\\\\\\//g' > /tmp/${word(r)}.txt`,
  (r) => `  ${ident(r)}: ${r.pick(["true", "false", "null", String(r.int(0, 4096))])},`,
];

function rng2text(r) {
  return r.chance(0.2) ? `${r.pick(NON_ASCII)} ${sentence(r, 3, 8)}` : sentence(r, 4, 12);
}

/** Markdown-ish prose with lists, headings and code spans, as assistants write. */
const PROSE_LINES = [
  (r) => `${sentence(r)} ${sentence(r)}`,
  (r) => `- ${sentence(r, 3, 10)}`,
  (r) => `## ${sentence(r, 2, 5).replace(/[.?!:]$/, "")}`,
  (r) => `${r.int(1, 9)}. **${word(r)}**: ${sentence(r, 4, 12)}`,
  (r) => `\`\`\`${r.pick(["ts", "bash", "json", "py"])}\n${CODE_LINES[r.int(0, 15)](r)}\n\`\`\``,
  () => ``,
];

function buildPool(rng, lines, targetChars) {
  const out = [];
  let n = 0;
  while (n < targetChars) {
    const line = rng.pick(lines)(rng);
    out.push(line);
    n += line.length + 1;
  }
  return `${out.join("\n")}\n`;
}

/** Builds the pools for a seed; ~8 MB of strings, a few hundred ms. */
export function buildCorpus(seed) {
  const rng = makeRng(seed, 0x0c0de);
  const code = buildPool(rng, CODE_LINES, 3 << 20);
  const prose = buildPool(rng, PROSE_LINES, 1 << 20);
  // PNG signature + IHDR start, then noise: base64 of random bytes is as incompressible and
  // escape-free as real image data.
  const base64 = `iVBORw0KGgoAAAANSUhEUgAA${rng.bytes(3 << 20).toString("base64")}`;
  return { code, prose, base64 };
}

/**
 * About `len` characters of `pool`, starting at a line start, possibly several pieces glued
 * together for lengths beyond the pool. Never splits a surrogate pair.
 */
export function slice(rng, pool, len) {
  const pieces = [];
  let remaining = Math.max(1, Math.round(len));
  while (remaining > 0) {
    const from = pool.indexOf("\n", rng.int(0, pool.length - 2)) + 1;
    let to = Math.min(pool.length, from + remaining);
    const code = pool.charCodeAt(to - 1);
    if (code >= 0xd800 && code <= 0xdbff) to--;
    if (to <= from) continue;
    pieces.push(pool.slice(from, to));
    remaining -= to - from;
  }
  return pieces.join("");
}

/** Base64 data of about `len` characters (a multiple of 4, so it stays valid base64). */
export function base64Slice(rng, pool, len) {
  const n = Math.max(4, Math.floor(len / 4) * 4);
  if (n <= pool.length - 24)
    return pool.slice(0, 24) + pool.slice(24 + rng.int(0, (pool.length - 24 - n) >> 2) * 4).slice(0, n - 24);
  let s = pool.slice(0, pool.length - (pool.length % 4));
  while (s.length < n) s += s.slice(24, 24 + Math.min(n - s.length, s.length - 24));
  return s.slice(0, n);
}

export { ident, NON_ASCII, sentence, word };

// JSON for a terminal or a pipe: JSON.stringify escapes C0 controls but writes DEL and the C1
// controls raw; here they become \u escapes too (the same JSON value, no raw control byte).

const RAW_CONTROLS = /[\u007f-\u009f]/g;
// The test without the g flag: V8 scans a long string for it some 100 times faster (2 ms against 200 for
// the 4.6 MB of `list --all --json` over 5,000 sessions).
const HAS_RAW_CONTROL = /[\u007f-\u009f]/;

export function terminalJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  if (!HAS_RAW_CONTROL.test(json)) return json;
  return json.replace(RAW_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The elements of a JSON array written in pieces of this many: `list --all --json` writes 5,000 rows, 4.6 MB. A
 * string over 128 KB goes to V8's large-object space, and making, encoding and dropping one of that size cost
 * `list --all --json` 150–180 ms here; pieces of 25 rows (about 25 KB each) stay young: 60 ms.
 */
const PIECE_ELEMENTS = 25;

/** `terminalJson(items)`, the same bytes, handed to `write` in pieces (PIECE_ELEMENTS). */
export function writeTerminalJsonArray(items: readonly unknown[], write: (text: string) => void): void {
  write("[");
  for (let i = 0; i < items.length; i += PIECE_ELEMENTS) {
    const piece = terminalJson(items.slice(i, i + PIECE_ELEMENTS));
    write(`${i === 0 ? "" : ","}${piece.slice(1, -1)}`);
  }
  write("]");
}

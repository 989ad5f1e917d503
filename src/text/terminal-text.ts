// Text from transcripts made safe for a terminal: no C0 control byte but newline and tab, no DEL and
// no C1 control survives; each is shown as a visible escape (`\x1b`, `\x7f`, `\u009b`), so an OSC or
// CSI sequence in a prompt can neither set the window title, write the clipboard nor forge lines.

// C0 except tab (0x09) and newline (0x0a), DEL, and the C1 range.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function escapeControl(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** `text` with every control character but newline and tab shown as a visible escape. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escapeControl);
}

/** `text` on one line: newlines and tabs become spaces, then as terminalText. */
export function terminalLine(text: string): string {
  return terminalText(text.replace(/[\n\t]/g, " "));
}

// The interactive picker: a full-screen list on the terminal's alternate screen, redrawn whole at
// each keystroke (every line cut to the terminal's width by display columns, then cleared to its
// end), so nothing stale stays behind whatever the titles hold (CJK, emoji, tabs, escapes).
import readline from "node:readline";
import { matchesFilter, sessionLine } from "../catalog/session-line.ts";
import type { SessionRow } from "../catalog/session-record.ts";
import { fitWidth } from "../text/display-width.ts";
import { terminalLine } from "../text/terminal-text.ts";
import type { PickerTextSearch } from "./picker-text-search.ts";

export interface PickerTerminal {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: NodeJS.WritableStream & { columns?: number; rows?: number; on?: (event: "resize", f: () => void) => unknown };
}

const ENTER_SCREEN = "\x1b[?1049h\x1b[?25l";
const LEAVE_SCREEN = "\x1b[?25h\x1b[?1049l";
const CLEAR_LINE_END = "\x1b[K";
const INVERSE = "\x1b[7m";
const PLAIN = "\x1b[0m";

/** Lines around the list: the prompt, the selected session's details, the key help. */
const CHROME_LINES = 3;

/**
 * Lets the user choose a session. Resolves with it on Enter, with null on Escape or Ctrl-C.
 * Every keystroke redraws the whole screen. With `textSearch`, Tab switches the filter between
 * titles and what was said in the sessions (full text).
 */
export function pickSession(
  rows: SessionRow[],
  terminal: PickerTerminal,
  nowMs: number,
  textSearch?: (redraw: () => void) => PickerTextSearch,
): Promise<SessionRow | null> {
  const { stdin, stdout } = terminal;
  let query = "";
  let shown = rows;
  let selected = 0;
  let top = 0;
  // Full-text mode: made on the first Tab, then kept (with its open index) until the picker ends.
  let fullText: PickerTextSearch | null = null;
  let textMode = false;
  let textStatus = "";

  const size = () => ({
    columns: Math.max(20, stdout.columns ?? 80),
    lines: Math.max(CHROME_LINES + 1, stdout.rows ?? 24),
  });

  const render = () => {
    const { columns, lines } = size();
    const page = lines - CHROME_LINES;
    if (selected < top) top = selected;
    if (selected >= top + page) top = selected - page + 1;
    const width = columns - 1;
    const out: string[] = [];
    const mode = textMode ? "(words said) " : "";
    out.push(fitWidth(`Resume which session? ${mode}${terminalLine(query)}`, width));
    for (let i = top; i < top + page; i++) {
      const row = shown[i];
      if (row === undefined) {
        out.push(i === 0 ? fitWidth(`  ${textMode ? textStatus : "no session matches"}`, width) : "");
        continue;
      }
      const line = `${i === selected ? "❯ " : "  "}${sessionLine(row, nowMs, width - 2, "name")}`;
      out.push(i === selected ? `${INVERSE}${line}${PLAIN}` : line);
    }
    const current = shown[selected];
    const said = textMode && current !== undefined ? (fullText?.snippet(current) ?? "") : "";
    out.push(
      current === undefined
        ? ""
        : said !== ""
          ? fitWidth(`  ${said}`, width)
          : fitWidth(
              `${terminalLine(current.projectPath ?? "(no directory)")}  ${current.sessionId}${
                current.hiddenFromResume.length > 0
                  ? `  hidden from /resume: ${current.hiddenFromResume.join(", ")}`
                  : ""
              }`,
              width,
            ),
    );
    const tab = textSearch === undefined ? "" : textMode ? "  Tab titles" : "  Tab words said";
    out.push(fitWidth(`↑↓ move  Enter resume${tab}  Esc quit   ${shown.length} of ${rows.length} sessions`, width));
    stdout.write(`\x1b[H${out.map((line) => `${line}${CLEAR_LINE_END}`).join("\r\n")}\x1b[J`);
  };

  const refilter = () => {
    if (textMode && fullText !== null) {
      const found = fullText.filter(rows, query);
      [shown, textStatus] = [found.rows, found.status];
    } else shown = query.trim() === "" ? rows : rows.filter((row) => matchesFilter(row, query));
    selected = 0;
    top = 0;
  };

  return new Promise((resolve) => {
    readline.emitKeypressEvents(stdin);
    const wasRaw = (stdin as { isRaw?: boolean }).isRaw === true;
    stdin.setRawMode?.(true);
    stdin.resume();
    stdout.write(ENTER_SCREEN);
    const finish = (chosen: SessionRow | null) => {
      fullText?.close();
      fullText = null;
      stdin.off("keypress", onKey);
      (stdout as NodeJS.EventEmitter).off?.("resize", render);
      stdin.setRawMode?.(wasRaw);
      stdin.pause();
      stdout.write(LEAVE_SCREEN);
      resolve(chosen);
    };
    const onKey = (text: string | undefined, key: readline.Key | undefined) => {
      const name = key?.name;
      const page = size().lines - CHROME_LINES;
      if ((key?.ctrl && name === "c") || name === "escape") return finish(null);
      if (name === "return" || name === "enter") return shown[selected] ? finish(shown[selected]!) : undefined;
      if (name === "up" || (key?.ctrl && name === "p")) selected = Math.max(0, selected - 1);
      else if (name === "down" || (key?.ctrl && name === "n")) selected = Math.min(shown.length - 1, selected + 1);
      else if (name === "pageup") selected = Math.max(0, selected - page);
      else if (name === "pagedown") selected = Math.min(shown.length - 1, selected + page);
      else if (name === "tab" && textSearch !== undefined) {
        textMode = !textMode;
        fullText ??= textSearch(() => {
          if (!textMode || fullText === null) return;
          refilter();
          render();
        });
        refilter();
      } else if (name === "backspace") {
        query = query.slice(0, -1);
        refilter();
      } else if (key?.ctrl && name === "u") {
        query = "";
        refilter();
      } else if (text && !key?.ctrl && !key?.meta && /^[^\p{Cc}]+$/u.test(text)) {
        query += text;
        refilter();
      } else return;
      selected = Math.max(0, selected);
      render();
    };
    stdin.on("keypress", onKey);
    (stdout as NodeJS.EventEmitter).on?.("resize", render);
    render();
  });
}

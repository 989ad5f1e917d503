// The interactive picker: a full-screen list on the terminal's alternate screen, redrawn whole at
// each keystroke (every line cut to the terminal's width by display columns, then cleared to its
// end), so nothing stale stays behind whatever the titles hold (CJK, emoji, tabs, escapes). The
// action keys (picker-keys.ts) rename, tag, archive or delete the selected session in place, or
// choose it to print its resume line. Tab switches the filter between titles and what was said
// in the sessions (full text).
import readline from "node:readline";
import { matchesFilter, sessionLine } from "../catalog/session-line.ts";
import type { SessionRow } from "../catalog/session-record.ts";
import { fitWidth } from "../text/display-width.ts";
import { errorText } from "../text/error-text.ts";
import { terminalLine } from "../text/terminal-text.ts";
import type { ProjectsRead } from "./list-command.ts";
import { type PickerAction, pickerActionOf, pickerKeysHelp } from "./picker-keys.ts";
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

/** How often the help line's count of projects read is redrawn while the rest of the rows come. */
const PROGRESS_EVERY_MS = 200;

/** Lines around the list: the prompt, the selected session's details, the key help. */
const CHROME_LINES = 3;

/** What the user chose: to resume a session (Enter), or to have its resume line printed. */
export interface PickerChoice {
  kind: "resume" | "print";
  row: SessionRow;
}

export type ChangeAction = Exclude<PickerAction, "print">;

/** Changes the picker asks for; each resolves with the row as it now is (null: gone) or a one-line problem. */
export interface PickerActions {
  apply(
    action: ChangeAction,
    row: SessionRow,
    /** The title or tag typed (an empty tag clears it); null for archive and delete. */
    value: string | null,
  ): Promise<{ row: SessionRow | null; message: string } | { problem: string }>;
}

type Mode =
  | { kind: "list" }
  | { kind: "input"; action: "rename" | "tag"; text: string }
  | { kind: "confirm"; action: "delete" };

/** The rows still being read when the picker starts with the newest. */
export interface RowsToCome {
  rows: Promise<SessionRow[]>;
  /** Projects read so far, of all, as the reader counts them: shown while the picker waits. */
  read: ProjectsRead;
}

/** How many rows the picker shows at once on this terminal. */
export function pickerPageRows(stdout: PickerTerminal["stdout"]): number {
  return Math.max(CHROME_LINES + 1, stdout.rows ?? 24) - CHROME_LINES;
}

/**
 * Lets the user choose a session. Resolves with it on Enter (or the print key), with null on Escape
 * or Ctrl-C. Every keystroke redraws the whole screen. With `textSearch`, Tab switches the filter
 * between titles and what was said in the sessions (full text); with `actions`, the action keys work.
 * With `rest`, `initialRows` are the newest rows and `rest.rows` brings them all: until it does, the
 * arrows within the newest rows, Enter, print and Ctrl-C work at once, other keys wait and then apply in
 * order, and the help line counts the projects read; when it fails, the picker ends with its error.
 */
export function pickSession(
  initialRows: SessionRow[],
  terminal: PickerTerminal,
  nowMs: number,
  textSearch?: (redraw: () => void) => PickerTextSearch,
  actions?: PickerActions,
  rest?: RowsToCome,
): Promise<PickerChoice | null> {
  const { stdin, stdout } = terminal;
  let rows = initialRows;
  let reading = rest !== undefined;
  const waiting: [string | undefined, readline.Key | undefined][] = [];
  let query = "";
  let shown = rows;
  let selected = 0;
  let top = 0;
  let mode: Mode = { kind: "list" };
  /** A line about the last action, shown in place of the details until the next key. */
  let status = "";
  let busy = false;
  // Full-text mode: made on the first Tab, then kept (with its open index) until the picker ends.
  let fullText: PickerTextSearch | null = null;
  let textMode = false;
  let textStatus = "";

  const size = () => ({ columns: Math.max(20, stdout.columns ?? 80), lines: pickerPageRows(stdout) + CHROME_LINES });

  const render = () => {
    const { columns, lines } = size();
    const page = lines - CHROME_LINES;
    if (selected < top) top = selected;
    if (selected >= top + page) top = selected - page + 1;
    const width = columns - 1;
    const out: string[] = [];
    const current = shown[selected];
    const what = current === undefined ? "" : terminalLine(current.title);
    out.push(
      fitWidth(
        mode.kind === "input"
          ? `${mode.action === "rename" ? "Rename to" : "Tag (empty clears)"}: ${terminalLine(mode.text)}`
          : mode.kind === "confirm"
            ? `Delete "${what}"? It goes to the trash (claude-reindex restore brings it back). y/N`
            : `Resume which session? ${textMode ? "(words said) " : ""}${terminalLine(query)}`,
        width,
      ),
    );
    for (let i = top; i < top + page; i++) {
      const row = shown[i];
      if (row === undefined) {
        out.push(i === 0 ? fitWidth(`  ${textMode ? textStatus : "no session matches"}`, width) : "");
        continue;
      }
      const line = `${i === selected ? "❯ " : "  "}${sessionLine(row, nowMs, width - 2, "name")}`;
      out.push(i === selected ? `${INVERSE}${line}${PLAIN}` : line);
    }
    const said = textMode && current !== undefined ? (fullText?.snippet(current) ?? "") : "";
    out.push(
      status !== ""
        ? fitWidth(terminalLine(status), width)
        : current === undefined
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
    const count =
      reading && rest
        ? `newest ${rows.length} sessions, reading the others… (${rest.read.done}/${rest.read.total} projects)`
        : `${shown.length} of ${rows.length} sessions`;
    const help =
      mode.kind === "input"
        ? `Enter ${mode.action}  Esc cancel`
        : mode.kind === "confirm"
          ? "y delete  any other key cancels"
          : `${count}  Enter resume${
              textSearch === undefined ? "" : textMode ? "  Tab titles" : "  Tab words said"
            }  ${actions ? `${pickerKeysHelp()}  ` : ""}Esc quit`;
    out.push(fitWidth(help, width));
    stdout.write(`\x1b[H${out.map((line) => `${line}${CLEAR_LINE_END}`).join("\r\n")}\x1b[J`);
  };

  /** Whether a key moves within the rows shown, or chooses the selected one (Enter, print). */
  const actsOnShown = (key: readline.Key | undefined, page: number) => {
    const move = moveOf(key);
    if (move === "down") return selected + 1 < shown.length;
    if (move === "pagedown") return selected + page < shown.length;
    return move !== null || key?.name === "return" || key?.name === "enter" || pickerActionOf(key) === "print";
  };

  const refilter = (keepSelection = false) => {
    if (textMode && fullText !== null) {
      const found = fullText.filter(rows, query);
      [shown, textStatus] = [found.rows, found.status];
    } else shown = query.trim() === "" ? rows : rows.filter((row) => matchesFilter(row, query));
    selected = keepSelection ? Math.max(0, Math.min(selected, shown.length - 1)) : 0;
    if (!keepSelection) top = 0;
  };

  /** Runs a change on the selected row, then shows the row as it now is (or drops it) and a status line. */
  const change = async (action: ChangeAction, row: SessionRow, value: string | null) => {
    if (!actions) return;
    busy = true;
    status = `${action}…`;
    render();
    try {
      const outcome = await actions.apply(action, row, value);
      if ("problem" in outcome) status = outcome.problem;
      else {
        rows = outcome.row === null ? rows.filter((r) => r !== row) : rows.map((r) => (r === row ? outcome.row! : r));
        status = outcome.message;
        refilter(true);
      }
    } catch (error) {
      status = `${action} failed: ${errorText(error)}`;
    } finally {
      busy = false;
      render();
    }
  };

  return new Promise((resolve, reject) => {
    let ended = false;
    // While the rest is read, the count moves whenever the reading lets a timer run (a first run, deriving).
    const ticker = reading ? setInterval(render, PROGRESS_EVERY_MS) : undefined;
    readline.emitKeypressEvents(stdin);
    const wasRaw = (stdin as { isRaw?: boolean }).isRaw === true;
    stdin.setRawMode?.(true);
    stdin.resume();
    stdout.write(ENTER_SCREEN);
    const end = () => {
      ended = true;
      clearInterval(ticker);
      fullText?.close();
      fullText = null;
      stdin.off("keypress", onKey);
      (stdout as NodeJS.EventEmitter).off?.("resize", render);
      stdin.setRawMode?.(wasRaw);
      stdin.pause();
      stdout.write(LEAVE_SCREEN);
    };
    const finish = (chosen: PickerChoice | null) => {
      end();
      resolve(chosen);
    };
    const onKey = (text: string | undefined, key: readline.Key | undefined) => {
      const name = key?.name;
      const page = size().lines - CHROME_LINES;
      if (key?.ctrl && name === "c") return finish(null);
      // The newest rows are the first rows of them all: moving among them, Enter and print need not wait.
      if (reading && (waiting.length > 0 || mode.kind !== "list" || query !== "" || !actsOnShown(key, page)))
        return void waiting.push([text, key]);
      if (busy) return;
      status = "";
      const row = shown[selected];
      if (mode.kind === "confirm") {
        mode = { kind: "list" };
        if (row && text?.toLowerCase() === "y") return void change("delete", row, null);
        return render();
      }
      if (mode.kind === "input") {
        const input = mode;
        if (name === "escape") mode = { kind: "list" };
        else if (name === "return" || name === "enter") {
          mode = { kind: "list" };
          if (row) return void change(input.action, row, input.text);
        } else if (name === "backspace") input.text = input.text.slice(0, -1);
        else if (key?.ctrl && name === "u") input.text = "";
        else if (text && !key?.ctrl && !key?.meta && /^[^\p{Cc}]+$/u.test(text)) input.text += text;
        return render();
      }
      if (name === "escape") return finish(null);
      if (name === "return" || name === "enter") return row ? finish({ kind: "resume", row }) : undefined;
      const action = actions ? pickerActionOf(key) : null;
      if (action !== null) {
        if (!row) return;
        if (action === "print") return finish({ kind: "print", row });
        if (action === "rename") mode = { kind: "input", action, text: row.customTitle ?? "" };
        else if (action === "tag") mode = { kind: "input", action, text: row.tag ?? "" };
        else if (action === "delete") mode = { kind: "confirm", action };
        else return void change("archive", row, null);
        return render();
      }
      const move = moveOf(key);
      if (move === "up") selected = Math.max(0, selected - 1);
      else if (move === "down") selected = Math.min(shown.length - 1, selected + 1);
      else if (move === "pageup") selected = Math.max(0, selected - page);
      else if (move === "pagedown") selected = Math.min(shown.length - 1, selected + page);
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
    rest?.rows.then(
      (all) => {
        if (ended) return;
        reading = false;
        clearInterval(ticker);
        rows = all;
        refilter(true);
        render();
        for (const [text, key] of waiting.splice(0)) if (!ended) onKey(text, key);
      },
      (error: unknown) => {
        if (ended) return;
        end();
        reject(error);
      },
    );
  });
}

/** The selection's move a key asks for: arrows, Page Up and Down, Ctrl-P and Ctrl-N. */
function moveOf(key: readline.Key | undefined): "up" | "down" | "pageup" | "pagedown" | null {
  const name = key?.name;
  if (name === "up" || (key?.ctrl && name === "p")) return "up";
  if (name === "down" || (key?.ctrl && name === "n")) return "down";
  return name === "pageup" || name === "pagedown" ? name : null;
}

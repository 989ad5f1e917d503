// The picker's action keys, in one table: the key, what it does, and its word in the help line.
// Ctrl keys, since plain typing filters the list. A new action is a row here and a case in the
// picker's apply callback (pick-command.ts).
import type readline from "node:readline";

export type PickerAction = "rename" | "tag" | "archive" | "delete" | "print";

export interface PickerKey {
  /** The letter pressed with Ctrl. */
  ctrl: string;
  action: PickerAction;
  /** Its words in the help line. */
  help: string;
}

export const PICKER_KEYS: readonly PickerKey[] = [
  { ctrl: "r", action: "rename", help: "rename" },
  { ctrl: "t", action: "tag", help: "tag" },
  { ctrl: "a", action: "archive", help: "archive" },
  { ctrl: "d", action: "delete", help: "delete" },
  { ctrl: "o", action: "print", help: "print" },
];

/** The action of a keypress, or null. */
export function pickerActionOf(key: readline.Key | undefined): PickerAction | null {
  if (!key?.ctrl || key.meta || key.name === undefined) return null;
  return PICKER_KEYS.find((k) => k.ctrl === key.name)?.action ?? null;
}

/** `^R rename  ^T tag  …` for the help line. */
export function pickerKeysHelp(): string {
  return PICKER_KEYS.map((k) => `^${k.ctrl.toUpperCase()} ${k.help}`).join("  ");
}

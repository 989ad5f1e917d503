// JSON text of any depth: JSON.stringify recurses and overflows the stack on values nested some
// thousands deep (a transcript can hold one); this writes the same text without recursion.

/**
 * `JSON.stringify(value, null, indent)` for data made of JSON values (what JSON.parse gives, plus objects
 * whose undefined properties are skipped), at any depth: exactly, wherever JSON.stringify itself can
 * write the value. Deeper than that, whatever lies more than PRETTY_DEPTH levels down is written
 * compactly: indentation grows with the square of the depth (10,000 levels would take 100 MB of spaces).
 */
export function stringifyJson(value: unknown, indent = 0): string {
  try {
    return JSON.stringify(value, null, indent);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return stringifyIteratively(value, indent);
}

/** Below this depth, the iterative writer writes compactly. */
export const PRETTY_DEPTH = 1000;

interface Frame {
  /** The array or object being written, its keys (objects), the next position, its indentation. */
  array: unknown[] | null;
  object: Record<string, unknown> | null;
  keys: string[];
  next: number;
  indent: string | null;
}

/** The writer without recursion (exported for its tests; callers use stringifyJson). */
export function stringifyIteratively(root: unknown, indentWidth: number): string {
  const unit = " ".repeat(indentWidth);
  const pretty = indentWidth > 0;
  const out: string[] = [];
  const stack: Frame[] = [];

  /** Writes a primitive, or an empty container, or opens a frame for a non-empty one. */
  const begin = (value: unknown, indent: string | null, inArray: boolean): void => {
    if (value !== null && typeof value === "object") {
      if (Array.isArray(value)) {
        if (value.length === 0) out.push("[]");
        else {
          out.push("[");
          stack.push({ array: value, object: null, keys: [], next: 0, indent });
        }
        return;
      }
      const object = value as Record<string, unknown>;
      const keys = Object.keys(object).filter((key) => isWritten(object[key]));
      if (keys.length === 0) out.push("{}");
      else {
        out.push("{");
        stack.push({ array: null, object, keys, next: 0, indent });
      }
      return;
    }
    out.push(isWritten(value) ? (JSON.stringify(value) ?? "null") : inArray ? "null" : "");
  };

  begin(root, pretty ? "" : null, false);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const length = frame.array ? frame.array.length : frame.keys.length;
    // null: compact (no indentation asked for, or too deep for it).
    const inner = frame.indent === null || stack.length >= PRETTY_DEPTH ? null : frame.indent + unit;
    if (frame.next === length) {
      stack.pop();
      out.push(frame.indent !== null && inner !== null ? `\n${frame.indent}` : "", frame.array ? "]" : "}");
      continue;
    }
    const i = frame.next++;
    out.push(i > 0 ? "," : "", inner !== null ? `\n${inner}` : "");
    if (frame.array) begin(frame.array[i], inner, true);
    else {
      const key = frame.keys[i]!;
      out.push(JSON.stringify(key), inner !== null ? ": " : ":");
      begin(frame.object![key], inner, false);
    }
  }
  return out.join("");
}

function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/** How deeply arrays and objects nest in `value` (0 for a primitive), counted without recursion. */
export function nestingDepth(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== "object") continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest >= stopAt) return deepest;
    for (const child of Object.values(current)) pending.push([child, here]);
  }
  return deepest;
}

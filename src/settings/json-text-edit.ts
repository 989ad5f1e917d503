// Minimal edits to JSON text: a property or an array element appended after the last sibling in
// the file's own indentation, and removal as the exact inverse, so that adding then removing gives
// back the original bytes. Nothing else in the text moves: other keys, comments, compact arrays.
import { type FormattingOptions, findNodeAtLocation, type Node, parseTree } from "jsonc-parser";

type JsonPath = (string | number)[];

export function appendProperty(
  text: string,
  objectPath: JsonPath,
  key: string,
  value: unknown,
  formatting: FormattingOptions,
): string {
  const object = nodeAt(text, objectPath, "object");
  return appendChild(text, object, `${JSON.stringify(key)}: `, value, formatting);
}

export function appendElement(
  text: string,
  arrayPath: JsonPath,
  value: unknown,
  formatting: FormattingOptions,
): string {
  const array = nodeAt(text, arrayPath, "array");
  return appendChild(text, array, "", value, formatting);
}

/** Removes the property or element at `path` with the separator and line break before it. */
export function removeAt(text: string, path: JsonPath): string {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const value = tree && findNodeAtLocation(tree, path);
  if (!value) throw new Error(`nothing at ${path.join(".")}`);
  const target = value.parent?.type === "property" ? value.parent : value;
  const container = target.parent!;
  const siblings = container.children!;
  const index = siblings.indexOf(target);
  if (index > 0) {
    const previous = siblings[index - 1]!;
    return text.slice(0, previous.offset + previous.length) + text.slice(target.offset + target.length);
  }
  if (siblings.length > 1) return text.slice(0, target.offset) + text.slice(siblings[1]!.offset);
  return text.slice(0, container.offset + 1) + text.slice(container.offset + container.length - 1);
}

function nodeAt(text: string, path: JsonPath, type: Node["type"]): Node {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const node = tree && (path.length === 0 ? tree : findNodeAtLocation(tree, path));
  if (!node || node.type !== type) throw new Error(`no ${type} at ${path.join(".") || "the top level"}`);
  return node;
}

function appendChild(
  text: string,
  container: Node,
  prefix: string,
  value: unknown,
  formatting: FormattingOptions,
): string {
  const eol = formatting.eol ?? "\n";
  const unit = formatting.insertSpaces === false ? "\t" : " ".repeat(formatting.tabSize ?? 2);
  const children = container.children ?? [];
  const last = children[children.length - 1];
  if (last) {
    const end = last.offset + last.length;
    // A container written on one line gets the new child on that line too.
    if (!text.slice(container.offset, end).includes("\n")) {
      return `${text.slice(0, end)}, ${prefix}${JSON.stringify(value)}${text.slice(end)}`;
    }
    const indent = indentOfLine(text, last.offset);
    return `${text.slice(0, end)},${eol}${indent}${prefix}${render(value, indent, unit, eol)}${text.slice(end)}`;
  }
  const outer = indentOfLine(text, container.offset);
  const inner = `${eol}${outer}${unit}${prefix}${render(value, outer + unit, unit, eol)}${eol}${outer}`;
  return text.slice(0, container.offset + 1) + inner + text.slice(container.offset + container.length - 1);
}

function render(value: unknown, indent: string, unit: string, eol: string): string {
  return JSON.stringify(value, null, unit).split("\n").join(`${eol}${indent}`);
}

function indentOfLine(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

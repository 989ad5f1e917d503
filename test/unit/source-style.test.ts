// Two rules of the code style that Biome does not check: every source file opens with a `//` module
// comment (after a `#!` line), not a doc comment on its first declaration; and no line in the code or
// its tests is longer than 120 characters (Biome's formatter does not wrap strings or comments).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../..");
const MAX_LINE = 120;
/** A caught error's message taken by hand instead of through errorText. */
const ERROR_MESSAGE = /\(\w+ as (?:Error|NodeJS\.ErrnoException)\)\.message\b/;

function filesIn(dir: string, pattern: RegExp): string[] {
  return fs
    .readdirSync(path.join(repo, dir), { recursive: true, encoding: "utf8" })
    .map((name) => path.join(dir, name))
    .filter((file) => pattern.test(file) && fs.statSync(path.join(repo, file)).isFile())
    .sort();
}

/** The JavaScript launchers in bin/ and hooks/: files without an extension that node runs. */
function launchers(): string[] {
  return [...filesIn("bin", /^[^.]+$/), ...filesIn("hooks", /^[^.]+$/)].filter((file) =>
    fs.readFileSync(path.join(repo, file), "utf8").startsWith("#!/usr/bin/env node"),
  );
}

/** Whether a file's text opens with a `//` comment, after a `#!` line. */
function opensWithModuleComment(text: string): boolean {
  const lines = text.split("\n");
  return (lines[0]!.startsWith("#!") ? lines[1] : lines[0])?.startsWith("// ") ?? false;
}

/** The lines of a text longer than the limit, as "line number: length". */
function longLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => [i + 1, [...line].length] as const)
    .filter(([, length]) => length > MAX_LINE)
    .map(([n, length]) => `${n}: ${length}`);
}

describe("source style", () => {
  it("every file in src/, bin/ and hooks/ opens with a // module comment", () => {
    const typeScript = ["src", "bin", "hooks"].flatMap((dir) => filesIn(dir, /\.ts$/));
    const files = [...typeScript, ...launchers()];
    expect(files.length).toBeGreaterThan(50);
    const without = files.filter((file) => !opensWithModuleComment(fs.readFileSync(path.join(repo, file), "utf8")));
    expect(without).toEqual([]);
  });

  it("no line in src/, bin/, hooks/, test/, scripts/ or bench/ is over 120 characters", () => {
    const code = /\.(ts|mts|mjs|js|cmd|md)$|^bin\/claude$|^hooks\/[^.]+$|^bin\/[^.]+$/;
    const files = ["src", "bin", "hooks", "test", "scripts", "bench"].flatMap((dir) => filesIn(dir, code));
    const long: Record<string, string[]> = {};
    for (const file of files) {
      const lines = longLines(fs.readFileSync(path.join(repo, file), "utf8"));
      if (lines.length > 0) long[file] = lines;
    }
    expect(long).toEqual({});
  });

  it("a caught error becomes text only through errorText (src/text/error-text.ts: 'CODE: message', once)", () => {
    const files = ["src", "bin", "hooks"].flatMap((dir) => filesIn(dir, /\.ts$/));
    const found = files.flatMap((file) =>
      fs
        .readFileSync(path.join(repo, file), "utf8")
        .split("\n")
        .flatMap((line, i) => (ERROR_MESSAGE.test(line) ? [`${file}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
    expect(ERROR_MESSAGE.test("reason: (error as Error).message,")).toBe(true);
  });

  it("catches a doc comment where the module comment belongs, and a long line", () => {
    expect(opensWithModuleComment("/** Quotes a word. */\nexport function q() {}\n")).toBe(false);
    expect(opensWithModuleComment('import fs from "node:fs";\n// late\n')).toBe(false);
    expect(opensWithModuleComment("#!/usr/bin/env node\n// Runs the bundle.\n")).toBe(true);
    expect(opensWithModuleComment("// Quotes words for a shell.\nexport function q() {}\n")).toBe(true);
    expect(longLines(`ok\n${"x".repeat(121)}\n${"é".repeat(120)}`)).toEqual(["2: 121"]);
  });
});

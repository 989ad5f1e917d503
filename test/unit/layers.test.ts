// The layering of src/ (see src/README.md), read from the imports themselves: every static import,
// re-export, dynamic import() and `typeof import()` of every file. A file imports only from its own
// folder or a folder below it; bin/ and hooks/ are thin entries that import only from src/.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../..");

/** src/ bottom up: the order src/README.md gives. */
const LAYERS = [
  "text",
  "system",
  "layout",
  "transcript",
  "sessions-index",
  "catalog",
  "rebuild",
  "search",
  "hooks",
  "settings",
  "doctor",
  "commands",
] as const;

/** Every module specifier a TypeScript file names, with the line it is on. */
function importsOf(text: string): { specifier: string; line: number }[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => ({
    specifier: file.fileName,
    line: text.slice(0, file.pos).split("\n").length,
  }));
}

function typeScriptFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => path.join(dir, name))
    .sort();
}

/** The layer a path inside src/ belongs to, or what is wrong with it. */
function layerOf(file: string): { layer: number; folder: string } | { problem: string } {
  const relative = path.relative(path.join(repo, "src"), file);
  if (relative.startsWith("..")) return { problem: `outside src/ (${path.relative(repo, file)})` };
  const parts = relative.split(path.sep);
  if (parts.length !== 2) return { problem: `not directly in a layer folder (src/${relative})` };
  const layer = (LAYERS as readonly string[]).indexOf(parts[0]!);
  if (layer === -1) return { problem: `in src/${parts[0]}/, which is no layer` };
  return { layer, folder: parts[0]! };
}

/** Every relative import of `file` that breaks the layering, as "file:line: why". */
function layerViolations(file: string, text: string): string[] {
  const from = layerOf(file);
  const where = path.relative(repo, file);
  if ("problem" in from) return [`${where}: the file is ${from.problem}`];
  const violations: string[] = [];
  for (const { specifier, line } of importsOf(text)) {
    if (!specifier.startsWith(".")) continue;
    const to = layerOf(path.resolve(path.dirname(file), specifier));
    if ("problem" in to) violations.push(`${where}:${line}: imports ${specifier}, ${to.problem}`);
    else if (to.layer > from.layer)
      violations.push(`${where}:${line}: ${from.folder}/ imports ${specifier}, from ${to.folder}/ above it`);
  }
  return violations;
}

/** An entry point's relative imports that do not lead into src/ (its package.json, for the version, aside). */
function entryViolations(file: string, text: string): string[] {
  const where = path.relative(repo, file);
  return importsOf(text)
    .filter(({ specifier }) => specifier.startsWith(".") && specifier !== "../package.json")
    .filter(({ specifier }) => {
      const target = path.relative(path.join(repo, "src"), path.resolve(path.dirname(file), specifier));
      return target.startsWith("..") || path.isAbsolute(target);
    })
    .map(({ specifier, line }) => `${where}:${line}: imports ${specifier}, which is not in src/`);
}

describe("layers", () => {
  it("src/ holds only the layer folders (and at most a few files at its top)", () => {
    const entries = fs.readdirSync(path.join(repo, "src"), { withFileTypes: true });
    const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual([...LAYERS].sort());
    const files = entries.filter((e) => !e.isDirectory()).map((e) => e.name);
    expect(files).toEqual(["README.md"]);
  });

  it("src/README.md lists the layers in this order", () => {
    const readme = fs.readFileSync(path.join(repo, "src/README.md"), "utf8");
    const line = /^Bottom up: ([\s\S]*?)\n\n/m.exec(readme)?.[1]?.replace(/\s*\n/g, " ") ?? "";
    expect(line.split(" → ")).toEqual(LAYERS);
  });

  it("every file in src/ imports only from its own folder or the ones below", () => {
    const violations = typeScriptFiles(path.join(repo, "src")).flatMap((file) =>
      layerViolations(file, fs.readFileSync(file, "utf8")),
    );
    expect(violations).toEqual([]);
  });

  it("the entry points in bin/ and hooks/ import only from src/", () => {
    const entries = [...typeScriptFiles(path.join(repo, "bin")), ...typeScriptFiles(path.join(repo, "hooks"))];
    expect(entries.length).toBeGreaterThan(1);
    const violations = entries.flatMap((file) => entryViolations(file, fs.readFileSync(file, "utf8")));
    expect(violations).toEqual([]);
  });

  it("the launchers in bin/ and hooks/ load only the built bundle", () => {
    const specifiers = importsOf(fs.readFileSync(path.join(repo, "bin/claude-reindex"), "utf8")).map(
      (i) => i.specifier,
    );
    // `rebuild --all` tries its stat-pass bundle first (dist/rebuild-unchanged.cjs), then the command bundle.
    expect(specifiers).toEqual(["../dist/rebuild-unchanged.cjs", "../dist/claude-reindex.mjs"]);
    // The hook scripts hand over to hooks/launch, which runs the hooks' bundle and nothing else.
    for (const event of ["session-start", "stop", "session-end"]) {
      const script = fs.readFileSync(path.join(repo, "hooks", event), "utf8");
      expect(script.match(/^exec .*$/gm), event).toEqual([
        expect.stringMatching(/^exec sh "\$here\/launch" \w+ "\$@"$/),
      ]);
    }
    const launch = fs.readFileSync(path.join(repo, "hooks/launch"), "utf8");
    expect(launch.match(/dist\/[\w.-]+/g)).toEqual(expect.arrayContaining(["dist/hook.mjs"]));
    expect(new Set(launch.match(/dist\/[\w.-]+/g))).toEqual(new Set(["dist/hook.mjs"]));
  });

  // The checks above pass vacuously if the parsing finds nothing: these cases must be caught.
  it.each([
    ["an upward static import", "src/layout/x.ts", 'import { a } from "../doctor/doctor.ts";'],
    ["an upward type import", "src/text/x.ts", 'import type { A } from "../system/real-path.ts";'],
    ["an upward dynamic import", "src/rebuild/x.ts", 'const m = await import("../commands/list-command.ts");'],
    ["an upward typeof import()", "src/transcript/x.ts", 'type M = typeof import("../rebuild/staleness.ts");'],
    ["an upward re-export", "src/system/x.ts", 'export { a } from "../layout/config-root.ts";'],
    ["an import from an unknown folder", "src/layout/x.ts", 'import { a } from "../utils/a.ts";'],
    ["an import from outside src/", "src/commands/x.ts", 'import { a } from "../../bin/claude-reindex.ts";'],
    ["a file in an unknown folder", "src/utils/x.ts", 'import fs from "node:fs";'],
    ["a file at the top of src/", "src/x.ts", ""],
  ])("catches %s", (_, file, text) => {
    expect(layerViolations(path.join(repo, file), text)).toHaveLength(1);
  });

  it("allows imports from its own folder and below, and packages", () => {
    const text = [
      'import fs from "node:fs";',
      'import * as z from "zod";',
      'import { a } from "./doctor.ts";',
      'import { b } from "../settings/settings-file.ts";',
      'const c = await import("../text/duration.ts");',
    ].join("\n");
    expect(layerViolations(path.join(repo, "src/doctor/x.ts"), text)).toEqual([]);
  });

  it("catches an entry point that imports from outside src/", () => {
    expect(entryViolations(path.join(repo, "bin/x.ts"), 'import { a } from "../test/support/temp.ts";')).toHaveLength(
      1,
    );
    expect(entryViolations(path.join(repo, "hooks/x.ts"), 'import { a } from "./helper.ts";')).toHaveLength(1);
    expect(entryViolations(path.join(repo, "hooks/x.ts"), 'import { a } from "../src/text/duration.ts";')).toEqual([]);
  });
});

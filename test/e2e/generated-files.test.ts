// Generated files that are tracked stay what their generators make: the published JSON Schema of the
// index (`claude-reindex schema`) and the demo tree (fixtures/make-demo.mjs, from fixtures/cc-parity).
// The real Claude Code transcripts in fixtures/cc-parity and fixtures/hostile are not remade here:
// their generators run real releases against the stand-in API (npm run fixtures:regenerate).
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/** Every file under `dir`, by path relative to it, with its bytes. */
function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isFile()) files.set(name, fs.readFileSync(file));
  }
  return files;
}

describe("generated files are current", () => {
  it("schema/sessions-index.schema.json is what `claude-reindex schema` prints", async () => {
    const printed = await execa(path.join(repo, "bin/claude-reindex"), ["schema"]);
    const tracked = fs.readFileSync(path.join(repo, "schema/sessions-index.schema.json"), "utf8");
    expect(`${printed.stdout}\n`).toBe(tracked);
  });

  it("fixtures/demo is what fixtures/make-demo.mjs makes", async () => {
    const made = path.join(tempDir(), "demo");
    await execa("node", [path.join(repo, "fixtures/make-demo.mjs"), made], { cwd: repo });
    const expected = filesUnder(path.join(repo, "fixtures/demo"));
    const actual = filesUnder(made);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [name, bytes] of expected) expect(actual.get(name)?.equals(bytes), name).toBe(true);
  });
});

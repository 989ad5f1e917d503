import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/temp.ts";

/**
 * The entries claude-reindex derives must be byte-identical to the ones Claude Code 2.1.29 wrote
 * itself for transcripts made by real releases (fixtures/cc-parity, made by fixtures/regenerate.mjs).
 */
const repo = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(repo, "fixtures/cc-parity");
const cli = path.join(repo, "bin/claude-reindex");

interface Manifest {
  genRoot: string;
  configDir: string;
  indexWriter: string;
  releases: string[];
  files: { path: string; mtimeMs: number; release: string; scenario: string; session: boolean }[];
  indexes: string[];
}

const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(fixture, "manifest.json"), "utf8"));

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/** The fixture's config dir copied to a temp dir, with the transcripts' recorded mtimes restored. */
function copyFixture(): string {
  const root = path.join(tempDir("claude-reindex-parity-"), "config");
  for (const file of manifest.files) {
    const target = path.join(root, path.relative(manifest.configDir, file.path));
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.copyFileSync(path.join(fixture, file.path), target);
    fs.utimesSync(target, file.mtimeMs / 1000, file.mtimeMs / 1000);
  }
  return root;
}

/** 2.1.29's index, with the paths it wrote under the generation root moved to the copy's. */
function expectedIndex(
  indexPath: string,
  root: string,
): { version: number; entries: Record<string, unknown>[]; originalPath?: string } {
  const text = fs.readFileSync(path.join(fixture, indexPath), "utf8");
  const index = JSON.parse(text);
  const generatedConfig = path.join(manifest.genRoot, manifest.configDir);
  for (const entry of index.entries) entry.fullPath = String(entry.fullPath).replace(generatedConfig, root);
  return index;
}

function bySessionId(entries: Record<string, unknown>[]): Map<string, string> {
  return new Map(entries.map((entry) => [String(entry.sessionId), JSON.stringify(entry, null, 2)]));
}

describe(`parity with Claude Code ${manifest.indexWriter}'s own index`, () => {
  it("covers transcripts of every release and the scenarios that matter", () => {
    expect(manifest.indexWriter).toBe("2.1.29");
    const releases = new Set(manifest.files.filter((f) => f.session).map((f) => f.release));
    for (const release of ["2.0.77", "2.1.9", "2.1.29", "2.1.112", "2.1.330"]) expect(releases).toContain(release);
    expect(manifest.indexes.length).toBeGreaterThanOrEqual(2);
  });

  // Lines are walked in native code (line-walk.c as WebAssembly); in JavaScript under `node --jitless`, which
  // has no WebAssembly, and where a virtual memory limit leaves no room for the walk's memory. All must give
  // 2.1.29's entries.
  const NATIVE = "native code";
  const JITLESS = "JavaScript (node --jitless)";
  const LIMITED = "JavaScript (ulimit -v: no room for WebAssembly memory)";
  const walks = manifest.indexes.flatMap((indexPath) => [NATIVE, JITLESS, LIMITED].map((walk) => [indexPath, walk]));
  it.each(walks)("rebuild from scratch reproduces %s, lines walked in %s", async (indexPath, walk) => {
    const root = copyFixture();
    const projectDir = path.dirname(path.join(root, path.relative(manifest.configDir, indexPath)));
    const args = [cli, "rebuild", "--project", projectDir, "--json"];
    if (walk === JITLESS) args.unshift("--jitless");
    // 3 GB of address space: enough for Node, not for a WebAssembly memory (it reserves far more).
    const [file, argv] =
      walk === LIMITED ? ["sh", ["-c", 'ulimit -v 3000000 && exec node "$@"', "sh", ...args]] : ["node", args];
    const result = await execa(file, argv as string[], { env: { CLAUDE_CONFIG_DIR: root, TZ: "UTC" }, reject: false });
    // --jitless turns WebAssembly off, and Node says so.
    expect(result.stderr.replace(/^Warning: disabling flag --expose_wasm due to conflicting flags\n?/, "")).toBe("");
    expect(result.exitCode).toBe(0);

    const written = fs.readFileSync(path.join(projectDir, "sessions-index.json"), "utf8");
    const ours = JSON.parse(written);
    const theirs = expectedIndex(indexPath, root);
    expect(theirs.entries.length).toBeGreaterThan(0);
    // Entry by entry, byte for byte (2.1.29 appends in readdir order, which differs between file systems).
    expect(bySessionId(ours.entries)).toEqual(bySessionId(theirs.entries));
    // The rest of the file too: same keys, same originalPath, same layout once entries are sorted alike.
    const sorted = (index: typeof ours) => ({
      ...index,
      entries: [...index.entries].sort((a: { sessionId: string }, b: { sessionId: string }) =>
        a.sessionId.localeCompare(b.sessionId),
      ),
    });
    expect(JSON.stringify(sorted(ours), null, 2)).toBe(JSON.stringify(sorted(theirs), null, 2));
    expect(written.endsWith("\n")).toBe(false);
  });

  it.each(manifest.indexes)("a merge with 2.1.29's own index %s keeps it as it is", async (indexPath) => {
    const root = copyFixture();
    const target = path.join(root, path.relative(manifest.configDir, indexPath));
    const theirs = expectedIndex(indexPath, root);
    fs.writeFileSync(target, JSON.stringify(theirs, null, 2));
    const before = fs.readFileSync(target, "utf8");
    const result = await execa(cli, ["rebuild", "--project", path.dirname(target), "--json"], {
      env: { CLAUDE_CONFIG_DIR: root },
      reject: false,
    });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).projects[0].status).toBe("unchanged");
    expect(fs.readFileSync(target, "utf8")).toBe(before);
  });
});

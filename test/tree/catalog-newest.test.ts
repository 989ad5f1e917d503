import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogPath, catalogSessions } from "../../src/catalog/session-catalog.ts";
import type { SessionRow } from "../../src/catalog/session-record.ts";
import { ClaudeTree, setMtime } from "../support/claude-tree.ts";

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 30, 12);
const who = (rows: SessionRow[]) => rows.map((r) => `${path.basename(r.projectDir)}/${r.sessionId}`);

/**
 * Six projects of three old sessions each. The newest transcripts: an empty file in /w/p1 (no row), a session
 * in /w/p3, one in /w/p6, a session in /w/p2 and its copy in /w/p6 (the same mtime and id), one in /w/p5.
 */
function sixProjects() {
  const tree = new ClaudeTree();
  const projectDirs = [1, 2, 3, 4, 5, 6].map((n) => {
    for (let k = 0; k < 3; k++) tree.session(`/w/p${n}`, [`old ${n}.${k}`], { mtime: NOW - (50 + n * 3 + k) * HOUR });
    return tree.projectDir(`/w/p${n}`);
  });
  const empty = path.join(projectDirs[0]!, `${tree.nextId()}.jsonl`);
  fs.writeFileSync(empty, "");
  setMtime(empty, NOW);
  tree.session("/w/p3", ["newest"], { mtime: NOW - HOUR });
  tree.session("/w/p6", ["second"], { mtime: NOW - 2 * HOUR });
  const copied = tree.session("/w/p2", ["copied"], { mtime: NOW - 3 * HOUR });
  const copy = path.join(projectDirs[5]!, path.basename(copied.path));
  fs.copyFileSync(copied.path, copy);
  setMtime(copy, NOW - 3 * HOUR);
  tree.session("/w/p5", ["fifth"], { mtime: NOW - 4 * HOUR });
  return { tree, projectDirs };
}

describe("catalogSessions with `newest` (a picker's first screen)", () => {
  it.each([
    ["nothing saved yet", false],
    ["every catalog saved", true],
  ])("hands over the newest rows having read only their projects, then all as without it (%s)", async (_, saved) => {
    const { tree, projectDirs } = sixProjects();
    const options = { configRoot: tree.root, projectDirs, writable: true };
    if (saved) await catalogSessions(options);
    const read: string[] = [];
    const shown: { rows: SessionRow[]; projectsRead: string[] }[] = [];
    const rows = await catalogSessions(
      { ...options, onProject: (_done, _total, dir) => read.push(path.basename(dir)) },
      { count: 5, show: (first) => shown.push({ rows: first, projectsRead: [...read] }) },
    );
    const without = await catalogSessions(options);
    expect(rows).toEqual(without);
    expect(shown).toHaveLength(1);
    expect(who(shown[0]!.rows)).toEqual(who(without.slice(0, 5)));
    expect(shown[0]!.rows.map((r) => r.title)).toEqual(["newest", "second", "copied", "copied", "fifth"]);
    // The copies keep the order of projectDirs, /w/p2's first, although /w/p6 was read before /w/p2.
    expect(shown[0]!.rows[2]!.projectDir).toBe(projectDirs[1]);
    // The empty file's project, then those of the five newest rows, each once; the sixth only after.
    const name = (n: number) => path.basename(projectDirs[n - 1]!);
    expect(shown[0]!.projectsRead).toEqual([1, 3, 6, 2, 5].map(name));
    expect(read).toEqual([1, 3, 6, 2, 5, 4].map(name));
  });

  it("hands nothing over when the newest rows need every project: the rows are complete", async () => {
    const { tree, projectDirs } = sixProjects();
    const show: SessionRow[][] = [];
    const rows = await catalogSessions(
      { configRoot: tree.root, projectDirs, writable: false },
      { count: 100, show: (first) => show.push(first) },
    );
    expect(show).toEqual([]);
    expect(rows).toHaveLength(6 * 3 + 5);
  });

  it("stops at the signal, before the next transcript, with what was read saved", async () => {
    const { tree, projectDirs } = sixProjects();
    const reading = new AbortController();
    const read: string[] = [];
    const catalog = catalogSessions({
      configRoot: tree.root,
      projectDirs,
      writable: true,
      signal: reading.signal,
      onProject: (done, _total, dir) => {
        read.push(dir);
        if (done === 2) reading.abort();
      },
    });
    await expect(catalog).rejects.toMatchObject({ name: "AbortError" });
    expect(read).toEqual(projectDirs.slice(0, 3));
    const saved = projectDirs.map((dir) => fs.existsSync(catalogPath(tree.root, dir)));
    expect(saved).toEqual([true, true, false, false, false, false]);
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listSessionFiles, type SessionFile } from "../../src/layout/session-file.ts";
import { bytesSureToBeRead, WorkerDemand } from "../../src/rebuild/rebuild-projects.ts";
import type { DerivationPool } from "../../src/transcript/derivation-pool.ts";
import { TranscriptCache } from "../../src/transcript/transcript-cache.ts";
import { tempDir } from "../support/temp.ts";

const ids = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

/** A project with transcripts of these sizes; with an index or a folder of saved parse states when asked. */
function project(root: string, name: string, sizes: number[], has: { index?: boolean; cache?: boolean } = {}) {
  const projectDir = path.join(root, "projects", name);
  fs.mkdirSync(projectDir, { recursive: true });
  for (const [i, size] of sizes.entries()) fs.writeFileSync(path.join(projectDir, `${ids(i)}.jsonl`), "x".repeat(size));
  if (has.index) fs.writeFileSync(path.join(projectDir, "sessions-index.json"), '{"version":1,"entries":[]}');
  if (has.cache) fs.mkdirSync(path.join(root, "claude-reindex", "transcript-cache", name), { recursive: true });
  return { slot: 0, projectDir, listing: listSessionFiles(projectDir) };
}

function demand() {
  const created: string[] = [];
  const pool = { derive: () => Promise.reject(new Error("not here")), close: async () => {} } as DerivationPool;
  const poolModule = {
    createDerivationPool: () => {
      created.push("pool");
      return pool;
    },
  } as unknown as typeof import("../../src/transcript/derivation-pool.ts");
  const workers = new WorkerDemand(poolModule, {
    workerScript: new URL("file:///none"),
    configRoot: "/",
    writableCache: false,
  });
  return { workers, pool, created };
}

const file = (size: number, n = 0): SessionFile =>
  ({ sessionId: ids(n), path: `/p/${ids(n)}.jsonl`, size }) as SessionFile;

describe("when a rebuild starts its worker threads", () => {
  it("counts as sure to be read only the transcripts of projects with neither an index nor saved states", () => {
    const root = tempDir();
    const pending = [
      project(root, "-fresh", [300, 200]),
      project(root, "-indexed", [5000], { index: true }),
      project(root, "-cached", [7000], { cache: true }),
      project(root, "-fresh-too", [40]),
      { slot: 4, projectDir: path.join(root, "projects", "-unlisted"), listing: undefined },
    ];
    const cache = TranscriptCache.under(root, { writable: true });
    expect(bytesSureToBeRead(pending, cache)).toBe(540);
  });

  it("starts with the first project of several transcripts when the run is sure to read enough", () => {
    const { workers, pool, created } = demand();
    workers.expectToRead(WorkerDemand.START_AFTER_BYTES);
    // One transcript cannot be split: no pool for it, even so.
    expect(workers.poolFor([file(10)])).toBeNull();
    expect(workers.poolFor([file(10), file(20, 1)])).toBe(pool);
    expect(created).toEqual(["pool"]);
  });

  it("otherwise waits until the projects have needed that much", () => {
    const { workers, pool, created } = demand();
    workers.expectToRead(WorkerDemand.START_AFTER_BYTES - 1);
    const half = WorkerDemand.START_AFTER_BYTES / 2;
    expect(workers.poolFor([file(half), file(10, 1)])).toBeNull();
    expect(created).toEqual([]);
    expect(workers.poolFor([file(half), file(10, 1)])).toBe(pool);
    expect(workers.poolFor([file(1), file(1, 1)])).toBe(pool);
    expect(created).toEqual(["pool"]);
  });
});

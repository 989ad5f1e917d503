import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { placeFile } from "../../src/system/linked-copy.ts";
import { tempDir } from "../support/temp.ts";

// /dev/shm is another file system than os.tmpdir() on Linux CI machines: the copy path, for real.
const otherFs = fs.existsSync("/dev/shm") && fs.statSync("/dev/shm").dev !== fs.statSync(os.tmpdir()).dev;
const madeElsewhere: string[] = [];
afterEach(() => {
  for (const dir of madeElsewhere.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function source(dir: string): string {
  const file = path.join(dir, "a.jsonl");
  fs.writeFileSync(file, '{"x":1}\n', { mode: 0o640 });
  fs.utimesSync(file, new Date("2026-10-01T00:00:00.123Z"), new Date("2026-10-02T03:04:05.678Z"));
  return file;
}

describe("placeFile", () => {
  it("links within a file system, finds the link the same, never replaces a different file", () => {
    const dir = tempDir();
    const from = source(dir);
    const to = path.join(dir, "b.jsonl");
    expect(placeFile(from, to)).toBe("linked");
    expect(fs.statSync(to).ino).toBe(fs.statSync(from).ino);
    expect(placeFile(from, to)).toBe("same");
    const other = path.join(dir, "c.jsonl");
    fs.writeFileSync(other, "different\n");
    expect(placeFile(from, other)).toBe("conflict");
    expect(fs.readFileSync(other, "utf8")).toBe("different\n");
    expect(placeFile(from, other, { replace: true })).toBe("linked");
    expect(fs.readFileSync(other, "utf8")).toBe('{"x":1}\n');
    expect(fs.readdirSync(dir).sort()).toEqual(["a.jsonl", "b.jsonl", "c.jsonl"]);
  });

  it("replaces a planted link by rename, never writing through it", () => {
    const dir = tempDir();
    const from = source(dir);
    const victim = path.join(dir, "victim");
    fs.writeFileSync(victim, "keep me\n");
    const to = path.join(dir, "b.jsonl");
    fs.symlinkSync(victim, to);
    expect(placeFile(from, to)).toBe("conflict");
    expect(placeFile(from, to, { replace: true })).toBe("linked");
    expect(fs.readFileSync(victim, "utf8")).toBe("keep me\n");
    expect(fs.lstatSync(to).isFile()).toBe(true);
    expect(() => placeFile(to.replace("b.jsonl", "missing"), path.join(dir, "x"))).toThrow();
  });

  it.skipIf(!otherFs)("copies across file systems with its mode and times, then finds the copy the same", () => {
    const from = source(tempDir());
    const elsewhere = fs.mkdtempSync("/dev/shm/claude-reindex-test-");
    madeElsewhere.push(elsewhere);
    const to = path.join(elsewhere, "a.jsonl");
    expect(placeFile(from, to)).toBe("copied");
    const [a, b] = [fs.statSync(from, { bigint: true }), fs.statSync(to, { bigint: true })];
    expect(fs.readFileSync(to)).toEqual(fs.readFileSync(from));
    expect(b.mode).toBe(a.mode);
    // utimes takes seconds as a double: within a microsecond. The atime is the source's before the
    // copy read it (reading may move the source's own atime).
    const near = (ns: bigint, expected: bigint) =>
      expect(Number(ns > expected ? ns - expected : expected - ns)).toBeLessThan(5000);
    near(b.mtimeNs, a.mtimeNs);
    near(b.atimeNs, BigInt(Date.parse("2026-10-01T00:00:00.123Z")) * 1_000_000n);
    expect(placeFile(from, to)).toBe("same");
    fs.appendFileSync(from, '{"x":2}\n');
    expect(placeFile(from, to)).toBe("conflict");
    expect(placeFile(from, to, { replace: true })).toBe("copied");
    expect(fs.readFileSync(to)).toEqual(fs.readFileSync(from));
    expect(fs.readdirSync(elsewhere)).toEqual(["a.jsonl"]);
  });
});

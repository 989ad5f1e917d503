import { execFileSync } from "node:child_process";
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

const ATIME_NS = 1_790_640_000_123_456_789n;
const MTIME_NS = 1_790_737_445_678_901_234n;

function source(dir: string): string {
  const file = path.join(dir, "a.jsonl");
  fs.writeFileSync(file, '{"x":1}\n', { mode: 0o640 });
  // Times with nanoseconds, which Node's utimes cannot set (it keeps microseconds).
  execFileSync("touch", ["-a", "-d", `@${ATIME_NS / 1_000_000_000n}.${ATIME_NS % 1_000_000_000n}`, file]);
  execFileSync("touch", ["-m", "-d", `@${MTIME_NS / 1_000_000_000n}.${MTIME_NS % 1_000_000_000n}`, file]);
  return file;
}

describe("placeFile", () => {
  it("links within a file system, finds the link the same, never replaces a different file", () => {
    const dir = tempDir();
    const from = source(dir);
    const to = path.join(dir, "b.jsonl");
    expect(placeFile(from, to, { beforeCopy: () => expect.fail("a link is no copy") })).toBe("linked");
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
    let copies = 0;
    const beforeCopy = () => copies++;
    expect(placeFile(from, to, { beforeCopy })).toBe("copied");
    expect(copies).toBe(1);
    const [a, b] = [fs.statSync(from, { bigint: true }), fs.statSync(to, { bigint: true })];
    expect(fs.readFileSync(to)).toEqual(fs.readFileSync(from));
    expect(b.mode).toBe(a.mode);
    // To the nanosecond (the file system keeps them: ext4, tmpfs). The atime is the source's before the
    // copy read it (reading may move the source's own atime).
    expect(a.mtimeNs).toBe(MTIME_NS);
    expect(b.mtimeNs).toBe(MTIME_NS);
    expect(b.atimeNs).toBe(ATIME_NS);
    expect(placeFile(from, to, { beforeCopy })).toBe("same");
    expect(copies).toBe(1);
    fs.appendFileSync(from, '{"x":2}\n');
    expect(placeFile(from, to)).toBe("conflict");
    expect(placeFile(from, to, { replace: true, beforeCopy })).toBe("copied");
    expect(copies).toBe(2);
    expect(fs.readFileSync(to)).toEqual(fs.readFileSync(from));
    expect(fs.readdirSync(elsewhere)).toEqual(["a.jsonl"]);
  });
});

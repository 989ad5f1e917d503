import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPrivateFile, writePrivateFile } from "../../src/system/private-file.ts";
import { tempDir } from "../support/temp.ts";

describe("readPrivateFile", () => {
  it("reads our own file; a link, a FIFO (at once), a directory, an empty or missing file read as null", () => {
    const dir = tempDir();
    const file = path.join(dir, "claude-reindex", "stamp.json");
    writePrivateFile(file, '{"a":1}');
    expect(readPrivateFile(file)).toBe('{"a":1}');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    fs.symlinkSync(file, path.join(dir, "link.json"));
    execFileSync("mkfifo", [path.join(dir, "fifo.json")]);
    fs.mkdirSync(path.join(dir, "dir.json"));
    fs.writeFileSync(path.join(dir, "empty.json"), "");
    for (const name of ["link.json", "fifo.json", "dir.json", "empty.json", "missing.json"])
      expect([name, readPrivateFile(path.join(dir, name))]).toEqual([name, null]);
  });
});

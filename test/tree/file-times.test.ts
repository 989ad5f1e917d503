import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { millisecondsOf } from "../../src/system/file-times.ts";
import { tempDir } from "../support/temp.ts";

describe("millisecondsOf", () => {
  it("gives what Node's plain stat gives as mtimeMs, for times before and after 1970, to the nanosecond", () => {
    const dir = tempDir("claude-reindex-times-");
    const times = [
      "0",
      "1.5",
      "-1.5",
      "-0.000000001",
      "-86400.999999999",
      "1763000000.000000001",
      "1763000000.999999999",
      "1763000000.123456789",
      "1763000000.5",
      "4102444800.000000999",
      "-2208988800.25",
    ];
    for (let i = 0; i < 30; i++) times.push(`${1_700_000_000 + i * 7919}.${String(i * 33_333_331).padStart(9, "0")}`);
    for (const [i, time] of times.entries()) {
      const file = path.join(dir, `f${i}`);
      fs.writeFileSync(file, "");
      execFileSync("touch", ["-h", "-m", "-d", `@${time}`, file]);
      const exact = fs.lstatSync(file, { bigint: true });
      expect(millisecondsOf(exact.mtimeNs), time).toBe(fs.lstatSync(file).mtimeMs);
    }
  });
});

import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { tempDir } from "../support/temp.ts";

// Concurrent tests each remove only their own temp trees when they end: a test that ended early once
// removed a running test's tree (cleanup-live's real sweeps then seemed to delete files twice).
describe.concurrent("tempDir", () => {
  let ended: () => void;
  const otherEnded = new Promise<void>((resolve) => {
    ended = resolve;
  });

  it("keeps a running test's directory when another test ends", async () => {
    const mine = tempDir();
    await otherEnded;
    await new Promise((resolve) => setTimeout(resolve, 50)); // the other test's end has run by now
    expect(fs.existsSync(mine)).toBe(true);
  });

  it("ends first", () => {
    tempDir();
    setTimeout(ended, 0);
  });
});

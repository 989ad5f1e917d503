import { describe, expect, it } from "vitest";
import { progressLine } from "../../src/text/progress-line.ts";

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return {
    writes,
    stream: { isTTY, columns: 40, write: (s: string) => writes.push(s) > 0 } as unknown as NodeJS.WritableStream & {
      isTTY: boolean;
    },
  };
}

describe("progressLine", () => {
  it("redraws one line in place on a terminal, at most every 100 ms, and erases it at the end", () => {
    const { writes, stream: tty } = stream(true);
    let now = 0;
    const progress = progressLine(tty, "rebuilding", { clock: () => now });
    progress.project(0, 3, "/p/-home-a");
    now = 50;
    progress.project(1, 3, "/p/-home-b");
    now = 150;
    progress.project(2, 3, "/p/-home-c-with-a-very-long-name-that-does-not-fit");
    progress.finish();
    expect(writes).toEqual([
      "\r\x1b[Krebuilding 0/3 -home-a",
      "\r\x1b[Krebuilding 2/3 -home-c-with-a-very-long",
      "\r\x1b[K",
    ]);
  });

  it("writes nothing when the stream is not a terminal, or when disabled", () => {
    const pipe = stream(false);
    const quiet = stream(true);
    for (const progress of [progressLine(pipe.stream, "x"), progressLine(quiet.stream, "x", { enabled: false })]) {
      progress.project(0, 1, "/p");
      progress.finish();
    }
    expect(pipe.writes).toEqual([]);
    expect(quiet.writes).toEqual([]);
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLines } from "../../src/transcript/transcript-reader.ts";
import { TranscriptState } from "../../src/transcript/transcript-state.ts";
import { tempDir } from "../support/temp.ts";
import { TranscriptBuilder } from "../support/transcript-builder.ts";

const SESSION = "5c1f9d2e-7a3b-4e8c-9d1f-2a3b4c5d6e7f";

function readAll(content: string | Buffer, from = 0) {
  const file = path.join(tempDir(), `${SESSION}.jsonl`);
  fs.writeFileSync(file, content);
  const fd = fs.openSync(file, "r");
  try {
    const state = new TranscriptState(SESSION);
    return { state, progress: readLines(fd, state, from) };
  } finally {
    fs.closeSync(fd);
  }
}

describe("readLines", () => {
  it("reads lines that cross chunk boundaries, including lines of several MiB", () => {
    const t = new TranscriptBuilder({ sessionId: SESSION });
    t.user("x".repeat(3 * 1024 * 1024 + 17));
    for (let i = 0; i < 2000; i++) t.turn(`prompt ${i} ${"y".repeat(i % 700)}`);
    const { state, progress } = readAll(t.toString());
    expect(state.nodes.size).toBe(t.lines.length);
    expect(progress.committedOffset).toBe(Buffer.byteLength(t.toString()));
    expect(progress.tail).toBeNull();
  });

  it("stops committing at the last newline and hands back the rest as the tail", () => {
    const t = new TranscriptBuilder({ sessionId: SESSION });
    t.turn("one");
    const complete = t.toString();
    const { state, progress } = readAll(`${complete}{"type":"user","uuid":"cut`);
    expect(state.nodes.size).toBe(2);
    expect(progress.committedOffset).toBe(Buffer.byteLength(complete));
    expect(progress.tail).toEqual({ kind: "skip" }); // torn: not JSON
    const whole = readAll(`${complete}{"type":"user","uuid":"whole"}`);
    expect(whole.progress.committedOffset).toBe(Buffer.byteLength(complete));
    expect(whole.progress.tail).toMatchObject({ kind: "value", value: { type: "user", uuid: "whole" } });
  });

  it("resumes from a committed offset with the same result as one full read", () => {
    const t = new TranscriptBuilder({ sessionId: SESSION });
    for (let i = 0; i < 50; i++) t.turn(`q${i}`);
    const text = t.toString();
    const half = text.indexOf("\n", text.length / 2) + 1;
    const first = readAll(text.slice(0, half));
    const file = path.join(tempDir(), `${SESSION}.jsonl`);
    fs.writeFileSync(file, text);
    const fd = fs.openSync(file, "r");
    readLines(fd, first.state, first.progress.committedOffset);
    fs.closeSync(fd);
    const whole = readAll(text).state;
    expect([...first.state.nodes.entries()]).toEqual([...whole.nodes.entries()]);
  });
});

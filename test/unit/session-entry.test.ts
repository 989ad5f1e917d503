import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deriveTranscript } from "../../src/transcript/transcript.ts";
import { tempDir } from "../support/temp.ts";
import { TranscriptBuilder } from "../support/transcript-builder.ts";

const SESSION = "0b6a3c1e-8f2d-4c1a-9e7b-5d4c3b2a1f00";

function derive(content: string | Buffer) {
  const file = path.join(tempDir(), `${SESSION}.jsonl`);
  fs.writeFileSync(file, content);
  return deriveTranscript({ sessionId: SESSION, path: file, mtime: 1_700_000_000_000 }, null);
}

function entryOf(content: string | Buffer) {
  const derivation = derive(content);
  if (derivation.kind !== "entry") throw new Error(`expected an entry, got ${JSON.stringify(derivation)}`);
  return derivation.entry;
}

describe("deriveEntry", () => {
  it("writes the fields of 2.1.29 in its key order", () => {
    const t = new TranscriptBuilder({ sessionId: SESSION, cwd: "/home/dev/app", gitBranch: "feature" });
    t.meta({
      type: "queue-operation",
      operation: "enqueue",
      timestamp: "2026-10-01T08:59:59.000Z",
      sessionId: SESSION,
      content: "hi",
    });
    t.turn("first question").turn("second question");
    t.meta({ type: "custom-title", customTitle: "My title", sessionId: SESSION });
    const entry = entryOf(t.toString());
    expect(Object.keys(entry)).toEqual([
      "sessionId",
      "fullPath",
      "fileMtime",
      "firstPrompt",
      "customTitle",
      "messageCount",
      "created",
      "modified",
      "gitBranch",
      "projectPath",
      "isSidechain",
    ]);
    expect(entry).toMatchObject({
      sessionId: SESSION,
      fileMtime: 1_700_000_000_000,
      firstPrompt: "first question",
      customTitle: "My title",
      messageCount: 4,
      created: t.lines[1]!.timestamp,
      modified: t.lines[4]!.timestamp,
      gitBranch: "feature",
      projectPath: "/home/dev/app",
      isSidechain: false,
    });
  });

  it("follows the newest leaf: a rewound branch is not the main chain", () => {
    const t = new TranscriptBuilder({ sessionId: SESSION });
    const root = t.user("start");
    t.assistant("ok");
    t.user("abandoned path");
    t.assistant("abandoned reply");
    t.branchFrom(root);
    t.assistant("fresh reply");
    t.user("kept path");
    t.assistant("kept reply");
    const entry = entryOf(t.toString());
    expect(entry.messageCount).toBe(4);
    expect(entry.modified).toBe(t.lines[t.lines.length - 1]!.timestamp);
  });

  it("takes the summary of the chain's last message and the last record of each metadata kind", () => {
    const t = new TranscriptBuilder({ sessionId: SESSION });
    t.turn("hello");
    const leaf = t.tip;
    t.meta({ type: "summary", summary: "Old summary", leafUuid: "not-this-one" });
    t.meta({ type: "summary", summary: "Greeting", leafUuid: leaf });
    t.meta({ type: "tag", tag: "one", sessionId: SESSION });
    t.meta({ type: "tag", tag: "two", sessionId: SESSION });
    t.meta({ type: "tag", tag: "other session", sessionId: "11111111-1111-4111-8111-111111111111" });
    t.meta({
      type: "pr-link",
      sessionId: SESSION,
      prNumber: 7,
      prUrl: "https://example.invalid/pr/7",
      prRepository: "o/r",
    });
    const entry = entryOf(t.toString());
    expect(entry).toMatchObject({
      summary: "Greeting",
      tag: "two",
      prNumber: 7,
      prUrl: "https://example.invalid/pr/7",
      prRepository: "o/r",
    });
  });

  it("appends the leaf's non-message children (system records) to the chain", () => {
    const t = new TranscriptBuilder({ sessionId: SESSION, gitBranch: "main" });
    t.turn("hi");
    t.system({ gitBranch: "after-system" });
    const entry = entryOf(t.toString());
    expect(entry.gitBranch).toBe("after-system");
    expect(entry.modified).toBe(t.lines[2]!.timestamp);
  });

  it("gives no entry without messages or without a user or assistant record", () => {
    expect(derive("").kind).toBe("no-entry");
    expect(derive("\n\n  \n").kind).toBe("no-entry");
    expect(derive(`${JSON.stringify({ type: "summary", summary: "x", leafUuid: "y" })}\n`).kind).toBe("no-entry");
    expect(
      derive(`${JSON.stringify({ type: "system", uuid: "a", parentUuid: null, timestamp: "2026-01-01T00:00:00Z" })}\n`)
        .kind,
    ).toBe("no-entry");
  });

  it("reads lines as Claude Code does: BOM, CRLF, blank and broken lines, invalid UTF-8", () => {
    const t = new TranscriptBuilder({ sessionId: SESSION });
    t.turn("first \uFFFD question").turn("second");
    const [a, b, c, d] = t.lines.map((l) => JSON.stringify(l));
    const broken = Buffer.from(a!.replace("\uFFFD", "\u0000MARK"), "utf8");
    const withInvalid = Buffer.from(broken.toString("latin1").replace("\u0000MARK", "\u00ff"), "latin1");
    const content = Buffer.concat([
      Buffer.from("\uFEFF"),
      withInvalid,
      Buffer.from(`\r\n\n{not json\n${b}\n   \n${c}\n${d}`),
    ]);
    const entry = entryOf(content);
    expect(entry.firstPrompt).toBe("first \uFFFD question");
    expect(entry.messageCount).toBe(4);
  });

  it("uses a torn last line only when it parses, and stops at a JSON null line", () => {
    const t = new TranscriptBuilder({ sessionId: SESSION });
    t.turn("one").turn("two");
    const lines = t.lines.map((l) => JSON.stringify(l));
    const torn = `${lines.slice(0, 3).join("\n")}\n${lines[3]!.slice(0, 40)}`;
    expect(entryOf(torn).messageCount).toBe(3);
    expect(entryOf(`${lines.slice(0, 3).join("\n")}\n${lines[3]}`).messageCount).toBe(4);
    expect(entryOf(`${lines.slice(0, 2).join("\n")}\nnull\n${lines.slice(2).join("\n")}\n`).messageCount).toBe(2);
  });

  it("lets a later line with the same uuid replace the record in place", () => {
    const t = new TranscriptBuilder({ sessionId: SESSION });
    const first = t.user("draft prompt");
    t.assistant("reply");
    const entry = entryOf(
      `${t.toString()}${JSON.stringify({ ...first, message: { role: "user", content: "final prompt" } })}\n`,
    );
    expect(entry.firstPrompt).toBe("final prompt");
    expect(entry.messageCount).toBe(2);
  });

  it("reports a transcript Claude Code itself cannot read as failing", () => {
    const t = new TranscriptBuilder({ sessionId: SESSION });
    t.user([null, { type: "text", text: "x" }]);
    t.assistant("reply");
    expect(derive(t.toString()).kind).toBe("fails");
  });

  it("stops at a parentUuid cycle instead of looping forever", () => {
    const line = (uuid: string, parentUuid: string, type: string) =>
      JSON.stringify({ type, uuid, parentUuid, timestamp: "2026-01-01T00:00:00Z", message: { content: "x" } });
    const cyclic = [line("a", "b", "system"), line("b", "a", "system"), line("c", "a", "progress")].join("\n");
    expect(derive(cyclic).kind).toBe("no-entry");
    const chainCycle = [line("a", "b", "user"), line("b", "a", "assistant")].join("\n");
    expect(derive(chainCycle).kind).toBe("no-entry");
  });

  it("keeps values it does not understand as Claude Code copies them", () => {
    const t = new TranscriptBuilder({ sessionId: SESSION });
    t.user("hi", { timestamp: 12, cwd: null, isSidechain: null });
    t.assistant("hello");
    const entry = entryOf(t.toString());
    expect(entry.created).toBe(12);
    expect(entry.projectPath).toBeNull();
    expect(entry.isSidechain).toBe(false);
  });
});

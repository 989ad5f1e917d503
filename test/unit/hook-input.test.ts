import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { locateTranscript, parseHookInput } from "../../src/hooks/hook-input.ts";
import { tempDir } from "../support/temp.ts";

const SESSION = "0b6a3c1e-8f2d-4c1a-9e7b-5d4c3b2a1f00";

describe("parseHookInput", () => {
  it.each([
    ["empty stdin", "", "no hook input on stdin"],
    ["blank stdin", "  \n", "no hook input on stdin"],
    ["not JSON", "{session_id:", "hook input on stdin is not JSON"],
    ["an array", "[]", "hook input: top level"],
    ["no session_id", JSON.stringify({ transcript_path: "/x", hook_event_name: "Stop" }), "hook input: session_id"],
    [
      "a numeric transcript_path",
      JSON.stringify({ session_id: SESSION, transcript_path: 5, hook_event_name: "Stop" }),
      "hook input: transcript_path",
    ],
    [
      "stop_hook_active as a string",
      JSON.stringify({ session_id: SESSION, transcript_path: "/x", hook_event_name: "Stop", stop_hook_active: "yes" }),
      "hook input: stop_hook_active",
    ],
  ])("refuses %s", (_name, text, problem) => {
    const parsed = parseHookInput(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });

  it("accepts Claude Code's input and keeps fields it does not read", () => {
    const parsed = parseHookInput(
      JSON.stringify({
        session_id: SESSION,
        transcript_path: "/x",
        cwd: "/w",
        hook_event_name: "Stop",
        stop_hook_active: false,
        last_assistant_message: "done",
        permission_mode: "default",
      }),
    );
    expect(parsed).toMatchObject({ ok: true, value: { last_assistant_message: "done", stop_hook_active: false } });
  });
});

describe("locateTranscript", () => {
  // Made once for the whole table (tempDir's clean-up runs after each test).
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "claude-reindex-hook-root-"));
  const project = path.join(root, "projects", "-home-dev-app");
  fs.mkdirSync(project, { recursive: true });
  const elsewhere = path.join(os.tmpdir(), "claude-reindex-elsewhere");
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it.each([
    ["a relative path", `projects/-home-dev-app/${SESSION}.jsonl`, "is not absolute"],
    ["a path with ..", `${project}/../-home-dev-app/${SESSION}.jsonl`, 'contains ".."'],
    ["a path outside the root", `${elsewhere}/x/${SESSION}.jsonl`, "is not under"],
    ["a path directly under projects/", `${root}/projects/${SESSION}.jsonl`, "is not under"],
    ["a nested path", `${project}/${SESSION}/subagents/${SESSION}.jsonl`, "is not under"],
    ["an agent transcript", `${project}/agent-a1b2c3.jsonl`, "does not name a session transcript"],
    ["another file", `${project}/sessions-index.json`, "does not name a session transcript"],
  ])("refuses %s", (_name, transcriptPath, problem) => {
    const located = locateTranscript(root, transcriptPath);
    expect(located.ok).toBe(false);
    if (!located.ok) expect(located.problem).toContain(problem);
  });

  it("accepts a session transcript of a project, also through a symlinked projects directory", () => {
    expect(locateTranscript(root, `${project}/${SESSION}.jsonl`)).toEqual({
      ok: true,
      value: { projectDir: project, sessionId: SESSION, path: `${project}/${SESSION}.jsonl` },
    });
    const linkedRoot = tempDir("claude-reindex-linked-root-");
    fs.symlinkSync(path.join(root, "projects"), path.join(linkedRoot, "projects"));
    const viaLink = locateTranscript(linkedRoot, `${project}/${SESSION}.jsonl`);
    expect(viaLink).toEqual({
      ok: true,
      value: {
        projectDir: path.join(linkedRoot, "projects", "-home-dev-app"),
        sessionId: SESSION,
        path: path.join(linkedRoot, "projects", "-home-dev-app", `${SESSION}.jsonl`),
      },
    });
  });
});

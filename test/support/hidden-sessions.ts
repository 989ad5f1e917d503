/**
 * A config root with one session for each way Claude Code 2.1.332's `/resume` hides a session (and
 * for the title rules), written as Claude Code lays them out. The SDK test proves each expectation
 * against the Agent SDK; `why`, doctor and the picker tests use the same tree.
 */
import fs from "node:fs";
import path from "node:path";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";
import { setMtime } from "./claude-tree.ts";
import { tempDir } from "./temp.ts";
import { type Line, TranscriptBuilder } from "./transcript-builder.ts";

export interface CraftedSession {
  id: string;
  path: string;
  /** What hiddenFromResume must say. */
  hidden: string[];
  /** The title Claude Code shows (the SDK's `summary`), when it lists it. */
  title?: string;
}

export interface CraftedTree {
  root: string;
  work: string;
  sessions: Record<string, CraftedSession>;
}

const id = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export function craftHiddenTree(): CraftedTree {
  const root = tempDir("claude-reindex-hidden-");
  const work = fs.realpathSync(tempDir("claude-reindex-work-"));
  const app = path.join(work, "app");
  const slugA = path.join(work, "a_b");
  const slugB = path.join(work, "a-b");
  const moved = path.join(work, "moved-here");
  for (const dir of [app, slugA, slugB, moved]) fs.mkdirSync(dir);
  const sessions: Record<string, CraftedSession> = {};
  let n = 0;
  let clock = Date.UTC(2026, 10, 1);

  const write = (
    name: string,
    cwd: string,
    lines: Line[] | string,
    expected: Omit<CraftedSession, "id" | "path">,
    options: { dir?: string; sessionId?: string } = {},
  ) => {
    n++;
    const sessionId = options.sessionId ?? id(n);
    const dir = path.join(root, "projects", options.dir ?? encodeProjectDirName(cwd));
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, `${sessionId}.jsonl`);
    fs.writeFileSync(file, typeof lines === "string" ? lines : lines.map((l) => `${JSON.stringify(l)}\n`).join(""));
    clock += 60_000;
    setMtime(file, clock);
    sessions[name] = { id: sessionId, path: file, ...expected };
    return sessions[name]!;
  };
  const builder = (cwd: string, sessionId = id(n + 1)) => new TranscriptBuilder({ sessionId, cwd });

  // Listed, with each source of the title.
  write("plain", app, builder(app).turn("fix the parser").lines, { hidden: [], title: "fix the parser" });
  {
    const b = builder(app).turn("first question");
    b.meta({ type: "custom-title", customTitle: "Renamed in the tail", sessionId: b.options.sessionId });
    write("custom-title", app, b.lines, { hidden: [], title: "Renamed in the tail" });
  }
  {
    const b = builder(app).turn("a prompt");
    b.meta({ type: "ai-title", aiTitle: "An AI title", sessionId: b.options.sessionId });
    write("ai-title", app, b.lines, { hidden: [], title: "An AI title" });
  }
  {
    const b = builder(app).turn("the first prompt").turn("the latest prompt");
    b.meta({ type: "last-prompt", lastPrompt: "the latest prompt", sessionId: b.options.sessionId });
    write("last-prompt", app, b.lines, { hidden: [], title: "the latest prompt" });
  }
  {
    const b = builder(app);
    b.user(
      "<command-name>/compact</command-name>\n<command-message>compact</command-message>\n" +
        "<command-args></command-args>",
    );
    b.user("<local-command-stderr>Error: No messages to compact</local-command-stderr>");
    write("command-only", app, b.lines, { hidden: [], title: "/compact" });
  }
  {
    const b = builder(app).turn("second alpha task\nwith a second line and <b>markup</b>");
    write("multi-line", app, b.lines, { hidden: [], title: "second alpha task with a second line and <b>markup</b>" });
  }
  {
    const b = builder(app).turn("日本語のタイトル 🚀\twith a tab and \u001b[31mred\u001b[0m and \u009b2J");
    write("wide-and-control", app, b.lines, {
      hidden: [],
      title: "日本語のタイトル 🚀\twith a tab and \u001b[31mred\u001b[0m and \u009b2J",
    });
  }
  {
    const b = builder(app).turn("titled by the sidecar");
    const s = write("sidecar-title", app, b.lines, { hidden: [], title: "From custom-title.json" });
    fs.mkdirSync(path.join(path.dirname(s.path), s.id));
    fs.writeFileSync(
      path.join(path.dirname(s.path), s.id, "custom-title.json"),
      '{"customTitle":"From custom-title.json"}',
    );
  }
  // A team session: the terminal of 2.1.330+ hides it, the SDK (our reference) lists it.
  write(
    "team",
    app,
    builder(app)
      .turn("team work")
      .lines.map((l) => ({ ...l, teamName: "blue" })),
    {
      hidden: [],
      title: "team work",
    },
  );

  // Hidden.
  write(
    "programmatic",
    app,
    builder(app)
      .turn("from claude -p")
      .lines.map((l) => ({ ...l, entrypoint: "sdk-cli" })),
    { hidden: ["programmatic"], title: "from claude -p" },
  );
  write(
    "daemon",
    app,
    builder(app)
      .turn("a daemon's work")
      .lines.map((l) => ({ ...l, sessionKind: "daemon" })),
    { hidden: ["daemon"], title: "a daemon's work" },
  );
  {
    const b = builder(app).turn("starts on a sidechain");
    b.lines[0]!.isSidechain = true;
    write("sidechain-head", app, b.lines, { hidden: ["sidechain-head"], title: "starts on a sidechain" });
  }
  {
    const target = builder(app, id(n + 2)).turn("the continuation");
    const b = builder(app).turn("work that went on elsewhere");
    b.meta({ type: "continued-in", continuedInSessionId: target.options.sessionId, sessionId: b.options.sessionId });
    write("continued", app, b.lines, { hidden: ["continued"], title: "work that went on elsewhere" });
    write(
      "continuation",
      app,
      target.lines,
      { hidden: [], title: "the continuation" },
      {
        sessionId: target.options.sessionId,
      },
    );
  }
  {
    // The continuation never got a message: the first session stays listed.
    const b = builder(app).turn("continued into nothing");
    b.meta({ type: "continued-in", continuedInSessionId: id(999), sessionId: b.options.sessionId });
    write("continued-nowhere", app, b.lines, { hidden: [], title: "continued into nothing" });
  }
  {
    // Only a screen opened and closed: a meta record, nothing typed.
    const b = builder(app);
    b.user("<local-command-caveat>Caveat: the messages below were generated by the user</local-command-caveat>", {
      isMeta: true,
    });
    b.system();
    write("bookkeeping-only", app, b.lines, { hidden: ["bookkeeping-only"] });
  }
  {
    // The prompt is neither in the first nor in the last 64 KiB.
    const b = builder(app);
    const filler = (k: number, variant: number) =>
      Array.from({ length: k }, (_, i) => ({
        type: "progress",
        parentUuid: null,
        uuid: `00000000-0000-4000-${8000 + variant}-${String(i).padStart(12, "0")}`,
        data: { output: "x".repeat(1000) },
        cwd: app,
        sessionId: b.options.sessionId,
        timestamp: "2026-10-01T09:00:00.000Z",
      }));
    b.lines.push(...filler(80, 0));
    b.turn("a prompt deep inside");
    b.lines.push(...filler(80, 1));
    write("no-title", app, b.lines, { hidden: ["no-title"] });
  }
  {
    // Recorded in a_b, listed from a-b's directory name too: from its own directory it is listed.
    write("same-slug", slugA, builder(slugA).turn("in a_b").lines, { hidden: [], title: "in a_b" });
    // The text search finds a-b first (a nested cwd), the line parse finds a_b: a slug collision.
    const b = builder(slugA).turn("mismatched cwd");
    b.lines.unshift({
      type: "queue-operation",
      operation: "enqueue",
      data: { cwd: slugB },
      sessionId: b.options.sessionId,
    });
    write("cwd-mismatch", slugA, b.lines, { hidden: ["cwd-mismatch"], title: "mismatched cwd" });
  }
  {
    const b = builder(app).turn("moved later");
    b.meta({ type: "relocated", relocatedCwd: moved, sessionId: b.options.sessionId });
    write("relocated", app, b.lines, { hidden: ["split-directory"], title: "moved later" });
  }
  // One working directory, two project directories (a case variant): the second is never read.
  write(
    "split-directory",
    app,
    builder(app).turn("in the other spelling").lines,
    {
      hidden: ["split-directory"],
      title: "in the other spelling",
    },
    { dir: encodeProjectDirName(app).toUpperCase() },
  );
  {
    const b = builder(app).turn("no directory anywhere");
    const noCwd = b.lines.map(({ cwd: _cwd, ...rest }) => rest);
    // Beside sessions that name the directory: listed there.
    write("no-cwd-beside-others", app, noCwd, { hidden: [], title: "no directory anywhere" });
    // Alone: no directory's /resume reads it.
    const alone = builder(app).turn("alone without a directory");
    write(
      "no-cwd",
      app,
      alone.lines.map(({ cwd: _cwd, ...rest }) => rest),
      { hidden: ["no-cwd"] },
      {
        dir: "-nowhere-known",
      },
    );
  }
  return { root, work, sessions };
}

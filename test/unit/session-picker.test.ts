import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { SessionRow } from "../../src/catalog/session-record.ts";
import { pickSession } from "../../src/commands/session-picker.ts";

const NOW = Date.UTC(2026, 10, 30, 12);

function row(n: number): SessionRow {
  return {
    sessionId: `0000000${n}-aaaa-4bbb-8ccc-00000000000${n}`,
    title: `session number ${n}`,
    firstPrompt: `session number ${n}`,
    lastPrompt: null,
    customTitle: null,
    aiTitle: null,
    tag: null,
    messageCount: 2,
    created: null,
    modified: null,
    modifiedMs: NOW - n * 60_000,
    gitBranch: null,
    projectPath: "/w/app",
    projectDir: "/c/projects/-w-app",
    fullPath: `/c/projects/-w-app/${n}.jsonl`,
    hiddenFromResume: [],
    continuedIn: null,
    entrypoint: null,
    teamName: null,
    fileSize: 100,
  };
}

/** A terminal of 80x10: keys go in on stdin, and `screen()` is everything written so far. */
function terminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  let written = "";
  const stdout = Object.assign(new PassThrough(), { columns: 80, rows: 10 });
  stdout.on("data", (chunk: Buffer) => {
    written += chunk.toString("utf8");
  });
  const lastScreen = () => written.slice(written.lastIndexOf("\x1b[H"));
  return { terminal: { stdin, stdout }, keys: (text: string) => stdin.write(text), lastScreen, all: () => written };
}

function deferred<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: unknown) => void };
  const promise = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  return { promise, ...settle };
}

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe("pickSession with the rest of the rows still coming", () => {
  it("shows the newest rows, keeps the keys typed meanwhile, and applies them once every row is there", async () => {
    const t = terminal();
    const rest = deferred<SessionRow[]>();
    const read = { done: 2, total: 5 };
    let chosen: unknown = "pending";
    const picking = pickSession([row(1), row(2)], t.terminal, NOW, undefined, undefined, { rows: rest.promise, read });
    void picking.then((c) => {
      chosen = c;
    });
    await tick();
    expect(t.lastScreen()).toContain("session number 2");
    expect(t.lastScreen()).toContain("newest 2 sessions, reading the others… (2/5 projects)");
    // The count follows the reader while the reading lets timers run.
    read.done = 4;
    for (let waited = 0; waited < 3000 && !t.lastScreen().includes("(4/5 projects)"); waited += 50) await tick(50);
    expect(t.lastScreen()).toContain("(4/5 projects)");
    t.keys("3");
    t.keys("\r");
    await tick();
    // The filter "3" and Enter wait: no row 3 yet, nothing chosen.
    expect(chosen).toBe("pending");
    expect(t.lastScreen()).toContain("Resume which session? \x1b[K");
    rest.resolve([row(1), row(2), row(3)]);
    expect((await picking)?.row.sessionId).toBe(row(3).sessionId);
    expect(t.all()).toContain("3 of 3 sessions");
    expect(t.all()).toContain("1 of 3 sessions");
  });

  it("moves among the newest rows and resumes one at once", async () => {
    const t = terminal();
    const rest = { rows: deferred<SessionRow[]>().promise, read: { done: 1, total: 2 } };
    const picking = pickSession([row(1), row(2), row(3)], t.terminal, NOW, undefined, undefined, rest);
    await tick();
    t.keys("\x1b[B\x1b[B\x1b[A");
    await tick();
    expect(t.lastScreen()).toContain("❯ ");
    expect(t.lastScreen().split("❯ ")[1]).toContain("session number 2");
    t.keys("\r");
    expect((await picking)?.row.sessionId).toBe(row(2).sessionId);
  });

  it("keeps a move past the newest rows until the others are there", async () => {
    const t = terminal();
    const rest = deferred<SessionRow[]>();
    const picking = pickSession([row(1), row(2)], t.terminal, NOW, undefined, undefined, {
      rows: rest.promise,
      read: { done: 1, total: 2 },
    });
    await tick();
    t.keys("\x1b[B\x1b[B\r");
    await tick();
    expect(t.lastScreen().split("❯ ")[1]).toContain("session number 2");
    rest.resolve([row(1), row(2), row(3)]);
    expect((await picking)?.row.sessionId).toBe(row(3).sessionId);
  });

  it("ends at once on Ctrl-C", async () => {
    const t = terminal();
    const rest = { rows: deferred<SessionRow[]>().promise, read: { done: 1, total: 2 } };
    const picking = pickSession([row(1)], t.terminal, NOW, undefined, undefined, rest);
    await tick();
    t.keys("\x03");
    expect(await picking).toBeNull();
    expect(t.all().endsWith("\x1b[?25h\x1b[?1049l")).toBe(true);
  });

  it("ends with the error when the rest cannot be read, leaving the screen as it was", async () => {
    const t = terminal();
    const rest = deferred<SessionRow[]>();
    const read = { done: 1, total: 2 };
    const picking = pickSession([row(1)], t.terminal, NOW, undefined, undefined, { rows: rest.promise, read });
    await tick();
    rest.reject(new Error("EACCES: permission denied, open '/c/projects/-w-app'"));
    await expect(picking).rejects.toThrow("EACCES");
    expect(t.all().endsWith("\x1b[?25h\x1b[?1049l")).toBe(true);
  });
});

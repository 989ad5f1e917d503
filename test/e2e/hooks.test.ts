import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import lockfile from "proper-lockfile";
import { beforeAll, describe, expect, it } from "vitest";
import { ClaudeTree, type TreeSession } from "../support/claude-tree.ts";
import { writeRecordingNode } from "../support/recording-node.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const APP = "/home/dev/app";

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/hook.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

function hook(
  name: "session-start" | "stop" | "session-end",
  root: string,
  input: unknown,
  env: Record<string, string> = {},
) {
  return execa(path.join(repo, "hooks", name), [], {
    input: typeof input === "string" ? input : JSON.stringify(input),
    env: { CLAUDE_CONFIG_DIR: root, CLAUDE_REINDEX_HOOK_FOREGROUND: "1", ...env },
    reject: false,
  });
}

function stopInput(session: TreeSession, extra: Record<string, unknown> = {}) {
  return {
    session_id: session.id,
    transcript_path: session.path,
    cwd: APP,
    hook_event_name: "Stop",
    stop_hook_active: false,
    last_assistant_message: "ok",
    ...extra,
  };
}

async function rebuilt(tree: ClaudeTree) {
  await execa(path.join(repo, "bin/claude-reindex"), ["rebuild", "--all"], { env: { CLAUDE_CONFIG_DIR: tree.root } });
}

/** A stand-in for Claude Code: runs the Stop hook through `sh -c` with `input`, works on for `ms`, exits. */
function claudeRunningStop(input: unknown, ms: number, env: Record<string, string>) {
  const claude = `require("node:child_process").execFileSync("sh", ["-c", process.argv[1]], { input: process.argv[2] });
    setTimeout(() => {}, Number(process.argv[3]));`;
  const stop = JSON.stringify(path.join(repo, "hooks/stop"));
  return execa(process.execPath, ["-e", claude, stop, JSON.stringify(input), String(ms)], { env });
}

/** Where `name` is on this machine's PATH. */
async function realTool(name: string): Promise<string> {
  return (await execa("sh", ["-c", 'command -v "$1"', "sh", name])).stdout;
}

/** A tree with one session whose index a rebuild wrote, and a turn appended since that the index lacks. */
async function aTurnSinceARebuild() {
  const tree = new ClaudeTree();
  const a = tree.session(APP, ["a"], { mtime: 1_763_000_000_000 });
  await rebuilt(tree);
  tree.append(a, "a again", 1_763_000_100_000);
  return { tree, a };
}

const entryOf = (tree: ClaudeTree, id: string) => tree.readIndex(APP).entries.find((e) => e.sessionId === id);

describe("the hooks", () => {
  it.each([
    ["empty stdin", ""],
    ["not JSON", "{oops"],
    ["missing fields", { session_id: "x" }],
    [
      "a relative transcript path",
      {
        session_id: "x",
        transcript_path: "projects/a/0b6a3c1e-8f2d-4c1a-9e7b-5d4c3b2a1f00.jsonl",
        hook_event_name: "Stop",
      },
    ],
    [
      "a path outside the root",
      { session_id: "x", transcript_path: "/etc/0b6a3c1e-8f2d-4c1a-9e7b-5d4c3b2a1f00.jsonl", hook_event_name: "Stop" },
    ],
    [
      "a path with ..",
      {
        session_id: "x",
        transcript_path: "/tmp/../etc/0b6a3c1e-8f2d-4c1a-9e7b-5d4c3b2a1f00.jsonl",
        hook_event_name: "Stop",
      },
    ],
  ])("refuse %s: exit 0, nothing on stdout, one line on stderr and in the log", async (_name, input) => {
    const tree = new ClaudeTree();
    tree.session(APP, ["one"]);
    for (const name of ["session-start", "stop", "session-end"] as const) {
      const result = await hook(name, tree.root, input);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr.split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^claude-reindex (SessionStart|Stop|SessionEnd) hook: .*; nothing written$/);
    }
    expect(fs.existsSync(tree.indexPath(APP))).toBe(false);
    const log = path.join(tree.root, "claude-reindex", "hooks.log");
    expect(fs.readFileSync(log, "utf8").trim().split("\n")).toHaveLength(3);
    expect(fs.statSync(log).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(log)).mode & 0o777).toBe(0o700);
  });

  it("Stop merges its own session's entry and leaves the others as they are", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["a"], { mtime: 1_763_000_000_000 });
    const b = tree.session(APP, ["b"], { mtime: 1_763_000_000_000 });
    await rebuilt(tree);
    tree.append(a, "a again", 1_763_000_100_000);
    tree.append(b, "b again", 1_763_000_100_000);
    const result = await hook("stop", tree.root, stopInput(a));
    expect(result).toMatchObject({ exitCode: 0, stdout: "", stderr: "" });
    expect(entryOf(tree, a.id)).toMatchObject({ messageCount: 4, fileMtime: 1_763_000_100_000 });
    expect(entryOf(tree, b.id)).toMatchObject({ messageCount: 2, fileMtime: 1_763_000_000_000 });
  });

  it("respects stop_hook_active, and SessionEnd merges like Stop", async () => {
    const { tree, a } = await aTurnSinceARebuild();
    await hook("stop", tree.root, stopInput(a, { stop_hook_active: true }));
    expect(entryOf(tree, a.id)).toMatchObject({ messageCount: 2 });
    await hook("session-end", tree.root, {
      ...stopInput(a),
      hook_event_name: "SessionEnd",
      reason: "prompt_input_exit",
    });
    expect(entryOf(tree, a.id)).toMatchObject({ messageCount: 4 });
  });

  it("SessionEnd keeps what list and pick know of its session, as they would keep it; Stop does not", async () => {
    const { tree, a } = await aTurnSinceARebuild();
    const b = tree.session(APP, ["b, never listed"], { mtime: 1_763_000_200_000 });
    const catalog = path.join(tree.root, "claude-reindex", "catalog", `${path.basename(path.dirname(a.path))}.json`);
    const saved = () => JSON.parse(fs.readFileSync(catalog, "utf8")).sessions;
    await hook("stop", tree.root, stopInput(a));
    expect(fs.existsSync(catalog)).toBe(false);
    const end = await hook("session-end", tree.root, {
      ...stopInput(a),
      hook_event_name: "SessionEnd",
      reason: "prompt_input_exit",
    });
    expect(end).toMatchObject({ exitCode: 0, stdout: "", stderr: "" });
    // That session only, with the transcript's stat as it is now: the next list takes it without reading it.
    expect(Object.keys(saved())).toEqual([a.id]);
    expect(saved()[a.id]).toMatchObject({ mtime: 1_763_000_100_000, size: fs.statSync(a.path).size });
    const byHook = saved()[a.id];
    const list = await execa(path.join(repo, "bin/claude-reindex"), ["list", "--all", "--json"], {
      env: { CLAUDE_CONFIG_DIR: tree.root },
    });
    expect(JSON.parse(list.stdout).map((row: { title: string }) => row.title)).toEqual(["b, never listed", "a"]);
    // What list keeps of it is what the hook kept.
    expect(saved()[a.id]).toEqual(byHook);
    expect(Object.keys(saved()).sort()).toEqual([a.id, b.id].sort());
  });

  it("SessionStart, or any hook that finds no index, merges the whole project", async () => {
    const tree = new ClaudeTree();
    const sessions = [tree.session(APP, ["a"]), tree.session(APP, ["b"]), tree.session(APP, ["c"])];
    await hook("stop", tree.root, stopInput(sessions[0]!));
    expect(tree.readIndex(APP).entries).toHaveLength(3);
    const d = tree.session(APP, ["d"]);
    tree.session(APP, ["e"]);
    const start = await hook("session-start", tree.root, {
      ...stopInput(d),
      hook_event_name: "SessionStart",
      source: "resume",
      model: "claude",
    });
    expect(start).toMatchObject({ exitCode: 0, stdout: "" });
    expect(tree.readIndex(APP).entries).toHaveLength(5);
  });

  it("waits briefly for a live lock holder, then gives up quietly", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["a"], { mtime: 1_763_000_000_000 });
    await rebuilt(tree);
    tree.append(a, "more", 1_763_000_100_000);
    const release = await lockfile.lock(tree.indexPath(APP), { realpath: false, stale: 10_000 });
    const started = Date.now();
    const result = await hook("stop", tree.root, stopInput(a));
    await release();
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("is locked by another process");
    expect(entryOf(tree, a.id)).toMatchObject({ messageCount: 2 });
  });

  it("16 Stop hooks on other sessions and a rebuild at once: no entry lost, the index always parses", async () => {
    const tree = new ClaudeTree();
    const sessions = Array.from({ length: 16 }, (_, i) =>
      tree.session(APP, [`session ${i}`], { mtime: 1_763_000_000_000 }),
    );
    const others = Array.from({ length: 8 }, (_, i) =>
      tree.session(APP, [`untouched ${i}`], { mtime: 1_763_000_000_000 }),
    );
    await rebuilt(tree);
    for (const s of sessions) tree.append(s, "one more turn", 1_763_000_100_000);

    let reads = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const index = JSON.parse(fs.readFileSync(tree.indexPath(APP), "utf8"));
        expect(index.entries.length).toBe(24);
        reads++;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const runs = await Promise.all([
      ...sessions.map((s) => hook("stop", tree.root, stopInput(s))),
      execa(path.join(repo, "bin/claude-reindex"), ["rebuild", "--all"], {
        env: { CLAUDE_CONFIG_DIR: tree.root },
        reject: false,
      }),
    ]);
    polling = false;
    await poller;
    for (const run of runs) expect(run.exitCode).toBe(0);
    // A hook may give up on the lock under load (by design); the concurrent rebuild merges its session.
    for (const run of runs.slice(0, 16)) expect(run.stderr).toMatch(/^$|is locked by another process/);
    for (const s of sessions)
      expect(entryOf(tree, s.id)).toMatchObject({ messageCount: 4, fileMtime: 1_763_000_100_000 });
    for (const s of others) expect(entryOf(tree, s.id)).toMatchObject({ messageCount: 2 });
    console.log(`concurrent writers: 17, index reads while they ran: ${reads}, entries checked: 24`);
    expect(reads).toBeGreaterThan(10);
  }, 90_000); // 17 Node processes at once: minutes on a machine shared by many
});

describe("a project's first session", () => {
  it("SessionStart before Claude Code made the project directory is not a problem", async () => {
    const tree = new ClaudeTree();
    const projectDir = path.join(tree.root, "projects", "-home-dev-new");
    const result = await hook("session-start", tree.root, {
      session_id: "0b6a3c1e-8f2d-4c1a-9e7b-5d4c3b2a1f00",
      transcript_path: path.join(projectDir, "0b6a3c1e-8f2d-4c1a-9e7b-5d4c3b2a1f00.jsonl"),
      hook_event_name: "SessionStart",
      source: "startup",
    });
    expect(result).toMatchObject({ exitCode: 0, stdout: "", stderr: "" });
    expect(fs.existsSync(projectDir)).toBe(false);
    expect(fs.existsSync(path.join(tree.root, "claude-reindex", "hooks.log"))).toBe(false);
  });
});

describe("an index overwritten from a stale snapshot", () => {
  it("is healed by the next Stop hook, which merges the whole project when entries are missing", async () => {
    const tree = new ClaudeTree();
    const sessions = [tree.session(APP, ["a"]), tree.session(APP, ["b"]), tree.session(APP, ["c"])];
    await rebuilt(tree);
    const index = tree.readIndex(APP);
    fs.writeFileSync(tree.indexPath(APP), JSON.stringify({ ...index, entries: index.entries.slice(0, 1) }, null, 2));
    await hook("stop", tree.root, stopInput(sessions[2]!));
    expect(
      tree
        .readIndex(APP)
        .entries.map((e) => e.sessionId)
        .sort(),
    ).toEqual(sessions.map((s) => s.id).sort());
  });
});

/** Polls until `check` holds, up to `ms`; says whether it did. */
async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What `find` returns within `ms` (polled); fails the test when it never returns anything. */
async function eventuallyFound<T>(find: () => T | undefined, ms: number): Promise<T> {
  let found: T | undefined;
  const check = () => {
    found = find();
    return found !== undefined;
  };
  if (!(await eventually(check, ms))) throw new Error(`nothing found within ${ms} ms`);
  return found as T;
}

/** The fields of /proc/<pid>/stat after the command name: [0] is the state, [11] utime, [12] stime, [16] nice. */
function statFields(pid: number): string[] {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** User and system CPU time of a process so far, in seconds (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * The pid of a process of the hooks for config root `root` (found in /proc by its environment) whose second
 * argument ends in `argument`: "launch" for the launcher's waiting part (`sh launch --worker ...`; the
 * hook itself has ended), "dist/hook.mjs" for its Node (`node dist/hook.mjs <event>`).
 */
function hookProcessOf(root: string, argument: string): number | undefined {
  for (const pid of fs.readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (!cmdline[1]?.endsWith(argument)) continue;
      if (fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`CLAUDE_CONFIG_DIR=${root}`))
        return Number(pid);
    } catch {
      // ended meanwhile, or not ours to read
    }
  }
  return undefined;
}

/** A process's nice value (Linux /proc). */
function niceOf(pid: number): number {
  return Number(statFields(pid)[16]);
}

describe("the launcher (hooks/launch), as Claude Code runs it", () => {
  it("returns at once, holding none of Claude Code's pipes, while a detached worker merges", async () => {
    const { tree, a } = await aTurnSinceARebuild();
    // The worker has to wait for this lock; the hook must not.
    const release = await lockfile.lock(tree.indexPath(APP), { realpath: false, stale: 10_000 });
    const started = Date.now();
    const result = await execa(path.join(repo, "hooks/stop"), [], {
      input: JSON.stringify(stopInput(a)),
      env: { CLAUDE_CONFIG_DIR: tree.root },
    });
    const took = Date.now() - started;
    expect(result).toMatchObject({ exitCode: 0, stdout: "", stderr: "" });
    expect(took).toBeLessThan(1_000);
    expect(entryOf(tree, a.id)).toMatchObject({ messageCount: 2 });
    await release();
    // The worker waits for its parent (here the test) to exit, at most 3 s, then for the lock.
    expect(await eventually(() => entryOf(tree, a.id)?.messageCount === 4, 10_000)).toBe(true);
    console.log(`hooks/stop returned in ${took} ms; the worker merged after the lock was released`);
  });

  it("hands the JSON over in a private file it unlinks at once, and runs Node at a lower priority", async () => {
    for (const ourFolder of ["a folder", "a link"] as const) {
      const { tree, a } = await aTurnSinceARebuild();
      const ours = path.join(tree.root, "claude-reindex");
      if (ourFolder === "a link") {
        // Never written through: the JSON goes to a mktemp file in TMPDIR instead.
        fs.renameSync(ours, `${ours}.real`);
        fs.symlinkSync(`${ours}.real`, ours);
      }
      const tmp = tempDir("claude-reindex-hook-tmp-");
      // The worker's Node waits for this lock, long enough to be looked at.
      const release = await lockfile.lock(tree.indexPath(APP), { realpath: false, stale: 10_000 });
      try {
        const result = await execa(path.join(repo, "hooks/stop"), [], {
          input: JSON.stringify(stopInput(a)),
          // It waits 2 s for its parent (this test) to exit, holding the JSON for its Node.
          env: { CLAUDE_CONFIG_DIR: tree.root, CLAUDE_REINDEX_HOOK_WAIT_TENTHS: "20", TMPDIR: tmp },
        });
        expect(result).toMatchObject({ exitCode: 0, stdout: "", stderr: "" });
        const waiting = await eventuallyFound(() => hookProcessOf(tree.root, "hooks/launch"), 2_000);
        // Once it has read the JSON: fd 5 is the file, already unlinked, and fd 4 (its writing end) is closed.
        const where = ourFolder === "a folder" ? `${ours}/hook-input.` : `${tmp}/claude-reindex-hook.`;
        let held = "";
        const holds = () => {
          held = fs.existsSync(`/proc/${waiting}/fd/5`) ? fs.readlinkSync(`/proc/${waiting}/fd/5`) : "";
          return held.startsWith(where) && held.endsWith(" (deleted)") && !fs.existsSync(`/proc/${waiting}/fd/4`);
        };
        expect({ held, holds: await eventually(holds, 2_000) }).toMatchObject({ holds: true });
        expect(fs.readdirSync(`${ours}/`).filter((n) => n.startsWith("hook-input"))).toEqual([]);
        expect(fs.readdirSync(tmp)).toEqual([]);
        const node = await eventuallyFound(() => hookProcessOf(tree.root, "dist/hook.mjs"), 5_000);
        const lowered = niceOf(process.pid) + 10;
        expect(await eventually(() => niceOf(node) === lowered, 2_000)).toBe(true);
      } finally {
        await release();
      }
      expect(await eventually(() => entryOf(tree, a.id)?.messageCount === 4, 10_000)).toBe(true);
    }
  });

  it("runs the worker's Node without NODE_EXTRA_CA_CERTS", async () => {
    const { tree, a } = await aTurnSinceARebuild();
    // A node first on PATH that notes what it was given of the setting, then runs the real one.
    const work = tempDir("claude-reindex-hook-node-");
    const nodeLog = path.join(work, "node.log");
    writeRecordingNode(work, nodeLog, `printf '[%s]\\n' "\${NODE_EXTRA_CA_CERTS-unset}"`);
    // As Claude Code runs it: through `sh -c`, whose parent (the stand-in for Claude Code) ends at once.
    const result = await execa("sh", ["-c", `sh -c '"$0"; :' "$1"; :`, "sh", path.join(repo, "hooks/stop")], {
      input: JSON.stringify(stopInput(a)),
      env: {
        CLAUDE_CONFIG_DIR: tree.root,
        NODE_EXTRA_CA_CERTS: "/nowhere/bundle.pem",
        PATH: `${work}:${process.env.PATH}`,
      },
    });
    expect(result).toMatchObject({ exitCode: 0, stdout: "", stderr: "" });
    expect(await eventually(() => entryOf(tree, a.id)?.messageCount === 4, 5_000)).toBe(true);
    expect(fs.readFileSync(nodeLog, "utf8")).toBe("[unset]\n");
  });

  it("SessionEnd merges after the process that ran it has exited, with what it wrote last", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["a"], { mtime: 1_763_000_000_000 });
    await rebuilt(tree);
    const input = JSON.stringify({ ...stopInput(a), hook_event_name: "SessionEnd", reason: "prompt_input_exit" });
    // A stand-in for Claude Code 2.1.29: runs SessionEnd through `sh -c`, then appends its exit records.
    const parent = execa(
      process.execPath,
      [
        "-e",
        `const { execFileSync } = require("node:child_process");
         execFileSync("sh", ["-c", process.argv[1]], { input: process.argv[2], stdio: ["pipe", "inherit", "inherit"] });
         setTimeout(() => require("node:fs").appendFileSync(process.argv[3], process.argv[4]), 700);`,
        JSON.stringify(path.join(repo, "hooks/session-end")),
        input,
        a.path,
        `${JSON.stringify({ type: "system", subtype: "exit", timestamp: "2026-01-01T00:00:00.000Z" })}\n`,
      ],
      { env: { CLAUDE_CONFIG_DIR: tree.root } },
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    const whileRunning = fs.readFileSync(tree.indexPath(APP), "utf8");
    await parent;
    const exited = Date.now();
    const transcriptMtime = () => Math.round(fs.statSync(a.path).mtimeMs);
    expect(await eventually(() => entryOf(tree, a.id)?.fileMtime === transcriptMtime(), 2_000)).toBe(true);
    expect(JSON.parse(whileRunning).entries[0].fileMtime).toBe(1_763_000_000_000);
    console.log(`SessionEnd's entry current ${Date.now() - exited} ms after its parent exited`);
  });

  it("SessionEnd merges once the process that ran it has exited, though its parent has not reaped it yet", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["a"], { mtime: 1_763_000_000_000 });
    await rebuilt(tree);
    const input = JSON.stringify({ ...stopInput(a), hook_event_name: "SessionEnd", reason: "prompt_input_exit" });
    // The stand-in for Claude Code runs SessionEnd, appends its exit records and exits. Its parent, a shell
    // that became `sleep 5`, never reaps it: it stays a zombie for 5 s, which the worker must not wait on.
    const claude = `const { execFileSync } = require("node:child_process");
      execFileSync("sh", ["-c", process.argv[1]], { input: process.argv[2], stdio: ["pipe", "inherit", "inherit"] });
      setTimeout(() => require("node:fs").appendFileSync(process.argv[3], process.argv[4]), 300);`;
    const exitRecord = { type: "system", subtype: "exit", timestamp: "2026-01-01T00:00:00.000Z" };
    const parent = execa(
      "sh",
      [
        "-c",
        `"$1" -e "$2" "$3" "$4" "$5" "$6" & exec sleep 5`,
        "sh",
        process.execPath,
        claude,
        JSON.stringify(path.join(repo, "hooks/session-end")),
        input,
        a.path,
        `${JSON.stringify(exitRecord)}\n`,
      ],
      { env: { CLAUDE_CONFIG_DIR: tree.root } },
    );
    try {
      const started = Date.now();
      const appended = () => fs.readFileSync(a.path, "utf8").includes('"subtype":"exit"');
      expect(await eventually(appended, 3_000)).toBe(true);
      const transcriptMtime = () => Math.round(fs.statSync(a.path).mtimeMs);
      expect(await eventually(() => entryOf(tree, a.id)?.fileMtime === transcriptMtime(), 2_000)).toBe(true);
      expect(Date.now() - started).toBeLessThan(4_000); // before the zombie's parent ends, at 5 s
      expect(fs.existsSync(path.join(tree.root, "claude-reindex", "hooks.log"))).toBe(false);
    } finally {
      parent.kill();
      await parent.catch(() => {});
    }
  });

  it.each([
    ["GNU tail, which waits on a pid without starting a process each tenth of a second", null],
    [
      "a tail that knows no --pid (BusyBox, the BSDs), so sleep waits",
      `echo "tail: unrecognized option '$1'" >&2; exit 1`,
    ],
  ])(
    "Stop's worker leaves the CPU to Claude Code: it merges once the process that ran it has exited (%s)",
    async (_tail, tailWithoutPid) => {
      const { tree, a } = await aTurnSinceARebuild();
      // sleep and tail first on PATH: each notes its start, then runs the real one (or stands for a tail
      // without --pid).
      const tools = tempDir("claude-reindex-hook-tools-");
      const calls = path.join(tools, "calls.log");
      for (const [name, body] of [
        ["sleep", `exec '${await realTool("sleep")}' "$@"`],
        ["tail", tailWithoutPid ?? `exec '${await realTool("tail")}' "$@"`],
      ] as const)
        fs.writeFileSync(path.join(tools, name), `#!/bin/sh\necho ${name} >>'${calls}'\n${body}\n`, { mode: 0o755 });
      // A stand-in for Claude Code in `-p`: runs Stop, works on for 1.5 s, exits.
      const parent = claudeRunningStop(stopInput(a), 1_500, {
        CLAUDE_CONFIG_DIR: tree.root,
        PATH: `${tools}:${process.env.PATH}`,
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const whileRunning = entryOf(tree, a.id)?.messageCount;
      await parent;
      const exited = Date.now();
      expect(await eventually(() => entryOf(tree, a.id)?.messageCount === 4, 2_000)).toBe(true);
      expect(whileRunning).toBe(2);
      console.log(`Stop's entry current ${Date.now() - exited} ms after its parent exited`);
      const started = fs.readFileSync(calls, "utf8").trim().split("\n");
      const count = (name: string) => started.filter((call) => call === name).length;
      if (tailWithoutPid === null) {
        // About 1.5 s of waiting: a tail for each second or part of one, and no sleep.
        expect(count("sleep")).toBe(0);
        expect(count("tail")).toBeGreaterThanOrEqual(1);
        expect(count("tail")).toBeLessThanOrEqual(3);
      } else {
        // Tried once, then a sleep each tenth of a second (fewer when the machine is loaded).
        expect(count("tail")).toBe(1);
        expect(count("sleep")).toBeGreaterThanOrEqual(1);
      }
    },
  );

  it("takes a wait limit that is not a whole number of tenths for the default, 3 s", async () => {
    const { tree, a } = await aTurnSinceARebuild();
    // A stand-in for Claude Code that runs Stop, then works on for 9 s: the merge must not wait for it.
    const parent = claudeRunningStop(stopInput(a), 9_000, {
      CLAUDE_CONFIG_DIR: tree.root,
      CLAUDE_REINDEX_HOOK_WAIT_TENTHS: "1.5",
    });
    try {
      const started = Date.now();
      expect(await eventually(() => entryOf(tree, a.id)?.messageCount === 4, 8_000)).toBe(true);
      const merged = Date.now() - started;
      expect(merged).toBeGreaterThan(2_000);
      expect(merged).toBeLessThan(8_000);
    } finally {
      parent.kill();
      await parent.catch(() => {});
    }
  });

  it("reports a missing bundle in one line and exits 0", async () => {
    const tree = new ClaudeTree();
    const result = await execa("sh", [path.join(repo, "hooks/launch"), "Stop", "/nowhere/dist/hook.mjs"], {
      input: "{}",
      env: { CLAUDE_CONFIG_DIR: tree.root },
    });
    expect(result).toMatchObject({ exitCode: 0, stdout: "" });
    expect(result.stderr).toBe(
      "claude-reindex Stop hook: /nowhere/dist/hook.mjs is missing; run npm install in " +
        "the claude-reindex checkout, then claude-reindex install",
    );
  });
});

describe("the worker's stdin", () => {
  it("a non-blocking stdin that never closes: no spinning, and the worker ends after its bound", async () => {
    const tree = new ClaudeTree();
    const fifo = path.join(tempDir(), "stdin");
    await execa("mkfifo", [fifo]);
    // Opened read-write and non-blocking: the worker sees no data and never an end of file.
    const fd = fs.openSync(fifo, fs.constants.O_RDWR | fs.constants.O_NONBLOCK);
    try {
      const started = Date.now();
      const worker = spawn(process.execPath, [path.join(repo, "dist/hook.mjs"), "Stop"], {
        stdio: [fd, "ignore", "pipe"],
        env: { ...process.env, CLAUDE_CONFIG_DIR: tree.root, CLAUDE_REINDEX_HOOK_STDIN_MS: "5000" },
      });
      let stderr = "";
      worker.stderr!.on("data", (chunk) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => worker.on("close", resolve));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const before = cpuSeconds(worker.pid!);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const spent = cpuSeconds(worker.pid!) - before;
      const result = { exitCode: await exited, stderr: stderr.trim() };
      expect(spent).toBeLessThan(0.2);
      expect(result.exitCode).toBe(0);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.stderr).toBe("claude-reindex Stop hook: stdin was still open after 5000 ms; nothing written");
      console.log(`CPU over 2 s of waiting on stdin: ${spent.toFixed(2)} s`);
    } finally {
      fs.closeSync(fd);
    }
  }, 30_000);

  it("input over 16 MiB is refused without reading it all into memory", async () => {
    const tree = new ClaudeTree();
    const result = await execa(process.execPath, [path.join(repo, "dist/hook.mjs"), "Stop"], {
      input: "x".repeat(17 * 1024 * 1024),
      env: { CLAUDE_CONFIG_DIR: tree.root },
      reject: false,
    });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(
      "claude-reindex Stop hook: hook input on stdin is larger than 16777216 bytes; nothing written",
    );
  });
});

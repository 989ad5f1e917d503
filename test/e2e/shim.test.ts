import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { ClaudeTree, setMtime } from "../support/claude-tree.ts";
import { writeRecordingNode } from "../support/recording-node.ts";
import { readStubRecord, writeStubClaude } from "../support/stub-claude.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const shim = path.join(repo, "bin/claude");
const DAY = 86_400_000;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/** A stale tree, a stub `claude` on PATH after a link to the shim, and a way to launch it. */
function setup() {
  const tree = new ClaudeTree();
  const work = fs.realpathSync(tempDir("claude-reindex-shim-"));
  const cwd = path.join(work, "project");
  fs.mkdirSync(cwd);
  const old = Date.now() - 100 * DAY;
  tree.session(cwd, ["first"], { mtime: old });
  tree.session("/elsewhere", ["other project"], { mtime: old });
  const realDir = path.join(work, "real-bin");
  const stub = writeStubClaude(realDir);
  const shimDir = path.join(work, "shim-bin");
  fs.mkdirSync(shimDir);
  fs.symlinkSync(shim, path.join(shimDir, "claude"));
  const record = path.join(work, "record.json");
  const launch = (
    args: string[],
    options: { env?: Record<string, string>; input?: string; PATH?: string; cwd?: string } = {},
  ) =>
    execa(path.join(shimDir, "claude"), args, {
      cwd: options.cwd ?? cwd,
      reject: false,
      input: options.input ?? "",
      env: {
        CLAUDE_CONFIG_DIR: tree.root,
        STUB_RECORD: record,
        // These tests are about what the check does, not its time budget (test/e2e/hostile-trees.test.ts):
        // on a loaded machine a real repair can take longer than the default 1.5 s.
        CLAUDE_REINDEX_CHECK_BUDGET_MS: "120000",
        PATH: options.PATH ?? `${shimDir}:${realDir}:${process.env.PATH}`,
        ...options.env,
      },
      extendEnv: false,
    });
  return { tree, work, cwd, stub, shimDir, realDir, record, launch, old };
}

describe("bin/claude, the shim", () => {
  it("rebuilds stale indexes, then becomes the real claude with its arguments, stdin and exit code", async () => {
    const s = setup();
    const args = [
      "-p",
      "two words",
      'it\'s "quoted"',
      "ünïcödé 😀",
      "--",
      "--resume",
      "0b6a3c1e-8f2d-4c1a-9e7b-5d4c3b2a1f00",
      "",
      "$HOME `x`",
    ];
    const launched = s.launch(args, { input: "piped input\n", env: { STUB_EXIT: "7" } });
    const result = await launched;
    expect(result.exitCode).toBe(7);
    const seen = readStubRecord(s.record);
    expect(seen.argv).toEqual(args);
    expect(seen.stdin).toBe("piped input\n");
    // exec, not a waiting parent: the real binary runs in the shim's own process.
    expect(seen.pid).toBe(launched.pid);
    expect(seen.env.CLAUDE_REINDEX_SHIM_PATHS).toBe(shim);
    expect(s.tree.readIndex(s.cwd).entries).toHaveLength(1);
    expect(s.tree.readIndex("/elsewhere").entries).toHaveLength(1);
    expect(result.stderr).toBe("claude-reindex: repaired 2 stale session indexes (up to 100 days behind)");
    expect(result.stdout).toBe("");
  });

  it("starts its check's Node without NODE_EXTRA_CA_CERTS, and Claude Code with it", async () => {
    const s = setup();
    // A node first on PATH that notes what each start was given of the setting, then runs the real one.
    const nodeDir = path.join(s.work, "node-bin");
    const nodeLog = path.join(s.work, "node.log");
    writeRecordingNode(nodeDir, nodeLog, `printf '[%s]\\n' "\${NODE_EXTRA_CA_CERTS-unset}"`);
    // Empty: Node reads it without a word (the stub claude is a Node script too).
    const certs = path.join(s.work, "bundle.pem");
    fs.writeFileSync(certs, "");
    const result = await s.launch([], {
      env: { NODE_EXTRA_CA_CERTS: certs },
      PATH: `${s.shimDir}:${nodeDir}:${s.realDir}:${process.env.PATH}`,
    });
    expect(result.stderr).toBe("claude-reindex: repaired 2 stale session indexes (up to 100 days behind)");
    // The stat pass, then the repair: both with an empty value, which Node takes as none. Then the stub
    // claude, a Node script too, with the file.
    expect(fs.readFileSync(nodeLog, "utf8")).toBe(`[]\n[]\n[${certs}]\n`);
    expect(readStubRecord(s.record).env.NODE_EXTRA_CA_CERTS).toBe(certs);
  });

  it("dies of the signal the real claude dies of", async () => {
    const s = setup();
    const result = await s.launch([], { env: { STUB_SIGNAL: "SIGTERM", CLAUDE_REINDEX: "0" } });
    expect(result.signal).toBe("SIGTERM");
  });

  it("says how far behind the repaired indexes were, and checks at most every 15 minutes", async () => {
    const s = setup();
    await s.launch([]);
    // The index last changed 95 days ago; a session 93 days ago never reached it.
    setMtime(s.tree.indexPath(s.cwd), Date.now() - 95 * DAY);
    s.tree.session(s.cwd, ["a newer session"], { mtime: Date.now() - 93 * DAY });
    const soon = await s.launch([], { env: { CLAUDE_REINDEX_DEBUG: "1" } });
    expect(soon.stderr).toContain("indexes checked less than 15 minutes ago");
    expect(s.tree.readIndex(s.cwd).entries).toHaveLength(1);

    const later = await s.launch([], { env: { CLAUDE_REINDEX_CHECK_MINUTES: "0" } });
    expect(later.stderr).toBe("claude-reindex: repaired 1 stale session index (up to 93 days behind)");
    expect(s.tree.readIndex(s.cwd).entries).toHaveLength(2);
  });

  it("leaves a recent index alone, and CLAUDE_REINDEX_STALE_HOURS moves the line", async () => {
    const s = setup();
    await s.launch([]);
    const index = s.tree.indexPath(s.cwd);
    s.tree.session(s.cwd, ["new"], { mtime: Date.now() });
    setMtime(index, Date.now() - 2 * 3_600_000);
    const recent = await s.launch([], { env: { CLAUDE_REINDEX_CHECK_MINUTES: "0" } });
    expect(recent.stderr).toBe("");
    expect(s.tree.readIndex(s.cwd).entries).toHaveLength(1);
    await s.launch([], { env: { CLAUDE_REINDEX_CHECK_MINUTES: "0", CLAUDE_REINDEX_STALE_HOURS: "1" } });
    expect(s.tree.readIndex(s.cwd).entries).toHaveLength(2);
  });

  it("skips every check with CLAUDE_REINDEX=0, and traces its decisions with CLAUDE_REINDEX_DEBUG=1", async () => {
    const s = setup();
    const result = await s.launch(["x"], { env: { CLAUDE_REINDEX: "0", CLAUDE_REINDEX_DEBUG: "1" } });
    expect(result.exitCode).toBe(0);
    expect(readStubRecord(s.record).argv).toEqual(["x"]);
    expect(fs.existsSync(s.tree.indexPath(s.cwd))).toBe(false);
    expect(result.stderr).toContain(
      `claude-reindex: skipping ${path.join(s.shimDir, "claude")} (a claude-reindex shim)`,
    );
    expect(result.stderr).toContain(`claude-reindex: real claude: ${s.stub}`);
    expect(result.stderr).toContain("checks skipped");
  });

  it("never runs a claude from an empty or relative PATH entry, nor from the current directory", async () => {
    const s = setup();
    const trap = path.join(s.cwd, "bin");
    writeStubClaude(trap);
    writeStubClaude(s.cwd);
    const result = await s.launch([], {
      PATH: `::.:bin:${s.shimDir}::${s.realDir}:/usr/bin:/bin`,
      env: { CLAUDE_REINDEX: "0" },
    });
    expect(result.exitCode).toBe(0);
    expect(readStubRecord(s.record).self).toBe(s.stub);
  });

  it("exits 127 with one line when there is no real claude", async () => {
    const s = setup();
    const result = await s.launch([], { PATH: `${s.shimDir}:/usr/bin:/bin` });
    expect(result.exitCode).toBe(127);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("no Claude Code found on PATH besides this shim");
    expect(result.stderr).toContain("CLAUDE_REINDEX_REAL_CLAUDE");
  });

  it("takes CLAUDE_REINDEX_REAL_CLAUDE, absolute only", async () => {
    const s = setup();
    const other = writeStubClaude(path.join(s.work, "elsewhere"), "my-claude");
    const ok = await s.launch(["y"], { env: { CLAUDE_REINDEX_REAL_CLAUDE: other, CLAUDE_REINDEX: "0" } });
    expect(ok.exitCode).toBe(0);
    expect(readStubRecord(s.record).self).toBe(other);
    const relative = await s.launch([], { env: { CLAUDE_REINDEX_REAL_CLAUDE: "elsewhere/my-claude" }, cwd: s.work });
    expect(relative.exitCode).toBe(127);
    expect(relative.stderr).toBe(
      "claude-reindex: CLAUDE_REINDEX_REAL_CLAUDE must be an absolute path, not elsewhere/my-claude",
    );
  });

  it("does not recurse through a second shim on PATH, or through itself", async () => {
    const s = setup();
    const secondDir = path.join(s.work, "second-shim");
    fs.mkdirSync(secondDir);
    fs.copyFileSync(shim, path.join(secondDir, "claude"));
    fs.chmodSync(path.join(secondDir, "claude"), 0o755);
    const launched = s.launch(["z"], {
      PATH: `${s.shimDir}:${secondDir}:${s.shimDir}:${s.realDir}:/usr/bin:/bin`,
      env: { CLAUDE_REINDEX: "0" },
    });
    const result = await launched;
    expect(result.exitCode).toBe(0);
    const seen = readStubRecord(s.record);
    expect(seen.argv).toEqual(["z"]);
    expect(seen.env.CLAUDE_REINDEX_SHIM_PATHS).toBe(`${shim}:${path.join(secondDir, "claude")}`);
    expect(seen.pid).toBe(launched.pid);
  });

  /** The shim as an sh without test's -ef (posh) runs it, in a folder of its own. */
  function shimWithoutSameFileTest(): string {
    const text = fs.readFileSync(shim, "utf8");
    const probe = "if [ / -ef / ] 2>/dev/null; then";
    expect(text).toContain(probe);
    const copy = path.join(fs.realpathSync(tempDir()), "claude");
    fs.writeFileSync(copy, text.replace(probe, "if false; then"), { mode: 0o755 });
    return copy;
  }

  it.each([
    ["with test -ef", () => shim],
    ["in an sh without it", shimWithoutSameFileTest],
  ])(
    "knows itself reached through a linked folder, a relative link, or a relative path to it (%s)",
    async (_, make) => {
      const s = setup();
      const self = make();
      // The shim's folder under another name: the shim there is no link, the folder is.
      const linkedBin = path.join(s.work, "linked-bin");
      fs.symlinkSync(path.dirname(self), linkedBin);
      const relativeDir = path.join(s.work, "relative-link");
      fs.mkdirSync(relativeDir);
      fs.symlinkSync(path.relative(relativeDir, self), path.join(relativeDir, "claude"));
      const launch = (file: string, args: string[], PATH: string, cwd?: string) =>
        execa(file, args, {
          cwd,
          reject: false,
          env: { CLAUDE_REINDEX: "0", STUB_RECORD: s.record, PATH },
          extendEnv: false,
        });
      const shimsPassed = () => (readStubRecord(s.record).env.CLAUDE_REINDEX_SHIM_PATHS ?? "").split(":");

      const bins = `${s.realDir}:/usr/bin:/bin`;
      expect(
        (await launch(path.join(linkedBin, "claude"), ["z"], `${linkedBin}:${relativeDir}:${bins}`)).exitCode,
      ).toBe(0);
      expect(readStubRecord(s.record).argv).toEqual(["z"]);
      expect(shimsPassed().map((file) => fs.realpathSync(file))).toEqual([self]);
      // Started as `./claude` from the linked folder: its path is made absolute, so that a nested shim can compare it.
      expect((await launch("./claude", ["y"], `${relativeDir}:${bins}`, linkedBin)).exitCode).toBe(0);
      expect(readStubRecord(s.record).argv).toEqual(["y"]);
      const passed = shimsPassed();
      expect(passed.every((file) => path.isAbsolute(file)) && passed.map((file) => fs.realpathSync(file))).toEqual([
        self,
      ]);
    },
  );

  it("fails open: an index it cannot repair costs one line, and Claude Code starts", async () => {
    const s = setup();
    fs.mkdirSync(s.tree.indexPath(s.cwd));
    const result = await s.launch(["go"], { env: { STUB_EXIT: "0" } });
    expect(result.exitCode).toBe(0);
    expect(readStubRecord(s.record).argv).toEqual(["go"]);
    const lines = result.stderr.split("\n");
    expect(lines[0]).toMatch(
      /^claude-reindex: could not repair 1 session index: cannot read .*sessions-index.json: EISDIR/,
    );
    expect(lines[1]).toBe("claude-reindex: repaired 1 stale session index (up to 100 days behind)");
  });

  it("counts its time limit from when the shim began its check; a stat pass cut off counts as a check", async () => {
    const s = setup();
    // A find that takes 0.6 s: the shim's listing spends more than the whole budget before node starts.
    const slow = path.join(s.work, "slow-bin");
    fs.mkdirSync(slow);
    const find = (await execa("sh", ["-c", "command -v find"])).stdout.trim();
    fs.writeFileSync(path.join(slow, "find"), `#!/bin/sh\nsleep 0.6\nexec '${find}' "$@"\n`, { mode: 0o755 });
    const result = await s.launch(["go"], {
      PATH: `${s.shimDir}:${slow}:${s.realDir}:${process.env.PATH}`,
      env: { CLAUDE_REINDEX_CHECK_BUDGET_MS: "500", STUB_EXIT: "0" },
    });
    expect(result.exitCode).toBe(0);
    expect(readStubRecord(s.record).argv).toEqual(["go"]);
    // The stat pass stops before its first project (both are stale), says so in one line, and records the check.
    expect(result.stderr).toBe(
      "claude-reindex: the index check took longer than 500 ms; " +
        "starting Claude Code (claude-reindex doctor tells what is wrong)",
    );
    expect(fs.existsSync(s.tree.indexPath(s.cwd))).toBe(false);
    expect(fs.existsSync(path.join(s.tree.root, "claude-reindex", "shim-checked"))).toBe(true);
  });

  it("starts Claude Code when Ctrl-C interrupts a long repair", async () => {
    const s = setup();
    // Enough history that the first repair takes a few seconds: ~300 MB of ordinary records.
    const t = s.tree.session("/big/template", ["start"]);
    const block = Buffer.from(
      t.builder.lines
        .map((l) => `${JSON.stringify({ ...l, message: { role: "user", content: "y".repeat(1500) } })}\n`)
        .join("")
        .repeat(5000),
    );
    for (let p = 0; p < 4; p++) {
      for (let f = 0; f < 4; f++) {
        const session = s.tree.session(`/big/${p}`, ["start"], { mtime: s.old });
        const fd = fs.openSync(session.path, "a");
        for (let k = 0; k < 1; k++) fs.writeSync(fd, block);
        fs.closeSync(fd);
      }
    }
    const child = execa(path.join(s.shimDir, "claude"), ["after"], {
      cwd: s.cwd,
      reject: false,
      input: "",
      detached: true,
      env: {
        CLAUDE_CONFIG_DIR: s.tree.root,
        STUB_RECORD: s.record,
        PATH: `${s.shimDir}:${s.realDir}:${process.env.PATH}`,
      },
      extendEnv: false,
    });
    // Interrupt once the check is under way, as Ctrl-C does: the whole foreground process group.
    for (let waited = 0; waited < 10_000; waited += 50) {
      const { stdout } = await execa("pgrep", ["-f", "claude-reindex.mjs shim-check"], { reject: false });
      if (stdout.trim() !== "") break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(-child.pid!, "SIGINT");
    const result = await child;
    expect(result.stderr).toContain("claude-reindex: index repair interrupted; starting Claude Code");
    expect(readStubRecord(s.record).argv).toEqual(["after"]);
  });
});

import fs from "node:fs";
import path from "node:path";
import { execa, type ResultPromise } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { ClaudeTree, type TreeSession } from "../support/claude-tree.ts";
import { pollIndexes } from "../support/index-poller.ts";
import { prng } from "../support/prng.ts";
import { FULL_STRESS, recordFigure } from "../support/stress-results.ts";
import { writeStubClaude } from "../support/stub-claude.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const KILLS = Number(process.env.CLAUDE_REINDEX_STRESS_KILLS ?? (FULL_STRESS ? 400 : 45));
const PROJECTS = ["/home/dev/app", "/home/dev/api"];

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/hook.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/** A config tree whose rebuild takes long enough to be killed in the middle of it. */
function buildTree() {
  const tree = new ClaudeTree();
  const sessions: TreeSession[] = [];
  for (const cwd of PROJECTS) {
    for (let i = 0; i < 30; i++)
      sessions.push(
        tree.session(
          cwd,
          Array.from({ length: 12 }, (_, t) => `turn ${t} of ${i} ${"w".repeat(3000)}`),
        ),
      );
  }
  sessions.push(
    tree.session(
      PROJECTS[0]!,
      Array.from({ length: 300 }, (_, t) => `long ${t} ${"q".repeat(5000)}`),
    ),
  );
  return { tree, sessions };
}

describe("SIGKILL at random points", () => {
  it(`of rebuild, a hook and the shim's rebuild, ${KILLS} times: every read parses, nothing lost`, async () => {
    const { tree, sessions } = buildTree();
    const random = prng(20261121);
    const stubDir = path.join(tempDir(), "bin");
    writeStubClaude(stubDir);
    const env = { CLAUDE_CONFIG_DIR: tree.root, CLAUDE_REINDEX_LOCK_STALE_MS: "1000" };
    await execa(cli, ["rebuild", "--all"], { env });
    const poller = pollIndexes(PROJECTS.map((cwd) => tree.indexPath(cwd)));

    const launch = (kind: number): ResultPromise => {
      const session = sessions[Math.floor(random() * sessions.length)]!;
      if (kind === 0) return execa(cli, ["rebuild", "--all"], { env, reject: false });
      if (kind === 1) {
        const input = JSON.stringify({
          session_id: session.id,
          transcript_path: session.path,
          hook_event_name: "Stop",
        });
        return execa(path.join(repo, "hooks/stop"), [], {
          env: { ...env, CLAUDE_REINDEX_HOOK_FOREGROUND: "1" },
          input,
          reject: false,
        });
      }
      return execa(path.join(repo, "bin/claude"), ["-p", "hi"], {
        env: {
          ...env,
          PATH: `${stubDir}:${process.env.PATH}`,
          CLAUDE_REINDEX_CHECK_MINUTES: "0",
          CLAUDE_REINDEX_STALE_HOURS: "0",
        },
        input: "",
        reject: false,
      });
    };

    const killed = [0, 0, 0];
    let finished = 0;
    for (let i = 0; i < KILLS; i++) {
      // Give the writers something new to write: a turn here and there, now and then no index at all.
      for (let k = 0; k < 3; k++)
        tree.append(sessions[Math.floor(random() * sessions.length)]!, `turn after kill ${i}`);
      if (i % 9 === 0) fs.rmSync(tree.indexPath(PROJECTS[i % 2]!), { force: true });
      const kind = i % 3;
      const child = launch(kind);
      const delay = Math.floor(random() * 160);
      const timer = setTimeout(() => child.kill("SIGKILL"), delay);
      const result = await child;
      clearTimeout(timer);
      if (result.signal === "SIGKILL") killed[kind]!++;
      else finished++;
    }

    const { reads, failures } = await poller.stop();
    expect(failures).toEqual([]);

    // The last kill may have left a lock behind: the final rebuild takes it over once it is stale.
    const final = await execa(cli, ["rebuild", "--all", "--json"], { env });
    expect(final.exitCode).toBe(0);
    const survived = killed.reduce((a, b) => a + b, 0);

    // Nothing missing or wrong: the final indexes equal a rebuild from scratch of the same transcripts.
    const fresh = new ClaudeTree();
    for (const cwd of PROJECTS) {
      for (const name of fs.readdirSync(tree.projectDir(cwd)).filter((n) => n.endsWith(".jsonl"))) {
        const from = path.join(tree.projectDir(cwd), name);
        const to = path.join(fresh.projectDir(cwd), name);
        fs.copyFileSync(from, to);
        const { atime, mtime } = fs.statSync(from);
        fs.utimesSync(to, atime, mtime);
      }
    }
    await execa(cli, ["rebuild", "--all"], { env: { CLAUDE_CONFIG_DIR: fresh.root } });
    let entries = 0;
    for (const cwd of PROJECTS) {
      const byId = (t: ClaudeTree) =>
        new Map(
          t.readIndex(cwd).entries.map((e) => [e.sessionId, { ...e, fullPath: path.basename(String(e.fullPath)) }]),
        );
      expect(byId(tree)).toEqual(byId(fresh));
      entries += byId(tree).size;
      // A write killed before its rename leaves a temporary file of ours; the next write (the final
      // rebuild's) removes it. (Any temporary name of ours: `sessions-index.json.claude-reindex-<pid>-<hex>.tmp`.)
      const leftovers = fs.readdirSync(tree.projectDir(cwd)).filter((n) => n.includes(".claude-reindex-"));
      expect(leftovers).toEqual([]);
    }
    expect(entries).toBe(sessions.length);
    recordFigure(
      "kills survived (rebuild / hook / shim)",
      `${survived} (${killed.join(" / ")}), ${finished} runs finished before their kill`,
    );
    recordFigure("index reads during the kills, all whole and valid", reads);
    recordFigure("entries lost after the kills", 0);
    expect(survived).toBeGreaterThan(KILLS / 3);
  }, 600_000);
});

import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";
import { tempDir } from "../support/temp.ts";
import { TranscriptBuilder } from "../support/transcript-builder.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const MTIME = new Date("2026-03-04T05:06:07.000Z");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/** A custom layout (~/.claude/system/sessions/…) holding sessions of two working directories. */
function customLayout() {
  const base = tempDir();
  const from = path.join(base, "system", "sessions");
  const make = (dir: string, cwd: string, id: string, withQueueFirst = false) => {
    const t = new TranscriptBuilder({ sessionId: id, cwd });
    if (withQueueFirst)
      t.meta({ type: "queue-operation", operation: "enqueue", sessionId: id, timestamp: "2026-03-04T05:00:00.000Z" });
    t.turn(`work in ${cwd}`);
    const file = path.join(from, dir, `${id}.jsonl`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, t.toString());
    fs.utimesSync(file, MTIME, MTIME);
    return file;
  };
  const files = [
    make("a", "/home/dev/app", "11111111-1111-4111-8111-111111111111", true),
    make("a", "/home/dev/app", "22222222-2222-4222-8222-222222222222"),
    make("b/nested", "/home/dev/api", "33333333-3333-4333-8333-333333333333"),
  ];
  const companion = path.join(from, "a", "22222222-2222-4222-8222-222222222222", "subagents", "agent-1.jsonl");
  fs.mkdirSync(path.dirname(companion), { recursive: true });
  fs.writeFileSync(companion, "{}\n");
  return { base, from, files, root: path.join(base, "root") };
}

const migrate = (root: string, args: string[]) =>
  execa(cli, ["migrate", ...args], { env: { CLAUDE_CONFIG_DIR: root }, reject: false });

describe("migrate", () => {
  it("copies sessions into the project directory their cwd names, keeping file times; rebuilds them", async () => {
    const s = customLayout();
    const dry = await migrate(s.root, ["--from", s.from, "--dry-run"]);
    expect(dry.stdout).toContain("would copy 3 of 3 sessions");
    expect(fs.existsSync(s.root)).toBe(false);

    const result = await migrate(s.root, ["--from", s.from]);
    expect(result.exitCode).toBe(0);
    const app = path.join(s.root, "projects", encodeProjectDirName("/home/dev/app"));
    const api = path.join(s.root, "projects", encodeProjectDirName("/home/dev/api"));
    for (const [dir, id] of [
      [app, "11111111-1111-4111-8111-111111111111"],
      [app, "22222222-2222-4222-8222-222222222222"],
      [api, "33333333-3333-4333-8333-333333333333"],
    ] as const) {
      const file = path.join(dir, `${id}.jsonl`);
      expect(fs.statSync(file).mtime.toISOString()).toBe(MTIME.toISOString());
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    }
    expect(fs.existsSync(path.join(app, "22222222-2222-4222-8222-222222222222", "subagents", "agent-1.jsonl"))).toBe(
      true,
    );
    const index = JSON.parse(fs.readFileSync(path.join(app, "sessions-index.json"), "utf8"));
    expect(index.entries.map((e: { sessionId: string }) => e.sessionId).sort()).toEqual([
      "11111111-1111-4111-8111-111111111111",
      "22222222-2222-4222-8222-222222222222",
    ]);
    expect(index.originalPath).toBe("/home/dev/app");
    for (const file of s.files) expect(fs.existsSync(file)).toBe(true);

    const again = await migrate(s.root, ["--from", s.from]);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain("copied 0 of 3 sessions from");
    expect(again.stdout).toContain("3 already there");
  });

  it("never overwrites a different file of the same name, and says so", async () => {
    const s = customLayout();
    const target = path.join(
      s.root,
      "projects",
      encodeProjectDirName("/home/dev/api"),
      "33333333-3333-4333-8333-333333333333.jsonl",
    );
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, "someone else's\n");
    const result = await migrate(s.root, ["--from", s.from]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`not migrated: ${target} exists and differs from`);
    expect(fs.readFileSync(target, "utf8")).toBe("someone else's\n");
  });

  it("moves with --move, and puts everything in one project with --project", async () => {
    const s = customLayout();
    const into = path.join(s.root, "projects", "-home-dev-merged");
    const result = await migrate(s.root, ["--from", s.from, "--move", "--project", into]);
    expect(result.exitCode).toBe(0);
    expect(fs.readdirSync(into).filter((n) => n.endsWith(".jsonl"))).toHaveLength(3);
    for (const file of s.files) expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses without --from (exit 2) and reports a source that does not exist", async () => {
    expect((await migrate(tempDir(), [])).exitCode).toBe(2);
    const missing = await migrate(tempDir(), ["--from", "/no/such/place"]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("/no/such/place does not exist");
  });
});

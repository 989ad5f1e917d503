import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { craftHiddenTree } from "../support/hidden-sessions.ts";
import { compareWithSdk } from "../support/sdk-parity.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

function copyFixture(name: string): string {
  const root = tempDir("claude-reindex-e2e-");
  fs.cpSync(path.join(repo, "fixtures", name, "config"), root, { recursive: true, preserveTimestamps: true });
  return root;
}

describe("list --all --json against Claude Code's Agent SDK", () => {
  for (const fixture of ["cc-parity", "cc-resume"]) {
    it(`${fixture}: every session the SDK lists (programmatic ones too) plus those it ` +
      `hides, same titles, hiddenFromResume agrees`, async () => {
      const root = copyFixture(fixture);
      const run = await execa(cli, ["list", "--all", "--json"], { env: { CLAUDE_CONFIG_DIR: root }, cwd: root });
      const rows = JSON.parse(run.stdout);
      const result = await compareWithSdk(root, rows);
      expect(result.sdkAll).toBeGreaterThan(10);
      expect(result.missing).toEqual([]);
      expect(result.titleDiffs).toEqual([]);
      expect(result.disagreements).toEqual([]);
    }, 120_000);
  }
});

describe("why", () => {
  it("explains each hidden case: where, which releases hide it and why, the line that " +
    "resumes it, the fix", async () => {
    const tree = craftHiddenTree();
    const env = { CLAUDE_CONFIG_DIR: tree.root };
    const why = async (id: string) => execa(cli, ["why", id], { env, cwd: tree.work, reject: false });

    // A unique prefix is enough.
    const plain = tree.sessions.plain!;
    const unique = "e1234567-89ab-4def-8123-456789abcdef";
    fs.copyFileSync(plain.path, path.join(path.dirname(plain.path), `${unique}.jsonl`));
    const byPrefix = await why("E12345");
    expect(byPrefix.exitCode).toBe(0);
    expect(byPrefix.stdout).toMatch(new RegExp(`^${unique}  fix the parser\n`));

    const programmatic = await why(tree.sessions.programmatic!.id);
    expect(programmatic.exitCode).toBe(0);
    expect(programmatic.stdout).toContain(`transcript: ${tree.sessions.programmatic!.path}`);
    expect(programmatic.stdout).toContain("hides it:\n    - programmatic: it was started by `claude -p`");
    expect(programmatic.stdout).toContain(
      `resume it: cd ${path.join(tree.work, "app")} && claude --resume ${tree.sessions.programmatic!.id}`,
    );

    const relocated = await why(tree.sessions.relocated!.id);
    expect(relocated.stdout).toContain("- split-directory:");
    expect(relocated.stdout).toContain("fix: claude-reindex migrate --from ");

    const noTitle = await why(tree.sessions["no-title"]!.id);
    expect(noTitle.stdout).toContain("- no-title:");
    expect(noTitle.stdout).toContain("2.1.30 to 2.1.45: hidden as well");
    expect(noTitle.stdout).toContain("/rename");

    const team = await why(tree.sessions.team!.id);
    expect(team.stdout).toContain("(/resume in that directory): lists it");
    expect(team.stdout).toContain("hides team sessions (team blue)");

    for (const [name, session] of Object.entries(tree.sessions).filter(([, s]) => s.hidden.length > 0)) {
      const result = await why(session.id);
      expect([name, result.exitCode]).toEqual([name, 0]);
      for (const reason of session.hidden) expect(result.stdout, name).toContain(`- ${reason}: `);
    }

    const json = await execa(cli, ["why", tree.sessions.continued!.id, "--json"], { env });
    expect(JSON.parse(json.stdout)[0].session.hiddenFromResume).toEqual(["continued"]);

    const none = await why("ffffffff");
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain("no session starts with ffffffff");
    const many = await why("c0000000");
    expect(many.exitCode).toBe(1);
    expect(many.stderr).toMatch(/^claude-reindex: \d+ sessions start with c0000000/);
    const usage = await execa(cli, ["why"], { env, reject: false });
    expect(usage.exitCode).toBe(2);
  }, 120_000);

  it("reads only the projects with a session of that id or prefix; says what it says once all are read", async () => {
    const tree = craftHiddenTree();
    const env = { CLAUDE_CONFIG_DIR: tree.root };
    const catalogs = () => fs.readdirSync(path.join(tree.root, "claude-reindex", "catalog")).sort();
    const session = tree.sessions.continued!;
    const projects = fs.readdirSync(path.join(tree.root, "projects"));
    expect(projects.length).toBeGreaterThan(1);
    const first = await execa(cli, ["why", "--json", session.id], { env, cwd: tree.work });
    expect(catalogs()).toEqual([`${path.basename(path.dirname(session.path))}.json`]);
    await execa(cli, ["list", "--all"], { env });
    expect(catalogs()).toHaveLength(projects.length);
    const again = await execa(cli, ["why", "--json", session.id], { env, cwd: tree.work });
    expect(again.stdout).toBe(first.stdout);
    expect(JSON.parse(first.stdout)[0].latest.join("\n")).toMatch(/^continued: /);
  });

  it("prints nothing raw from a transcript: control characters are shown escaped", async () => {
    const tree = craftHiddenTree();
    const result = await execa(cli, ["why", tree.sessions["wide-and-control"]!.id], {
      env: { CLAUDE_CONFIG_DIR: tree.root },
    });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control byte may reach the terminal
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(result.stdout).toContain("\\x1b[31mred");
    const list = await execa(cli, ["list", "--all"], { env: { CLAUDE_CONFIG_DIR: tree.root } });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control byte may reach the terminal
    expect(list.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const json = await execa(cli, ["list", "--all", "--json"], { env: { CLAUDE_CONFIG_DIR: tree.root } });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control byte may reach the terminal
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(json.stdout).some((r: { title: string }) => r.title.includes("\u009b2J"))).toBe(true);
  });
});

describe("doctor", () => {
  it("summarises hidden sessions per project by reason; a split directory needs attention with its fix", async () => {
    const tree = craftHiddenTree();
    const result = await execa(cli, ["doctor", "--json"], { env: { CLAUDE_CONFIG_DIR: tree.root }, reject: false });
    const report = JSON.parse(result.stdout);
    const app = report.projects.find((p: { projectDir: string }) => p.projectDir.endsWith("-app"));
    expect(Object.keys(app.hidden).sort()).toEqual(
      [
        "bookkeeping-only",
        "continued",
        "daemon",
        "no-title",
        "programmatic",
        "sidechain-head",
        "split-directory",
      ].sort(),
    );
    const text = await execa(cli, ["doctor"], { env: { CLAUDE_CONFIG_DIR: tree.root }, reject: false });
    expect(text.stdout).toMatch(/sessions are hidden from \/resume of Claude Code 2\.1\.330\+/);
    expect(text.stdout).toMatch(
      new RegExp(
        "-app: 1 split-directory, 1 programmatic, 1 daemon, 1 continued, 1 sidechain-head, 1 no-title, " +
          "1 bookkeeping-only \\(e\\.g\\. claude-reindex why ",
      ),
    );
    const upper = report.projects.find((p: { projectDir: string }) => p.projectDir.endsWith("-APP"));
    expect(upper.findings.map((f: { kind: string }) => f.kind)).toContain("picker-hidden");
    expect(upper.findings.find((f: { kind: string }) => f.kind === "picker-hidden").fix).toMatch(
      /^claude-reindex migrate --from /,
    );
  }, 60_000);
});

import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/temp.ts";

/** The README's first run: doctor on fixtures/demo, then a rebuild of a copy of it. */
const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/claude-reindex.mjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

describe("the demo tree", () => {
  it("doctor finds what the README promises, and changes nothing", async () => {
    const alpha = "fixtures/demo/projects/-tmp-claude-reindex-fixture-gen-work-alpha";
    const indexBefore = fs.readFileSync(path.join(repo, alpha, "sessions-index.json"), "utf8");
    const result = await execa(cli, ["doctor", "--json"], {
      cwd: repo,
      env: { CLAUDE_CONFIG_DIR: "fixtures/demo" },
      reject: false,
    });
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout);
    const findings = Object.fromEntries(
      report.projects.map((p: { projectDir: string; findings: { kind: string; message: string }[] }) => [
        p.projectDir,
        p.findings,
      ]),
    );
    expect(findings[alpha]).toEqual(
      expect.arrayContaining([
        {
          kind: "sessions-missing",
          message: "3 transcripts without an entry (hidden from the resume picker)",
          fix: `claude-reindex rebuild --project ${alpha}`,
        },
        {
          kind: "entries-gone",
          message: "1 entry whose transcript is gone",
          fix: `claude-reindex rebuild --project ${alpha}`,
        },
      ]),
    );
    expect(
      findings["fixtures/demo/projects/-tmp-claude-reindex-fixture-gen-work-Beta-Proj-v2-Caf-"].map(
        (f: { kind: string }) => f.kind,
      ),
    ).toEqual(["index-missing"]);
    expect(fs.readFileSync(path.join(repo, alpha, "sessions-index.json"), "utf8")).toBe(indexBefore);
    expect(fs.existsSync(path.join(repo, "fixtures/demo/claude-reindex"))).toBe(false);
  });

  it("rebuild --all on a copy fixes everything doctor found", async () => {
    const work = tempDir();
    fs.cpSync(path.join(repo, "fixtures/demo"), path.join(work, "fixtures/demo"), {
      recursive: true,
      preserveTimestamps: true,
    });
    const env = { CLAUDE_CONFIG_DIR: "fixtures/demo" };
    const rebuild = await execa(cli, ["rebuild", "--all"], { cwd: work, env, reject: false });
    expect(rebuild.exitCode).toBe(0);
    expect(rebuild.stdout).toContain("2 projects: 2 written, 0 up to date");
    const doctor = await execa(cli, ["doctor"], { cwd: work, env, reject: false });
    expect(doctor.stdout).toMatch(/^All 2 project indexes are in order \(20 sessions/);
    expect(doctor.exitCode).toBe(0);
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runDoctor } from "../../src/commands/doctor-command.ts";
import { runRebuild } from "../../src/commands/rebuild-command.ts";
import { splitProjects } from "../../src/doctor/storage-check.ts";
import { ClaudeTree, captureIo } from "../support/claude-tree.ts";
import { tempDir } from "../support/temp.ts";
import { TranscriptBuilder } from "../support/transcript-builder.ts";

async function doctor(
  tree: ClaudeTree,
  storage: { env?: NodeJS.ProcessEnv; accountHome?: string; strayRoots?: string[]; uid?: number | null } = {},
) {
  const capture = captureIo();
  const { kind: outcome } = await runDoctor({
    now: () => new Date(),
    configRoot: tree.root,
    selection: { kind: "all" },
    json: true,
    io: capture.io,
    storage: {
      env: storage.env ?? {},
      accountHome: storage.accountHome ?? "/home/me",
      strayRoots: storage.strayRoots ?? [],
      uid: storage.uid === undefined ? process.getuid!() : storage.uid,
    },
  });
  return { outcome, report: JSON.parse(capture.stdout()) };
}

describe("splitProjects", () => {
  it.each([
    [["-mnt-c-src-x", "C--src-x"], "WSL and Windows spellings"],
    [[`-${"a".repeat(199)}-abc123`, `-${"a".repeat(199)}-zz9`], "long-path hash suffixes"],
  ])("groups %j (%s)", (names, why) => {
    const tree = new ClaudeTree();
    for (const name of names) fs.mkdirSync(path.join(tree.root, "projects", name), { recursive: true });
    fs.mkdirSync(path.join(tree.root, "projects", "-home-other"), { recursive: true });
    expect(splitProjects(tree.root)).toEqual([{ dirs: [...names].sort(), why }]);
  });

  it("on a case-sensitive file system, src/app and src/App are two projects, not one split", () => {
    const tree = new ClaudeTree();
    for (const name of ["-home-me-src-app", "-home-me-src-App"])
      fs.mkdirSync(path.join(tree.root, "projects", name), { recursive: true });
    // Both exist side by side: the file system tells the names apart, and so does Claude Code.
    expect(fs.readdirSync(path.join(tree.root, "projects"))).toHaveLength(2);
    expect(splitProjects(tree.root)).toEqual([]);
  });
});

describe("doctor on storage", () => {
  it("a HOME that is not the account's, and sessions left in a temporary home", async () => {
    const tree = new ClaudeTree();
    tree.session("/home/me/app", ["one"]);
    const stray = tempDir();
    const strayProject = path.join(stray, "ide-home", ".claude", "projects", "-home-me-app");
    fs.mkdirSync(strayProject, { recursive: true });
    fs.writeFileSync(
      path.join(strayProject, "44444444-4444-4444-8444-444444444444.jsonl"),
      new TranscriptBuilder({ sessionId: "44444444-4444-4444-8444-444444444444" }).turn("lost").toString(),
    );
    const { outcome, report } = await doctor(tree, {
      env: { HOME: path.join(stray, "ide-home") },
      strayRoots: [stray],
    });
    expect(outcome).toBe("attention");
    expect(report.storage.findings.map((f: { kind: string }) => f.kind)).toEqual(["home-mismatch"]);
    expect(report.storage.elsewhere).toEqual([
      {
        kind: "sessions-elsewhere",
        message: expect.stringContaining(`1 session in ${path.join(stray, "ide-home", ".claude", "projects")}`),
        fix: `claude-reindex migrate --from ${path.join(stray, "ide-home", ".claude", "projects")}`,
      },
    ]);
  });

  /** A temporary home under a stray root with one session of `-home-me-app` in it; its projects/ directory. */
  function strayHome(stray: string, home = "ide-home", project = "-home-me-app"): string {
    const projects = path.join(stray, home, ".claude", "projects");
    fs.mkdirSync(path.join(projects, project), { recursive: true });
    const id = "44444444-4444-4444-8444-444444444444";
    fs.writeFileSync(
      path.join(projects, project, `${id}.jsonl`),
      new TranscriptBuilder({ sessionId: id }).turn("lost").toString(),
    );
    return projects;
  }

  it("sessions in another place are reported with their fix, and the exit status speaks for the root", async () => {
    const tree = new ClaudeTree();
    tree.session("/home/me/app", ["one"]);
    await runRebuild({
      configRoot: tree.root,
      selection: { kind: "all" },
      dryRun: false,
      json: false,
      now: () => new Date(),
      io: captureIo().io,
    });
    const stray = tempDir();
    const projects = strayHome(stray);
    const { outcome, report } = await doctor(tree, { strayRoots: [stray] });
    expect(report.storage.findings).toEqual([]);
    expect(report.storage.elsewhere).toMatchObject([{ fix: `claude-reindex migrate --from ${projects}` }]);
    expect(report.needAttention).toBe(0);
    expect(outcome).toBe("done");

    const capture = captureIo();
    const text = await runDoctor({
      now: () => new Date(),
      configRoot: tree.root,
      selection: { kind: "all" },
      json: false,
      io: capture.io,
      storage: { env: {}, accountHome: "/home/me", strayRoots: [stray], uid: process.getuid!() },
    });
    expect(text.kind).toBe("done");
    expect(capture.stdout()).toContain(
      `elsewhere: 1 session in ${projects}, outside ${path.join(tree.root, "projects")}`,
    );
    expect(capture.stdout()).toContain(`  fix: claude-reindex migrate --from ${projects}\n`);
  });

  it("never offers to migrate what is not the user's own home and sessions", async () => {
    const tree = new ClaudeTree();
    const stray = tempDir();
    strayHome(stray, "theirs");
    // Another user's home (its owner is not this uid): not reported.
    expect((await doctor(tree, { strayRoots: [stray], uid: process.getuid!() + 1 })).report.storage.elsewhere).toEqual(
      [],
    );
    // The same home, this user's: reported.
    expect((await doctor(tree, { strayRoots: [stray] })).report.storage.elsewhere).toHaveLength(1);

    // A .claude that is a link (to someone's real directory), and projects/ whose names are not Claude Code's.
    const linked = tempDir();
    const target = path.join(strayHome(tempDir(), "real"), "..");
    fs.mkdirSync(path.join(linked, "home"));
    fs.symlinkSync(target, path.join(linked, "home", ".claude"));
    const odd = tempDir();
    strayHome(odd, "home", "not-a-project");
    expect((await doctor(tree, { strayRoots: [linked, odd] })).report.storage.elsewhere).toEqual([]);
  });

  it(
    "a CLAUDE_CONFIG_DIR that does not exist or holds nothing; a linked projects " + "directory is noted, not faulted",
    async () => {
      const missing = new ClaudeTree();
      const gone = path.join(missing.root, "nowhere");
      const capture = captureIo();
      await runDoctor({
        now: () => new Date(),
        configRoot: gone,
        selection: { kind: "all" },
        json: true,
        io: capture.io,
        storage: { env: { CLAUDE_CONFIG_DIR: gone }, accountHome: "/home/me", strayRoots: [], uid: null },
      });
      expect(JSON.parse(capture.stdout()).storage.findings[0]).toMatchObject({ kind: "config-dir-missing" });

      const linked = new ClaudeTree();
      linked.session("/a", ["one"]);
      const real = path.join(tempDir(), "system", "sessions");
      fs.mkdirSync(path.dirname(real), { recursive: true });
      fs.renameSync(path.join(linked.root, "projects"), real);
      fs.symlinkSync(real, path.join(linked.root, "projects"));
      const { report } = await doctor(linked, { env: { CLAUDE_CONFIG_DIR: linked.root } });
      expect(report.storage.findings).toEqual([]);
      expect(report.storage.notes[0]).toContain(`is a link to ${real}`);
    },
  );

  it(
    "sessions newer pickers hide, by reason; a custom title early in the file still " +
      "titles it (2.1.332 reads the head too)",
    async () => {
      const tree = new ClaudeTree();
      const hidden = tree.session("/a", ["one"]);
      fs.writeFileSync(
        hidden.path,
        fs.readFileSync(hidden.path, "utf8").replace('"isSidechain":false', '"isSidechain":true'),
      );
      const titled = tree.session("/a", ["two"]);
      fs.appendFileSync(
        titled.path,
        `${JSON.stringify({ type: "custom-title", customTitle: "Early title", sessionId: titled.id })}\n`,
      );
      tree.append(titled, `a long answer ${"z".repeat(70 * 1024)}`);
      const { report } = await doctor(tree);
      const findings = report.projects[0].findings.map(
        (f: { kind: string; message: string }) => `${f.kind}: ${f.message}`,
      );
      // Hidden by design (a sidechain first line): counted, not a fault to fix.
      expect(findings.filter((f: string) => f.startsWith("picker-"))).toEqual([]);
      expect(report.projects[0].hidden).toEqual({ "sidechain-head": [hidden.id] });
    },
  );
});

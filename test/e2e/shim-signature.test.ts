// The tree signature: a check that found every index fine saves one find's listing of the tree, and
// bin/claude's next check compares a new listing in sh, starting no Node while the bytes agree. These
// launch the real shim and count the times it starts node for its check (a recording `node` first on
// PATH), so they also hold bin/claude's find and header equal to the TypeScript's.
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { KEEP_SESSIONS_KEY } from "../../src/layout/keep-guard-switch.ts";
import { treeListing } from "../../src/layout/tree-listing.ts";
import { readTreeSignature, shimListingPath, shimSignaturePath } from "../../src/layout/tree-signature.ts";
import { renewShimSignature } from "../../src/rebuild/shim-signature.ts";
import { checkTreeFreshness } from "../../src/rebuild/tree-freshness.ts";
import { ClaudeTree, setMtime } from "../support/claude-tree.ts";
import { writeRecordingNode } from "../support/recording-node.ts";
import { writeStubClaude } from "../support/stub-claude.ts";
import { tempDir } from "../support/temp.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const cli = path.join(repo, "bin/claude-reindex");
const APP = "/home/dev/app";

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "dist/shim-check.cjs"))) await execa("npm", ["run", "build"], { cwd: repo });
});

/** A tree, the shim on PATH before a stub claude, and a `node` that records each check it runs. */
function setup() {
  const tree = new ClaudeTree();
  const a = tree.session(APP, ["first"]);
  tree.session("/home/dev/lib", ["other"]);
  const work = tempDir("claude-reindex-signature-");
  const realDir = path.join(work, "real-bin");
  writeStubClaude(realDir);
  const nodeDir = path.join(work, "node-bin");
  const checks = path.join(work, "checks.txt");
  writeRecordingNode(nodeDir, checks, 'echo "$*"');
  const env = {
    CLAUDE_CONFIG_DIR: tree.root,
    CLAUDE_REINDEX_REAL_CLAUDE: path.join(realDir, "claude"),
    CLAUDE_REINDEX_CHECK_MINUTES: "0",
    // What is judged here, not how long the check may take: on a loaded machine (two test files at a time)
    // the 1.5 s budget cut a repair off before it wrote anything.
    CLAUDE_REINDEX_CHECK_BUDGET_MS: "120000",
    PATH: `${nodeDir}:${process.env.PATH}`,
  };
  const launch = async (extra: Record<string, string> = {}) => {
    fs.rmSync(checks, { force: true });
    const result = await execa(path.join(repo, "bin/claude"), ["-p", "hi"], {
      env: { ...env, ...extra },
      extendEnv: false,
      reject: false,
    });
    expect(result.exitCode, result.stderr).toBe(0);
    const started = fs.existsSync(checks) ? fs.readFileSync(checks, "utf8") : "";
    return { nodeChecks: started.split("\n").filter((line) => line.includes("shim-check")).length, result };
  };
  const signature = shimSignaturePath(tree.root);
  return { tree, a, env, launch, signature };
}

/** What the shim's find lists now, as the TypeScript takes it. */
function listingNow(root: string): Buffer {
  const listing = treeListing(path.join(root, "projects"));
  if (listing === null) throw new Error("find cannot list the tree");
  return listing;
}

/** The shims' listings still on disk. */
const listingsLeft = (root: string) =>
  fs.readdirSync(path.join(root, "claude-reindex")).filter((name) => name.startsWith("tree-listing"));

const rebuildAll = (root: string) =>
  execa(cli, ["rebuild", "--all"], { env: { CLAUDE_CONFIG_DIR: root }, reject: false });

describe("the shim's tree signature", () => {
  it("after a rebuild that found every index verified, a due check starts no Node until a change", async () => {
    const s = setup();
    await rebuildAll(s.tree.root);
    expect(fs.existsSync(s.signature)).toBe(false); // that run wrote indexes: nothing verified before it
    await rebuildAll(s.tree.root);
    expect(fs.existsSync(s.signature)).toBe(true);

    const hit = await s.launch({ CLAUDE_REINDEX_DEBUG: "1" });
    expect(hit.nodeChecks).toBe(0);
    expect(hit.result.stderr).toContain("nothing changed under");
    expect((await s.launch()).nodeChecks).toBe(0);

    // One more turn: the listing differs only in a transcript newer than before, and its project's index
    // is the file the signature's check read, so the shim judges in sh; the new listing is the signature.
    s.tree.append(s.a, "one more turn");
    expect((await s.launch()).nodeChecks).toBe(0);
    expect(readTreeSignature(s.signature)?.listing.equals(listingNow(s.tree.root))).toBe(true);

    // A rewritten index is beyond sh (is it still JSON?): node checks, finds every index fine, and makes the
    // listing the shim took before it the signature; the launch after that starts no Node.
    fs.writeFileSync(s.tree.indexPath(APP), fs.readFileSync(s.tree.indexPath(APP)));
    expect((await s.launch()).nodeChecks).toBe(1);
    expect(readTreeSignature(s.signature)?.listing.equals(listingNow(s.tree.root))).toBe(true);
    expect(listingsLeft(s.tree.root)).toEqual([]);
    expect((await s.launch()).nodeChecks).toBe(0);
  });

  it("is renewed by the SessionEnd hook after Claude Code's exit, only when no index needs a repair", async () => {
    const s = setup();
    await rebuildAll(s.tree.root);
    s.tree.append(s.a, "one more turn");
    const sessionEnd = {
      session_id: s.a.id,
      transcript_path: s.a.path,
      cwd: APP,
      hook_event_name: "SessionEnd",
      reason: "prompt_input_exit",
    };
    const ended = await execa(path.join(repo, "hooks/session-end"), [], {
      input: JSON.stringify(sessionEnd),
      env: { CLAUDE_CONFIG_DIR: s.tree.root, CLAUDE_REINDEX_HOOK_FOREGROUND: "1" },
      reject: false,
    });
    expect(ended.exitCode).toBe(0);
    expect(fs.existsSync(s.signature)).toBe(true);
    expect((await s.launch()).nodeChecks).toBe(0);

    // A project whose index lags by days: no signature, and the check repairs it.
    const old = s.tree.session("/home/dev/old", ["left behind"], { mtime: Date.now() - 3 * 86_400_000 });
    fs.writeFileSync(path.join(path.dirname(old.path), "sessions-index.json"), '{"version":1,"entries":[]}');
    fs.utimesSync(path.join(path.dirname(old.path), "sessions-index.json"), 1_000_000, 1_000_000);
    fs.rmSync(s.signature);
    renewShimSignature({ configRoot: s.tree.root, env: {}, now: new Date() });
    expect(fs.existsSync(s.signature)).toBe(false);
    const repaired = await s.launch();
    expect(repaired.nodeChecks).toBe(2); // the stat pass, then the repair
    expect(s.tree.readIndex("/home/dev/old").entries).toHaveLength(1);
  });

  it("a launch it answers counts as a check: the next ones within the minutes skip even the find", async () => {
    const s = setup();
    await rebuildAll(s.tree.root);
    expect((await s.launch()).nodeChecks).toBe(1); // records the check (claude-reindex/shim-checked)
    await rebuildAll(s.tree.root); // every stamp holds: saves the signatures
    const stamp = path.join(s.tree.root, "claude-reindex", "shim-checked");
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(stamp, hourAgo, hourAgo);
    const answered = await s.launch({ CLAUDE_REINDEX_CHECK_MINUTES: "15", CLAUDE_REINDEX_DEBUG: "1" });
    expect(answered.nodeChecks).toBe(0);
    expect(answered.result.stderr).toContain("nothing changed under");
    expect(Date.now() - fs.statSync(stamp).mtimeMs).toBeLessThan(60_000);
    const next = await s.launch({ CLAUDE_REINDEX_CHECK_MINUTES: "15", CLAUDE_REINDEX_DEBUG: "1" });
    expect(next.result.stderr).toContain("checked less than 15 minutes ago");
    expect(next.result.stderr).not.toContain("nothing changed under");

    // A stamp deleted with the caches is made anew (private), not left missing for every launch to find.
    fs.rmSync(stamp);
    expect((await s.launch({ CLAUDE_REINDEX_CHECK_MINUTES: "15" })).nodeChecks).toBe(0);
    expect(fs.statSync(stamp).mode & 0o777).toBe(0o600);
    const after = await s.launch({ CLAUDE_REINDEX_CHECK_MINUTES: "15", CLAUDE_REINDEX_DEBUG: "1" });
    expect(after.result.stderr).toContain("checked less than 15 minutes ago");
  });

  it("names the stale threshold it was made for, as bin/claude prints it", async () => {
    const s = setup();
    await rebuildAll(s.tree.root);
    renewShimSignature({ configRoot: s.tree.root, env: { CLAUDE_REINDEX_STALE_HOURS: "48" }, now: new Date() });
    expect(readTreeSignature(s.signature)?.header).toBe("claude-reindex tree signature 1, stale after 48 hours");
    expect((await s.launch()).nodeChecks).toBe(1);
    renewShimSignature({ configRoot: s.tree.root, env: { CLAUDE_REINDEX_STALE_HOURS: "48" }, now: new Date() });
    expect((await s.launch({ CLAUDE_REINDEX_STALE_HOURS: "48" })).nodeChecks).toBe(0);
  });

  it("is never used with the keep guard on: what is due changes with time alone", async () => {
    const s = setup();
    await rebuildAll(s.tree.root);
    await rebuildAll(s.tree.root);
    expect((await s.launch()).nodeChecks).toBe(0);
    // As install writes its manifest (JSON.stringify, two spaces).
    const manifest = { [path.join(s.tree.root, "settings.json")]: { events: [], [KEEP_SESSIONS_KEY]: true } };
    fs.writeFileSync(path.join(s.tree.root, "claude-reindex", "installed.json"), JSON.stringify(manifest, null, 2));
    expect((await s.launch()).nodeChecks).toBeGreaterThan(0);
  });

  it("is not saved when a project directory is a link (find does not look inside it)", async () => {
    const s = setup();
    const elsewhere = tempDir("claude-reindex-linked-project-");
    fs.symlinkSync(elsewhere, path.join(s.tree.root, "projects", "-home-dev-linked"));
    await rebuildAll(s.tree.root);
    await rebuildAll(s.tree.root);
    renewShimSignature({ configRoot: s.tree.root, env: {}, now: new Date() });
    expect(fs.existsSync(s.signature)).toBe(false);
    expect(fs.existsSync(path.join(s.tree.root, "claude-reindex", "verified", "tree-signature"))).toBe(false);
  });
});

type Setup = ReturnType<typeof setup>;

/** A tree whose signature the shim's own checks made: the first launch repairs, the second finds all fine. */
async function primed(env: Record<string, string> = {}, prepare: (s: Setup) => void = () => {}) {
  const s = setup();
  prepare(s);
  expect((await s.launch(env)).nodeChecks).toBe(2);
  expect((await s.launch(env)).nodeChecks).toBe(1);
  expect(readTreeSignature(s.signature)?.listing.equals(listingNow(s.tree.root))).toBe(true);
  return s;
}

const HOUR = 3_600_000;
const mtimeOf = (file: string) => fs.statSync(file).mtimeMs;

interface Change {
  change: string;
  /** Whether the shim must answer in sh (no Node); otherwise the Node check must run. */
  inSh: boolean;
  apply: (s: Setup) => void;
}

const CHANGES: Change[] = [
  { change: "a turn appended", inSh: true, apply: (s) => s.tree.append(s.a, "one more turn") },
  { change: "a new session beside an index", inSh: true, apply: (s) => void s.tree.session(APP, ["new"]) },
  { change: "a transcript deleted", inSh: true, apply: (s) => fs.rmSync(s.a.path) },
  {
    change: "a project deleted",
    inSh: true,
    apply: (s) => fs.rmSync(s.tree.projectDir("/home/dev/lib"), { recursive: true }),
  },
  {
    change: "a project folder without transcripts",
    inSh: true,
    apply: (s) => void s.tree.projectDir("/home/dev/empty"),
  },
  {
    change: "a session folder and an agent transcript",
    inSh: true,
    apply: (s) => {
      fs.mkdirSync(path.join(path.dirname(s.a.path), s.a.id, "subagents"), { recursive: true });
      fs.writeFileSync(path.join(path.dirname(s.a.path), "agent-0123abcd.jsonl"), "{}\n");
    },
  },
  {
    change: "a transcript newer than its index by less than the stale hours",
    inSh: true,
    apply: (s) => setMtime(s.a.path, mtimeOf(s.tree.indexPath(APP)) + 23 * HOUR),
  },
  {
    change: "a transcript newer than its index by more than the stale hours",
    inSh: false,
    apply: (s) => setMtime(s.a.path, mtimeOf(s.tree.indexPath(APP)) + 25 * HOUR),
  },
  {
    change: "an index rewritten",
    inSh: false,
    apply: (s) => fs.writeFileSync(s.tree.indexPath(APP), fs.readFileSync(s.tree.indexPath(APP))),
  },
  { change: "an index deleted", inSh: false, apply: (s) => fs.rmSync(s.tree.indexPath(APP)) },
  { change: "a new project with a session", inSh: false, apply: (s) => void s.tree.session("/home/dev/new", ["x"]) },
  {
    change: "a project folder replaced by a link",
    inSh: false,
    apply: (s) => {
      const dir = s.tree.projectDir("/home/dev/lib");
      const elsewhere = path.join(tempDir("claude-reindex-moved-project-"), "lib");
      fs.renameSync(dir, elsewhere);
      fs.symlinkSync(elsewhere, dir);
    },
  },
  {
    change: "a transcript replaced by a link",
    inSh: false,
    apply: (s) => {
      const elsewhere = path.join(tempDir("claude-reindex-moved-transcript-"), "t.jsonl");
      fs.renameSync(s.a.path, elsewhere);
      fs.symlinkSync(elsewhere, s.a.path);
    },
  },
];

describe("the shim's judgement in sh, held to the Node check's", () => {
  it("without the hooks, the stat pass makes the listing the shim took before it the signature", async () => {
    const s = setup();
    expect((await s.launch()).nodeChecks).toBe(2); // no index yet: the stat pass, then the repair
    // The repair changed the tree after the listing: neither it nor a signature is kept.
    expect(fs.existsSync(s.signature)).toBe(false);
    expect(listingsLeft(s.tree.root)).toEqual([]);
    expect((await s.launch()).nodeChecks).toBe(1);
    expect(readTreeSignature(s.signature)).toEqual({
      header: "claude-reindex tree signature 1, stale after 24 hours",
      listing: listingNow(s.tree.root),
    });
    expect(fs.statSync(s.signature).mode & 0o777).toBe(0o600);
    for (const turn of ["two", "three"]) {
      s.tree.append(s.a, turn);
      expect((await s.launch()).nodeChecks).toBe(0);
    }
  });

  it.each(CHANGES)("$change", async ({ apply, inSh }) => {
    const s = await primed();
    apply(s);
    const judged = checkTreeFreshness({ configRoot: s.tree.root, env: {}, now: new Date() });
    const { nodeChecks } = await s.launch();
    // Never more lenient than the Node check: whatever sh answers, Node finds fresh too.
    if (nodeChecks === 0) expect(judged).toBe("fresh");
    if (inSh) {
      expect(nodeChecks).toBe(0);
      expect(readTreeSignature(s.signature)?.listing.equals(listingNow(s.tree.root))).toBe(true);
    } else {
      expect(nodeChecks).toBeGreaterThan(0);
    }
  });

  it("removes the listings of shims that were killed, never one whose shim still runs", async () => {
    const s = await primed();
    const dead = shimListingPath(s.tree.root, 2 ** 22 + 1); // above Linux's largest pid_max
    const alive = shimListingPath(s.tree.root, process.pid);
    for (const file of [dead, alive]) fs.writeFileSync(file, "left\n");
    s.tree.append(s.a, "one more turn");
    expect((await s.launch()).nodeChecks).toBe(0);
    expect(listingsLeft(s.tree.root)).toEqual([path.basename(alive)]);
  });

  it("leaves to Node a session beside an index that no check has read (the index may be broken)", async () => {
    const s = await primed({}, (t) => {
      const dir = t.tree.projectDir("/home/dev/indexed");
      fs.writeFileSync(path.join(dir, "sessions-index.json"), '{"version":1,"entries":['); // no sessions: not read
    });
    s.tree.session("/home/dev/indexed", ["now one"]);
    expect(checkTreeFreshness({ configRoot: s.tree.root, env: {}, now: new Date() })).toBe("stale");
    expect((await s.launch()).nodeChecks).toBe(2);
    expect(s.tree.readIndex("/home/dev/indexed").entries).toHaveLength(1);
  });

  it("keeps the signature through a repair; the next check reads only the project the repair changed", async () => {
    const s = await primed();
    // The other project's index at a whole second, so that it can be put back to the nanosecond below.
    const libIndex = s.tree.indexPath("/home/dev/lib");
    const second = Math.floor(mtimeOf(libIndex) / 1000);
    fs.utimesSync(libIndex, second, second);
    expect((await s.launch()).nodeChecks).toBe(1);
    const before = fs.readFileSync(s.signature);
    // An index days behind its transcript: beyond sh, and stale for Node.
    setMtime(s.tree.indexPath(APP), mtimeOf(s.a.path) - 3 * 24 * HOUR);
    expect((await s.launch()).nodeChecks).toBe(2); // the stat pass, then the repair
    expect(fs.readFileSync(s.signature).equals(before)).toBe(true);
    expect(listingsLeft(s.tree.root)).toEqual([]);
    // The repaired project's records differ from the signature's: Node judges it, and takes the other project
    // as the signature shows it, without a look (here its index is broken in place, inode, size and mtime as
    // they were, and its stamp too: a look would find it unreadable and repair it).
    fs.writeFileSync(libIndex, "x".repeat(fs.statSync(libIndex).size), { flag: "r+" });
    fs.utimesSync(libIndex, second, second);
    const lib = path.basename(s.tree.projectDir("/home/dev/lib"));
    fs.writeFileSync(path.join(s.tree.root, "claude-reindex", "verified", `${lib}.json`), "broken stamp");
    expect((await s.launch()).nodeChecks).toBe(1);
    expect(readTreeSignature(s.signature)?.listing.equals(listingNow(s.tree.root))).toBe(true);
    expect((await s.launch()).nodeChecks).toBe(0);
  });

  it("leaves to Node a stale threshold that is not a plain number (Node reads it as the default)", async () => {
    const env = { CLAUDE_REINDEX_STALE_HOURS: "48h" };
    const s = await primed(env);
    expect(readTreeSignature(s.signature)?.header).toBe("claude-reindex tree signature 1, stale after 48h hours");
    setMtime(s.a.path, mtimeOf(s.tree.indexPath(APP)) + 30 * HOUR);
    expect(checkTreeFreshness({ configRoot: s.tree.root, env, now: new Date() })).toBe("stale");
    expect((await s.launch(env)).nodeChecks).toBe(2);
  });
});

describe("rebuild --all's tree signature", () => {
  it("answers an unchanged tree with the report the stat pass gave, without the stamps", async () => {
    const tree = new ClaudeTree();
    const a = tree.session(APP, ["first"]);
    tree.session("/home/dev/lib", ["other"]);
    await rebuildAll(tree.root);
    const verified = await rebuildAll(tree.root);
    expect(verified.stdout).toBe("2 projects: 0 written, 2 up to date");
    // The stamps stand for the stat pass; with the tree as the signature saw it, they are not read.
    const stamps = path.join(tree.root, "claude-reindex", "verified");
    for (const name of fs.readdirSync(stamps)) if (name.endsWith(".json")) fs.rmSync(path.join(stamps, name));
    const statPassOnly = tempDir("claude-reindex-stat-pass-");
    fs.mkdirSync(path.join(statPassOnly, "bin"));
    fs.mkdirSync(path.join(statPassOnly, "dist"));
    fs.copyFileSync(cli, path.join(statPassOnly, "bin/claude-reindex"));
    fs.copyFileSync(
      path.join(repo, "dist/rebuild-unchanged.cjs"),
      path.join(statPassOnly, "dist/rebuild-unchanged.cjs"),
    );
    const alone = path.join(statPassOnly, "bin/claude-reindex");
    const run = await execa(process.execPath, [alone, "rebuild", "--all"], { env: { CLAUDE_CONFIG_DIR: tree.root } });
    expect(run.stdout).toBe("2 projects: 0 written, 2 up to date");
    // A change: the full command (not in that copy) is needed.
    tree.append(a, "more");
    const changed = await execa(process.execPath, [alone, "rebuild", "--all"], {
      env: { CLAUDE_CONFIG_DIR: tree.root },
      reject: false,
    });
    expect(changed.stderr).toContain("not built yet");
  });
});

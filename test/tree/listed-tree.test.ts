import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectsRoot } from "../../src/layout/config-root.ts";
import { listedProjects, projectRecords } from "../../src/layout/listed-tree.ts";
import { listProjectDirNames } from "../../src/layout/project-dir.ts";
import { statIndexFile } from "../../src/layout/project-stamp.ts";
import { listSessionFiles } from "../../src/layout/session-file.ts";
import { treeListing } from "../../src/layout/tree-listing.ts";
import { shimListingPath, shimSignatureHeader, shimSignaturePath } from "../../src/layout/tree-signature.ts";
import { handedOverProjects, TREE_LISTING_SETTING } from "../../src/rebuild/shim-signature.ts";
import { checkTreeFreshness } from "../../src/rebuild/tree-freshness.ts";
import { ClaudeTree, setMtime } from "../support/claude-tree.ts";

const APP = "/home/dev/app";
const DAY = 86_400_000;

/** A session file name: `hex` fills the uuid, upper or lower case. */
const sessionName = (n: number, upper = false) => {
  const hex = n.toString(16).padStart(12, "0");
  const id = `${hex.slice(0, 8)}-${upper ? "ABCD" : "abcd"}-4bcd-8cde-${hex}`;
  return `${upper ? id.toUpperCase() : id}.jsonl`;
};

/** What listSessionFiles and statIndexFile see on disk, for each project directory listProjectDirNames gives. */
function onDisk(configRoot: string) {
  const root = projectsRoot(configRoot);
  return new Map(
    listProjectDirNames(configRoot).map((name) => {
      const dir = path.join(root, name);
      const listing = listSessionFiles(dir);
      return [
        name,
        {
          sessions: [...listing.sessions],
          unreadable: listing.unreadable,
          index: statIndexFile(path.join(dir, "sessions-index.json")),
        },
      ];
    }),
  );
}

function listed(configRoot: string) {
  const listing = treeListing(projectsRoot(configRoot));
  expect(listing).not.toBeNull();
  const projects = listedProjects(projectsRoot(configRoot), listing as Buffer);
  return new Map(
    [...projects].map(([name, p]) => [
      name,
      { sessions: [...p.sessions.sessions], unreadable: p.sessions.unreadable, index: p.index },
    ]),
  );
}

describe("listedProjects: a tree listing read as the stat pass reads the disk", () => {
  it("gives each project's sessions (in Node's readdir order), unreadable files and index stat as on disk", () => {
    const tree = new ClaudeTree();
    const app = tree.projectDir(APP);
    // Sixty sessions in both cases, written out of order, with mtimes of every kind of fraction.
    for (let n = 60; n > 0; n--) {
      const file = path.join(app, sessionName(n * 7919, n % 3 === 0));
      fs.writeFileSync(file, "{}\n");
      if (n % 4 === 0) setMtime(file, Date.UTC(2026, 0, 1) + n * 1234.5678);
      if (n % 5 === 0) setMtime(file, Date.UTC(2026, 0, 1) + n * 1000);
    }
    fs.writeFileSync(tree.indexPath(APP), '{"version":1,"entries":[]}');
    // Beside them, what the stat pass passes over or cannot read.
    fs.writeFileSync(path.join(app, "agent-1234.jsonl"), "{}\n");
    fs.writeFileSync(path.join(app, "notes.json"), "{}");
    fs.mkdirSync(path.join(app, sessionName(1).replace(".jsonl", ""), "subagents"), { recursive: true });
    fs.mkdirSync(path.join(app, sessionName(2)));
    fs.symlinkSync(path.join(app, sessionName(7919)), path.join(app, sessionName(3)));
    execFileSync("mkfifo", [path.join(app, sessionName(4))]);
    // Projects with names find and the parser must not mistake, and without an index or sessions.
    for (const name of ["with space", "dév ünï", "x sessions-index.json", "1 2 3.4 x.json", "a\nproject", "empty"]) {
      const dir = path.join(projectsRoot(tree.root), name);
      fs.mkdirSync(dir);
      if (name === "empty") continue;
      fs.writeFileSync(path.join(dir, sessionName(5)), "{}\n");
      fs.writeFileSync(path.join(dir, "sessions-index.json"), "{}");
    }
    // Indexes whose mtimes have nanoseconds of every kind: Node's mtimeMs is seconds * 1000 + nanoseconds / 1e6.
    for (let n = 1; n <= 40; n++) {
      const dir = path.join(projectsRoot(tree.root), `nanoseconds-${n}`);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, sessionName(n)), "{}\n");
      fs.writeFileSync(path.join(dir, "sessions-index.json"), "{}");
      const seconds = 1_796_070_169 + n * 0.013_759_31;
      fs.utimesSync(path.join(dir, "sessions-index.json"), seconds, seconds);
      fs.utimesSync(path.join(dir, sessionName(n)), seconds + 0.000_5, seconds + 0.000_5);
    }

    const disk = onDisk(tree.root);
    const fromListing = listed(tree.root);
    expect([...fromListing.keys()].sort()).toEqual([...disk.keys()].sort());
    for (const [name, project] of fromListing) expect(project, name).toEqual(disk.get(name));
    // Cut into projects and put together again, the listing says the same of each.
    const whole = treeListing(projectsRoot(tree.root)) as Buffer;
    const cut = [...projectRecords(whole).values()].filter((records) => records !== null);
    expect(cut).toHaveLength(disk.size);
    expect(listedProjects(projectsRoot(tree.root), Buffer.concat(cut))).toEqual(
      listedProjects(projectsRoot(tree.root), whole),
    );
    // The case is real: the listing held these, in another order than Node's.
    const appName = path.basename(app);
    expect(fromListing.get(appName)?.sessions).toHaveLength(60);
    expect(fromListing.get(appName)?.unreadable).toHaveLength(1);
  });

  it("leaves out what it cannot stand for, so that the stat pass looks at the disk", () => {
    const tree = new ClaudeTree();
    const root = projectsRoot(tree.root);
    const linkedIndex = tree.projectDir("/linked/index");
    fs.writeFileSync(path.join(linkedIndex, sessionName(1)), "{}\n");
    fs.writeFileSync(path.join(linkedIndex, "elsewhere.json"), '{"version":1,"entries":[]}');
    fs.symlinkSync("elsewhere.json", path.join(linkedIndex, "sessions-index.json"));
    const folderIndex = tree.projectDir("/folder/index");
    fs.writeFileSync(path.join(folderIndex, sessionName(1)), "{}\n");
    fs.mkdirSync(path.join(folderIndex, "sessions-index.json"));
    const kept = tree.projectDir("/kept/elsewhere");
    fs.writeFileSync(path.join(kept, sessionName(1)), "{}\n");
    fs.renameSync(kept, path.join(tree.root, "elsewhere"));
    fs.symlinkSync(path.join(tree.root, "elsewhere"), kept);
    fs.mkdirSync(path.join(root, "folder.jsonl"));
    fs.writeFileSync(path.join(root, "folder.jsonl", sessionName(1)), "{}\n");
    const plain = tree.projectDir(APP);
    fs.writeFileSync(path.join(plain, sessionName(1)), "{}\n");

    const projects = listedProjects(root, treeListing(root) as Buffer);
    const projectDirNames = listProjectDirNames(tree.root);
    expect(projectDirNames).toHaveLength(5);
    expect(projectDirNames.filter((name) => projects.has(name))).toEqual([path.basename(plain)]);
  });

  it("stands for nothing when a record is not as GNU find prints it", () => {
    const record = (text: string) => Buffer.from(`d proj\0${text}\0`);
    const id = sessionName(1);
    expect(listedProjects("/p", record(`f 12 34 1700000000.1234567890 proj/${id}`)).get("proj")).toMatchObject({
      sessions: { sessions: new Map([[id.slice(0, -6), { mtime: 1700000000123, size: 34 }]]) },
    });
    // A folder named sessions-index.json is printed with its stat; one named as that record reads is one project.
    const twin = "1 2 1700000000.1234567890 sessions-index.json";
    const twins = Buffer.from(`d ${twin}\0f 12 34 1700000000.1234567890 ${twin}/${id}\0d ${twin}\0`);
    expect(listedProjects("/p", twins)).toEqual(new Map());
    for (const bad of [
      `f 12 34 1700000000.1234 proj/${id}`, // fewer than nine digits of fraction
      `f 12 34 1700000000 proj/${id}`,
      `f 12 -34 1700000000.1234567890 proj/${id}`,
      `f 12 34 -1.1234567890 proj/${id}`,
      `f12 34 1700000000.1234567890 proj/${id}`,
    ])
      expect(listedProjects("/p", record(bad)), bad).toEqual(new Map());
  });
});

describe("the shim's stat pass on the listing bin/claude took", () => {
  function handOver(configRoot: string, pid = 4242, staleHours = "24") {
    const file = shimListingPath(configRoot, pid);
    const listing = treeListing(projectsRoot(configRoot)) as Buffer;
    fs.writeFileSync(file, Buffer.concat([Buffer.from(`${shimSignatureHeader(staleHours)}\n`), listing]));
    return { [TREE_LISTING_SETTING]: file };
  }

  it("judges the tree as it was listed, and reads no other file as a listing", () => {
    const tree = new ClaudeTree();
    const now = Date.now();
    const session = tree.session(APP, ["first"], { mtime: now - 3 * DAY });
    fs.writeFileSync(tree.indexPath(APP), '{"version":1,"entries":[]}');
    setMtime(tree.indexPath(APP), now - 3 * DAY);
    fs.mkdirSync(path.join(tree.root, "claude-reindex"), { recursive: true });
    const env = handOver(tree.root);
    // A turn after the listing: the next listing has it; this check judges what it was given.
    tree.append(session, "later", now);
    const check = { configRoot: tree.root, env, now: new Date(now) };
    expect(checkTreeFreshness(check)).toBe("stale");
    expect(checkTreeFreshness({ ...check, ...handedOverProjects(tree.root, env) })).toBe("fresh");

    const elsewhere = path.join(tree.root, "claude-reindex", "listing");
    fs.renameSync(env[TREE_LISTING_SETTING], elsewhere);
    expect(handedOverProjects(tree.root, { [TREE_LISTING_SETTING]: elsewhere })).toEqual({});
    expect(handedOverProjects(tree.root, {})).toEqual({});
  });

  it("looks no further at a project whose records are as the signature has them, under the same threshold", () => {
    const tree = new ClaudeTree();
    const now = Date.now();
    for (const cwd of [APP, "/home/dev/lib"]) {
      tree.session(cwd, ["first"], { mtime: now - 3 * DAY });
      fs.writeFileSync(tree.indexPath(cwd), '{"version":1,"entries":[]}');
      setMtime(tree.indexPath(cwd), now - 3 * DAY);
    }
    fs.mkdirSync(path.join(tree.root, "claude-reindex"), { recursive: true });
    fs.copyFileSync(handOver(tree.root, 1)[TREE_LISTING_SETTING], shimSignaturePath(tree.root));
    tree.session("/home/dev/lib", ["second"], { mtime: now - 2.5 * DAY }); // within the 24 hours of its index
    const env = handOver(tree.root);
    const [app, lib] = [APP, "/home/dev/lib"].map((cwd) => path.basename(tree.projectDir(cwd)));
    const handed = handedOverProjects(tree.root, env);
    expect([...(handed.fineBefore ?? [])]).toEqual([app]);
    expect([...(handed.listed?.keys() ?? [])]).toEqual([lib]);
    // What the signature shows is taken as it is: a check found it fine (here, no check did; the app's index is
    // broken): the other project is judged.
    fs.writeFileSync(tree.indexPath(APP), "{");
    setMtime(tree.indexPath(APP), now - 3 * DAY);
    expect(checkTreeFreshness({ configRoot: tree.root, env, now: new Date(now), ...handed })).toBe("fresh");
    setMtime(path.join(tree.projectDir("/home/dev/lib"), "sessions-index.json"), now - 4 * DAY);
    const relisted = handOver(tree.root);
    expect(
      checkTreeFreshness({
        configRoot: tree.root,
        env,
        now: new Date(now),
        ...handedOverProjects(tree.root, relisted),
      }),
    ).toBe("stale");
    // Under another stale threshold the signature says nothing.
    const other = { ...handOver(tree.root, 4242, "48"), CLAUDE_REINDEX_STALE_HOURS: "48" };
    expect(handedOverProjects(tree.root, other).fineBefore).toEqual(new Set());
    // Without a signature (or under another threshold) every project is judged, from the whole listing.
    fs.rmSync(shimSignaturePath(tree.root));
    const unsigned = handedOverProjects(tree.root, handOver(tree.root));
    expect(unsigned.fineBefore).toEqual(new Set());
    expect(unsigned.listed).toEqual(
      listedProjects(projectsRoot(tree.root), treeListing(projectsRoot(tree.root)) as Buffer),
    );
    expect([...(unsigned.listed?.keys() ?? [])].sort()).toEqual([app, lib].sort());
    const otherAgain = { ...handOver(tree.root, 4343, "48"), CLAUDE_REINDEX_STALE_HOURS: "48" };
    expect(handedOverProjects(tree.root, otherAgain).listed).toEqual(unsigned.listed);
  });
});

describe("projectRecords", () => {
  it("cuts a listing into each project's records, by name", () => {
    const listing = Buffer.from(
      [
        "d a b",
        "f 1 2 3.0000000000 a b/x.jsonl",
        "d a b/sub",
        "l link",
        "d c",
        "f 1 2 3.0000000000 c/y.jsonl",
        "d c",
        "",
      ].join("\0"),
    );
    expect(projectRecords(listing)).toEqual(
      new Map([
        // A link one level down stays with the project before it (it can only make that one differ).
        ["a b", Buffer.from("d a b\0f 1 2 3.0000000000 a b/x.jsonl\0d a b/sub\0l link\0")],
        ["c", null], // given twice
      ]),
    );
    expect(projectRecords(Buffer.from("d last\0f 1 2 3.0000000000 last/z.jsonl\0"))).toEqual(
      new Map([["last", Buffer.from("d last\0f 1 2 3.0000000000 last/z.jsonl\0")]]),
    );
  });
});

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { SearchIndex } from "../../src/search/search-index.ts";
import { parseQuery } from "../../src/search/search-query.ts";
import { MatchRank, searchIndexPath, searchSessions } from "../../src/search/session-search.ts";
import { ClaudeTree, setMtime } from "../support/claude-tree.ts";

function projectDirs(tree: ClaudeTree): string[] {
  const root = path.join(tree.root, "projects");
  return fs.readdirSync(root).map((n) => path.join(root, n));
}

async function search(
  tree: ClaudeTree,
  words: string[],
  options: { tools?: boolean; dirs?: string[]; since?: number } = {},
) {
  const index = SearchIndex.open(searchIndexPath(tree.root), options.tools ? ["text", "tools"] : ["text"]);
  try {
    return await searchSessions(index, {
      configRoot: tree.root,
      projectDirs: options.dirs ?? projectDirs(tree),
      query: parseQuery(words),
      tools: options.tools ?? false,
      sinceMs: options.since,
      limit: 20,
    });
  } finally {
    index.close();
  }
}

const filler = (n: number) => Array.from({ length: n }, (_, i) => `routine turn number ${i} about nothing much`);

describe("search over a tree", () => {
  it("finds a session by words from the middle of its transcript, in prompts and in replies", async () => {
    const tree = new ClaudeTree();
    const a = tree.session("/home/dev/app", [...filler(30), "why does the zeppelin parser stall", ...filler(30)]);
    tree.session("/home/dev/other", filler(10));
    a.builder.assistant("The quokka cache was cold.");
    fs.writeFileSync(a.path, a.builder.toString());

    const byPrompt = await search(tree, ["Zeppelin", "parser"]);
    expect(byPrompt.hits.map((h) => h.sessionId)).toEqual([a.id]);
    expect(byPrompt.hits[0]).toMatchObject({ fullPath: a.path, projectPath: "/home/dev/app", rank: MatchRank.Phrase });
    expect(byPrompt.hits[0]!.snippet).toContain("zeppelin parser stall");
    expect(byPrompt.hits[0]!.title).toBe("routine turn number 0 about nothing much");
    expect((await search(tree, ["quokka"])).hits.map((h) => h.sessionId)).toEqual([a.id]);
    expect((await search(tree, ["zeppelin", "absentword"])).total).toBe(0);
  });

  it("reads only what was appended since the last search, and sees rewrites and deletions", async () => {
    const tree = new ClaudeTree();
    const a = tree.session("/p", filler(50));
    const b = tree.session("/p", ["second session"]);
    const first = await search(tree, ["routine"]);
    expect(first.update.filesRead).toBe(2);
    const size = fs.statSync(a.path).size;

    tree.append(a, "a brand new marmalade question");
    const appended = fs.statSync(a.path).size - size;
    const second = await search(tree, ["marmalade"]);
    expect(second.hits.map((h) => h.sessionId)).toEqual([a.id]);
    expect(second.update).toMatchObject({ filesRead: 1, bytesRead: appended, removed: 0 });

    const third = await search(tree, ["marmalade"]);
    expect(third.update).toMatchObject({ filesRead: 0, bytesRead: 0 });

    // Rewritten (shorter): indexed again from the start, the old text gone.
    const fresh = new ClaudeTree();
    const rewritten = fresh.session("/p", ["only pomegranate now"], { id: a.id });
    fs.copyFileSync(rewritten.path, a.path);
    const fourth = await search(tree, ["marmalade"]);
    expect(fourth.total).toBe(0);
    expect((await search(tree, ["pomegranate"])).hits.map((h) => h.sessionId)).toEqual([a.id]);

    fs.rmSync(b.path);
    const fifth = await search(tree, ["second", "session"]);
    expect(fifth.update.removed).toBe(1);
    expect(fifth.total).toBe(0);
  });

  it("a rewrite of the same length is caught by the bytes before the saved offset", async () => {
    const tree = new ClaudeTree();
    const a = tree.session("/p", ["alpha bravo charlie"]);
    await search(tree, ["alpha"]);
    fs.writeFileSync(a.path, fs.readFileSync(a.path, "utf8").replaceAll("alpha", "delta"));
    setMtime(a.path, Date.now() + 5000);
    expect((await search(tree, ["alpha"])).total).toBe(0);
    expect((await search(tree, ["delta"])).total).toBe(1);
  });

  it("skips damaged lines, reports them once, and searches the rest", async () => {
    const tree = new ClaudeTree();
    const a = tree.session("/p", ["before the damage: walrus"]);
    fs.appendFileSync(a.path, '{"type":"user","message":{"content":"torn\n\u0000\u0000\u0000\nnot json at all\n\n');
    tree.append(a, "after the damage: narwhal");
    const result = await search(tree, ["walrus"]);
    expect(result.update.brokenLines).toEqual([{ path: a.path, lines: 3 }]);
    expect((await search(tree, ["narwhal"])).hits.map((h) => h.sessionId)).toEqual([a.id]);
    expect((await search(tree, ["narwhal"])).update.brokenLines).toEqual([]);
  });

  it("indexes a last line only once it is complete", async () => {
    const tree = new ClaudeTree();
    const a = tree.session("/p", ["first"]);
    const line = JSON.stringify({ type: "user", message: { role: "user", content: "half written albatross" } });
    fs.appendFileSync(a.path, line.slice(0, 30));
    expect((await search(tree, ["albatross"])).total).toBe(0);
    fs.appendFileSync(a.path, `${line.slice(30)}\n`);
    expect((await search(tree, ["albatross"])).total).toBe(1);
  });

  it("searches tool input and output only with tools", async () => {
    const tree = new ClaudeTree();
    const a = tree.session("/p", ["run it"]);
    a.builder.push({
      ...a.builder.lines[1],
      uuid: "tool-use-1",
      message: {
        role: "assistant",
        content: [{ type: "tool_use", name: "Bash", input: { command: "grep flamingo" } }],
      },
    });
    a.builder.user([{ type: "tool_result", tool_use_id: "t", content: "pelican.txt: 3 matches" }]);
    fs.writeFileSync(a.path, a.builder.toString());
    expect((await search(tree, ["flamingo"])).total).toBe(0);
    expect((await search(tree, ["pelican"])).total).toBe(0);
    expect((await search(tree, ["flamingo"], { tools: true })).total).toBe(1);
    expect((await search(tree, ["pelican"], { tools: true })).hits[0]!.snippet).toContain("pelican.txt");
    // The index now holds both kinds; a plain search still leaves tools out.
    expect((await search(tree, ["pelican"])).total).toBe(0);
  });

  it("ranks the phrase first, then all words together, then scattered; newest first among equals", async () => {
    const tree = new ClaudeTree();
    const t = Date.UTC(2026, 10, 1);
    const scattered = tree.session("/p", ["the red one", ...filler(400), "a blue thing"], { mtime: t + 4000 });
    const together = tree.session("/p", ["blue paint and red paint"], { mtime: t + 3000 });
    const phraseOld = tree.session("/p", ["we want red blue stripes"], { mtime: t + 1000 });
    const phraseNew = tree.session("/p", ["red blue again"], { mtime: t + 2000 });
    const hits = (await search(tree, ["red", "blue"])).hits;
    expect(hits.map((h) => h.sessionId)).toEqual([phraseNew.id, phraseOld.id, together.id, scattered.id]);
    expect(hits.map((h) => h.rank)).toEqual([
      MatchRank.Phrase,
      MatchRank.Phrase,
      MatchRank.Together,
      MatchRank.Scattered,
    ]);
    expect((await search(tree, ["red", "blue"], { since: t + 2500 })).hits.map((h) => h.sessionId)).toEqual([
      together.id,
      scattered.id,
    ]);
  });

  it("narrows to the given projects", async () => {
    const tree = new ClaudeTree();
    tree.session("/a", ["shared lighthouse words"]);
    const b = tree.session("/b", ["shared lighthouse words"]);
    expect((await search(tree, ["lighthouse"])).total).toBe(2);
    expect(
      (await search(tree, ["lighthouse"], { dirs: [tree.projectDir("/b")] })).hits.map((h) => h.sessionId),
    ).toEqual([b.id]);
  });

  it("keeps the index private, and rebuilds it when deleted or damaged", async () => {
    const tree = new ClaudeTree();
    tree.session("/p", ["private otter"]);
    await search(tree, ["otter"]);
    const file = searchIndexPath(tree.root);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    fs.rmSync(file);
    expect((await search(tree, ["otter"])).total).toBe(1);
    fs.writeFileSync(file, "this is not a database, just damage ".repeat(200));
    expect((await search(tree, ["otter"])).total).toBe(1);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("rebuilds an index of another format, and one that lacks the kinds asked for", async () => {
    const tree = new ClaudeTree();
    tree.session("/p", ["format heron"]);
    await search(tree, ["heron"]);
    const file = searchIndexPath(tree.root);
    const Sqlite = createRequire(import.meta.url)("better-sqlite3");
    const db = new Sqlite(file);
    db.prepare("UPDATE meta SET value = 'search/0' WHERE key = 'format'").run();
    db.prepare("DELETE FROM chunks").run();
    db.close();
    // The old index claims the heron is nowhere; a rebuilt one finds it.
    expect((await search(tree, ["heron"])).total).toBe(1);
    expect((await search(tree, ["heron"])).update.filesRead).toBe(0);
  });

  it("opens a new index that another search creates while it looks", async () => {
    // Another search holds the write lock on a new, empty index, and creates the schema 300 ms
    // later. This one must wait for it and then find the schema, not find the file empty and fail
    // on CREATE TABLE once the lock is free.
    const tree = new ClaudeTree();
    const template = path.join(tree.root, "template.db");
    SearchIndex.open(template, ["text"]).close();
    const Sqlite = createRequire(import.meta.url)("better-sqlite3");
    const source = new Sqlite(template, { readonly: true });
    const schema = source
      .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'body_%' ORDER BY rowid")
      .pluck()
      .all() as string[];
    const meta = source.prepare("SELECT key, value FROM meta").raw().all();
    source.close();
    const file = searchIndexPath(tree.root);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, "", { mode: 0o600 });
    const holder = execa(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(process.argv[1]);
         const [schema, meta] = JSON.parse(process.argv[2]);
         db.exec("BEGIN IMMEDIATE");
         process.stdout.write("held\\n");
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
         for (const sql of schema) db.exec(sql);
         for (const row of meta) db.prepare("INSERT INTO meta VALUES (?, ?)").run(...row);
         db.exec("COMMIT");`,
        file,
        JSON.stringify([schema, meta]),
      ],
      { cwd: path.resolve(import.meta.dirname, "../..") },
    );
    // A holder that fails before it holds the lock fails the test here, with its stderr.
    await Promise.race([new Promise<void>((resolve) => holder.stdout?.once("data", () => resolve())), holder]);
    const index = SearchIndex.open(file, ["text"]);
    index.close();
    await holder;
    expect(index.kinds).toEqual(["text"]);
    tree.session("/p", ["a waiting heron"]);
    expect((await search(tree, ["heron"])).total).toBe(1);
  });

  it("two searches at once index every transcript once", async () => {
    const tree = new ClaudeTree();
    for (let i = 0; i < 40; i++) tree.session(`/p${i % 4}`, [...filler(30), `needle ${i} in a haystack`]);
    const cli = path.resolve(import.meta.dirname, "../../bin/claude-reindex");
    const env = { ...process.env, CLAUDE_CONFIG_DIR: tree.root };
    const runs = await Promise.all(
      [0, 1, 2].map(() => execa(cli, ["search", "--json", "--limit", "100", "haystack"], { env, reject: false })),
    );
    for (const r of runs) {
      expect(r.exitCode, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toHaveLength(40);
    }
    const Sqlite = createRequire(import.meta.url)("better-sqlite3");
    const db = new Sqlite(searchIndexPath(tree.root), { readonly: true });
    const chunks = db.prepare("SELECT count(*) FROM chunks").pluck().get();
    const files = db.prepare("SELECT count(*) FROM files").pluck().get();
    db.close();
    expect(files).toBe(40);
    // Each transcript's text fits one chunk: a transcript indexed twice would have two.
    expect(chunks).toBe(40);
  }, 60_000);

  it("titles a session as Claude Code does (here: its custom title), with control characters escaped", async () => {
    const tree = new ClaudeTree();
    const a = tree.session("/p", ["untitled heron talk"]);
    fs.appendFileSync(
      a.path,
      `${JSON.stringify({ type: "custom-title", customTitle: "Heron \x1b[31mplan", sessionId: a.id })}\n`,
    );
    expect((await search(tree, ["heron"])).hits[0]!.title).toBe("Heron \\x1b[31mplan");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ListedProject, listedProjects } from "../../src/layout/listed-tree.ts";
import { LINKED_SESSION_REASON, type SessionListing, sessionIdOfFileName } from "../../src/layout/session-file.ts";

/**
 * listedProjects as it read a listing before its one search over the text: record by record, each split off at
 * its NUL and matched on its own. Kept as the reading the search is held to.
 */
function recordByRecord(projectsDir: string, listing: Buffer): Map<string, ListedProject> {
  type Project = { dir: string; sessions: { type: string; name: string; size: number; mtimeMs: number }[] };
  const found = new Map<string, Project & { index: ListedProject["index"]; exact: boolean }>();
  const fileRecord = /^(\S) (\d+) (\d+) (\d+)\.(\d{9})\d* ([^/]+)\/(.+)$/s;
  for (const record of listing.toString("utf8").split("\0")) {
    if (record.indexOf("/") === -1) {
      if (record.startsWith("d ")) {
        const dirName = record.slice(2);
        const known = found.get(dirName);
        if (known) known.exact = false;
        else found.set(dirName, { dir: `${projectsDir}/${dirName}`, sessions: [], index: null, exact: true });
      }
      continue;
    }
    const isIndex = record.endsWith("/sessions-index.json");
    if (!isIndex && !record.endsWith(".jsonl")) continue;
    const file = fileRecord.exec(record);
    if (file === null) return new Map();
    const [, type, ino, size, seconds, nanoseconds, dirName, name] = file as unknown as string[];
    const project = found.get(dirName as string);
    if (project === undefined) continue;
    const mtimeMs = Number(seconds) * 1000 + Number(nanoseconds) / 1_000_000;
    if (isIndex && name === "sessions-index.json") {
      if (type === "f") project.index = { ino: Number(ino), size: Number(size), mtimeMs };
      else project.exact = false;
    } else if (sessionIdOfFileName(name as string) !== null) {
      project.sessions.push({ type: type as string, name: name as string, size: Number(size), mtimeMs });
    }
  }
  const sessionsOf = (project: Project): SessionListing => {
    const listing: SessionListing = { sessions: new Map(), unreadable: [] };
    project.sessions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { type, name, size, mtimeMs } of project.sessions) {
      const path = `${project.dir}/${name}`;
      const sessionId = name.slice(0, -".jsonl".length);
      if (type === "l") listing.unreadable.push({ path, reason: LINKED_SESSION_REASON });
      else if (type === "f") listing.sessions.set(sessionId, { sessionId, path, mtime: Math.round(mtimeMs), size });
    }
    return listing;
  };
  const projects = new Map<string, ListedProject>();
  for (const [dirName, project] of found)
    if (project.exact) projects.set(dirName, { sessions: sessionsOf(project), index: project.index });
  return projects;
}

const ID = "0123abcd-abcd-4bcd-8cde-00000000000";

/** Records as GNU find prints them, and near misses: each piece is drawn from a few that matter. */
const record = fc.oneof(
  fc.constantFrom("d app", "d lib", "d a b", "d sessions-index.json", "d ", "d é", "dd app", "l app", "app"),
  fc
    .record({
      type: fc.constantFrom("f", "f", "l", "d", "é", " ", "/"),
      ino: fc.constantFrom("12", "0", "18446744073709551615", "1a", ""),
      size: fc.constantFrom("34", "9007199254740993", "-3", ""),
      seconds: fc.constantFrom("1700000000", "0", "99999999999999999", "-1", "x"),
      fraction: fc.constantFrom("1234567890", "999999999", "12345678", "000000000123", ""),
      dir: fc.constantFrom("app", "lib", "a b", "é", "sessions-index.json", "other", ""),
      name: fc.constantFrom(
        `${ID}1.jsonl`,
        `${ID}2.jsonl`,
        `${ID.toUpperCase()}3.jsonl`,
        `${ID}1`,
        "agent-1.jsonl",
        ".jsonl",
        "sessions-index.json",
        "sub/sessions-index.json",
        `${ID}1/subagents`,
        "",
      ),
      space: fc.constantFrom(" ", " ", "  "),
    })
    .map((r) => `${r.type} ${r.ino}${r.space}${r.size} ${r.seconds}.${r.fraction} ${r.dir}/${r.name}`),
);

describe("listedProjects", () => {
  it("reads a listing as it read it record by record", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 14 }), fc.boolean(), (records, endsInNul) => {
        const listing = Buffer.from(records.join("\0") + (endsInNul ? "\0" : ""));
        expect(listedProjects("/p", listing)).toEqual(recordByRecord("/p", listing));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads bytes that are not UTF-8 as the text they decode to", () => {
    // 0xff is never UTF-8: each becomes U+FFFD, in the project's name and in its transcript's record alike.
    const listing = Buffer.from(`d a\xff\0f 12 34 1700000000.123456789 a\xff/${ID}1.jsonl\0`, "latin1");
    expect(listedProjects("/p", listing)).toEqual(recordByRecord("/p", listing));
    expect(listedProjects("/p", listing).get("a\ufffd")?.sessions.sessions.size).toBe(1);
  });
});

// What a tree listing (tree-listing.ts) says of each project directory, in the words of a stat pass: the
// sessions as listSessionFiles would list them and the index as statIndexFile would stat it, at the moment
// the listing was taken. The shim's stat pass reads the listing bin/claude took just before it, in place of
// a readdir per project and an lstat per transcript; test/tree/listed-tree.test.ts holds the two equal.
import path from "node:path";
import { millisecondsFrom } from "../system/file-times.ts";
import { INDEX_FILE_NAME } from "./index-path.ts";
import type { IndexFileStat } from "./project-stamp.ts";
import { LINKED_SESSION_REASON, type SessionListing, sessionIdOfFileName } from "./session-file.ts";

export interface ListedProject {
  sessions: SessionListing;
  /** Null when the project has no index. */
  index: IndexFileStat | null;
}

/**
 * The projects of `projectsDir` that `listing` (find's records, each ending in NUL) stands for exactly,
 * by directory name. A project it cannot stand for is left out, so that its stat pass looks at the disk:
 * one that is a link (find does not look inside), or whose index is not a regular file (statIndexFile
 * follows links). A record that does not parse (a find whose `%T@` is not GNU's) leaves them all out.
 */
export function listedProjects(projectsDir: string, listing: Buffer): Map<string, ListedProject> {
  const found = new Map<string, ProjectRecords>();
  // One search over the whole text, from each record's start (after a NUL) to the next record it reads: the
  // records the stat pass passes over (`<uuid>/` folders, links, other files) are skipped inside the search, and
  // no string is made for them. Split and matched record by record, the shim's first check took 17 ms more here.
  const text = `\0${listing.toString("utf8")}`;
  const records = new RegExp(LISTED_RECORD);
  for (let match = records.exec(text); match !== null; match = records.exec(text)) {
    // By index, not destructured: without the optimizing compiler (the shim's), that walks an iterator.
    const record = match as unknown as ListedMatch;
    const projectName = record[1];
    if (projectName !== undefined) {
      // One level down, `d <name>` is a project directory. A folder named `*.jsonl` or `sessions-index.json` is
      // printed with its stat, as `d <inode> <size> <mtime> <name>`: should that ever read as another folder's
      // name, the two are one project here, and it is left out.
      const known = found.get(projectName);
      if (known) known.exact = false;
      else
        found.set(projectName, {
          dir: `${projectsDir}${path.sep}${projectName}`,
          sessions: [],
          index: null,
          exact: true,
        });
      continue;
    }
    if (record[9] !== undefined) return new Map();
    const project = found.get(record[7]);
    if (project === undefined) continue; // inside a folder that is not a project directory
    const type = record[2];
    const size = Number(record[4]);
    const name = record[8];
    const mtimeMs = millisecondsFrom(Number(record[5]), Number(record[6]));
    if (name === INDEX_FILE_NAME) {
      if (type === "f") project.index = { ino: Number(record[3]), size, mtimeMs };
      else project.exact = false;
    } else if (sessionIdOfFileName(name) !== null) {
      project.sessions.push({ type, name, size, mtimeMs });
    }
  }
  const projects = new Map<string, ListedProject>();
  for (const [dirName, project] of found)
    if (project.exact) projects.set(dirName, { sessions: sessionsOf(project), index: project.index });
  return projects;
}

/**
 * Each project directory's records in `listing`, by name: its `d <name>` record and those that follow it, up to
 * the next project directory's. Two listings whose records of a project are the same bytes say the same of it.
 * Null for a name that two records give (see listedProjects). Found by searching the bytes for `\0d `, without
 * a look at each record: the stat pass compares the listing bin/claude took with the signature first.
 */
export function projectRecords(listing: Buffer): Map<string, Buffer | null> {
  const projects = new Map<string, Buffer | null>();
  let name: string | null = null;
  let from = 0;
  const close = (to: number) => {
    if (name !== null) projects.set(name, projects.has(name) ? null : listing.subarray(from, to));
  };
  // A link or a file one level down stays with the project before it: it can only make that project differ.
  const after = (at: number) => {
    const found = listing.indexOf(FOLDER_RECORD, at);
    return found === -1 ? -1 : found + 1;
  };
  for (let start = listing.subarray(0, 2).equals(FOLDER_RECORD.subarray(1)) ? 0 : after(0); start !== -1; ) {
    const end = listing.indexOf(0, start);
    if (end === -1) break;
    const slash = listing.indexOf(SLASH, start);
    if (slash === -1 || slash > end) {
      close(start);
      name = listing.toString("utf8", start + 2, end);
      from = start;
    }
    start = after(end);
  }
  close(listing.length);
  return projects;
}

/** A folder's record, after the NUL that ends the record before it. */
const FOLDER_RECORD = Buffer.from("\0d ");
const SLASH = "/".charCodeAt(0);

/**
 * The records listedProjects reads, each from the NUL before it to its end (the next NUL, or the end):
 * - `d <name>`, a project directory (a record without `/`): group 1;
 * - a transcript's or index's, `<type> <inode> <size> <seconds>.<fraction> <dir>/<name>` (find's `%T@` has at
 *   least nine digits of fraction): groups 2 to 8;
 * - any other record with a `/` that ends in `.jsonl` or `/sessions-index.json`: group 9, a listing this
 *   find did not print as GNU find does.
 */
const RECORD_END = String.raw`(?![^\0])`; // at a NUL, or the end
const LISTED_RECORD = new RegExp(
  [
    String.raw`\0(?:d ([^\0/]*)${RECORD_END}`,
    String.raw`|(\S) (\d+) (\d+) (\d+)\.(\d{9})\d* ([^\0/]+)/`,
    String.raw`([^\0]*\.jsonl|[^\0]*/sessions-index\.json|sessions-index\.json)${RECORD_END}`,
    String.raw`|(?=[^\0/]*/)([^\0]*(?:\.jsonl|/sessions-index\.json))${RECORD_END})`,
  ].join(""),
  "g",
);
/** A match of LISTED_RECORD: groups 2 to 8 are there when 1 and 9 are not. */
type ListedMatch = [
  record: string,
  project: string | undefined,
  type: string,
  ino: string,
  size: string,
  seconds: string,
  nanoseconds: string,
  dir: string,
  name: string,
  unreadable: string | undefined,
];

interface ProjectRecords {
  dir: string;
  sessions: { type: string; name: string; size: number; mtimeMs: number }[];
  index: IndexFileStat | null;
  /** False when the listing cannot stand for the project. */
  exact: boolean;
}

/**
 * The sessions as listSessionFiles lists them: a link is unreadable, anything else but a regular file is
 * passed over, and the order is readdir's in Node (libuv sorts names bytewise; session ids are ASCII).
 */
function sessionsOf(project: ProjectRecords): SessionListing {
  const listing: SessionListing = { sessions: new Map(), unreadable: [] };
  project.sessions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { type, name, size, mtimeMs } of project.sessions) {
    const filePath = `${project.dir}${path.sep}${name}`;
    const sessionId = name.slice(0, -".jsonl".length);
    if (type === "l") listing.unreadable.push({ path: filePath, reason: LINKED_SESSION_REASON });
    else if (type === "f")
      listing.sessions.set(sessionId, { sessionId, path: filePath, mtime: Math.round(mtimeMs), size });
  }
  return listing;
}

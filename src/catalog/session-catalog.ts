// Every session on disk as a row: each UUID-named transcript that holds messages (or that Claude Code's
// listing shows), whatever state the indexes are in, titled as the latest release titles it, with the
// reasons its `/resume` hides it. What was learnt about a transcript is kept per project under
// <root>/claude-reindex/catalog/ and reused while the file and its `<uuid>/` folder are unchanged, so a
// run after a few new sessions reads only those.
import fs from "node:fs";
import path from "node:path";
import { projectsRoot } from "../layout/config-root.ts";
import { keptRoot } from "../layout/kept-store.ts";
import { encodeProjectDirName } from "../layout/project-dir.ts";
import { type SessionFile, sessionFileFrom, sessionIdOfFileName } from "../layout/session-file.ts";
import { readPrivateFile, writePrivateFile } from "../system/private-file.ts";
import type { ResumeView } from "./resume-view.ts";
import { hiddenReasons, PathFacts } from "./resume-visibility.ts";
import type { SessionFacts, SessionRow } from "./session-record.ts";

export interface CatalogOptions {
  configRoot: string;
  /** The project directories to list, in any order. */
  projectDirs: string[];
  /** Keep what was read for the next run (false: read-only, as doctor is). */
  writable: boolean;
  /** Called after each project, for a progress line. */
  onProject?: (done: number, total: number, projectDir: string) => void;
  /**
   * Only these transcripts (full paths), e.g. the few that a search shows: the others are neither
   * statted nor read, and what is saved of them is kept as it is.
   */
  only?: ReadonlySet<string>;
  /**
   * Stops the reading (it rejects with the signal's reason) before the next project or transcript. A reading
   * that can be stopped lets the event loop run every few milliseconds, so that what would stop it can.
   */
  signal?: AbortSignal;
}

/** Bump when what a saved record means changes (the rules of resume-view.ts, the fields kept). */
const CATALOG_FORMAT = "catalog/3 2.1.332 2.1.29";

/**
 * The newest rows, handed over as soon as they are known (the first screen of a picker), before the
 * rest of the projects are read.
 */
export interface NewestRows {
  count: number;
  /** Called once, with the newest `count` rows (fewer when there are fewer), unless every project was read by then. */
  show: (rows: SessionRow[]) => void;
}

/**
 * The sessions of these projects, newest first (by transcript mtime, as the pickers sort). With `newest`,
 * every transcript is statted first, then the projects are read in the order of their newest sessions
 * until the newest `newest.count` rows are known (they go to `newest.show`), then the others.
 */
export async function catalogSessions(options: CatalogOptions, newest?: NewestRows): Promise<SessionRow[]> {
  const paths = new PathFacts(projectsRoot(options.configRoot));
  const projects = options.projectDirs.map((projectDir) => ({ projectDir, ...listProject(projectDir, options.only) }));
  const rowsOf = new Map<ListedProject, SessionRow[]>();
  const pause = pauses(options.signal);
  let cache: import("../transcript/transcript-cache.ts").TranscriptCache | null | undefined;
  const readProject = async (project: ListedProject) => {
    await pause();
    options.onProject?.(rowsOf.size, projects.length, project.projectDir);
    const facts = await projectFacts(project, options, pause, async () => {
      if (cache === undefined) {
        const { TranscriptCache } = await import("../transcript/transcript-cache.ts");
        cache = TranscriptCache.under(options.configRoot, { writable: options.writable });
      }
      return cache;
    });
    const fallbackCwd = projectCwd(project.projectDir, facts);
    const rows: SessionRow[] = [];
    for (const [sessionId, { file, facts: known }] of facts) {
      const row = rowOf(sessionId, file, known, project.projectDir, facts, paths, fallbackCwd);
      if (row !== null) rows.push(row);
    }
    rowsOf.set(project, rows);
    return rows;
  };
  if (newest !== undefined) {
    // The transcripts in the order of the rows: each project is read when the first of its own comes up.
    const files = projects.flatMap((project) =>
      project.files.map((file) => ({ sessionId: file.sessionId, modifiedMs: file.mtime, path: file.path, project })),
    );
    files.sort(newestFirst);
    const rowAt = new Map<string, SessionRow>();
    const first: SessionRow[] = [];
    for (const file of files) {
      if (first.length === newest.count) break;
      if (!rowsOf.has(file.project)) for (const row of await readProject(file.project)) rowAt.set(row.fullPath, row);
      const row = rowAt.get(file.path);
      if (row !== undefined) first.push(row);
    }
    if (rowsOf.size < projects.length) newest.show(first);
  }
  for (const project of projects) if (!rowsOf.has(project)) await readProject(project);
  // In the order of projectDirs before sorting, however they were read: sessions of equal mtime and id (a copy in
  // two project directories) keep that order.
  return projects.flatMap((project) => rowsOf.get(project)!).sort(newestFirst);
}

/** The pickers' order: the newest transcript first, then by session id (descending). */
export function newestFirst(a: RowOrder, b: RowOrder): number {
  if (a.modifiedMs !== b.modifiedMs) return b.modifiedMs - a.modifiedMs;
  return a.sessionId < b.sessionId ? 1 : a.sessionId > b.sessionId ? -1 : 0;
}

type RowOrder = Pick<SessionRow, "sessionId" | "modifiedMs">;

type ProjectFacts = Map<string, { file: SessionFile; facts: SessionFacts }>;

/** A project directory with its transcripts statted (listProject). */
interface ListedProject {
  projectDir: string;
  files: SessionFile[];
  folders: Set<string>;
  /** Names of links in the directory: a `<uuid>` link may stand for a session's folder too. */
  links: Set<string>;
}

async function projectFacts(
  { projectDir, files, folders, links }: ListedProject,
  options: CatalogOptions,
  pause: () => Promise<void>,
  transcriptCache: () => Promise<import("../transcript/transcript-cache.ts").TranscriptCache | null>,
): Promise<ProjectFacts> {
  const savedPath = catalogPath(options.configRoot, projectDir);
  const saved = readSaved(savedPath);
  const result: ProjectFacts = new Map();
  const stale: { file: SessionFile; folderMtime: number | null }[] = [];
  for (const file of files) {
    const folderMtime = folders.has(file.sessionId) ? folderMtimeOf(projectDir, file.sessionId) : null;
    const known = saved?.[file.sessionId];
    if (known && known.mtime === file.mtime && known.size === file.size && known.folderMtime === folderMtime)
      result.set(file.sessionId, { file, facts: known });
    else stale.push({ file, folderMtime });
  }
  if (stale.length > 0) {
    const { factsReader } = await import("./session-facts.ts");
    const reader = factsReader(projectDir, await transcriptCache());
    for (const { file, folderMtime } of stale) {
      await pause();
      const hasFolder = folderMtime !== null || links.has(file.sessionId);
      result.set(file.sessionId, { file, facts: { ...reader.factsOf(file, hasFolder), folderMtime } });
    }
  }
  const some = options.only !== undefined;
  const changed = stale.length > 0 || (!some && saved !== null && Object.keys(saved).length !== result.size);
  if (options.writable && (changed || (saved === null && result.size > 0))) {
    const sessions: Record<string, SessionFacts> = {};
    // Listing only some: what is saved of the others stays (a full listing prunes the gone ones).
    if (some) for (const [id, facts] of Object.entries(saved ?? {})) sessions[id] = packFacts(facts);
    for (const [id, { facts }] of result) sessions[id] = packFacts(facts);
    try {
      writePrivateFile(savedPath, JSON.stringify({ format: CATALOG_FORMAT, sessions }));
    } catch {
      // Without the saved catalog the next run reads the transcripts again: slower, never wrong.
    }
  }
  return result;
}

/** How long a reading that can be stopped goes on before it lets the event loop run. */
const PAUSE_EVERY_MS = 10;

/**
 * Called before each project and transcript: with a signal, lets the event loop run once PAUSE_EVERY_MS have
 * passed since it last did, then throws if the signal stopped the reading.
 */
function pauses(signal: AbortSignal | undefined): () => Promise<void> {
  if (signal === undefined) return async () => {};
  let last = performance.now();
  return async () => {
    if (performance.now() - last >= PAUSE_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      last = performance.now();
    }
    signal.throwIfAborted();
  };
}

export function catalogPath(configRoot: string, projectDir: string): string {
  // Kept sessions (layout/kept-store.ts) mirror the project directories' names: a catalog apart.
  const kept = path.dirname(projectDir) === keptRoot(configRoot) ? ["kept"] : [];
  return path.join(configRoot, "claude-reindex", "catalog", ...kept, `${path.basename(projectDir)}.json`);
}

/** Regular `<uuid>.jsonl` files (links are no sessions, as in Claude Code), the `<uuid>/` folders, and links. */
function listProject(
  projectDir: string,
  only?: ReadonlySet<string>,
): { files: SessionFile[]; folders: Set<string>; links: Set<string> } {
  const files: SessionFile[] = [];
  const folders = new Set<string>();
  const links = new Set<string>();
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(projectDir, { withFileTypes: true });
  } catch {
    return { files, folders, links };
  }
  for (const dirent of dirents) {
    if (dirent.isDirectory()) {
      folders.add(dirent.name);
      continue;
    }
    if (dirent.isSymbolicLink()) {
      links.add(dirent.name);
      continue;
    }
    const sessionId = sessionIdOfFileName(dirent.name);
    if (sessionId === null) continue;
    const filePath = `${projectDir}${path.sep}${dirent.name}`;
    if (only !== undefined && !only.has(filePath)) continue;
    try {
      const stat = fs.lstatSync(filePath);
      if (stat.isFile()) files.push(sessionFileFrom(sessionId, filePath, stat));
    } catch {
      // gone or unreadable: doctor reports it
    }
  }
  return { files, folders, links };
}

function folderMtimeOf(projectDir: string, sessionId: string): number | null {
  try {
    return fs.statSync(path.join(projectDir, sessionId)).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Saved facts repeat themselves: the title is usually the first prompt, and the directory and branch
 * of 2.1.29's entry are usually the resume view's. A repeat is saved as 0 ("the same as"), which
 * roughly halves the file that every run parses.
 */
function packFacts(facts: SessionFacts): SessionFacts {
  const view = facts.view === null ? null : { ...facts.view };
  const entry = facts.entry === null ? null : { ...facts.entry };
  const same = 0 as unknown as string;
  if (view !== null && entry !== null && view.title !== undefined && view.title === entry.firstPrompt)
    view.title = same;
  if (view !== null && view.checkedCwd !== undefined && view.checkedCwd === view.cwd) view.checkedCwd = same;
  if (view !== null && entry?.projectPath !== undefined && entry.projectPath === view.cwd) entry.projectPath = same;
  if (view !== null && entry?.gitBranch !== undefined && entry.gitBranch === view.gitBranch) entry.gitBranch = same;
  return { ...facts, view, entry };
}

function unpackFacts(facts: SessionFacts): SessionFacts {
  const { view, entry } = facts;
  const packed = (value: unknown) => value === 0;
  if (view !== null && packed(view.title)) view.title = entry?.firstPrompt;
  if (view !== null && packed(view.checkedCwd)) view.checkedCwd = view.cwd;
  if (entry !== null && packed(entry.projectPath)) entry.projectPath = view?.cwd;
  if (entry !== null && packed(entry.gitBranch)) entry.gitBranch = view?.gitBranch;
  return facts;
}

/** Our own file, read defensively: anything unexpected means "nothing saved". */
function readSaved(file: string): Record<string, SessionFacts> | null {
  const text = readPrivateFile(file);
  if (text === null) return null;
  try {
    const saved = JSON.parse(text) as { format?: unknown; sessions?: unknown };
    if (saved?.format !== CATALOG_FORMAT || typeof saved.sessions !== "object" || saved.sessions === null) return null;
    const sessions = saved.sessions as Record<string, SessionFacts>;
    for (const facts of Object.values(sessions)) {
      if (typeof facts?.mtime !== "number" || typeof facts.size !== "number" || typeof facts.hasMessages !== "boolean")
        return null;
      unpackFacts(facts);
    }
    return sessions;
  } catch {
    return null;
  }
}

/**
 * The working directory the project directory stands for, from its sessions (the name cannot be
 * decoded): for a transcript that records none, the directory where /resume lists it.
 */
function projectCwd(projectDir: string, project: ProjectFacts): string | null {
  const name = path.basename(projectDir);
  for (const { facts } of project.values()) {
    const cwd = facts.view?.cwd ?? facts.entry?.projectPath ?? facts.originalPath;
    if (cwd !== undefined && encodeProjectDirName(cwd) === name) return cwd;
  }
  return null;
}

const NO_VIEW: ResumeView = { sidechainHead: false, hasMessages: false };

function rowOf(
  sessionId: string,
  file: SessionFile,
  facts: SessionFacts,
  projectDir: string,
  siblings: ProjectFacts,
  paths: PathFacts,
  fallbackCwd: string | null,
): SessionRow | null {
  const view = facts.view ?? NO_VIEW;
  // Not a session: nothing to resume, and nothing Claude Code's listing would show.
  if (!facts.hasMessages && view.title === undefined) return null;
  const { entry } = facts;
  const projectPath = view.cwd ?? entry?.projectPath ?? facts.originalPath ?? fallbackCwd;
  const hasPrompt = entry !== null && (entry.firstPrompt !== "No prompt" || entry.messageCount > 0);
  const continuation = view.continuedIn === undefined ? undefined : siblings.get(view.continuedIn);
  return {
    sessionId,
    title: view.title ?? entry?.firstPrompt ?? "No prompt",
    firstPrompt: entry?.firstPrompt ?? "No prompt",
    lastPrompt: view.lastPrompt ?? null,
    customTitle: view.customTitle ?? null,
    aiTitle: view.aiTitle ?? null,
    tag: view.tag ?? null,
    messageCount: entry?.messageCount ?? 0,
    created: entry?.created ?? null,
    modified: entry?.modified ?? null,
    modifiedMs: file.mtime,
    gitBranch: view.gitBranch ?? entry?.gitBranch ?? null,
    projectPath,
    projectDir,
    fullPath: file.path,
    hiddenFromResume: hiddenReasons(
      {
        projectDir,
        projectPath,
        view,
        continuationExists: continuation?.facts.view?.hasMessages === true,
        hasPrompt,
      },
      paths,
    ),
    continuedIn: view.continuedIn ?? null,
    entrypoint: view.programmatic ?? null,
    teamName: view.teamName ?? null,
    fileSize: file.size,
    ...(view.archived === true ? { archived: true as const } : {}),
  };
}

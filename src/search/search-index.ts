// The full-text index of every transcript's prompts and replies (and, once asked for, tool input
// and output): an SQLite FTS5 database under <root>/claude-reindex/, a cache that `search` builds on
// first use and then updates with only the bytes transcripts gained since the last search.

import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { errorText } from "../text/error-text.ts";
import { type SearchableText, searchableText, type TextKind } from "./searchable-text.ts";

/** Bump when the schema, the tokenizer or what is indexed changes: an older index is rebuilt. */
const FORMAT = "search/3";
/** A chunk (one row of the full-text table) is flushed once it holds this many characters… */
const CHUNK_CHARS = 16 * 1024;
/** …or comes from this many lines (their places are kept, for snippets). */
const CHUNK_LINES = 256;
/** One write transaction covers about this many bytes read: progress survives a kill, readers get in. */
const TRANSACTION_BYTES = 64 << 20;
const FINGERPRINT_WINDOW = 4096;
const READ_BYTES = 1 << 20;
/** A read buffer that grew past this for one huge line is not kept for the next transcript. */
const KEPT_BUFFER_BYTES = 16 << 20;
/** Lines this long are checked for text before they are parsed; shorter ones parse faster than that. */
const FILTER_MIN_LINE_BYTES = 8192;
/**
 * A line can hold a prompt or a reply only if it holds one of these (Claude Code writes compact
 * JSON, a user message as {"role":"user","content":…}). Most long lines are tool results, file
 * contents, images and thinking: without --tools they are never parsed at all.
 */
const TEXT_MARKERS = [Buffer.from('"type":"text"'), Buffer.from('"role":"user","content":"')];

/** Whether a line may hold text of `kinds`; false only for long lines that certainly hold no prompt or reply. */
export function mayHoldText(line: Buffer, kinds: readonly TextKind[]): boolean {
  if (kinds.includes("tools") || line.length < FILTER_MIN_LINE_BYTES) return true;
  return TEXT_MARKERS.some((marker) => line.includes(marker));
}

/** Reused from one transcript to the next: a fresh megabyte per file costs page faults. */
let sharedBuffer: Buffer = Buffer.allocUnsafe(READ_BYTES);
const KIND_CODE: Record<TextKind, number> = { text: 0, tools: 1 };
/**
 * A chunk's id says whose it is and what it holds: file id × 2^21 + sequence number × 2 + kind. A
 * query then needs nothing but the full-text table's own rowids (no join), and a file's chunks
 * are one range of ids. 2^20 chunks of 16 K characters per transcript: 16 G characters.
 */
const CHUNKS_PER_FILE = 2 ** 20;
const FILE_STRIDE = CHUNKS_PER_FILE * 2;
const fileOfChunk = (id: number) => Math.floor(id / FILE_STRIDE);
const kindOfChunk = (id: number): TextKind => (id % 2 === KIND_CODE.tools ? "tools" : "text");

type Database = BetterSqlite3.Database;

/** A transcript as the index is asked to cover it. */
export interface IndexableFile {
  sessionId: string;
  path: string;
  projectDir: string;
  size: number;
  mtime: number;
}

/** A transcript as the index has it. */
export interface IndexedFile {
  id: number;
  /** `<project dir>/<session id>.jsonl`. */
  path: string;
  projectDir: string;
  size: number;
  mtime: number;
}

/** How far a transcript is indexed, and what its first lines say (for sessions no index titles). */
interface FileProgress extends IndexedFile {
  /** Every line before this offset is indexed. */
  offset: number;
  fingerprint: string;
  cwd: string | null;
  firstPrompt: string | null;
}

export interface UpdateReport {
  filesRead: number;
  bytesRead: number;
  removed: number;
  /** Transcripts in which this update met lines that do not parse. */
  brokenLines: { path: string; lines: number }[];
}

/** The binding is an optional dependency: say what is missing instead of a stack trace. */
export class SearchUnavailableError extends Error {}

function loadSqlite(): typeof BetterSqlite3 {
  try {
    return createRequire(import.meta.url)("better-sqlite3");
  } catch (error) {
    throw new SearchUnavailableError(
      "search needs the better-sqlite3 package, which could not be loaded " +
        `(${errorText(error).split("\n")[0]}); ` +
        "reinstall claude-reindex where a C++ compiler is available (npm builds it from source) and try again",
    );
  }
}

export class SearchIndex {
  private constructor(
    private readonly db: Database,
    readonly file: string,
    readonly kinds: TextKind[],
  ) {}

  /**
   * Opens the index at `file` (0600, in a 0700 directory), creating it when absent. An index of
   * another format, one that does not cover `kinds`, or one SQLite finds damaged is rebuilt empty.
   */
  static open(file: string, kinds: TextKind[]): SearchIndex {
    const Sqlite = loadSqlite();
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    for (let attempt = 0; ; attempt++) {
      createPrivate(file);
      let db: Database | null = null;
      try {
        db = new Sqlite(file, { timeout: 10_000 });
        // Reads through a mapping: no read() call per page on the search's path.
        db.pragma("mmap_size = 1073741824");
        const have = prepareSchema(db, kinds);
        if (have !== null) return new SearchIndex(db, file, have);
        // Another format or fewer kinds: start over with what is asked for now.
      } catch (error) {
        const code = (error as { code?: string }).code ?? "";
        if (attempt > 0 || !(code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB")) {
          db?.close();
          throw error;
        }
      }
      db?.close();
      if (attempt > 0) throw new Error(`could not create the search index ${file}`);
      removeDatabase(file);
    }
  }

  close(): void {
    this.db.close();
  }

  /** The indexed transcripts under these project directories (one query: this is on every search's path). */
  filesIn(projectDirs: string[]): IndexedFile[] {
    const dirs = new Set(projectDirs);
    const rows = this.db.prepare("SELECT id, path, size, mtime FROM files").raw().all() as [
      number,
      string,
      number,
      number,
    ][];
    const out: IndexedFile[] = [];
    for (const [id, file, size, mtime] of rows) {
      const projectDir = file.slice(0, file.lastIndexOf(path.sep));
      if (dirs.has(projectDir)) out.push({ id, path: file, projectDir, size, mtime });
    }
    return out;
  }

  /** The first working directory and prompt the transcript holds, for sessions without an index entry. */
  firstLines(fileId: number): { cwd: string | null; firstPrompt: string | null } {
    const row = this.db.prepare("SELECT cwd, first_prompt FROM files WHERE id = ?").get(fileId) as
      | { cwd: string | null; first_prompt: string | null }
      | undefined;
    return { cwd: row?.cwd ?? null, firstPrompt: row?.first_prompt ?? null };
  }

  /**
   * Brings the index up to date with `files`, the transcripts now under `projectDirs`: reads only
   * what each transcript gained since the last update (all of it when new or rewritten), and
   * forgets transcripts that are gone.
   */
  update(
    projectDirs: string[],
    files: IndexableFile[],
    onProgress?: (done: number, total: number) => void,
  ): { report: UpdateReport; files: IndexedFile[] } {
    const report: UpdateReport = { filesRead: 0, bytesRead: 0, removed: 0, brokenLines: [] };
    const before = this.filesIn(projectDirs);
    const known = new Map(before.map((f) => [f.path, f]));
    const listed = new Set(files.map((f) => f.path));
    const gone = [...known.values()].filter((f) => !listed.has(f.path));
    if (gone.length > 0) {
      this.db.transaction(() => {
        for (const f of gone) this.forget(f.id);
      })();
      report.removed = gone.length;
    }
    const work = files.filter((f) => {
      const had = known.get(f.path);
      return had === undefined || had.size !== f.size || had.mtime !== f.mtime;
    });
    let next = 0;
    while (next < work.length) {
      // BEGIN IMMEDIATE: each file's row is read again inside the write lock, so two searches at
      // once never index the same bytes twice.
      this.db
        .transaction(() => {
          let bytes = 0;
          while (next < work.length && bytes < TRANSACTION_BYTES) {
            const read = this.refresh(work[next++]!, report);
            bytes += read;
            onProgress?.(next, work.length);
          }
        })
        .immediate();
    }
    return { report, files: work.length > 0 || gone.length > 0 ? this.filesIn(projectDirs) : before };
  }

  /** Indexes what one transcript gained; returns the bytes read. */
  private refresh(file: IndexableFile, report: UpdateReport): number {
    const row = this.db.prepare("SELECT * FROM files WHERE path = ?").get(file.path) as FileRow | undefined;
    let had = row === undefined ? null : progressOf(row);
    let fd: number;
    try {
      fd = fs.openSync(file.path, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    } catch {
      if (had !== null) this.forget(had.id);
      return 0;
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (had !== null && (size < had.offset || fingerprint(fd, had.offset) !== had.fingerprint)) {
        // Shorter, or different before where we stopped: rewritten (Claude Code's "remove message").
        this.forget(had.id);
        had = null;
      }
      const id =
        had?.id ??
        Number(
          this.db
            .prepare(
              "INSERT INTO files (path, session_id, project_dir, size, mtime, offset, fingerprint) " +
                "VALUES (?, ?, ?, 0, 0, 0, '')",
            )
            .run(file.path, file.sessionId, file.projectDir).lastInsertRowid,
        );
      const state: ReadState = {
        cwd: had?.cwd ?? null,
        firstPrompt: had?.firstPrompt ?? null,
        broken: 0,
      };
      const from = had?.offset ?? 0;
      const offset = this.indexLines(fd, id, from, size, state);
      this.db
        .prepare(
          "UPDATE files SET size = ?, mtime = ?, offset = ?, fingerprint = ?, cwd = ?, first_prompt = ?, " +
            "broken = broken + ? WHERE id = ?",
        )
        .run(file.size, file.mtime, offset, fingerprint(fd, offset), state.cwd, state.firstPrompt, state.broken, id);
      report.filesRead++;
      report.bytesRead += size - from;
      if (state.broken > 0) report.brokenLines.push({ path: file.path, lines: state.broken });
      return size - from;
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Reads lines from `from` to `size`, indexes their text; returns the offset after the last line used. */
  private indexLines(fd: number, fileId: number, from: number, size: number, state: ReadState): number {
    const chunks = new ChunkWriter(this.db, fileId, this.kinds);
    let buffer = sharedBuffer;
    let bufferOffset = from; // file offset of buffer[0]
    let filled = 0;
    let lineStart = 0;
    let scanFrom = 0;
    let committed = from;
    for (;;) {
      const newline = buffer.indexOf(0x0a, scanFrom);
      if (newline !== -1 && newline < filled) {
        this.indexLine(buffer, lineStart, newline, bufferOffset, chunks, state);
        lineStart = newline + 1;
        scanFrom = lineStart;
        committed = bufferOffset + lineStart;
        continue;
      }
      if (lineStart > 0) {
        buffer.copyWithin(0, lineStart, filled);
        bufferOffset += lineStart;
        filled -= lineStart;
        lineStart = 0;
      }
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const wanted = Math.min(buffer.length - filled, size - (bufferOffset + filled));
      const got = wanted > 0 ? fs.readSync(fd, buffer, filled, wanted, bufferOffset + filled) : 0;
      if (got === 0) break;
      scanFrom = filled;
      filled += got;
    }
    // A last line without its newline counts once it parses: a line still being written does not.
    if (filled > lineStart && this.indexLine(buffer, lineStart, filled, bufferOffset, chunks, state, true)) {
      committed = bufferOffset + filled;
    }
    chunks.flushAll();
    sharedBuffer = buffer.length > KEPT_BUFFER_BYTES ? Buffer.allocUnsafe(READ_BYTES) : buffer;
    return committed;
  }

  private indexLine(
    buffer: Buffer,
    start: number,
    end: number,
    bufferOffset: number,
    chunks: ChunkWriter,
    state: ReadState,
    unterminated = false,
  ): boolean {
    if (!mayHoldText(buffer.subarray(start, end), this.kinds)) return true;
    const record = parseLine(buffer, start, end);
    if (record === undefined) {
      if (!unterminated && !isBlank(buffer, start, end)) state.broken++;
      return false;
    }
    const pieces = searchableText(record);
    if (pieces.text.length > 0 || pieces.tools.length > 0) {
      const r = record as Record<string, unknown>;
      if (state.cwd === null && typeof r.cwd === "string") state.cwd = r.cwd;
      if (state.firstPrompt === null && r.type === "user") {
        const prompt = pieces.text.join(" ").replace(/\s+/g, " ").trim();
        if (prompt.length > 0) state.firstPrompt = prompt.length > 200 ? `${prompt.slice(0, 200).trim()}…` : prompt;
      }
      chunks.add(pieces, bufferOffset + start, bufferOffset + end);
    }
    return true;
  }

  private forget(fileId: number): void {
    const [from, to] = [fileId * FILE_STRIDE, (fileId + 1) * FILE_STRIDE];
    this.db.prepare("DELETE FROM body WHERE rowid >= ? AND rowid < ?").run(from, to);
    this.db.prepare("DELETE FROM chunks WHERE id >= ? AND id < ?").run(from, to);
    this.db.prepare("DELETE FROM files WHERE id = ?").run(fileId);
  }

  /**
   * The transcripts with a chunk of these kinds that matches `match` (an FTS5 query): transcript id
   * to the id of its first such chunk.
   */
  matching(match: string, kinds: TextKind[]): Map<number, number> {
    // Rowids come in ascending order: the first one seen of a file is its first chunk.
    const ids = this.db.prepare("SELECT rowid FROM body WHERE body MATCH ?").pluck().all(match) as number[];
    const out = new Map<number, number>();
    const both = kinds.length === 2;
    for (const id of ids) {
      if (!both && kindOfChunk(id) !== kinds[0]) continue;
      const file = fileOfChunk(id);
      if (!out.has(file)) out.set(file, id);
    }
    return out;
  }

  chunk(id: number): ChunkRow | null {
    const lines = this.db.prepare("SELECT lines FROM chunks WHERE id = ?").pluck().get(id) as string | undefined;
    return lines === undefined ? null : { id, file: fileOfChunk(id), kind: kindOfChunk(id), lines: JSON.parse(lines) };
  }

  /** Bytes of the database file, for the benchmark and `--debug`. */
  sizeBytes(): number {
    return fs.statSync(this.file).size;
  }
}

export interface ChunkRow {
  id: number;
  file: number;
  kind: TextKind;
  /** Where the lines the chunk's text comes from start and end in the transcript: [start, end, start, end, …]. */
  lines: number[];
}

interface ReadState {
  cwd: string | null;
  firstPrompt: string | null;
  broken: number;
}

interface FileRow {
  id: number;
  path: string;
  session_id: string;
  project_dir: string;
  size: number;
  mtime: number;
  offset: number;
  fingerprint: string;
  cwd: string | null;
  first_prompt: string | null;
  broken: number;
}

function progressOf(row: FileRow): FileProgress {
  return {
    id: row.id,
    path: row.path,
    projectDir: row.project_dir,
    size: row.size,
    mtime: row.mtime,
    offset: row.offset,
    fingerprint: row.fingerprint,
    cwd: row.cwd,
    firstPrompt: row.first_prompt,
  };
}

/** Accumulates the pieces of consecutive lines into chunks, one open chunk per kind. */
class ChunkWriter {
  private readonly open = new Map<TextKind, { pieces: string[]; chars: number; lines: number[] }>();
  private readonly insertChunk;
  private readonly insertBody;
  private sequence: number;

  constructor(
    db: Database,
    private readonly fileId: number,
    private readonly kinds: TextKind[],
  ) {
    this.insertChunk = db.prepare("INSERT INTO chunks (id, lines) VALUES (?, ?)");
    this.insertBody = db.prepare("INSERT INTO body (rowid, text) VALUES (?, ?)");
    const last = db
      .prepare("SELECT max(id) FROM chunks WHERE id >= ? AND id < ?")
      .pluck()
      .get(fileId * FILE_STRIDE, (fileId + 1) * FILE_STRIDE) as number | null;
    this.sequence = last === null ? 0 : Math.floor((last % FILE_STRIDE) / 2) + 1;
  }

  add(pieces: SearchableText, start: number, end: number): void {
    for (const kind of this.kinds) {
      const texts = pieces[kind];
      if (texts.length === 0) continue;
      let chunk = this.open.get(kind);
      if (chunk === undefined) {
        chunk = { pieces: [], chars: 0, lines: [] };
        this.open.set(kind, chunk);
      }
      for (const text of texts) {
        chunk.pieces.push(text);
        chunk.chars += text.length;
      }
      chunk.lines.push(start, end);
      if (chunk.chars >= CHUNK_CHARS || chunk.lines.length >= CHUNK_LINES * 2) this.flush(kind);
    }
  }

  flushAll(): void {
    for (const kind of [...this.open.keys()]) this.flush(kind);
  }

  private flush(kind: TextKind): void {
    const chunk = this.open.get(kind);
    if (chunk === undefined) return;
    this.open.delete(kind);
    // Past 2^20 chunks (16 G characters in one transcript) the rest is not indexed.
    if (this.sequence >= CHUNKS_PER_FILE) return;
    const id = this.fileId * FILE_STRIDE + this.sequence++ * 2 + KIND_CODE[kind];
    this.insertChunk.run(id, JSON.stringify(chunk.lines));
    this.insertBody.run(id, chunk.pieces.join("\n"));
  }
}

/** The record on a line, or undefined when the line is not JSON (blank, torn, or damaged). */
export function parseLine(buffer: Buffer, start: number, end: number): unknown {
  // A UTF-8 byte order mark may open the first line.
  let from = start;
  if (buffer[from] === 0xef && buffer[from + 1] === 0xbb && buffer[from + 2] === 0xbf) from += 3;
  if (from >= end) return undefined;
  try {
    return JSON.parse(buffer.toString("utf8", from, end));
  } catch {
    return undefined;
  }
}

function isBlank(buffer: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = buffer[i];
    if (b !== 0x20 && b !== 0x0d && b !== 0x09) return false;
  }
  return true;
}

/** A hash of the bytes just before `offset`: if they change, the file was rewritten. */
function fingerprint(fd: number, offset: number): string {
  const length = Math.min(FINGERPRINT_WINDOW, offset);
  const bytes = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = fs.readSync(fd, bytes, got, length - got, offset - length + got);
    if (n === 0) break;
    got += n;
  }
  return crypto.createHash("sha1").update(bytes.subarray(0, got)).update(String(offset)).digest("hex");
}

/** Creates the file empty and private if it is absent; refuses a link or anything but a file. */
function createPrivate(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600));
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const stat = fs.lstatSync(file);
  if (!stat.isFile()) throw new Error(`${file} is not a regular file; remove it and search again`);
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Creates the schema in an empty database. Returns the kinds the index covers, or null when the
 * database holds another format or fewer kinds than asked (then it must be rebuilt). The look and
 * the creation are one BEGIN IMMEDIATE transaction: two searches opening a new index at once would
 * otherwise both find it empty, and the second's CREATE TABLE would fail.
 */
function prepareSchema(db: Database, kinds: TextKind[]): TextKind[] | null {
  db.pragma("journal_mode = DELETE");
  db.pragma("synchronous = OFF"); // a cache: a crash costs a rebuild, never a transcript
  return db
    .transaction((): TextKind[] | null => {
      const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'meta'").pluck().get();
      if (tables === 1) {
        const rows = db.prepare("SELECT key, value FROM meta").all() as { key: string; value: string }[];
        const meta = Object.fromEntries(rows.map((r) => [r.key, r.value]));
        const have = String(meta.kinds ?? "").split(",") as TextKind[];
        if (meta.format !== FORMAT || !kinds.every((k) => have.includes(k))) return null;
        return have;
      }
      if (db.prepare("SELECT count(*) FROM sqlite_master").pluck().get() !== 0) return null;
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE files (
          id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, session_id TEXT NOT NULL, project_dir TEXT NOT NULL,
          size INTEGER NOT NULL, mtime INTEGER NOT NULL, offset INTEGER NOT NULL, fingerprint TEXT NOT NULL,
          cwd TEXT, first_prompt TEXT, broken INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX files_project ON files (project_dir);
        CREATE TABLE chunks (id INTEGER PRIMARY KEY, lines TEXT NOT NULL);
        CREATE VIRTUAL TABLE body USING fts5 (text, content = '', contentless_delete = 1,
          tokenize = 'unicode61 remove_diacritics 2');
      `);
      const put = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
      put.run("format", FORMAT);
      put.run("kinds", kinds.join(","));
      return kinds;
    })
    .immediate();
}

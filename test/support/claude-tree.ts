import fs from "node:fs";
import path from "node:path";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";
import { tempDir } from "./temp.ts";
import { TranscriptBuilder } from "./transcript-builder.ts";

export interface TreeSession {
  id: string;
  builder: TranscriptBuilder;
  path: string;
}

/** A Claude Code config root in a temp dir, with projects and transcripts as Claude Code lays them out. */
export class ClaudeTree {
  readonly root = tempDir("claude-reindex-tree-");
  private counter = 0;

  projectDir(cwd: string): string {
    const dir = path.join(this.root, "projects", encodeProjectDirName(cwd));
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  nextId(): string {
    this.counter++;
    const hex = this.counter.toString(16);
    return `${hex.padStart(8, "0")}-aaaa-4bbb-8ccc-${hex.padStart(12, "0")}`;
  }

  /** Writes a session of `turns` turns for `cwd`, with its mtime set to `mtime` (ms). */
  session(cwd: string, turns: string[], options: { mtime?: number; id?: string; start?: Date } = {}): TreeSession {
    const id = options.id ?? this.nextId();
    const builder = new TranscriptBuilder({
      sessionId: id,
      cwd,
      start: options.start ?? new Date(Date.UTC(2026, 9, 1, 9, this.counter)),
    });
    for (const prompt of turns) builder.turn(prompt);
    const file = path.join(this.projectDir(cwd), `${id}.jsonl`);
    fs.writeFileSync(file, builder.toString(), { mode: 0o600 });
    if (options.mtime !== undefined) setMtime(file, options.mtime);
    return { id, builder, path: file };
  }

  append(session: TreeSession, prompt: string, mtime?: number): void {
    const before = session.builder.lines.length;
    session.builder.turn(prompt);
    const added = session.builder.lines
      .slice(before)
      .map((l) => `${JSON.stringify(l)}\n`)
      .join("");
    fs.appendFileSync(session.path, added);
    if (mtime !== undefined) setMtime(session.path, mtime);
  }

  indexPath(cwd: string): string {
    return path.join(this.projectDir(cwd), "sessions-index.json");
  }

  readIndex(
    cwd: string,
  ): { version: number; entries: Record<string, unknown>[]; originalPath?: string } & Record<string, unknown> {
    return JSON.parse(fs.readFileSync(this.indexPath(cwd), "utf8"));
  }
}

export function setMtime(file: string, mtimeMs: number): void {
  fs.utimesSync(file, mtimeMs / 1000, mtimeMs / 1000);
}

/** Collects what a command writes, for assertions. */
export function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (s: string) => out.push(s) > 0 } as unknown as NodeJS.WritableStream,
      stderr: { write: (s: string) => err.push(s) > 0, isTTY: false } as unknown as NodeJS.WritableStream,
    },
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}

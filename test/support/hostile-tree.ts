import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ClaudeTree } from "./claude-tree.ts";

/**
 * Hostile session trees, one class at a time or all at once: what a disk can hold that must neither hang
 * nor crash claude-reindex, nor lose a byte. Each class writes into a ClaudeTree under its own project.
 */
export const HOSTILE_CLASSES = [
  "fifo-index",
  "fifo-transcript",
  "socket-index",
  "deep-nesting",
  "command-name-openings",
  "many-children",
  "no-newline",
  "huge-index",
  "lock-future",
  "lock-plain-file",
  "lock-dangling-link",
  "proto-keys",
  "odd-original-path",
  "future-mtime",
] as const;

export type HostileClass = (typeof HOSTILE_CLASSES)[number];

export interface HostileOptions {
  /** Scale: 1 for the test suite, more under `npm run stress`. */
  scale?: number;
  /** A deterministic variation (sizes, depths, positions). */
  seed?: number;
}

/** The deep value: `levels` nested arrays (JSON.parse builds it; JSON.stringify recurses on it). */
export function deepJson(levels: number): string {
  return `${"[".repeat(levels)}${"]".repeat(levels)}`;
}

export function addHostile(tree: ClaudeTree, kind: HostileClass, options: HostileOptions = {}): string {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 1;
  const cwd = `/home/dev/hostile-${kind}`;
  const dir = tree.projectDir(cwd);
  const index = path.join(dir, "sessions-index.json");
  const ordinary = () => tree.session(cwd, [`an ordinary session in ${kind}`]);
  switch (kind) {
    case "fifo-index":
      ordinary();
      execFileSync("mkfifo", [index]);
      break;
    case "fifo-transcript":
      ordinary();
      execFileSync("mkfifo", [path.join(dir, `${tree.nextId()}.jsonl`)]);
      break;
    case "socket-index": {
      ordinary();
      // A Unix socket bound and left: not a regular file either (made with python3 or nc if present).
      try {
        execFileSync("python3", [
          "-c",
          `import socket; s=socket.socket(socket.AF_UNIX); s.bind(${JSON.stringify(index)})`,
        ]);
      } catch {
        execFileSync("mkfifo", [index]);
      }
      break;
    }
    case "deep-nesting": {
      const s = tree.session(cwd, ["deep"]);
      const levels = 10_000 * scale + seed;
      // The last record's gitBranch: the entry copies it as it is.
      const last = JSON.stringify({ ...s.builder.lines.at(-1), uuid: "deep-tip", parentUuid: s.builder.tip });
      fs.appendFileSync(s.path, `${last.replace('"gitBranch":"main"', `"gitBranch":${deepJson(levels)}`)}\n`);
      break;
    }
    case "command-name-openings": {
      const s = tree.session(cwd, ["<command-name>".repeat(100_000 * scale + seed)]);
      tree.append(s, "a real prompt after it");
      break;
    }
    case "many-children": {
      const s = tree.session(cwd, ["parent of many"]);
      const parent = s.builder.tip;
      const count = 130_000 * scale + seed;
      const fd = fs.openSync(s.path, "a");
      const chunk: string[] = [];
      for (let i = 0; i < count; i++) {
        chunk.push(
          `{"parentUuid":"${parent}","isSidechain":false,"type":"progress","uuid":"child-${i}",` +
            `"timestamp":"2026-10-01T10:00:00.000Z","cwd":"${cwd}"}\n`,
        );
        if (chunk.length === 5000) fs.writeSync(fd, chunk.splice(0).join(""));
      }
      fs.writeSync(fd, chunk.join(""));
      fs.closeSync(fd);
      break;
    }
    case "no-newline": {
      const s = tree.session(cwd, ["before the endless line"]);
      const fd = fs.openSync(s.path, "a");
      const block = Buffer.alloc(1 << 20, "x");
      fs.writeSync(fd, '{"type":"progress","data":"');
      for (let i = 0; i < 16 * scale; i++) fs.writeSync(fd, block);
      fs.closeSync(fd);
      break;
    }
    case "huge-index": {
      ordinary();
      // Sparse: over the limit in size, nothing on disk.
      fs.writeFileSync(index, '{"version":1,"entries":[');
      fs.truncateSync(index, 600 * 1024 * 1024);
      break;
    }
    case "lock-future": {
      ordinary();
      fs.mkdirSync(`${index}.lock`);
      const future = Date.now() / 1000 + 86_400 * 365;
      fs.utimesSync(`${index}.lock`, future, future);
      break;
    }
    case "lock-plain-file":
      ordinary();
      fs.writeFileSync(`${index}.lock`, "");
      break;
    case "lock-dangling-link":
      ordinary();
      fs.symlinkSync(path.join(dir, "no-such-target"), `${index}.lock`);
      break;
    case "proto-keys": {
      const s = ordinary();
      fs.writeFileSync(
        index,
        `{"version":1,"entries":[{"sessionId":"${s.id}","fullPath":"${s.path}","fileMtime":0,` +
          `"firstPrompt":"old","messageCount":0,"isSidechain":false,"__proto__":{"theirs":true},` +
          `"constructor":"kept"}],"__proto__":{"top":1}}`,
      );
      break;
    }
    case "odd-original-path":
      ordinary();
      fs.writeFileSync(index, `{"version":1,"entries":[],"originalPath":{"theirs":[1,2]},"x-viewer":"kept"}`);
      break;
    case "future-mtime": {
      const s = ordinary();
      const future = Date.now() + 86_400_000 * 30;
      fs.utimesSync(s.path, future / 1000, future / 1000);
      break;
    }
  }
  return dir;
}

/** A tree with every hostile class at once. */
export function allHostile(options: HostileOptions = {}): ClaudeTree {
  const tree = new ClaudeTree();
  for (const kind of HOSTILE_CLASSES) addHostile(tree, kind, options);
  return tree;
}

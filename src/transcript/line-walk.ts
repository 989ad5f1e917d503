// LineWalk: scanLine's byte walk run as native code (line-walk.c, compiled to WebAssembly with SIMD).
// Reading, splitting and scanning a transcript takes about half the CPU it takes with the walk in
// JavaScript (README, "Where a cold rebuild's time goes"). It reads a line in place when the line is in
// its own memory: transcript-reader.ts reads files into `buffer()`, so most lines are never copied. Other
// lines are copied in first. The walk answers with byte offsets, which line-scanner.ts turns into values
// as after its own walk.

import { LINE_WALK_WASM } from "./line-walk-wasm.ts";

/** What `walk` answers: JSON.parse rejects the line; the offsets are in `output`; parse it; use JavaScript. */
export const WALK_INVALID = 0;
export const WALK_VALUE = 1;
export const WALK_USE_EXACT = 2;
export const WALK_USE_JS = 3;

/** Where `output` keeps the top-level values' offsets and the content blocks' (line-walk.c's `out`). */
export const OUT_BLOCK_COUNT = 0;
export const OUT_CONTENT_START = 1;
export const OUT_CONTENT_END = 2;
export const OUT_TOP = 3;
const MAX_TOP_SLOTS = 64;
export const OUT_BLOCKS = OUT_TOP + 2 * MAX_TOP_SLOTS;
const MAX_BLOCKS = 1024;

/** The bytes of `buffer()`: the longest line transcript-reader.ts holds whole. */
const BUFFER_BYTES = 8 << 20;
/** Room for a line from elsewhere, copied in; a longer one is walked in JavaScript. */
const COPY_BYTES = 8 << 20;
const PAGE_BYTES = 64 << 10;

export interface WalkedKey {
  /** The role of the object the key is in (line-scanner.ts's ROLE_*). */
  role: number;
  slot: number;
  name: string;
}

/** What this file uses of the WebAssembly API (which @types/node 20 does not declare). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

interface WalkExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  walk(at: number, length: number): number;
  output(): number;
  key_input(): number;
  add_key(role: number, slot: number, length: number): number;
  heap_base(): number;
}

export class LineWalk {
  /** The offsets of the last walk's captures, from the start of the line it walked. */
  readonly output: Int32Array;
  private readonly exports: WalkExports;
  private readonly bufferAt: number;
  private readonly copyAt: number;

  private constructor(exports: WalkExports, keys: readonly WalkedKey[]) {
    this.exports = exports;
    const base = Math.ceil(exports.heap_base() / 64) * 64;
    this.bufferAt = base;
    this.copyAt = base + BUFFER_BYTES;
    const pages = Math.ceil((this.copyAt + COPY_BYTES) / PAGE_BYTES);
    // Grown once, before any view of it exists: growing would detach them.
    exports.memory.grow(pages - exports.memory.buffer.byteLength / PAGE_BYTES);
    const memory = new Uint8Array(exports.memory.buffer);
    for (const key of keys) {
      const name = Buffer.from(key.name);
      memory.set(name, exports.key_input());
      if (exports.add_key(key.role, key.slot, name.length) !== 1) throw new Error(`line walk: no room for ${key.name}`);
    }
    this.output = new Int32Array(exports.memory.buffer, exports.output(), OUT_BLOCKS + 6 * MAX_BLOCKS);
  }

  /** The walk, or null where WebAssembly cannot run (`node --jitless`): then scanLine walks in JavaScript. */
  static create(keys: readonly WalkedKey[]): LineWalk | null {
    const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    if (wasm === undefined) return null;
    try {
      const module = new wasm.Module(Buffer.from(LINE_WALK_WASM, "base64"));
      return new LineWalk(new wasm.Instance(module).exports as WalkExports, keys);
    } catch {
      return null;
    }
  }

  /**
   * `length` bytes in the walk's own memory, always the same ones: lines read into them are walked in
   * place. Null when `length` is more than it has.
   */
  buffer(length: number): Buffer | null {
    if (length > BUFFER_BYTES) return null;
    return Buffer.from(this.exports.memory.buffer, this.bufferAt, length);
  }

  /** Walks `bytes[start, end)`, one line without its newline. */
  walk(bytes: Buffer, start: number, end: number): number {
    const memory = this.exports.memory.buffer;
    if (bytes.buffer === memory) return this.exports.walk(bytes.byteOffset + start, end - start);
    if (end - start > COPY_BYTES) return WALK_USE_JS;
    new Uint8Array(memory, this.copyAt, end - start).set(bytes.subarray(start, end));
    return this.exports.walk(this.copyAt, end - start);
  }
}

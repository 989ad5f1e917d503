// The hooks' shared entry point: hooks/session-start, hooks/stop and hooks/session-end load it
// and call main() with their event. Reads Claude Code's hook JSON on stdin, calls the library,
// exits 0 whatever happens, and keeps stdout empty.
import fs from "node:fs";
import os from "node:os";
import { MAX_HOOK_INPUT_BYTES } from "../src/hooks/hook-input.ts";
import { type HookEvent, runSessionHook } from "../src/hooks/session-hook.ts";
import { resolveConfigRoot } from "../src/layout/config-root.ts";

function readStdin(): string {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  let total = 0;
  const buffer = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let bytesRead: number;
    try {
      bytesRead = fs.readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EAGAIN") continue;
      if ((error as NodeJS.ErrnoException).code === "EOF") break;
      throw error;
    }
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > MAX_HOOK_INPUT_BYTES) return "";
    chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function main(event: HookEvent): Promise<void> {
  let input = "";
  try {
    input = readStdin();
  } catch {
    // an unreadable stdin is reported as missing input
  }
  await runSessionHook({
    event,
    input,
    configRoot: resolveConfigRoot(process.env, os.homedir()),
    env: process.env,
    now: () => new Date(),
    stderr: process.stderr,
  });
  process.exitCode = 0;
}

// The listing of the whole projects/ tree from one find(1) process: every directory and link in it
// to two levels, and every transcript (`*.jsonl`) and index in a project directory with its inode,
// size and mtime to the nanosecond. Its bytes are a signature: equal listings mean that nothing a
// stat pass looks at has changed (see tree-signature.ts), and a stat pass can read it in place of its
// stats (listed-tree.ts). bin/claude runs the same find in sh, where it costs less than starting Node
// (test/e2e/shim-signature.test.ts holds the two equal). It needs GNU find's -printf; where find lacks
// it, there is no listing, and every check does its stat pass.
import { INDEX_FILE_NAME } from "./index-path.ts";

/**
 * find's arguments. Records end in NUL, which no file name holds: `<type> <inode> <size> <mtime as
 * seconds.fraction> <dir>/<name>` for a transcript or index one level down, `<type> <path>` for a
 * directory or link at either level (the project directories, their `<uuid>/` folders); nothing else.
 * `-H`: projects/ itself may be a link.
 */
export function treeListingArgs(projectsDir: string): string[] {
  return [
    ...["-H", projectsDir, "-mindepth", "1", "-maxdepth", "2"],
    ...["(", "-name", "*.jsonl", "-o", "-name", INDEX_FILE_NAME, ")", "-printf", "%y %i %s %T@ %P\\0"],
    ...["-o", "(", "-type", "d", "-o", "-type", "l", ")", "-printf", "%y %P\\0"],
  ];
}

/** The listing of `projectsDir`, or null when find is missing, lacks -printf or could not list all of it. */
export function treeListing(projectsDir: string): Buffer | null {
  try {
    // Loaded here, not at the top: the hooks' bundle holds this module and needs it only at SessionEnd.
    const { spawnSync } = process.getBuiltinModule("node:child_process");
    const run = spawnSync("find", treeListingArgs(projectsDir), {
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 1 << 30,
    });
    return run.status === 0 && run.stdout.length > 0 ? run.stdout : null;
  } catch {
    return null;
  }
}

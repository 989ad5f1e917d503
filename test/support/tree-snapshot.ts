// A full snapshot of a directory tree for "changes nothing" checks: every name (links not followed), its
// kind, size, mode and nanosecond mtime, directories included.
import fs from "node:fs";
import path from "node:path";

export function treeSnapshot(root: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = fs.lstatSync(full, { bigint: true });
      const kind = stat.isDirectory() ? "dir" : stat.isSymbolicLink() ? "link" : "file";
      snapshot[path.relative(root, full)] =
        `${kind} size=${kind === "dir" ? "-" : stat.size} ` +
        `mode=${(stat.mode & 0o7777n).toString(8)} mtimeNs=${stat.mtimeNs}`;
      if (kind === "dir") visit(full);
    }
  };
  visit(root);
  return snapshot;
}

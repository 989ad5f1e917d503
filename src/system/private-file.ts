import fs from "node:fs";
import path from "node:path";

/**
 * Writes one of claude-reindex's own files (caches, stamps): 0600 in 0700 directories, since
 * they may hold first prompts, replaced by rename so a reader never sees half a file. No fsync:
 * losing one of these files only costs time on the next run.
 */
export function writePrivateFile(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(temp, content, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** The file's text, or null when it is missing or unreadable. */
export function readPrivateFile(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

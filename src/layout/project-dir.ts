// Project directories under projects/: how Claude Code encodes a working directory into a directory
// name, finding a working directory's directories again, and the selection a command works on.
import fs from "node:fs";
import path from "node:path";
import { realPathOrSelf } from "../system/real-path.ts";
import { UsageError } from "../text/user-error.ts";
import { projectsRoot } from "./config-root.ts";

/** Longest directory name Claude Code (2.1.47+) writes before it cuts the name and adds a hash. */
const MAX_ENCODED_LENGTH = 200;

/**
 * The directory name Claude Code derives from a working directory: every UTF-16 code unit outside
 * [a-zA-Z0-9] becomes "-". From 2.1.47 a name over 200 units is cut and suffixed with a base-36
 * hash of the raw path (the Java-style string hash of 2.1.101+).
 */
export function encodeProjectDirName(workingDir: string): string {
  const encoded = workingDir.replace(/[^a-zA-Z0-9]/g, "-");
  if (encoded.length <= MAX_ENCODED_LENGTH) return encoded;
  return `${encoded.slice(0, MAX_ENCODED_LENGTH)}-${Math.abs(javaStringHash(workingDir)).toString(36)}`;
}

function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) - hash + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Every directory under `projects/` that may hold the sessions of `workingDir`: the name as
 * current releases write it, the uncut name of releases before 2.1.47, and, for long paths, any
 * name with the same 200-unit prefix (2.1.47–2.1.100 used another hash for the suffix).
 */
export function findProjectDirs(configRoot: string, workingDir: string): string[] {
  const root = projectsRoot(configRoot);
  const names = new Set<string>();
  // Newer releases normalise the working directory to NFC before encoding it.
  for (const form of new Set([workingDir, workingDir.normalize("NFC")])) {
    const uncut = form.replace(/[^a-zA-Z0-9]/g, "-");
    names.add(encodeProjectDirName(form)).add(uncut);
    if (uncut.length > MAX_ENCODED_LENGTH) {
      const prefix = `${uncut.slice(0, MAX_ENCODED_LENGTH)}-`;
      for (const name of listProjectDirNames(configRoot)) {
        if (name.startsWith(prefix) && /^[0-9a-z]+$/.test(name.slice(prefix.length))) names.add(name);
      }
    }
  }
  return [...names].map((name) => path.join(root, name)).filter(isDirectory);
}

/**
 * Names of the project directories under `projects/`, sorted for a stable order. Symbolic links
 * are included so that commands can report them (they never write through one).
 */
export function listProjectDirNames(configRoot: string): string[] {
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(projectsRoot(configRoot), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return dirents
    .filter((d) => d.isDirectory() || d.isSymbolicLink())
    .map((d) => d.name)
    .sort();
}

/** Whether some entry of `projects/` is a symbolic link (a project directory kept elsewhere). */
export function hasLinkedProjectDir(configRoot: string): boolean {
  try {
    return fs.readdirSync(projectsRoot(configRoot), { withFileTypes: true }).some((d) => d.isSymbolicLink());
  } catch {
    return true;
  }
}

/** A name that stays inside `projects/` when joined to it: no separator, not "." or "..". */
function isBareName(argument: string): boolean {
  return argument !== "." && argument !== ".." && !argument.includes("/") && !argument.includes(path.sep);
}

function isDirectory(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}

export type ProjectSelection =
  | { kind: "current"; workingDir: string }
  | { kind: "project"; argument: string; workingDir: string }
  | { kind: "all" };

/** `--project` names no project: a usage error. */
export class UnknownProjectError extends UsageError {}

/**
 * The project directories a command works on. `--project` takes a project directory under
 * `projects/`, its bare name, or a working directory resolved against the command's own (`..` is
 * the parent directory's project), with any of its encodings that exist.
 */
export function selectProjectDirs(configRoot: string, selection: ProjectSelection): string[] {
  const root = projectsRoot(configRoot);
  if (selection.kind === "all") return listProjectDirNames(configRoot).map((name) => path.join(root, name));
  // Claude Code names a project after the real path of its launch directory.
  if (selection.kind === "current") return findProjectDirs(configRoot, realPathOrSelf(selection.workingDir));

  const given = path.resolve(selection.workingDir, selection.argument);
  if (isDirectory(given) && realPathOrSelf(path.dirname(given)) === realPathOrSelf(root)) return [given];
  if (isBareName(selection.argument) && isDirectory(path.join(root, selection.argument))) {
    return [path.join(root, selection.argument)];
  }
  const dirs = findProjectDirs(configRoot, realPathOrSelf(given));
  if (dirs.length === 0) {
    throw new UnknownProjectError(
      `no Claude Code project for ${given} under ${root} (expected ${path.join(root, encodeProjectDirName(given))})`,
    );
  }
  return dirs;
}

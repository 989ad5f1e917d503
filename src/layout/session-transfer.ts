// Bringing one session (its transcript, its `<uuid>/` directory of subagent transcripts and tool results,
// and the old layout's `agent-*.jsonl` files that name it) to another project directory, by copy or move,
// through the verified transfer of each file; and any other folder of a project directory (`memory/`),
// where a different file of the same name is kept beside it under a new name. A rerun finishes what an
// interrupted run started; a move removes only what is verified at the destination. Directories made at
// the destination get their source's times (to the microsecond) once filled.
import fs from "node:fs";
import path from "node:path";
import { type ExactTimes, timesOf } from "../system/file-times.ts";
import {
  type Comparison,
  compareFiles,
  isTransferLeftover,
  recoverTransfersIn,
  type TransferOutcome,
  transferFile,
} from "../system/file-transfer.ts";
import { makeDirectory } from "../system/replace-file.ts";
import { errorText } from "../text/error-text.ts";

export interface SessionTransfer {
  transcript: TransferOutcome;
  /** Files of the `<uuid>/` directory and agent files that were copied or moved now. */
  companionFiles: number;
  /** What could not go (a differing file of the same name, a link, a source that changed): kept where it was. */
  problems: string[];
}

export interface TreeTransfer {
  /** Files copied or moved now. */
  files: number;
  /** "<source> -> <destination>": a file whose name was taken by a different file, placed under a new name. */
  keptBoth: string[];
  problems: string[];
}

/** How the destination transcript stands against the source one (see Comparison). */
export function compareTranscripts(from: string, to: string): Comparison {
  return compareFiles(from, to);
}

export { recoverTransfersIn };

/**
 * Copies or moves `from` (a `<uuid>.jsonl`) and its `<uuid>/` directory to `to` and `to`'s `<uuid>/`, and
 * the old-layout agent files named in `agentNames` (beside `from`) to the same names beside `to`.
 * The caller has run recoverTransfersIn on the directories of `from` and `to`.
 */
export function transferSession(
  from: string,
  to: string,
  move: boolean,
  agentNames: readonly string[] = [],
): SessionTransfer {
  makeDirectory(path.dirname(to), 0o700);
  // The `<uuid>/` folder first, the transcript last: a run killed in between leaves the transcript at the
  // source, so a rerun finds the session and finishes it (moved first, it would leave the rest behind).
  const companion = from.slice(0, -".jsonl".length);
  const destination = to.slice(0, -".jsonl".length);
  const companions: CompanionTransfer = { companionFiles: 0, problems: [] };
  if (isDirectory(companion)) {
    const tree = transferDirectory(companion, destination, move);
    companions.companionFiles += tree.files;
    companions.problems.push(...tree.problems);
  }
  for (const name of agentNames) {
    const source = path.join(path.dirname(from), name);
    const outcome = transferFile(source, path.join(path.dirname(to), name), { move });
    if (outcome.kind === "copied" || outcome.kind === "moved") companions.companionFiles++;
    else if (outcome.kind === "conflict") companions.problems.push(outcome.reason);
    else if (outcome.kind === "source-changed")
      companions.problems.push(`${source} changed while it was moved; it was kept (run again to finish)`);
  }
  // Private like Claude Code's own transcripts: they hold whole conversations.
  const transcript = transferFile(from, to, { move, mode: 0o600 });
  const result: SessionTransfer = { transcript, companionFiles: companions.companionFiles, problems: [] };
  if (transcript.kind === "conflict") result.problems.push(transcript.reason);
  if (transcript.kind === "source-changed")
    result.problems.push(`${from} changed while it was moved; it was kept (run again to finish)`);
  result.problems.push(...companions.problems);
  // What killed runs left in the destination's `<uuid>/` tree is cleared even when the source's is gone
  // (moved whole by a later run): the walk above only visits folders the source still has.
  recoverTransfersBelow(destination);
  return result;
}

/** recoverTransfersIn for `dir` and every folder below it (links not followed). */
function recoverTransfersBelow(dir: string): void {
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (!isDirectory(current)) continue;
    recoverTransfersIn(current);
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      // unreadable: left as it is
    }
    for (const entry of entries) if (entry.isDirectory()) pending.push(path.join(current, entry.name));
  }
}

type CompanionTransfer = Pick<SessionTransfer, "companionFiles" | "problems">;

/**
 * Every file below `fromDir` to the same place below `toDir`; with `move`, emptied directories go too.
 * With `keepBothAs`, a file whose name is taken by a different file goes beside it as
 * `<stem>.<keepBothAs><ext>` (then `-2`, `-3`, …: the first free name, or the one already holding it).
 */
export function transferDirectory(fromDir: string, toDir: string, move: boolean, keepBothAs?: string): TreeTransfer {
  const result: TreeTransfer = { files: 0, keptBoth: [], problems: [] };
  // Iterative, depth first; directories are removed (when moving) after their contents, deepest first.
  const directories: [string, string][] = [];
  // Directories made here, with their source's times as they were before anything left them.
  const made: [string, ExactTimes][] = [];
  const pending: [string, string][] = [[fromDir, toDir]];
  while (pending.length > 0) {
    const [from, to] = pending.pop()!;
    directories.push([from, to]);
    if (!fs.existsSync(to)) {
      try {
        made.push([to, timesOf(fs.lstatSync(from, { bigint: true }))]);
      } catch {
        // the source went away: nothing to time
      }
    }
    makeDirectory(to, 0o700);
    recoverTransfersIn(from);
    recoverTransfersIn(to);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(from, { withFileTypes: true });
    } catch (error) {
      result.problems.push(`cannot list ${from}: ${errorText(error)}`);
      continue;
    }
    for (const entry of entries) {
      const source = path.join(from, entry.name);
      const target = path.join(to, entry.name);
      if (isTransferLeftover(entry.name)) continue;
      if (entry.isDirectory()) pending.push([source, target]);
      else if (entry.isFile()) {
        let outcome = transferFile(source, target, { move });
        for (let n = 1; outcome.kind === "conflict" && keepBothAs !== undefined && n < 100; n++) {
          const beside = besideName(target, keepBothAs, n);
          outcome = transferFile(source, beside, { move });
          if (outcome.kind !== "conflict") result.keptBoth.push(`${source} -> ${beside}`);
        }
        if (outcome.kind === "copied" || outcome.kind === "moved") result.files++;
        else if (outcome.kind === "conflict") result.problems.push(outcome.reason);
        else if (outcome.kind === "source-changed")
          result.problems.push(`${source} changed while it was moved; it was kept (run again to finish)`);
      } else {
        result.problems.push(`${source} is not a regular file (a link?); not followed, left where it is`);
      }
    }
  }
  // Deepest first: filling a directory sets its parent's mtime, not its own. To the microsecond (utimes):
  // no process per directory, and nothing reads a folder's time as closely as a transcript's.
  for (const [dir, times] of made.reverse()) {
    try {
      fs.utimesSync(dir, seconds(times.atimeNs), seconds(times.mtimeNs));
    } catch {
      // the directory's times are a courtesy; its files keep theirs
    }
  }
  if (!move) return result;
  for (const [from] of directories.reverse()) {
    try {
      fs.rmdirSync(from);
    } catch {
      // not empty: something stayed (and was reported)
    }
  }
  return result;
}

function seconds(ns: bigint): number {
  return Number(ns / 1_000_000_000n) + Number(ns % 1_000_000_000n) / 1e9;
}

/** `notes.md` -> `notes.<tag>.md` (n = 1), `notes.<tag>-2.md`, …; a name without extension gets `.<tag>`. */
function besideName(file: string, tag: string, n: number): string {
  const ext = path.extname(path.basename(file).replace(/^\./, "x"));
  const stem = file.slice(0, file.length - ext.length);
  return `${stem}.${tag}${n === 1 ? "" : `-${n}`}${ext}`;
}

function isDirectory(p: string): boolean {
  try {
    return fs.lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

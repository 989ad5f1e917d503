// Bringing one session (its transcript and its `<uuid>/` directory of subagent transcripts and tool
// results) to another project directory, by copy or move, through the verified transfer of each file. A
// rerun finishes what an interrupted run started; a move removes only what is verified at the destination.
import fs from "node:fs";
import path from "node:path";
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
  /** Files of the `<uuid>/` directory that were copied or moved now. */
  companionFiles: number;
  /** What could not go (a differing file of the same name, a link, a source that changed): kept where it was. */
  problems: string[];
}

/** How the destination transcript stands against the source one (see Comparison). */
export function compareTranscripts(from: string, to: string): Comparison {
  return compareFiles(from, to);
}

export { recoverTransfersIn };

/**
 * Copies or moves `from` (a `<uuid>.jsonl`) and its `<uuid>/` directory to `to` and `to`'s `<uuid>/`.
 * The caller has run recoverTransfersIn on the directories of `from` and `to`.
 */
export function transferSession(from: string, to: string, move: boolean): SessionTransfer {
  makeDirectory(path.dirname(to), 0o700);
  // The `<uuid>/` folder first, the transcript last: a run killed in between leaves the transcript at the
  // source, so a rerun finds the session and finishes it (moved first, it would leave the rest behind).
  const companion = from.slice(0, -".jsonl".length);
  const destination = to.slice(0, -".jsonl".length);
  const companions: CompanionTransfer = { companionFiles: 0, problems: [] };
  if (isDirectory(companion)) transferTree(companion, destination, move, companions);
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

/** Every file below `fromDir` to the same place below `toDir`; with `move`, emptied directories go too. */
type CompanionTransfer = Pick<SessionTransfer, "companionFiles" | "problems">;

function transferTree(fromDir: string, toDir: string, move: boolean, result: CompanionTransfer): void {
  // Iterative, depth first; directories are removed (when moving) after their contents, deepest first.
  const directories: [string, string][] = [];
  const pending: [string, string][] = [[fromDir, toDir]];
  while (pending.length > 0) {
    const [from, to] = pending.pop()!;
    directories.push([from, to]);
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
        const outcome = transferFile(source, target, { move });
        if (outcome.kind === "copied" || outcome.kind === "moved") result.companionFiles++;
        else if (outcome.kind === "conflict") result.problems.push(outcome.reason);
        else if (outcome.kind === "source-changed")
          result.problems.push(`${source} changed while it was moved; it was kept (run again to finish)`);
      } else {
        result.problems.push(`${source} is not a regular file (a link?); not followed, left where it is`);
      }
    }
  }
  if (!move) return;
  for (const [from] of directories.reverse()) {
    try {
      fs.rmdirSync(from);
    } catch {
      // not empty: something stayed (and was reported)
    }
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

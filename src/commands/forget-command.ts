// `claude-reindex forget <id>`: a kept session dropped for good, after a confirmation on the terminal
// (or --yes). Refuses without a terminal and without --yes: nothing is deleted on a guess.
import readline from "node:readline";
import { findKeptSession, forgetKeptSession, type KeptSession } from "../layout/kept-store.ts";
import type { CommandIo } from "../text/command-io.ts";
import { type CommandResult, done } from "./command-result.ts";

export interface ForgetCommand {
  configRoot: string;
  idOrPrefix: string;
  yes: boolean;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  io: CommandIo;
}

export async function runForget(command: ForgetCommand): Promise<CommandResult> {
  const { io } = command;
  const found = findKeptSession(command.configRoot, command.idOrPrefix);
  if (!found.ok) return { kind: "failed", problems: [found.problem] };
  const id = found.kept[0]!.sessionId;
  if (!command.yes) {
    if (!command.stdin.isTTY)
      return {
        kind: "failed",
        problems: [`forget deletes kept session ${id} for good: run it on a terminal to confirm, or add --yes`],
      };
    if (!(await confirm(command, describe(found.kept)))) {
      io.stdout.write("nothing dropped\n");
      return done();
    }
  }
  const problems: string[] = [];
  for (const kept of found.kept) {
    const { removed, refused } = forgetKeptSession(command.configRoot, kept);
    if (refused !== null) problems.push(`not dropped: ${refused}`);
    else io.stdout.write(`dropped kept session ${id} (${removed.length} ${removed.length === 1 ? "file" : "files"})\n`);
  }
  return problems.length > 0 ? { kind: "failed", problems } : done();
}

function describe(kept: KeptSession[]): string {
  const k = kept[0]!;
  const gone = kept.some((x) => !x.originalExists) ? "its transcript is gone from projects/" : "still in projects/";
  return `Drop kept session ${k.sessionId} (${k.projectDirName}, ${k.size} bytes; ${gone}) for good? [y/N] `;
}

/** Asks `question` on stderr and reads the answer from stdin: yes only for y or yes. */
export async function confirm(command: Pick<ForgetCommand, "stdin" | "io">, question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: command.stdin, output: command.io.stderr, terminal: false });
  try {
    command.io.stderr.write(question);
    const answer = await new Promise<string>((resolve) => {
      rl.once("line", resolve);
      rl.once("close", () => resolve(""));
    });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/**
 * Builds transcripts shaped as Claude Code 2.1.x writes them (key order included), for tests that
 * need a specific chain rather than a recorded fixture.
 */
import { randomUUID } from "node:crypto";

export type Line = Record<string, unknown>;

export interface ChainOptions {
  sessionId: string;
  cwd?: string;
  gitBranch?: string;
  version?: string;
  start?: Date;
}

export class TranscriptBuilder {
  readonly lines: Line[] = [];
  private last: string | null = null;
  private clock: number;

  constructor(readonly options: ChainOptions) {
    this.clock = (options.start ?? new Date("2026-10-01T09:00:00.000Z")).getTime();
  }

  /** `body` keys go where Claude Code writes them, before uuid and timestamp; `overrides` replace any key in place. */
  private base(type: string, parentUuid: string | null, body: Line, overrides: Line = {}): Line {
    this.clock += 1000;
    const line: Line = {
      parentUuid,
      isSidechain: false,
      userType: "external",
      cwd: this.options.cwd ?? "/home/dev/project",
      sessionId: this.options.sessionId,
      version: this.options.version ?? "2.1.29",
      gitBranch: this.options.gitBranch ?? "main",
      type,
      ...body,
      uuid: randomUUID(),
      timestamp: new Date(this.clock).toISOString(),
    };
    return Object.assign(line, overrides);
  }

  /** Appends a record to the current chain and makes it the chain's tip. */
  push(line: Line): Line {
    this.lines.push(line);
    this.last = line.uuid as string;
    return line;
  }

  user(content: unknown, extra: Line = {}): Line {
    return this.push(this.base("user", this.last, { message: { role: "user", content } }, extra));
  }

  assistant(text: string, extra: Line = {}): Line {
    return this.push(
      this.base(
        "assistant",
        this.last,
        {
          message: {
            model: "claude-sonnet-4-5",
            id: `msg_${this.lines.length}`,
            type: "message",
            role: "assistant",
            content: [{ type: "text", text }],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: 3, output_tokens: 5 },
          },
          requestId: `req_${this.lines.length}`,
        },
        extra,
      ),
    );
  }

  system(extra: Line = {}): Line {
    return this.push(this.base("system", this.last, { subtype: "local_command", content: "x", level: "info" }, extra));
  }

  /** A record that branches from `parent` (a rewind or an edited prompt). */
  branchFrom(parent: Line): this {
    this.last = parent.uuid as string;
    return this;
  }

  meta(line: Line): this {
    this.lines.push(line);
    return this;
  }

  turn(prompt: string, reply = `Reply to: ${prompt}`): this {
    this.user(prompt);
    this.assistant(reply);
    return this;
  }

  get tip(): string | null {
    return this.last;
  }

  toString(): string {
    return this.lines.map((line) => `${JSON.stringify(line)}\n`).join("");
  }
}

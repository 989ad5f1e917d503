// Where a command writes: its two output streams (the terminal's width and TTY-ness on stderr).
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

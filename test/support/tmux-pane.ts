/**
 * A command running in a detached tmux session of a given size: its screen, its raw output, keys. Each pane
 * has a tmux server of its own (a socket in the test's scratch folder): with one server for all, a test whose
 * last session ends stops it while another test's new-session connects ("server exited unexpectedly").
 */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";

export class TmuxPane {
  private constructor(
    readonly name: string,
    readonly exitFile: string,
    readonly outputFile: string,
    private readonly socket: string,
  ) {}

  /** tmux with this pane's own server. */
  private tmux(...args: string[]) {
    return execa("tmux", ["-S", this.socket, ...args]);
  }

  /** Starts `command` (a shell line) at `columns` x `lines`; its exit status goes to a file. */
  static async start(command: string, columns: number, lines: number, scratch: string): Promise<TmuxPane> {
    const name = `pick-${process.pid}-${Date.now()}-${columns}`;
    const file = (suffix: string) => path.join(scratch, `${name}.${suffix}`);
    const pane = new TmuxPane(name, file("exit"), file("out"), file("tmux"));
    // The shell waits for a line on stdin before it starts the command, so pipe-pane sees every byte. The
    // status is written under a temporary name and renamed: a reader that found the file mid-write read "".
    const status = `echo $? > '${pane.exitFile}.part'; mv '${pane.exitFile}.part' '${pane.exitFile}'`;
    await pane.tmux(
      "new-session",
      "-d",
      "-s",
      name,
      "-x",
      String(columns),
      "-y",
      String(lines),
      `read -r _; ${command}; ${status}; sleep 30`,
    );
    await pane.tmux("pipe-pane", "-o", "-t", name, `cat >> '${pane.outputFile}'`);
    await pane.tmux("send-keys", "-t", name, "Enter");
    return pane;
  }

  async screen(): Promise<string> {
    return (await this.tmux("capture-pane", "-p", "-t", this.name)).stdout;
  }

  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    for (let waited = 0; waited < timeoutMs; waited += 100) {
      const screen = await this.screen();
      if (test(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${what} never happened; the screen:\n${await this.screen()}`);
  }

  async keys(...keys: string[]): Promise<void> {
    await this.tmux("send-keys", "-t", this.name, ...keys);
  }

  async type(text: string): Promise<void> {
    await this.tmux("send-keys", "-t", this.name, "-l", text);
  }

  async exitCode(timeoutMs = 15_000): Promise<string> {
    for (let waited = 0; waited < timeoutMs && !fs.existsSync(this.exitFile); waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    if (!fs.existsSync(this.exitFile))
      throw new Error(`the command did not exit within ${timeoutMs} ms; the screen:\n${await this.screen()}`);
    return fs.readFileSync(this.exitFile, "utf8").trim();
  }

  /** Every byte the command wrote to the terminal. */
  output(): Buffer {
    return fs.existsSync(this.outputFile) ? fs.readFileSync(this.outputFile) : Buffer.alloc(0);
  }

  /** Ends the command, and the pane's tmux server with it. */
  async kill(): Promise<void> {
    await execa("tmux", ["-S", this.socket, "kill-server"], { reject: false });
  }
}

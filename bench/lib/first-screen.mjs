// Times an interactive command to its first screen: runs it in a pseudo-terminal (util-linux
// `script`) of the given size, waits until its output shows `marker`, then types Ctrl-C and waits
// for it to end. With an empty marker it just waits for the command to end (the baseline).
//
//   node bench/lib/first-screen.mjs <columns> <rows> <marker> <command> [args…]
//
// Prints the time to the marker (ms) on stderr; exits 0 when the marker was seen (or not wanted).

import { spawn } from "node:child_process";

const [columns, rows, marker, ...command] = process.argv.slice(2);
const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;
const t0 = process.hrtime.bigint();
const child = spawn(
  "script",
  ["-qfec", `stty cols ${columns} rows ${rows}; exec ${command.map(quote).join(" ")}`, "/dev/null"],
  {
    stdio: ["pipe", "pipe", "inherit"],
  },
);
let seen = marker === "";
let output = "";
child.stdout.on("data", (chunk) => {
  if (seen) return;
  output += chunk.toString("utf8");
  if (output.includes(marker)) {
    seen = true;
    process.stderr.write(`first screen after ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms\n`);
    child.stdin.write("\x03");
  }
});
const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
child.on("exit", () => {
  clearTimeout(timer);
  process.exitCode = seen ? 0 : 1;
});

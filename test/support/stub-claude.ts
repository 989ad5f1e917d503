import fs from "node:fs";
import path from "node:path";

/**
 * A stand-in for the real `claude`: records its argv, stdin, pid and a few environment variables
 * into $STUB_RECORD, then exits with $STUB_EXIT or dies of $STUB_SIGNAL.
 */
export function writeStubClaude(dir: string, name = "claude"): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    `#!/usr/bin/env node
const fs = require("node:fs");
let stdin = "";
if (!process.stdin.isTTY) { try { stdin = fs.readFileSync(0, "utf8"); } catch {} }
const env = {};
for (const key of ["CLAUDE_REINDEX_SHIM_PATHS", "CLAUDE_CONFIG_DIR", "CLAUDE_REINDEX", "NODE_EXTRA_CA_CERTS"])
  if (key in process.env) env[key] = process.env[key];
const record = { argv: process.argv.slice(2), stdin, pid: process.pid, env, self: __filename, cwd: process.cwd() };
if (process.env.STUB_RECORD) fs.writeFileSync(process.env.STUB_RECORD, JSON.stringify(record));
if (process.env.STUB_SIGNAL) process.kill(process.pid, process.env.STUB_SIGNAL);
process.exitCode = Number(process.env.STUB_EXIT ?? 0);
`,
    { mode: 0o755 },
  );
  return file;
}

export interface StubRecord {
  argv: string[];
  stdin: string;
  pid: number;
  env: Record<string, string>;
  self: string;
  cwd: string;
}

export function readStubRecord(file: string): StubRecord {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

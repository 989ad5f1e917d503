// Compiles stat-walk.c (the native walk of the bench's floor rows "in C") into a Node-API addon in .bench/,
// with the machine's C compiler and the headers of the Node that runs the bench; null where either is missing.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SOURCE = fileURLToPath(new URL("./stat-walk.c", import.meta.url));

/** The addon's path (compiled once per bench run), or null when it cannot be built here. */
export function statWalkAddon(dir) {
  const addon = path.join(dir, ".bench-stat-walk.node");
  if (built.has(addon)) return built.get(addon);
  fs.mkdirSync(dir, { recursive: true });
  const headers = path.join(path.dirname(process.execPath), "..", "include", "node");
  const cc = spawnSync(process.env.CC || "cc", ["-O2", "-shared", "-fPIC", "-I", headers, "-o", addon, SOURCE], {
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const result = cc.status === 0 && fs.existsSync(addon) ? addon : null;
  built.set(addon, result);
  return result;
}

const built = new Map();

// Compiles the walks of the bench's floor rows into .bench/: stat-walk.c (the rows "in C") into a Node-API addon,
// with the machine's C compiler and the headers of the Node that runs the bench, and wasi-walk.c (the rows "in
// WebAssembly") with clang and lld; null where the tools are missing.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SOURCE = fileURLToPath(new URL("./stat-walk.c", import.meta.url));
const WASI_SOURCE = fileURLToPath(new URL("./wasi-walk.c", import.meta.url));

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

/** The WebAssembly module's path (compiled once per bench run), or null when clang cannot build it here. */
export function wasiWalkModule(dir) {
  const wasm = path.join(dir, ".bench-wasi-walk.wasm");
  if (built.has(wasm)) return built.get(wasm);
  fs.mkdirSync(dir, { recursive: true });
  const flags = ["--target=wasm32", "-O2", "-nostdlib", "-Wl,--no-entry"];
  const clang = spawnSync("clang", [...flags, "-o", wasm, WASI_SOURCE], { stdio: ["ignore", "ignore", "pipe"] });
  const result = clang.status === 0 && fs.existsSync(wasm) ? wasm : null;
  built.set(wasm, result);
  return result;
}

const built = new Map();

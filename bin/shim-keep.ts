// The keep guard for the shim's stat pass, bundled on its own as dist/shim-keep.cjs: dist/shim-check.cjs
// loads it (require) only when the guard is on, so that a launch without the guard never parses zod or
// jsonc-parser, and one with it need not start the full `claude-reindex shim-check`.
export { keepBeforeLaunch } from "../src/commands/keep-before-launch.ts";

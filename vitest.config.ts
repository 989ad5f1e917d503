import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // No test reads the machine's /tmp for stray sessions (see the file).
    setupFiles: ["test/support/hermetic.ts"],
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ["default", ["json", { outputFile: ".test-report.json" }]],
    testTimeout: 30_000,
    // Two test files at a time even on two cores (vitest's own default there is one): most of the suite waits on
    // the processes it starts (Claude Code, tmux, the shim), and the whole of it ran in 271 s instead of 458 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

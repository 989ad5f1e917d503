import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // No test reads the machine's /tmp for stray sessions (see the file).
    setupFiles: ["test/support/hermetic.ts"],
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ["default", ["json", { outputFile: ".test-report.json" }]],
    testTimeout: 30_000,
  },
});

// Loaded before every test file (vitest.config.ts): the commands that tests run, and the processes they
// start, scan no real place for stray sessions. Tests that mean to scan name their own places.
process.env.CLAUDE_REINDEX_SCAN_ROOTS = "";

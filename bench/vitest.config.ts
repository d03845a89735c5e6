import { defineConfig } from "vitest/config";

// Benchmarks print tables and assert nothing about time; they never run as part of `npm test`.
export default defineConfig({
  test: {
    include: ["bench/**/*.bench-run.ts"],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    // One temporary root per run, removed at its end.
    globalSetup: ["test/temp-root.ts"],
  },
});

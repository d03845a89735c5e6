import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests start local servers and child processes; two workers fit the project's 2-core machines.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One temporary root per run, removed at its end (see the file).
    globalSetup: ["test/temp-root.ts"],
  },
});

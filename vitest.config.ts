import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The browser suite needs Chromium and runs with `npm run test:browser`.
    exclude: ["tests/browser/**", "node_modules/**"],
    // On two cores Vitest runs one test file at a time, and the builds the tests start kept only
    // 1.4 cores busy; two files at a time keep both busy: the suite took 175–190 s, not 215 s.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The browser suite needs Chromium and runs with `npm run test:browser`.
    exclude: ["tests/browser/**", "node_modules/**"],
    // Vitest runs one test file at a time on a two-core machine; most files here wait on the
    // builds they spawn, so two at a time cut the suite from about 215 s to 175 s.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

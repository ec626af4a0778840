import { defineConfig } from "vitest/config";

// `npm run test:browser`: the built sample site in Debian's headless Chromium. `npm test` leaves it out.
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/browser/global-setup.ts"],
    // Test files share one Chromium, which does most of the work in its own processes.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

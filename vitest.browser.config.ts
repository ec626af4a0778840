import { defineConfig } from "vitest/config";

// `npm run test:browser`: the built sample site in Debian's headless Chromium. `npm test` leaves it out.
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/browser/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

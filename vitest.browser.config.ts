import { defineConfig } from "vitest/config";

// Browser tests: a headless Chromium (/usr/bin/chromium) against the whole server in process.
// They need the built web client (npm run build:web).
export default defineConfig({
  test: {
    include: ["test/browser/**/*.browser.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});

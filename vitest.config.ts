import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
    exclude: ["test/browser/**", "node_modules/**"],
    // PGlite needs a few seconds to start; database tests get room for it.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});

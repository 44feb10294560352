/**
 * The long fault tests (`npm run test:faults`, also run by .ci/run): they stop, kill and restore Neo4j instances of
 * their own, so they never disturb the main suite's test instance.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/faults/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});

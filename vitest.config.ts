/**
 * Tests run against the project's real Neo4j: a separate `test` instance (own data folder, port 7688) started by the
 * global setup, so running the tests never touches a user's graph. TEST_NEO4J_URI points them at another server.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The long fault tests have their own config and command (npm run test:faults).
    exclude: ["tests/faults/**", "node_modules/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    env: { NEO4J_INSTANCE: "test" },
  },
});

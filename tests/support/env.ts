/** The environment the tests use: the `test` instance, or TEST_NEO4J_URI (never the user's NEO4J_URI). */
export function testEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_INSTANCE: "test" };
  delete env.NEO4J_URI;
  if (process.env.TEST_NEO4J_URI) {
    env.NEO4J_URI = process.env.TEST_NEO4J_URI;
    env.NEO4J_USERNAME = process.env.TEST_NEO4J_USERNAME;
    env.NEO4J_PASSWORD = process.env.TEST_NEO4J_PASSWORD;
    env.NEO4J_DATABASE = process.env.TEST_NEO4J_DATABASE;
  }
  return env;
}

/** A connection to the test database, and a way to empty it between suites. */
import { dbConfig, type DbConfig } from "../../src/config.js";
import { createDb, type Db } from "../../src/db/driver.js";
import { testEnv } from "./env.js";

/**
 * The test database's connection settings. With TEST_NEO4J_ROUTING=1 the local test instance is reached through a
 * `neo4j://` routing URI, as a cluster or Aura is: the driver fetches a routing table and sends reads (executeRead)
 * and writes (executeWrite) to the members it names; CI runs the API and database tests once this way.
 */
export function testConfig(): DbConfig {
  const config = dbConfig(testEnv());
  return process.env.TEST_NEO4J_ROUTING === "1" ? { ...config, uri: config.uri.replace(/^bolt:/, "neo4j:") } : config;
}

export function testDb(): Db {
  return createDb(testConfig());
}

/** Deletes everything in the test database (CALL IN TRANSACTIONS needs an auto-commit transaction). */
export async function emptyDatabase(db: Db): Promise<void> {
  const s = db.driver.session({ database: db.config.database, bookmarkManager: db.bookmarkManager });
  try {
    await s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await s.close();
  }
}

/** A connection to the test database, and a way to empty it between suites. */
import { dbConfig } from "../../src/config.js";
import { createDb, type Db } from "../../src/db/driver.js";
import { testEnv } from "./env.js";

export function testDb(): Db {
  return createDb(dbConfig(testEnv()));
}

/** Deletes everything in the test database (CALL IN TRANSACTIONS needs an auto-commit transaction). */
export async function emptyDatabase(db: Db): Promise<void> {
  const s = db.driver.session({ database: db.config.database });
  try {
    await s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await s.close();
  }
}

/**
 * One load at a time. The lock is a write lock on a LoadLock node held by an open transaction, not a flag: if the
 * loader or the database dies, the transaction ends and the lock with it, so a crash never leaves a stale lock.
 */
import { hostname } from "node:os";

import { cypher } from "../db/cypher.js";
import type { Db } from "../db/driver.js";

/** Taking a free lock takes milliseconds; after this long, another load holds it. */
const WAIT_NOTICE_MS = 1_000;

/** Runs work while holding the load lock; calls onWait first if another load holds it. */
export async function withLoadLock<T>(db: Db, work: () => Promise<T>, onWait: () => void = () => {}): Promise<T> {
  await db.write("CREATE CONSTRAINT load_lock_name IF NOT EXISTS FOR (l:LoadLock) REQUIRE l.name IS UNIQUE");
  await db.write(cypher("load/lock-node"));
  const params = { owner: `${hostname()}:${process.pid}`, since: new Date().toISOString() };
  // The lock is taken by a transaction without a timeout (a large load may take long).
  return db.holdWhile(cypher("load/lock"), params, work, onWait, WAIT_NOTICE_MS);
}

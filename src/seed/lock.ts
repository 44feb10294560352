/**
 * One load at a time. The lock is a write lock on a LoadLock node held by an open transaction, not a flag: if the
 * loader or the database dies, the transaction ends and the lock with it, so a crash never leaves a stale lock.
 */
import { hostname } from "node:os";

import type { Db } from "../db/driver.js";
import { mapDbError } from "../db/driver.js";
import { cypher } from "../db/cypher.js";

const PROBE_TIMEOUT_MS = 1_500;

/** Runs work while holding the load lock; calls onWait first if another load holds it. */
export async function withLoadLock<T>(db: Db, work: () => Promise<T>, onWait: () => void = () => {}): Promise<T> {
  await db.write("CREATE CONSTRAINT load_lock_name IF NOT EXISTS FOR (l:LoadLock) REQUIRE l.name IS UNIQUE");
  const params = { owner: `${hostname()}:${process.pid}`, since: new Date().toISOString() };
  const session = db.driver.session({ database: db.config.database });
  try {
    let tx = session.beginTransaction({ timeout: PROBE_TIMEOUT_MS });
    try {
      await tx.run(cypher("load/lock"), params);
    } catch (err) {
      await tx.close().catch(() => {});
      const code = (err as { code?: string }).code ?? "";
      if (!code.includes("Transaction")) throw mapDbError(err, db.config);
      onWait();
      tx = session.beginTransaction();
      await tx.run(cypher("load/lock"), params);
    }
    try {
      return await work();
    } finally {
      await tx.commit().catch(() => {});
    }
  } finally {
    await session.close();
  }
}

/**
 * One load at a time. The lock is a write lock on a LoadLock node held by an open transaction, not a flag: if the
 * loader or the database dies, the transaction ends and the lock with it, so a crash never leaves a stale lock.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

import { cypher } from "../db/cypher.js";
import type { Db } from "../db/driver.js";

/** Taking a free lock takes milliseconds; after this long, another load holds it. */
const WAIT_NOTICE_MS = 1_000;

/** Another load holding the lock, as its transaction's metadata says (see withLoadLock). */
export interface LockHolder {
  owner: string;
  since: string;
}

/**
 * What to tell the user when taking the lock takes a while: who holds it, if another load does; otherwise the
 * database is only slow to answer (a cold start, a busy machine), and nobody is waited for.
 */
export function lockWaitMessage(holder: LockHolder | undefined): string {
  return holder
    ? `waiting for the load lock: the load of ${holder.owner}, running since ${holder.since}, holds it; when it ends, this load re-applies the seed files (nothing is duplicated)`
    : "taking the load lock is slow: no other load holds it, the database is busy or still starting";
}

/** The other load whose transaction holds the lock, if any (SHOW TRANSACTIONS, by the metadata set below). */
async function lockHolder(db: Db, self: string): Promise<LockHolder | undefined> {
  try {
    const rows = await db.read<{ owner: string; since: string }>(cypher("load/lock-holders"), { self }, 5_000);
    return rows[0];
  } catch {
    // Listing transactions needs an admin user; without one, say nothing rather than guess.
    return undefined;
  }
}

/** Runs work while holding the load lock; calls onWait first if taking it takes longer than a moment. */
export async function withLoadLock<T>(db: Db, work: () => Promise<T>, onWait: (holder: LockHolder | undefined) => void = () => {}): Promise<T> {
  await db.write("CREATE CONSTRAINT load_lock_name IF NOT EXISTS FOR (l:LoadLock) REQUIRE l.name IS UNIQUE");
  await db.write(cypher("load/lock-node"));
  const params = { owner: `${hostname()}:${process.pid}`, since: new Date().toISOString() };
  const token = randomUUID();
  // The lock is taken by a transaction without a timeout (a large load may take long). Its metadata names the load,
  // so that a second one can say whom it waits for.
  let settled = false;
  const onSlow = () =>
    void lockHolder(db, token).then((holder) => {
      if (!settled) onWait(holder);
    });
  return db.holdWhile(
    cypher("load/lock"),
    params,
    () => {
      settled = true;
      return work();
    },
    onSlow,
    WAIT_NOTICE_MS,
    { loadLock: { ...params, token } },
  );
}

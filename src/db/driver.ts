/**
 * The one Neo4j driver, and the helpers every query runs through: a session per call on executeRead/executeWrite,
 * a transaction timeout, and results converted to plain JSON values. Works with bolt:// and with neo4j:// or
 * neo4j+s:// routing URIs (a cluster, Aura): reads go to readers, writes to the leader.
 */
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from "neo4j-driver";

import { dbConfig, type DbConfig } from "../config.js";
import { DatabaseUnavailableError, QueryTimeoutError } from "../errors.js";
import { toNeo4jParams, toPlain } from "./values.js";

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface Db {
  driver: Driver;
  config: DbConfig;
  /** Shared by the Db's sessions (causal consistency); a session opened by hand should pass it too. */
  bookmarkManager: BookmarkManager;
  read<T = Record<string, unknown>>(query: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<T[]>;
  write<T = Record<string, unknown>>(query: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<T[]>;
  /** Runs work in one write transaction (all or nothing). */
  writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
  "Neo.ClientError.Security.AuthenticationRateLimit",
]);

/** Neo4j's codes for a transaction stopped at its timeout (or terminated while it waited). */
export const TIMEOUT_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  "Neo.TransientError.Transaction.LockClientStopped",
  "Neo.ClientError.Transaction.Terminated",
  "Neo.TransientError.Transaction.Terminated",
]);
/** Neo4j's codes for a transaction stopped at the memory limit (db.memory.transaction.max). */
export const MEMORY_CODES = new Set(["Neo.TransientError.General.MemoryPoolOutOfMemoryError", "Neo.TransientError.General.TransactionMemoryLimit"]);

/**
 * Connection failures become DatabaseUnavailableError, and queries stopped at the time or memory limit
 * QueryTimeoutError, with a message a user can act on (a route may give a more precise one: RouteDef.onTimeout).
 */
export function mapDbError(err: unknown, config: DbConfig, timeoutMs?: number): unknown {
  const code = (err as { code?: string }).code ?? "";
  if (TIMEOUT_CODES.has(code)) {
    const after = timeoutMs ? ` after ${timeoutMs / 1000} s` : "";
    return new QueryTimeoutError(`The graph database stopped this request${after}: it took too long. Try again in a moment; if it happens again, ask for less.`);
  }
  if (MEMORY_CODES.has(code)) {
    return new QueryTimeoutError("The graph database stopped this request: it needed more memory than one query may use. Ask for less.");
  }
  const message = (err as Error).message ?? "";
  if (UNAVAILABLE_CODES.has(code) || /ECONNREFUSED|Could not perform discovery|Failed to connect|connection.*(closed|refused)/i.test(message)) {
    const hint = config.local ? "start it with `npm run db:start`" : "check NEO4J_URI and that the server is running";
    return new DatabaseUnavailableError(`The graph database at ${config.uri} cannot be reached right now; ${hint}, then try again.`);
  }
  if (code === "Neo.ClientError.Security.Unauthorized") {
    return new DatabaseUnavailableError(`The graph database at ${config.uri} refused the credentials; check NEO4J_USERNAME and NEO4J_PASSWORD.`);
  }
  return err;
}

export function createDb(config: DbConfig = dbConfig()): Db {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
    disableLosslessIntegers: false,
    maxConnectionPoolSize: Number(process.env.NEO4J_POOL_SIZE ?? 50),
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    userAgent: "compliance-graph/0.1",
  });
  // One bookmark manager for every session of this Db: on a cluster, a read after a write (the loader's counts and
  // checksum after its batches, a request after a load in the same process) waits until the member it is routed to
  // has that write. Another process sees the write once its member catches up (README, Deployment).
  const bookmarkManager = neo4j.bookmarkManager();
  const session = (mode: "READ" | "WRITE") =>
    driver.session({ database: config.database, defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE, bookmarkManager });

  const run = async <T>(mode: "READ" | "WRITE", query: string, params: Record<string, unknown>, timeoutMs: number): Promise<T[]> => {
    const s = session(mode);
    try {
      const work = (tx: ManagedTransaction) => tx.run(query, toNeo4jParams(params) as Record<string, unknown>);
      const res: QueryResult<RecordShape> =
        mode === "READ" ? await s.executeRead(work, { timeout: timeoutMs }) : await s.executeWrite(work, { timeout: timeoutMs });
      return res.records.map((r) => toPlain(r.toObject()) as T);
    } catch (err) {
      throw mapDbError(err, config, timeoutMs);
    } finally {
      await s.close();
    }
  };

  return {
    driver,
    config,
    bookmarkManager,
    read: (q, p = {}, t = DEFAULT_TIMEOUT_MS) => run("READ", q, p, t),
    write: (q, p = {}, t = DEFAULT_TIMEOUT_MS) => run("WRITE", q, p, t),
    async writeTx(work, timeoutMs = DEFAULT_TIMEOUT_MS) {
      const s = session("WRITE");
      try {
        return await s.executeWrite(work, { timeout: timeoutMs });
      } catch (err) {
        throw mapDbError(err, config, timeoutMs);
      } finally {
        await s.close();
      }
    },
    close: () => driver.close(),
  };
}

/**
 * The one Neo4j driver, and the Db every query goes through (src/db/query.ts runs them): a session per call, a
 * transaction timeout, results as plain JSON values. Works with bolt:// and with neo4j:// or neo4j+s:// routing URIs
 * (a cluster, Aura): reads go to readers, writes to the leader.
 */
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction } from "neo4j-driver";

import { dbConfig, NEO4J_POOL_SIZE, type DbConfig } from "../config.js";
import {
  DEFAULT_TIMEOUT_MS,
  holdWhile,
  runQuery,
  withSession,
  type Connection,
  type RunOptions,
  type RunResult,
} from "./query.js";

export { DEFAULT_TIMEOUT_MS, mapDbError, MEMORY_CODES, TIMEOUT_CODES } from "./query.js";

export interface Db {
  driver: Driver;
  config: DbConfig;
  /** Shared by the Db's sessions (causal consistency); a session opened by hand should pass it too. */
  bookmarkManager: BookmarkManager;
  read<T = Record<string, unknown>>(query: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<T[]>;
  write<T = Record<string, unknown>>(query: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<T[]>;
  /** One statement with the runner's options (row cap, ad hoc error messages) and its outcome, columns and time. */
  run<T = Record<string, unknown>>(
    query: string,
    params: Record<string, unknown>,
    options: RunOptions,
  ): Promise<RunResult<T>>;
  /** Runs work in one write transaction (all or nothing); the loader's batches pass their rows as they are. */
  writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T>;
  /** Runs `statement` in a write transaction held open while `work` runs (see holdWhile). */
  holdWhile<T>(
    statement: string,
    params: Record<string, unknown>,
    work: () => Promise<T>,
    onSlow: () => void,
    slowMs: number,
    metadata?: Record<string, unknown>,
  ): Promise<T>;
  close(): Promise<void>;
}

export function createDb(config: DbConfig = dbConfig()): Db {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
    disableLosslessIntegers: false,
    maxConnectionPoolSize: NEO4J_POOL_SIZE,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    userAgent: "compliance-graph/0.1",
  });
  // One bookmark manager for every session of this Db (causal consistency on a cluster; see Connection). Another
  // process sees a write once the member it reads from catches up (README, Deployment).
  const conn: Connection = { driver, config, bookmarkManager: neo4j.bookmarkManager() };
  return {
    driver,
    config,
    bookmarkManager: conn.bookmarkManager,
    async read<T>(q: string, p: Record<string, unknown> = {}, timeoutMs = DEFAULT_TIMEOUT_MS) {
      return (await runQuery<T>(conn, q, p, { mode: "READ", timeoutMs })).rows;
    },
    async write<T>(q: string, p: Record<string, unknown> = {}, timeoutMs = DEFAULT_TIMEOUT_MS) {
      return (await runQuery<T>(conn, q, p, { mode: "WRITE", timeoutMs })).rows;
    },
    writeTx: (work, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      withSession(conn, "WRITE", (s) => s.executeWrite(work, { timeout: timeoutMs }), timeoutMs),
    run: (q, p, options) => runQuery(conn, q, p, options),
    holdWhile: (statement, params, work, onSlow, slowMs, metadata) =>
      holdWhile(conn, statement, params, work, onSlow, slowMs, metadata),
    close: () => driver.close(),
  };
}

/**
 * The one Neo4j driver, and the Db every query goes through (src/db/query.ts runs them): a session per call, a
 * transaction timeout, results as plain JSON values. Works with bolt:// and with neo4j:// or neo4j+s:// routing URIs
 * (a cluster, Aura): reads go to readers, writes to the leader.
 */
import neo4j, { type Driver } from "neo4j-driver";

import { dbConfig, NEO4J_POOL_SIZE, type DbConfig } from "../config.js";
import { DEFAULT_TIMEOUT_MS, holdWhile, runQuery, type RunOptions, type RunResult } from "./query.js";

export { DEFAULT_TIMEOUT_MS, mapDbError, MEMORY_CODES, TIMEOUT_CODES } from "./query.js";

export interface Db {
  driver: Driver;
  config: DbConfig;
  read<T = Record<string, unknown>>(query: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<T[]>;
  write<T = Record<string, unknown>>(query: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<T[]>;
  /** One statement with the runner's options (row cap, ad hoc error messages) and its outcome, columns and time. */
  run<T = Record<string, unknown>>(query: string, params: Record<string, unknown>, options: RunOptions): Promise<RunResult<T>>;
  /** Runs `statement` in a write transaction held open while `work` runs (see holdWhile). */
  holdWhile<T>(statement: string, params: Record<string, unknown>, work: () => Promise<T>, onSlow: () => void, slowMs: number): Promise<T>;
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
  return {
    driver,
    config,
    async read<T>(q: string, p: Record<string, unknown> = {}, timeoutMs = DEFAULT_TIMEOUT_MS) {
      return (await runQuery<T>(driver, config, q, p, { mode: "READ", timeoutMs })).rows;
    },
    async write<T>(q: string, p: Record<string, unknown> = {}, timeoutMs = DEFAULT_TIMEOUT_MS) {
      return (await runQuery<T>(driver, config, q, p, { mode: "WRITE", timeoutMs })).rows;
    },
    run: (q, p, options) => runQuery(driver, config, q, p, options),
    holdWhile: (statement, params, work, onSlow, slowMs) => holdWhile(driver, config, statement, params, work, onSlow, slowMs),
    close: () => driver.close(),
  };
}

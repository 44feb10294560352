/**
 * The one query runner: every statement (services, loader, console, saved queries, the load lock) runs here. A
 * session per call in READ or WRITE mode on executeRead/executeWrite, a transaction timeout, an optional row cap, an
 * outcome from a fixed set, Neo4j values converted to plain JSON values, and Neo4j errors mapped to typed errors by
 * their code, never by message text. Turning rows into a graph is not done here (src/api/graph/serialize.ts).
 */
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, type Session } from "neo4j-driver";

import type { DbConfig } from "../config.js";
import { BadRequestError, DatabaseUnavailableError, ForbiddenQueryError, QueryTimeoutError } from "../errors.js";
import type { QueryOutcome } from "../model/wire.js";
import { toNeo4jParams, toPlain } from "./values.js";

export const DEFAULT_TIMEOUT_MS = 30_000;

export type AccessMode = "READ" | "WRITE";

export interface RunOptions {
  mode: AccessMode;
  timeoutMs?: number;
  /** Rows returned at most; the rest are not read (outcome COMPLETE_TRUNCATED). */
  maxRows?: number;
  /**
   * The query was written by a user (console): statement errors are the user's to fix (400), a write is refused
   * (403), and a stop at the time or memory limit says to narrow the query rather than to ask for less.
   */
  adHoc?: boolean;
}

export interface RunResult<T = Record<string, unknown>> {
  outcome: QueryOutcome;
  columns: string[];
  rows: T[];
  truncated: boolean;
  durationMs: number;
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
export const MEMORY_CODES = new Set([
  "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
  "Neo.TransientError.General.TransactionMemoryLimit",
]);
/** A write attempted in a READ session, or refused by the server's privileges. */
const WRITE_CODES = new Set(["Neo.ClientError.Statement.AccessMode", "Neo.ClientError.Security.Forbidden"]);

/**
 * Connection failures become DatabaseUnavailableError, and queries stopped at the time or memory limit
 * QueryTimeoutError, with a message a user can act on (a route may give a more precise one: RouteDef.onTimeout).
 * For a user's own query (`adHoc`), statement errors become BadRequestError and writes ForbiddenQueryError.
 */
export function mapDbError(err: unknown, config: DbConfig, timeoutMs?: number, adHoc = false): unknown {
  const code = (err as { code?: string }).code ?? "";
  const after = timeoutMs ? ` after ${timeoutMs / 1000} s` : "";
  if (TIMEOUT_CODES.has(code)) {
    return adHoc
      ? new QueryTimeoutError(
          `The query ran longer than ${(timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s and was stopped. Narrow it (a LIMIT, fewer hops, a filter on labels).`,
        )
      : new QueryTimeoutError(
          `The graph database stopped this request${after}: it took too long. Try again in a moment; if it happens again, ask for less.`,
        );
  }
  if (MEMORY_CODES.has(code)) {
    return adHoc
      ? new QueryTimeoutError(
          "The query needed more memory than one query may use and was stopped. Narrow it (a LIMIT, fewer hops, no cartesian products).",
        )
      : new QueryTimeoutError(
          "The graph database stopped this request: it needed more memory than one query may use. Ask for less.",
        );
  }
  if (adHoc && WRITE_CODES.has(code))
    return new ForbiddenQueryError("Refused by the database: the console is read-only.");
  if (adHoc && /^Neo\.ClientError\.(Statement|Procedure|Schema)/.test(code)) {
    return new BadRequestError(`The database could not run the query: ${(err as Error).message.split("\n")[0]}`);
  }
  const message = (err as Error).message ?? "";
  if (
    UNAVAILABLE_CODES.has(code) ||
    /ECONNREFUSED|Could not perform discovery|Failed to connect|connection.*(closed|refused)/i.test(message)
  ) {
    const hint = config.local ? "start it with `npm run db:start`" : "check NEO4J_URI and that the server is running";
    return new DatabaseUnavailableError(
      `The graph database at ${config.uri} cannot be reached right now; ${hint}, then try again.`,
    );
  }
  if (code === "Neo.ClientError.Security.Unauthorized") {
    return new DatabaseUnavailableError(
      `The graph database at ${config.uri} refused the credentials; check NEO4J_USERNAME and NEO4J_PASSWORD.`,
    );
  }
  return err;
}

/**
 * The connection a Db runs on. Its one bookmark manager, shared by every session, gives causal consistency on a
 * cluster: a read after a write (the loader's counts and checksum after its batches, a request after a load in the same
 * process) waits until the member it is routed to has that write.
 */
export interface Connection {
  driver: Driver;
  config: DbConfig;
  bookmarkManager: BookmarkManager;
}

export const sessionFor = ({ driver, config, bookmarkManager }: Connection, mode: AccessMode) =>
  driver.session({
    database: config.database,
    defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    bookmarkManager,
  });

/** Runs one statement in its own session and managed transaction; rows come back as plain values. */
export async function runQuery<T = Record<string, unknown>>(
  conn: Connection,
  query: string,
  params: Record<string, unknown>,
  { mode, timeoutMs = DEFAULT_TIMEOUT_MS, maxRows = Infinity, adHoc = false }: RunOptions,
): Promise<RunResult<T>> {
  const started = Date.now();
  const work = async (tx: ManagedTransaction) => {
    const result = tx.run(query, toNeo4jParams(params) as Record<string, unknown>);
    if (maxRows === Infinity) {
      // Everything is wanted: one buffered read is faster than a record-by-record stream.
      const { records } = await result;
      return {
        rows: records.map((r) => toPlain(r.toObject()) as T),
        truncated: false,
        columns: [...(await result.keys())].map(String),
      };
    }
    const rows: T[] = [];
    let truncated = false;
    for await (const record of result) {
      if (rows.length >= maxRows) {
        truncated = true;
        break;
      }
      rows.push(toPlain(record.toObject()) as T);
    }
    const columns = truncated ? Object.keys(rows[0] ?? {}) : [...(await result.keys())].map(String);
    return { rows, truncated, columns };
  };
  const out = await withSession(
    conn,
    mode,
    (session) =>
      mode === "READ"
        ? session.executeRead(work, { timeout: timeoutMs })
        : session.executeWrite(work, { timeout: timeoutMs }),
    timeoutMs,
    adHoc,
  );
  return { outcome: out.truncated ? "COMPLETE_TRUNCATED" : "COMPLETE", ...out, durationMs: Date.now() - started };
}

/** Runs `use` on a session of `mode`, turns a database error into one a user can act on, and closes the session. */
export async function withSession<T>(
  conn: Connection,
  mode: AccessMode,
  use: (session: Session) => Promise<T>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  adHoc = false,
): Promise<T> {
  const session = sessionFor(conn, mode);
  try {
    return await use(session);
  } catch (err) {
    throw mapDbError(err, conn.config, timeoutMs, adHoc);
  } finally {
    await session.close();
  }
}

/**
 * Runs `statement` in a write transaction that stays open, without a timeout, while `work` runs, then commits: what
 * the statement locks stays locked for as long as the work lasts, and is released if the process or the database
 * dies. `onSlow` is called if the statement has not returned after `slowMs` (it is waiting for a lock). The
 * transaction's `metadata` shows in SHOW TRANSACTIONS (the load lock names its load there).
 */
export async function holdWhile<T>(
  conn: Connection,
  statement: string,
  params: Record<string, unknown>,
  work: () => Promise<T>,
  onSlow: () => void,
  slowMs: number,
  metadata?: Record<string, unknown>,
): Promise<T> {
  const { config } = conn;
  const session = sessionFor(conn, "WRITE");
  try {
    const tx = session.beginTransaction(metadata ? { metadata } : undefined);
    const timer = setTimeout(onSlow, slowMs);
    try {
      await tx.run(statement, toNeo4jParams(params) as Record<string, unknown>);
    } catch (err) {
      throw mapDbError(err, config);
    } finally {
      clearTimeout(timer);
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

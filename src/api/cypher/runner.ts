/**
 * Runs a read-only query for the console or a saved query: a READ-mode session per call, a transaction timeout, a
 * row cap, and an outcome from a fixed set. Neo4j errors are classified by their code, never by message text; a
 * query stopped at the time or memory limit is answered 504 with what to narrow.
 */
import neo4j from "neo4j-driver";

import type { Db } from "../../db/driver.js";
import { mapDbError, MEMORY_CODES, TIMEOUT_CODES } from "../../db/driver.js";
import { toNeo4jParams, toPlain } from "../../db/values.js";
import { AppError, BadRequestError, ForbiddenQueryError, QueryTimeoutError } from "../../errors.js";
import { graphFromResults, type WireGraph } from "../graph/serialize.js";

export type Outcome = "COMPLETE" | "COMPLETE_TRUNCATED";

export interface QueryResult {
  outcome: Outcome;
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  graph: WireGraph;
  durationMs: number;
}

const WRITE_CODES = new Set(["Neo.ClientError.Statement.AccessMode", "Neo.ClientError.Security.Forbidden"]);

function classify(err: unknown, timeoutMs: number): unknown {
  const code = (err as { code?: string }).code ?? "";
  if (TIMEOUT_CODES.has(code)) return new QueryTimeoutError(`The query ran longer than ${timeoutMs / 1000} s and was stopped. Narrow it (a LIMIT, fewer hops, a filter on labels).`);
  if (MEMORY_CODES.has(code)) return new QueryTimeoutError("The query needed more memory than one query may use and was stopped. Narrow it (a LIMIT, fewer hops, no cartesian products).");
  if (WRITE_CODES.has(code)) return new ForbiddenQueryError("Refused by the database: the console is read-only.");
  if (code.startsWith("Neo.ClientError.Statement") || code.startsWith("Neo.ClientError.Procedure") || code.startsWith("Neo.ClientError.Schema")) {
    return new BadRequestError(`The database could not run the query: ${(err as Error).message.split("\n")[0]}`);
  }
  return err;
}

export async function runReadQuery(db: Db, query: string, params: Record<string, unknown>, timeoutMs: number, maxRows: number): Promise<QueryResult> {
  const started = Date.now();
  const session = db.driver.session({ database: db.config.database, defaultAccessMode: neo4j.session.READ });
  try {
    const out = await session.executeRead(
      async (tx) => {
        const result = tx.run(query, toNeo4jParams(params) as Record<string, unknown>);
        const rows: Record<string, unknown>[] = [];
        let truncated = false;
        for await (const record of result) {
          if (rows.length >= maxRows) {
            truncated = true;
            break;
          }
          rows.push(toPlain(record.toObject()) as Record<string, unknown>);
        }
        const keys = truncated ? Object.keys(rows[0] ?? {}) : [...(await result.keys())].map(String);
        return { rows, truncated, columns: keys };
      },
      { timeout: timeoutMs },
    );
    return {
      outcome: out.truncated ? "COMPLETE_TRUNCATED" : "COMPLETE",
      columns: out.columns,
      rows: out.rows,
      truncated: out.truncated,
      graph: graphFromResults(out.rows),
      durationMs: Date.now() - started,
    };
  } catch (err) {
    const mapped = classify(err, timeoutMs);
    if (mapped instanceof AppError) throw mapped;
    throw mapDbError(err, db.config);
  } finally {
    await session.close();
  }
}

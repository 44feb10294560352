/**
 * The answer of a console or saved query: run by the one query runner (src/db/query.ts: READ session, timeout, row
 * cap, outcome, error mapping), then the rows' nodes, relationships and paths turned into a graph to draw.
 */
import type { Db } from "../../db/driver.js";
import type { QueryResult } from "../../model/wire.js";
import { graphFromResults } from "../graph/serialize.js";

export async function queryResult(
  db: Db,
  query: string,
  params: Record<string, unknown>,
  timeoutMs: number,
  maxRows: number,
): Promise<QueryResult> {
  const result = await db.run(query, params, { mode: "READ", timeoutMs, maxRows, adHoc: true });
  return { ...result, graph: graphFromResults(result.rows) };
}

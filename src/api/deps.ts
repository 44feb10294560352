/**
 * What the routers need: the database, the cache of graph-wide answers, the server's options and its logger. Built by
 * createApp, never imported as globals.
 */
import type { Logger } from "pino";

import { CHECK_RESPONSES, CYPHER_MAX_ROWS, CYPHER_RATE_LIMIT, CYPHER_TIMEOUT_MS } from "../config.js";
import type { Db } from "../db/driver.js";
import type { GraphCache } from "./graph-cache.js";

export interface AppOptions {
  /** Bearer token every route but health requires; mandatory when bound beyond loopback. */
  apiToken?: string;
  cypherTimeoutMs: number;
  cypherMaxRows: number;
  cypherRateLimitPerMinute: number;
  /** Folder of the built explorer (served at /), if any. */
  webDir?: string;
  /** Check every JSON response against its wire schema and fail the request on a mismatch (tests). */
  checkResponses: boolean;
  /** Where audit lines (JSON) of console queries and briefings go; undefined: not written. */
  auditLog?: string;
}

export interface Deps {
  db: Db;
  /** Answers that are the same for every user until the graph changes (never per-user console queries). */
  cache: GraphCache;
  /** Neighbourhoods, kept the same way in a cache of their own. */
  neighborhoods: GraphCache;
  options: AppOptions;
  logger?: Logger;
}

export const DEFAULT_OPTIONS: AppOptions = {
  cypherTimeoutMs: CYPHER_TIMEOUT_MS,
  cypherMaxRows: CYPHER_MAX_ROWS,
  cypherRateLimitPerMinute: CYPHER_RATE_LIMIT,
  checkResponses: CHECK_RESPONSES,
};

/**
 * Configuration from the environment, in one place. The README's configuration table documents each variable.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const DEFAULT_BOLT_PORTS: Record<string, number> = { dev: 7687, test: 7688 };

export interface DbConfig {
  uri: string;
  username: string;
  password: string;
  database: string | undefined;
  /** True when the project manages the server (no NEO4J_URI): scripts/neo4j.sh can start it. */
  local: boolean;
  instance: string;
}

/** The database to use: NEO4J_URI and friends when set, otherwise the project's local instance. */
export function dbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const instance = env.NEO4J_INSTANCE ?? "dev";
  if (env.NEO4J_URI) {
    return {
      uri: env.NEO4J_URI,
      username: env.NEO4J_USERNAME ?? "neo4j",
      password: env.NEO4J_PASSWORD ?? "",
      database: env.NEO4J_DATABASE || undefined,
      local: false,
      instance,
    };
  }
  const port = Number(env.NEO4J_BOLT_PORT ?? DEFAULT_BOLT_PORTS[instance] ?? 7689);
  const passwordFile = path.join(PROJECT_ROOT, ".neo4j", instance, "password");
  return {
    uri: `bolt://127.0.0.1:${port}`,
    username: "neo4j",
    password: existsSync(passwordFile) ? readFileSync(passwordFile, "utf8").trim() : "",
    database: env.NEO4J_DATABASE || undefined,
    local: true,
    instance,
  };
}

export const SEED_DIR = process.env.SEED_DIR ?? path.join(PROJECT_ROOT, "seed");
export const SEED_DOCS_DIR = process.env.SEED_DOCS_DIR ?? path.join(PROJECT_ROOT, "..", "shared", "seeds");
/** Plain text of documents read by `npm run ingest`, kept only so that quotes can be checked (git-ignored). */
export const INGEST_DOCS_DIR = process.env.INGEST_DOCS_DIR ?? path.join(PROJECT_ROOT, ".data", "documents");
export const LOAD_BATCH_SIZE = Number(process.env.LOAD_BATCH_SIZE ?? 10_000);
export const LOAD_CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 2);
/**
 * The first-load path (neo4j-admin import) is chosen automatically from this many relationships up: below it, the
 * server's stop and start cost more than the transactional load they save.
 */
export const BULK_IMPORT_MIN_RELATIONSHIPS = Number(process.env.BULK_IMPORT_MIN_RELATIONSHIPS ?? 250_000);

// ---- The server (npm start) and its API --------------------------------------------------------------------------

/** Console and saved queries: the transaction time limit, the rows returned at most, the queries a minute per client. */
export const CYPHER_TIMEOUT_MS = Number(process.env.CYPHER_TIMEOUT_MS ?? 10_000);
export const CYPHER_MAX_ROWS = Number(process.env.CYPHER_MAX_ROWS ?? 5_000);
export const CYPHER_RATE_LIMIT = Number(process.env.CYPHER_RATE_LIMIT ?? 60);
/** Answers of graph-wide read endpoints kept at most (src/api/graph-cache.ts); neighbourhoods in a cache of their own. */
export const GRAPH_CACHE_MAX_ENTRIES = Number(process.env.GRAPH_CACHE_MAX_ENTRIES ?? 16);
export const NEIGHBORHOOD_CACHE_MAX_ENTRIES = Number(process.env.NEIGHBORHOOD_CACHE_MAX_ENTRIES ?? 128);
/** Bolt connections the driver keeps at most. */
export const NEO4J_POOL_SIZE = Number(process.env.NEO4J_POOL_SIZE ?? 50);
/** The Chromium that prints briefings as PDF. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/**
 * Check every API response against its wire schema (src/model/wire.ts) and fail the request when it does not match:
 * on under test (vitest sets NODE_ENV=test) or with CHECK_RESPONSES=1; off in production, where it would cost time.
 */
export const CHECK_RESPONSES = process.env.CHECK_RESPONSES
  ? process.env.CHECK_RESPONSES === "1"
  : process.env.NODE_ENV === "test";

export interface ServerConfig {
  host: string;
  port: string;
  /** Bearer token every route but health requires; mandatory when bound beyond loopback. */
  apiToken: string | undefined;
  auditLog: string;
  logLevel: string;
  /** Human log lines on a terminal, JSON otherwise; LOG_FORMAT=json or pretty forces one. */
  logFormat: "json" | "pretty";
}

export function serverConfig(
  env: NodeJS.ProcessEnv = process.env,
  isTty = Boolean(process.stdout.isTTY),
): ServerConfig {
  const format = env.LOG_FORMAT === "json" || env.LOG_FORMAT === "pretty" ? env.LOG_FORMAT : isTty ? "pretty" : "json";
  return {
    host: env.HOST ?? "127.0.0.1",
    port: env.PORT ?? "8080",
    apiToken: env.API_TOKEN || undefined,
    auditLog: env.AUDIT_LOG ?? path.join(PROJECT_ROOT, ".data", "audit.jsonl"),
    logLevel: env.LOG_LEVEL ?? "info",
    logFormat: format,
  };
}

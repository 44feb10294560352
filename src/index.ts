/**
 * `npm start`, the main job: ensure Neo4j (the local instance, or NEO4J_URI), load the seed graph idempotently, build
 * the explorer if it is not built, and serve API and explorer on http://127.0.0.1:8080. Clean shutdown on
 * SIGINT/SIGTERM: close the server, then the driver.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { Command } from "commander";
import { pino } from "pino";

import { createApp } from "./app.js";
import { PROJECT_ROOT } from "./config.js";
import { createDb } from "./db/driver.js";
import { ensureDatabase } from "./db/ensure.js";
import { loadSeedGraph } from "./seed/load.js";
import { lockWaitMessage, withLoadLock } from "./seed/lock.js";
import { validateSeed } from "./seed/validate.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

const opts = new Command()
  .name("start")
  .option("--host <host>", "address to bind", process.env.HOST ?? "127.0.0.1")
  .option("--port <port>", "port", process.env.PORT ?? "8080")
  .option("--no-load", "do not load the seed graph first")
  .option("--no-build", "do not build the explorer")
  .parse()
  .opts<{ host: string; port: string; load: boolean; build: boolean }>();

const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });

async function main(): Promise<void> {
  const token = process.env.API_TOKEN;
  if (!LOOPBACK.has(opts.host) && !token) {
    throw new Error(`Refusing to listen on ${opts.host} without API_TOKEN: set API_TOKEN (a long random string) or bind to 127.0.0.1.`);
  }
  const db = createDb(ensureDatabase());
  if (opts.load) {
    const seed = validateSeed();
    const report = await withLoadLock(db, () => loadSeedGraph(db, seed.graph), (holder) => logger.info({ holder }, lockWaitMessage(holder)));
    logger.info({ entities: report.entities, relationships: report.relationships, changed: report.changed, checksum: report.checksumAfter }, "seed graph loaded");
  }
  const webDir = path.join(PROJECT_ROOT, "web", "dist");
  if (opts.build && existsSync(path.join(PROJECT_ROOT, "web", "index.html")) && !existsSync(path.join(webDir, "index.html"))) {
    logger.info("building the explorer (first start only)");
    const res = spawnSync("npx", ["vite", "build", "web"], { cwd: PROJECT_ROOT, stdio: "inherit" });
    if (res.status !== 0) throw new Error("The explorer could not be built (npx vite build web); see the output above.");
  }
  const app = createApp({
    db,
    logger,
    options: { apiToken: token, webDir, auditLog: process.env.AUDIT_LOG ?? path.join(PROJECT_ROOT, ".data", "audit.jsonl") },
  });
  const server = app.listen(Number(opts.port), opts.host, () => {
    console.log(`Compliance graph: http://${opts.host.includes(":") ? `[${opts.host}]` : opts.host}:${opts.port}  (API docs at /api/docs)`);
  });
  server.on("error", (err) => {
    logger.error({ err }, "server error");
    process.exit(1);
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.close(() => {
      db.close().finally(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((err) => {
  console.error(`start: ${(err as Error).message}`);
  process.exit(1);
});

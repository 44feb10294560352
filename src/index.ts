/**
 * `npm start`, the main job: ensure Neo4j (the local instance, or NEO4J_URI), load the seed graph idempotently, build
 * the explorer if it is not built, and serve API and explorer on http://127.0.0.1:8080. Clean shutdown on
 * SIGINT/SIGTERM: close the server, then the driver.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { Command } from "commander";

import { createApp } from "./app.js";
import { PROJECT_ROOT, serverConfig } from "./config.js";
import { createDb } from "./db/driver.js";
import { ensureDatabase } from "./db/ensure.js";
import { loadSeedGraph } from "./seed/load.js";
import { lockWaitMessage, withLoadLock } from "./seed/lock.js";
import { createLogger } from "./log.js";
import { validateSeed } from "./seed/validate.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

const config = serverConfig();
const opts = new Command()
  .name("start")
  .option("--host <host>", "address to bind", config.host)
  .option("--port <port>", "port", config.port)
  .option("--no-load", "do not load the seed graph first")
  .option("--no-build", "do not build the explorer")
  .parse()
  .opts<{ host: string; port: string; load: boolean; build: boolean }>();

const logger = createLogger(config);

async function main(): Promise<void> {
  const token = config.apiToken;
  if (!LOOPBACK.has(opts.host) && !token) {
    throw new Error(
      `Refusing to listen on ${opts.host} without API_TOKEN: set API_TOKEN (a long random string) or bind to 127.0.0.1.`,
    );
  }
  const db = createDb(ensureDatabase());
  if (opts.load) {
    const seed = validateSeed();
    logger.info({ database: db.config.uri }, "loading the seed graph (what is already there is left as it is)");
    const report = await withLoadLock(
      db,
      () => loadSeedGraph(db, seed.graph),
      (holder) => logger.info({ holder }, lockWaitMessage(holder)),
    );
    logger.info(
      {
        entities: report.entities,
        relationships: report.relationships,
        changed: report.changed,
        checksum: report.checksumAfter,
      },
      "seed graph loaded",
    );
  }
  const webDir = path.join(PROJECT_ROOT, "web", "dist");
  if (
    opts.build &&
    existsSync(path.join(PROJECT_ROOT, "web", "index.html")) &&
    !existsSync(path.join(webDir, "index.html"))
  ) {
    logger.info("building the explorer (first start only)");
    const res = spawnSync("npx", ["vite", "build", "web"], { cwd: PROJECT_ROOT, stdio: "inherit" });
    if (res.status !== 0)
      throw new Error("The explorer could not be built (npx vite build web); see the output above.");
  }
  const app = createApp({
    db,
    logger,
    options: { apiToken: token, webDir, auditLog: config.auditLog },
  });
  const server = app.listen(Number(opts.port), opts.host, () => {
    // Through the logger, so that it comes after the lines before it (the terminal's transport writes from a worker).
    logger.info(
      `Compliance graph: http://${opts.host.includes(":") ? `[${opts.host}]` : opts.host}:${opts.port}  (API docs at /api/docs)`,
    );
  });
  server.on("error", (err) => {
    logger.error({ err }, "server error");
    process.exit(1);
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.close(() => {
      void db.close().finally(() => process.exit(0));
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

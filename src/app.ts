/**
 * The express application: security headers, logging, the token check, every API router, the OpenAPI document and
 * page, the built explorer, and the one error middleware. createApp(deps) builds it; index.ts listens.
 */
import { timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { Logger } from "pino";

import { briefingsRouter } from "./api/briefings/briefings.router.js";
import { cypherRouter } from "./api/cypher/cypher.router.js";
import { DEFAULT_OPTIONS, type AppOptions, type Deps } from "./api/deps.js";
import { entitiesRouter } from "./api/entities/entities.router.js";
import { exportRouter } from "./api/export/export.router.js";
import { createGraphCache, NEIGHBORHOOD_CACHE_MAX_ENTRIES } from "./api/graph-cache.js";
import { graphRouter } from "./api/graph/graph.router.js";
import { healthRouter } from "./api/health/health.router.js";
import { DOCS_HTML, DOCS_INIT_JS, openApiDocument } from "./api/openapi.js";
import { errorHandler, notFoundHandler } from "./api/problem.js";
import { queriesRouter } from "./api/queries/queries.router.js";
import { CHECK_RESPONSES_SETTING } from "./api/route.js";
import { searchRouter } from "./api/search/search.router.js";
import { timelineRouter } from "./api/timeline/timeline.router.js";
import { whatsnewRouter } from "./api/whatsnew/whatsnew.router.js";
import type { Db } from "./db/driver.js";
import { UnauthorizedError } from "./errors.js";

export const JSON_BODY_LIMIT = "256kb";

export interface CreateAppInput {
  db: Db;
  options?: Partial<AppOptions>;
  logger?: Logger;
}

/** Constant-time comparison of the bearer token; health checks stay open for load balancers. */
function requireToken(token: string) {
  const expected = Buffer.from(token);
  return (req: Request, _res: Response, next: NextFunction) => {
    if (req.path === "/api/health") return next();
    const header = req.get("authorization") ?? "";
    const given = Buffer.from(
      header.startsWith("Bearer ") ? header.slice(7) : ((req.query.token as string | undefined) ?? ""),
    );
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    next(new UnauthorizedError("This server requires an API token: send it as 'Authorization: Bearer <token>'."));
  };
}

export function createApp({ db, options: given = {}, logger }: CreateAppInput): express.Express {
  const options: AppOptions = { ...DEFAULT_OPTIONS, ...given };
  const deps: Deps = {
    db,
    cache: createGraphCache(db),
    neighborhoods: createGraphCache(db, NEIGHBORHOOD_CACHE_MAX_ENTRIES),
    options,
    logger,
  };
  const registry = new OpenAPIRegistry();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.set(CHECK_RESPONSES_SETTING, options.checkResponses);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          workerSrc: ["'self'", "blob:"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:", "blob:"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  if (logger) {
    app.use(
      pinoHttp({
        logger,
        // Query strings can carry a token or a client's name; log the path only.
        serializers: {
          req: (req) => ({ method: req.method, url: String(req.url).split("?")[0] }),
          res: (res) => ({ statusCode: res.statusCode }),
        },
      }),
    );
  }
  if (options.apiToken) app.use(requireToken(options.apiToken));
  app.use(express.json({ limit: JSON_BODY_LIMIT }));

  const api = express.Router();
  for (const make of [
    healthRouter,
    searchRouter,
    entitiesRouter,
    graphRouter,
    timelineRouter,
    exportRouter,
    queriesRouter,
    cypherRouter,
    briefingsRouter,
    whatsnewRouter,
  ]) {
    api.use(make(deps, registry));
  }
  const document = openApiDocument(registry);
  api.get("/openapi.json", (_req, res) => {
    res.json(document);
  });
  const swaggerDir = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  api.use("/docs/assets", express.static(swaggerDir, { index: false }));
  api.get("/docs/init.js", (_req, res) => {
    res.type("application/javascript").send(DOCS_INIT_JS);
  });
  api.get("/docs", (_req, res) => {
    res.type("html").send(DOCS_HTML);
  });
  app.use("/api", api);
  app.use("/api", notFoundHandler);

  if (options.webDir && existsSync(options.webDir)) {
    app.use(express.static(options.webDir, { index: "index.html", maxAge: "1h" }));
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.sendFile(path.join(options.webDir!, "index.html"));
    });
  }
  app.use(errorHandler);
  return app;
}

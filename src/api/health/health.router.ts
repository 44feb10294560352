/** GET /api/health: is the database reachable, which version, how big is the graph. */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";

import { cypher } from "../../db/cypher.js";
import type { Deps } from "../deps.js";
import { defineRoute } from "../route.js";
import { HealthResponse } from "../../model/wire.js";

export function healthRouter({ db }: Deps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: "get",
    path: "/health",
    response: HealthResponse,
    tag: "health",
    summary: "Database reachable, Neo4j version, counts",
    request: {},
    handler: async () => {
      const [row] = await db.read<{ version: string; edition: string; entities: number; relationships: number }>(
        cypher("api/health"),
        {},
        5_000,
      );
      return {
        status: "ok" as const,
        database: { reachable: true as const, version: row.version, edition: row.edition },
        counts: { entities: row.entities, relationships: row.relationships },
      };
    },
  });
  return router;
}

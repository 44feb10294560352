/** GET /api/queries (the saved queries with their parameters) and POST /api/queries/:name (run one). */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { z } from "zod";

import { BadRequestError, NotFoundError } from "../../errors.js";
import { formatZodPath } from "../../seed/read.js";
import { queryResult } from "../cypher/result.js";
import type { Deps } from "../deps.js";
import { defineRoute } from "../route.js";
import { loadSavedQueries } from "./saved.js";
import { SavedQueryList, SavedQueryResult } from "../../model/wire.js";

export const RunSavedQueryRequest = {
  params: z
    .object({ name: z.string().regex(/^[a-z0-9-]+$/, "a saved query name is lower-case words joined by '-'") })
    .strict(),
  body: z.object({ params: z.record(z.string(), z.unknown()).default({}) }).strict(),
};

/**
 * Saved queries whose answer is the same for every user and small, so that the cache may keep it until the graph
 * changes. Not those whose answer can be large (enforcement-against-company on a hub is 10 MB), nor console Cypher.
 */
export const CACHED_SAVED_QUERIES: ReadonlySet<string> = new Set(["latest-events"]);

export function queriesRouter({ db, cache, options }: Deps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const saved = loadSavedQueries();
  defineRoute(router, registry, {
    method: "get",
    path: "/queries",
    response: SavedQueryList,
    tag: "queries",
    summary: "The saved queries, with their titles, descriptions and typed parameters",
    request: {},
    handler: async () => ({
      queries: [...saved.values()].map(({ name, title, description, params, query }) => ({
        name,
        title,
        description,
        params,
        query,
      })),
    }),
  });
  defineRoute(router, registry, {
    method: "post",
    path: "/queries/:name",
    response: SavedQueryResult,
    tag: "queries",
    summary: "Run a saved query with validated parameters (read-only)",
    request: RunSavedQueryRequest,
    responses: { 404: "No such saved query" },
    handler: async ({ params, body }) => {
      const q = saved.get(params.name);
      if (!q) throw new NotFoundError(`There is no saved query '${params.name}'. The list is at GET /api/queries.`);
      const parsed = q.schema.safeParse(body.params);
      if (!parsed.success) {
        throw new BadRequestError(
          parsed.error.issues
            .map((i) =>
              i.code === "unrecognized_keys"
                ? `unknown parameter(s): ${i.keys.join(", ")}`
                : `parameter '${formatZodPath(i.path)}': ${i.message}`,
            )
            .join("; "),
        );
      }
      const started = Date.now();
      const run = () => queryResult(db, q.query, parsed.data, options.cypherTimeoutMs, options.cypherMaxRows);
      const result = CACHED_SAVED_QUERIES.has(q.name)
        ? await cache.get(`query:${q.name}:${JSON.stringify(parsed.data)}`, run)
        : await run();
      // The time this answer took, from memory or not (the console prints it).
      return { name: q.name, title: q.title, params: parsed.data, ...result, durationMs: Date.now() - started };
    },
  });
  return router;
}

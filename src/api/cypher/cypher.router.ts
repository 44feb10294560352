/** POST /api/cypher: ad hoc read-only Cypher for lawyers, checked, time-limited, row-capped, rate-limited. */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { rateLimit } from "express-rate-limit";
import { z } from "zod";

import { TooManyRequestsError } from "../../errors.js";
import type { Deps } from "../deps.js";
import { defineRoute } from "../route.js";
import { assertReadOnly, MAX_QUERY_CHARS } from "./guard.js";
import { queryResult } from "./result.js";
import { audit } from "../audit.js";
import { QueryResult } from "../../model/wire.js";

export const MAX_PARAMS_JSON_CHARS = 100_000;

export const CypherRequest = {
  body: z
    .object({
      query: z.string().trim().min(1, "the query is empty").max(MAX_QUERY_CHARS),
      params: z
        .record(z.string().regex(/^[A-Za-z_]\w*$/, "a parameter name is a plain identifier"), z.unknown())
        .refine(
          (p) => JSON.stringify(p).length <= MAX_PARAMS_JSON_CHARS,
          `parameters are limited to ${MAX_PARAMS_JSON_CHARS} characters of JSON`,
        )
        .default({}),
    })
    .strict(),
};

export function cypherRouter({ db, options }: Deps, registry: OpenAPIRegistry): Router {
  const router = Router();
  router.use(
    "/cypher",
    rateLimit({
      windowMs: 60_000,
      limit: options.cypherRateLimitPerMinute,
      standardHeaders: "draft-8",
      legacyHeaders: false,
      handler: (_req, _res, next) => {
        next(
          new TooManyRequestsError(
            `At most ${options.cypherRateLimitPerMinute} console queries a minute; wait a moment and run it again.`,
          ),
        );
      },
    }),
  );
  defineRoute(router, registry, {
    method: "post",
    path: "/cypher",
    response: QueryResult,
    tag: "cypher",
    summary: "Run ad hoc read-only Cypher (READ session, timeout, row cap); writes and administration are refused",
    request: CypherRequest,
    responses: { 403: "The query writes or administers", 429: "Rate limit" },
    handler: async ({ body }, { req }) => {
      const started = Date.now();
      try {
        assertReadOnly(body.query);
        const result = await queryResult(db, body.query, body.params, options.cypherTimeoutMs, options.cypherMaxRows);
        audit(options, req, {
          kind: "cypher",
          query: body.query,
          params: body.params,
          rows: result.rows.length,
          durationMs: result.durationMs,
          outcome: result.outcome,
        });
        return result;
      } catch (err) {
        audit(options, req, {
          kind: "cypher",
          query: body.query,
          params: body.params,
          rows: 0,
          durationMs: Date.now() - started,
          outcome: (err as Error).name,
        });
        throw err;
      }
    },
  });
  return router;
}

/** GET /api/search?q=&types=&limit= */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";

import type { Deps } from "../deps.js";
import { defineRoute } from "../route.js";
import { SearchRequest } from "./search.schemas.js";
import { search } from "./search.service.js";
import { SearchResponse } from "../../model/wire.js";

export function searchRouter({ db }: Deps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: "get",
    path: "/search",
    response: SearchResponse,
    tag: "search",
    summary: "Full-text search over names and aliases in Chinese and English",
    request: SearchRequest,
    handler: async ({ query }) => ({ query: query.q, results: await search(db, query.q, query.types, query.limit) }),
  });
  return router;
}

/** The /api/graph routes: overview, neighborhood, paths, regimes. Graphs come in graphology's serialized format. */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";

import type { Deps } from "../deps.js";
import { defineRoute } from "../route.js";
import { NeighborhoodRequest, OverviewRequest, PathsRequest, RegimesRequest } from "./graph.schemas.js";
import { neighborhood, overview, shortestPaths } from "./graph.service.js";
import { regimes } from "./regimes.js";
import { NeighborhoodResponse, OverviewResponse, PathsResponse, RegimesResponse } from "../../model/wire.js";

export function graphRouter({ db, cache, neighborhoods }: Deps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: "get",
    path: "/graph/overview",
    response: OverviewResponse,
    tag: "graph",
    summary:
      "The whole graph for a first view, most connected first, capped; lean edges, at most 5 per entity (edgesOmitted says how many are not sent)",
    request: OverviewRequest,
    handler: ({ query }) =>
      cache.get(`overview:${JSON.stringify(query)}`, () => overview(db, query.limit, query.includeSources)),
  });
  defineRoute(router, registry, {
    method: "get",
    path: "/graph/neighborhood",
    response: NeighborhoodResponse,
    tag: "graph",
    summary:
      "The subgraph around an entity (depth 1 to 3), at most perNode neighbours per entity, most connected first; lean edges (a selected edge's evidence: /api/relationships/{id}); each node's hiddenRelationships says how many of its relationships are not sent, nextOffset asks for the centre's next neighbours",
    request: NeighborhoodRequest,
    responses: { 404: "No such entity" },
    handler: ({ query }) => neighborhoods.get(`neighborhood:${JSON.stringify(query)}`, () => neighborhood(db, query)),
  });
  defineRoute(router, registry, {
    method: "get",
    path: "/graph/paths",
    response: PathsResponse,
    tag: "graph",
    summary:
      "All shortest paths between two entities (never through a Source; by default not through jurisdictions and topics), each hop with its relationship type and true direction",
    request: PathsRequest,
    responses: { 404: "No such entity" },
    onTimeout:
      "This path search took too long and was stopped. Try fewer hops, fewer relationship types, or a more specific pair of entities.",
    handler: ({ query }) => shortestPaths(db, query),
  });
  defineRoute(router, registry, {
    method: "get",
    path: "/graph/regimes",
    response: RegimesResponse,
    tag: "graph",
    summary:
      "How two or more laws interconnect, explained in words (en or zh): provision-level correspondences and cross-references first, then shared enforcement, then incidental links; each sentence cites its relationships",
    request: RegimesRequest,
    responses: { 404: "No such law" },
    onTimeout: "Tracing how these laws connect took too long and was stopped. Try fewer hops or fewer laws at a time.",
    handler: ({ query }) => cache.get(`regimes:${JSON.stringify(query)}`, () => regimes(db, query)),
  });
  return router;
}

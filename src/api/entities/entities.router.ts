/** GET /api/entities/:id: the dossier (paged per relationship type); GET /api/relationships/:id: one relationship with its evidence. */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { z } from "zod";

import { RelType } from "../../model/index.js";
import type { Deps } from "../deps.js";
import { defineRoute } from "../route.js";
import { IdParam, Limit } from "../schemas.js";
import { dossier, DOSSIER_PAGE, MAX_DOSSIER_PAGE, relationship } from "./entities.service.js";
import { Dossier, RelationshipDetail } from "../../model/wire.js";

export const GetEntityRequest = {
  params: IdParam,
  query: z
    .object({
      relType: RelType.optional().describe("only the relationships of this type (to page through one group)"),
      direction: z.enum(["out", "in"]).optional().describe("only outgoing or incoming relationships"),
      offset: z.coerce
        .number()
        .int()
        .min(0)
        .max(1_000_000)
        .default(0)
        .describe("per group: skip this many, the most recent first"),
      limit: Limit(MAX_DOSSIER_PAGE, DOSSIER_PAGE).describe("per group: at most this many relationships"),
    })
    .strict(),
};

export const GetRelationshipRequest = {
  params: z.object({ id: z.string().min(1).max(200) }).strict(),
  query: z
    .object({ type: RelType.describe("the relationship's type (graph endpoints send it with every edge)") })
    .strict(),
};

export function entitiesRouter({ db }: Deps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: "get",
    path: "/entities/:id",
    response: Dossier,
    tag: "entities",
    summary:
      "An entity's dossier: properties, relationships with evidence (per type and direction the most recent 50 and the total, paged), cases in date order",
    request: GetEntityRequest,
    responses: { 404: "No such entity" },
    handler: ({ params, query }) => dossier(db, params.id, query),
  });
  defineRoute(router, registry, {
    method: "get",
    path: "/relationships/:id",
    response: RelationshipDetail,
    tag: "entities",
    summary:
      "One relationship with both ends and its evidence (quote, sources, basis), as the explorer shows a selected edge",
    request: GetRelationshipRequest,
    responses: { 404: "No such relationship" },
    handler: ({ params, query }) => relationship(db, query.type, params.id),
  });
  return router;
}

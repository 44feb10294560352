/** GET /api/entities/:id: the dossier. */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";

import type { Deps } from "../deps.js";
import { defineRoute } from "../route.js";
import { IdParam } from "../schemas.js";
import { dossier } from "./entities.service.js";

export function entitiesRouter({ db }: Deps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: "get",
    path: "/entities/:id",
    tag: "entities",
    summary: "An entity's dossier: properties, relationships with evidence, cases in date order",
    request: { params: IdParam },
    responses: { 404: "No such entity" },
    handler: ({ params }) => dossier(db, params.id),
  });
  return router;
}

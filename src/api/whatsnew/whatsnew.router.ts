/**
 * GET /api/whatsnew: what the graph gained since a date (cases, investigations, lawsuits, accusations, fines, laws
 * and guidance issued), grouped by the watched entities and by jurisdiction, each event with its quote and source.
 * The same result as `npm run whatsnew -- --json`: the logic lives in src/ingest/whatsnew.ts.
 */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { z } from "zod";

import { MAX_WHATSNEW_ROWS, whatsNew } from "../../ingest/whatsnew.js";
import type { Deps } from "../deps.js";
import { csvList, defineRoute } from "../route.js";
import { EntityId, IsoDate, Limit } from "../schemas.js";
import { WhatsNewResponse } from "../../model/wire.js";

export const WhatsNewRequest = {
  query: z
    .object({
      since: IsoDate,
      watch: csvList(EntityId).default([]),
      onlyWatched: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
      limit: Limit(MAX_WHATSNEW_ROWS, MAX_WHATSNEW_ROWS),
    })
    .strict(),
};

export function whatsnewRouter({ db }: Deps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: "get",
    path: "/whatsnew",
    response: WhatsNewResponse,
    tag: "whatsnew",
    summary: "What the graph gained since a date, grouped by watched entity and by jurisdiction",
    description:
      "Reported cases and laws or guidance issued on or after `since`; `watch` lists entity ids (company:bytedance,regulator:gb-ico) to group by. " +
      "`onlyWatched=true` restricts the jurisdiction view to the watched entities' events.",
    request: WhatsNewRequest,
    handler: async ({ query }) => whatsNew(db, query.since, query.watch, query.limit, query.onlyWatched),
  });
  return router;
}

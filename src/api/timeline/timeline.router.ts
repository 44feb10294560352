/** GET /api/timeline: dated events (investigations, suits, accusations, issuances...) in date order. */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { z } from "zod";

import { cypher } from "../../db/cypher.js";
import type { Deps } from "../deps.js";
import { displayName, entityType } from "../graph/serialize.js";
import { sourcesById, evidenceOf } from "../entities/entities.service.js";
import { defineRoute } from "../route.js";
import { IsoDate, JurisdictionIds, Labels, Limit, RelTypes } from "../schemas.js";
import { TimelineResponse } from "../../model/wire.js";

export const TimelineRequest = {
  query: z
    .object({
      from: IsoDate.default("0000"),
      to: IsoDate.default("9999"),
      labels: Labels,
      relTypes: RelTypes,
      jurisdictions: JurisdictionIds,
      limit: Limit(5_000, 1_000),
    })
    .strict()
    .refine((q) => q.from <= q.to, { message: "'from' is after 'to'", path: ["from"] }),
};

type Row = {
  date: string;
  type: string;
  props: Record<string, unknown>;
  fromLabels: string[];
  fromProps: Record<string, unknown>;
  toLabels: string[];
  toProps: Record<string, unknown>;
};

export function timelineRouter({ db }: Deps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: "get",
    path: "/timeline",
    response: TimelineResponse,
    tag: "timeline",
    summary: "Dated events in order, filtered by date range, labels, relationship types and jurisdictions",
    request: TimelineRequest,
    handler: async ({ query }) => {
      // A month or year bound covers the whole month or year: "2026-02" as `to` includes 2026-02-28.
      const rows = await db.read<Row>(cypher("api/timeline"), { ...query, to: `${query.to}\uffff` });
      const sources = await sourcesById(
        db,
        rows.flatMap((r) => (r.props.sources as string[] | undefined) ?? []),
      );
      const end = (labels: string[], props: Record<string, unknown>) => ({
        id: String(props.id),
        type: entityType(labels),
        label: displayName(props),
      });
      return {
        events: rows.map((r) => ({
          id: String(r.props.id),
          date: r.date,
          type: r.type,
          from: end(r.fromLabels, r.fromProps),
          to: end(r.toLabels, r.toProps),
          case: r.props.case as string | undefined,
          evidence: evidenceOf(r.props, sources),
        })),
      };
    },
  });
  return router;
}

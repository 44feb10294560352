/** Request schemas of the /api/graph routes. */
import { z } from "zod";

import { csvList } from "../route.js";
import { Lang } from "../../model/index.js";
import { EntityId, Labels, Limit, RelTypes } from "../schemas.js";
import { RANKED_NEIGHBOURS } from "../../seed/neighbour-ranks.js";

/** Neighbours taken per entity by default: a depth-2 neighbourhood reads at most PER_NODE + PER_NODE² entries. */
export const PER_NODE = 25;

export const DEFAULT_REGIMES = ["law:eu-gdpr", "law:eu-ai-act", "law:cn-aigc-labeling"];

/** Hops of a path search: a whole number 1..6. Also what is written into the path queries' pattern (pathQuery). */
export const MaxHops = z.coerce.number().int().min(1).max(6);

export const OverviewRequest = {
  query: z
    .object({
      limit: Limit(5_000, 1_500),
      includeSources: z
        .enum(["true", "false"])
        .default("false")
        .transform((v) => v === "true"),
    })
    .strict(),
};

export const NeighborhoodRequest = {
  query: z
    .object({
      id: EntityId,
      depth: z.coerce.number().int().min(1).max(3).default(1),
      relTypes: RelTypes,
      labels: Labels,
      limit: Limit(2_000, 200).describe("at most this many entities besides the centre"),
      perNode: z.coerce
        .number()
        .int()
        .min(1)
        .max(RANKED_NEIGHBOURS)
        .default(PER_NODE)
        .describe(
          `at most this many neighbours of each entity expanded, most connected first (default ${PER_NODE}): a depth-2 neighbourhood reads at most perNode + perNode² relationships however connected the entity is`,
        ),
      offset: z.coerce
        .number()
        .int()
        .min(0)
        .max(100_000)
        .default(0)
        .describe(
          "skip the centre's first `offset` neighbours: to show more of an entity, ask again with the answer's `nextOffset`",
        ),
      maxEdges: z.coerce
        .number()
        .int()
        .min(1)
        .max(6_000)
        .optional()
        .describe(
          "at most this many edges (default 3 x limit); the edge that reaches each entity from the centre is always sent",
        ),
    })
    .strict(),
};

export const PathsRequest = {
  query: z
    .object({
      from: EntityId,
      to: EntityId,
      maxHops: MaxHops.default(4),
      relTypes: RelTypes,
      limit: Limit(100, 25),
      avoidHubs: z
        .enum(["true", "false"])
        .default("true")
        .transform((v) => v === "true")
        .describe(
          "do not pass through jurisdictions and topics (default true): a shared country or theme is not a connection",
        ),
    })
    .strict(),
};

export const RegimesRequest = {
  query: z
    .object({
      laws: csvList(EntityId.refine((s) => s.startsWith("law:"), "a regime is a law id ('law:...')"))
        .refine((l) => l.length >= 2, "choose at least two laws")
        .default(DEFAULT_REGIMES),
      maxHops: MaxHops.default(4),
      limit: Limit(50, 10),
      lang: Lang.default("en").describe("the language of every sentence"),
    })
    .strict(),
};

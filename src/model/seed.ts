/** The seed-file format: entities, sources and relationships, any of them optional. */
import { z } from "zod";

import { Entity, Source } from "./entities.js";
import { Relationship } from "./relationships.js";

export const SeedFile = z
  .object({
    $schema: z.string().optional(),
    entities: z.array(Entity).default([]),
    sources: z.array(Source).default([]),
    relationships: z.array(Relationship).default([]),
  })
  .strict()
  .meta({ title: "Compliance graph seed file", description: "Entities, sources and relationships with provenance" });
export type SeedFile = z.infer<typeof SeedFile>;

/**
 * What the extractor knows of the graph, from the seed files (validated, no database needed) or from the database.
 * Linking needs every entity's names and aliases; marking candidates as existing (and reusing existing cases) needs
 * the relationships, which the evaluation deliberately leaves out.
 */
import { cypher } from "../db/cypher.js";
import type { Db } from "../db/driver.js";
import type { Label } from "../model/index.js";
import { pushTo } from "./maps.js";
import type { SeedGraph } from "../seed/graph.js";
import type { GraphEntity, GraphIndex } from "./types.js";

export interface GraphSourceOptions {
  /** Leave the relationships out (the evaluation links with names only). */
  entitiesOnly?: boolean;
}

export function graphFromSeed(graph: SeedGraph, options: GraphSourceOptions = {}): GraphIndex {
  // A jurisdiction's place in another (Ireland in the EU) is geography, not a relationship extraction could find.
  const within = new Map<string, string[]>();
  for (const r of graph.relationships)
    if (r.type === "PART_OF" && graph.entities.get(r.from)?.entity.label === "Jurisdiction")
      pushTo(within, r.from, r.to);
  const entities: GraphEntity[] = [...graph.entities.values()].map(({ entity: e }) => ({
    id: e.id,
    label: e.label,
    nameEn: e.nameEn,
    nameZh: e.nameZh,
    aliases: e.aliases,
    description: e.description,
    ...(within.has(e.id) ? { within: within.get(e.id) } : {}),
  }));
  const relationships = options.entitiesOnly
    ? []
    : graph.relationships.map((r) => ({ type: r.type, from: r.from, to: r.to, case: r.case }));
  return { entities, relationships };
}

export async function graphFromDb(db: Db, options: GraphSourceOptions = {}): Promise<GraphIndex> {
  const rows = await db.read<{
    id: string;
    label: Label;
    nameEn: string | null;
    nameZh: string | null;
    aliases: string[];
    description: string | null;
    within: string[];
  }>(cypher("ingest/entities"), {}, 120_000);
  const entities: GraphEntity[] = rows.map((r) => ({
    id: r.id,
    label: r.label,
    nameEn: r.nameEn ?? undefined,
    nameZh: r.nameZh ?? undefined,
    aliases: r.aliases ?? [],
    description: r.description ?? undefined,
    ...(r.within?.length ? { within: r.within } : {}),
  }));
  if (options.entitiesOnly) return { entities, relationships: [] };
  const rels = await db.read<{ type: string; from: string; to: string; case: string | null }>(
    cypher("ingest/relationships"),
    {},
    120_000,
  );
  return {
    entities,
    relationships: rels.map((r) => ({ type: r.type, from: r.from, to: r.to, case: r.case ?? undefined })),
  };
}

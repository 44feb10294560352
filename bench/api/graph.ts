/** Stage 1: the graph on the bench instance (synthetic S or M plus the curated seed graph), loaded once and kept. */
import { readFileSync } from "node:fs";
import path from "node:path";

import type { Db } from "../../src/db/driver.js";
import { rankNeighbours } from "../../src/seed/neighbour-ranks.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { SIZES, type Size } from "../generate.js";
import { benchData, emptyGraph } from "../load.js";
import { timed } from "../stats.js";
import { BRIEFING_COMPANIES } from "./context.js";

export interface SynEntity {
  id: string;
  label: string;
  nameEn: string;
  nameZh: string;
  aliases: string[];
}

export function readSynthetic(size: Size): SynEntity[] {
  const { seedDir } = benchData(size);
  const data = JSON.parse(readFileSync(path.join(seedDir, "entities.json"), "utf8")) as {
    entities: SynEntity[];
    sources: unknown[];
  };
  return data.entities;
}

export interface PreparedGraph {
  entities: number;
  relationships: number;
  /** Time to load synthetic + seed graph with the project's loader; undefined when the instance already held it. */
  loadMs?: number;
}

/**
 * Makes the bench instance hold the synthetic graph of `size` loaded by the project's loader (schema, full-text
 * index) plus the curated seed graph. After the load benchmark it holds neo4j-admin's import (no schema, other
 * property layout), so it is emptied and loaded again; a graph already in the right state is kept.
 */
export async function prepareGraph(size: Size, db: Db): Promise<PreparedGraph> {
  const seed = validateSeed();
  const synthetic = readSynthetic(size);
  const sources = SIZES[size].relationships / 100;
  const expected = {
    entities: synthetic.length + sources + seed.graph.entities.size,
    relationships: SIZES[size].relationships + seed.graph.relationships.length,
  };
  const [state] = await db
    .read<{ entities: number; relationships: number; seed: boolean; layout: boolean; meta: boolean }>(
      `CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
       RETURN entities, relationships,
              EXISTS { MATCH (s:Company {id: $seedId}) } AS seed,
              EXISTS { MATCH (n:Entity {id: $synId}) WHERE n.props IS NULL AND n.nameEn IS NOT NULL } AS layout,
              EXISTS { MATCH (m:GraphMeta) WHERE m.checksum IS NOT NULL } AS meta`,
      { seedId: BRIEFING_COMPANIES[0], synId: synthetic[0].id },
      120_000,
    )
    .catch(() => [{ entities: -1, relationships: -1, seed: false, layout: false, meta: false }]);
  const index =
    (await db.read("SHOW INDEXES YIELD name WHERE name = 'entity_names' RETURN name").catch(() => [])).length > 0;
  if (
    state.entities === expected.entities &&
    state.relationships === expected.relationships &&
    index &&
    state.seed &&
    state.layout &&
    state.meta
  ) {
    console.log(
      `  the bench instance already holds ${size} + seed graph (${expected.entities} entities, ${expected.relationships} relationships)`,
    );
    // A graph loaded before the loader ranked neighbours: rank them now, as the loader's last step does.
    const [{ ranks }] = await db.read<{ ranks: number }>("MATCH (x:NeighbourRank) RETURN count(x) AS ranks");
    if (ranks < state.entities) {
      console.log(`  ranking every entity's neighbours (${ranks} of ${state.entities} ranked)...`);
      const r = await rankNeighbours(db);
      console.log(`  ranked ${r.ranked} entities in ${(r.ms / 1000).toFixed(0)} s`);
    }
    return expected;
  }
  console.log(`  loading ${size} + seed graph into the bench instance with the project's loader...`);
  const { ms } = await timed(async () => {
    await emptyGraph(db);
    const { seedDir, docsDir } = benchData(size);
    let graph: ReturnType<typeof validateSeed>["graph"] | null = validateSeed({ paths: [seedDir], docsDir }).graph;
    await loadSeedGraph(db, graph, { checksum: false, prune: false });
    graph = null;
    // The last load stores the graph's checksum (two whole-graph reads, about 2 minutes on M), as `npm run load`
    // does: briefings and the API's cache read it instead of hashing a million relationships per request.
    await loadSeedGraph(db, seed.graph, { checksum: true, prune: false });
  });
  console.log(`  loaded in ${(ms / 1000).toFixed(0)} s`);
  return { ...expected, loadMs: ms };
}

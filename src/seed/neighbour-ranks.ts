/**
 * Ranked neighbours, computed when a graph is loaded so that a neighbourhood costs at most k entries per entity
 * however connected the entity is (src/api/graph/graph.service.ts). On a power-law graph almost every entity is two
 * steps from the biggest hubs; choosing among a hub's hundred thousand relationships at request time is what made a
 * depth-2 neighbourhood take a second. Per entity, RANKED_NEIGHBOURS relationships are kept in relevance order (the
 * other end's degree, most connected first): cypher/load/rank-neighbours.cypher.
 *
 * Called by every load path after its last write and before it stores the graph's checksum (the API's caches trust
 * that checksum as the version of the graph): `await rankNeighbours(db, touchedIds)`. With the ids a load wrote it
 * ranks those entities and their neighbours (an incremental load stays cheap); without, every entity.
 */
import { cypher } from "../db/cypher.js";
import type { Db } from "../db/driver.js";

/** Relationships kept per entity; a page past them is read from the relationships themselves. */
export const RANKED_NEIGHBOURS = 50;
const RANK_BATCH = 2_000;
const RANK_CONCURRENCY = 2;
const RANK_TIMEOUT_MS = 600_000;

export interface RankReport {
  ranked: number;
  pruned: number;
  ms: number;
}

/** Ranks the neighbours of `ids` and of every entity next to them (all entities when `ids` is undefined). */
export async function rankNeighbours(db: Db, ids?: string[]): Promise<RankReport> {
  const t = performance.now();
  const targets = ids
    ? (await db.read<{ id: string }>(cypher("load/neighbours-of"), { ids }, RANK_TIMEOUT_MS)).map((r) => r.id)
    : (await db.read<{ id: string }>(cypher("load/all-entity-ids"), {}, RANK_TIMEOUT_MS)).map((r) => r.id);
  const batches: string[][] = [];
  for (let i = 0; i < targets.length; i += RANK_BATCH) batches.push(targets.slice(i, i + RANK_BATCH));
  let ranked = 0;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      const [row] = await db.write<{ ranked: number }>(cypher("load/rank-neighbours"), { ids: batch, k: RANKED_NEIGHBOURS }, RANK_TIMEOUT_MS);
      ranked += row?.ranked ?? 0;
    }
  };
  await Promise.all(Array.from({ length: RANK_CONCURRENCY }, worker));
  const [{ deleted }] = await db.write<{ deleted: number }>(cypher("load/prune-neighbour-ranks"), {}, RANK_TIMEOUT_MS);
  return { ranked, pruned: deleted, ms: performance.now() - t };
}

/**
 * Ranked neighbours, computed when a graph is loaded so that a neighbourhood costs at most k entries per entity
 * however connected the entity is (src/api/graph/graph.service.ts). On a power-law graph almost every entity is two
 * steps from the biggest hubs; choosing among a hub's hundred thousand relationships at request time is what made a
 * depth-2 neighbourhood take a second. Per entity, RANKED_NEIGHBOURS relationships are kept in relevance order (the
 * other end's degree, most connected first): cypher/load/rank-neighbours.cypher.
 *
 * Called by every load path after its last write and before it stores the graph's checksum (the API's caches trust
 * that checksum as the version of the graph). A load that leaves the database holding exactly its graph (a pruning
 * load, the bulk import) ranks in memory (`ranksOf`, a sort per entity) and only writes the ranks: ranking in the
 * database read every neighbour's degree through its relationships and took most of a load of M. Otherwise
 * `rankNeighbours(db, touchedIds)` ranks in the database: those entities and their neighbours, or every entity.
 */
import { cypher } from "../db/cypher.js";
import type { Db } from "../db/driver.js";
import type { SeedGraph, SeedRelationship } from "./graph.js";

/** Relationships kept per entity; a page past them is read from the relationships themselves. */
export const RANKED_NEIGHBOURS = 50;
const RANK_BATCH = 2_000;
/** Entities whose ranks one write statement carries (up to 50 neighbours each). */
const WRITE_BATCH = 2_000;
const RANK_CONCURRENCY = 2;
const RANK_TIMEOUT_MS = 600_000;

export interface RankReport {
  ranked: number;
  pruned: number;
  ms: number;
}

/** One entity's ranks as cypher/load/write-neighbour-ranks.cypher takes them. */
export type RankRow = [
  entityId: string,
  degree: number,
  nbrIds: string[],
  relIds: string[],
  relTypes: string[],
  relOut: boolean[],
  relBasis: string[],
  relDates: string[],
];

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every entity's ranks computed from `graph`, valid when the database holds exactly that graph: the same order as the
 * database's (the other end's degree, most connected first, then its id, then the relationship's id) and the same
 * values ('' for a missing basis or date), so that the query-time fallback continues where the ranks stop.
 */
export function ranksOf(graph: SeedGraph, k = RANKED_NEIGHBOURS): RankRow[] {
  const incident = new Map<string, SeedRelationship[]>();
  for (const r of graph.relationships) {
    for (const end of [r.from, r.to]) {
      const list = incident.get(end);
      if (list) list.push(r);
      else incident.set(end, [r]);
    }
  }
  const degree = (id: string) => incident.get(id)?.length ?? 0;
  const rows: RankRow[] = [];
  for (const id of graph.entities.keys()) {
    const rels = incident.get(id) ?? [];
    const ranked = rels
      .map((r) => ({ r, other: r.from === id ? r.to : r.from, d: degree(r.from === id ? r.to : r.from) }))
      .sort((a, b) => b.d - a.d || byCodePoint(a.other, b.other) || byCodePoint(a.r.id, b.r.id))
      .slice(0, k);
    rows.push([
      id,
      rels.length,
      ranked.map((x) => x.other),
      ranked.map((x) => x.r.id),
      ranked.map((x) => x.r.type),
      ranked.map((x) => x.r.from === id),
      ranked.map((x) => x.r.basis ?? ""),
      ranked.map((x) => (x.r.date === undefined ? "" : String(x.r.date))),
    ]);
  }
  return rows;
}

/** Writes ranks computed in memory (ranksOf), then drops those of entities gone. */
export async function writeRanks(db: Db, rows: RankRow[]): Promise<RankReport> {
  const t = performance.now();
  const batches: RankRow[][] = [];
  for (let i = 0; i < rows.length; i += WRITE_BATCH) batches.push(rows.slice(i, i + WRITE_BATCH));
  const ranked = await inParallel(batches, async (batch) => {
    const [row] = await db.write<{ ranked: number }>(cypher("load/write-neighbour-ranks"), { rows: batch }, RANK_TIMEOUT_MS);
    return row?.ranked ?? 0;
  });
  return { ranked, pruned: await pruneRanks(db), ms: performance.now() - t };
}

/** Ranks the neighbours of `ids` and of every entity next to them (all entities when `ids` is undefined), in the database. */
export async function rankNeighbours(db: Db, ids?: string[]): Promise<RankReport> {
  const t = performance.now();
  const targets = ids
    ? (await db.read<{ id: string }>(cypher("load/neighbours-of"), { ids }, RANK_TIMEOUT_MS)).map((r) => r.id)
    : (await db.read<{ id: string }>(cypher("load/all-entity-ids"), {}, RANK_TIMEOUT_MS)).map((r) => r.id);
  const batches: string[][] = [];
  for (let i = 0; i < targets.length; i += RANK_BATCH) batches.push(targets.slice(i, i + RANK_BATCH));
  const ranked = await inParallel(batches, async (batch) => {
    const [row] = await db.write<{ ranked: number }>(cypher("load/rank-neighbours"), { ids: batch, k: RANKED_NEIGHBOURS }, RANK_TIMEOUT_MS);
    return row?.ranked ?? 0;
  });
  return { ranked, pruned: await pruneRanks(db), ms: performance.now() - t };
}

async function pruneRanks(db: Db): Promise<number> {
  const [{ deleted }] = await db.write<{ deleted: number }>(cypher("load/prune-neighbour-ranks"), {}, RANK_TIMEOUT_MS);
  return deleted;
}

/** Runs `work` over `batches`, RANK_CONCURRENCY at a time; the sum of what it returns. */
async function inParallel<T>(batches: T[], work: (batch: T) => Promise<number>): Promise<number> {
  let total = 0;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) total += await work(batches[next++]);
  };
  await Promise.all(Array.from({ length: RANK_CONCURRENCY }, worker));
  return total;
}

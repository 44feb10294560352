/**
 * Writes a validated seed graph to Neo4j: applies `cypher/schema/*.cypher`, merges entities then relationships in
 * batched UNWIND transactions, prunes what the files no longer hold, stores the checksum of the result (see
 * graph-meta.ts), and reports counts and whether anything changed.
 * Validation happens before this is called (see validateSeed): nothing here is reached with bad data.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { LOAD_BATCH_SIZE, LOAD_CONCURRENCY } from "../config.js";
import { CYPHER_DIR, cypher, relationshipCypher } from "../db/cypher.js";
import type { Db } from "../db/driver.js";
import { toNeo4jParams } from "../db/values.js";
import { REL_TYPES, type Entity } from "../model/index.js";
import type { SeedGraph, SeedRelationship } from "./graph.js";
import { LEGAL_LINK_FIELDS } from "./legal.js";
import { rankNeighbours, ranksOf, writeRanks } from "./neighbour-ranks.js";

const LOAD_TX_TIMEOUT_MS = 300_000;

export interface LoadProgress {
  phase: "schema" | "entities" | "relationships" | "prune";
  done: number;
  total: number;
}

export interface LoadReport {
  changed: boolean;
  checksumBefore: string;
  checksumAfter: string;
  entities: number;
  relationships: number;
  pruned: { entities: number; relationships: number };
  byLabel: Record<string, number>;
  byType: Record<string, number>;
}

/** The statements of every schema file, in file order. */
export function schemaStatements(): string[] {
  const dir = path.join(CYPHER_DIR, "schema");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .flatMap((f) =>
      readFileSync(path.join(dir, f), "utf8")
        .replace(/^\s*\/\/.*$/gm, "")
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean),
    );
}

export async function applySchema(db: Db): Promise<void> {
  for (const statement of schemaStatements()) await db.write(statement, {}, 120_000);
  await db.write("CALL db.awaitIndexes(300)", {}, 320_000);
}

/** Entity properties as stored: nested values flattened, the aliases also joined for the full-text index. */
export function nodeProps(e: Entity): Record<string, unknown> {
  const { label: _label, ...rest } = e;
  const props: Record<string, unknown> = Object.fromEntries(
    Object.entries(rest).filter(([k, v]) => v !== undefined && k !== "reference" && !LEGAL_LINK_FIELDS.has(k)),
  );
  props.aliasesText = e.aliases.join(" | ");
  if ("reference" in e && e.reference) {
    props.referenceTitle = e.reference.title;
    props.referenceUrl = e.reference.url;
    if (e.reference.provision) props.referenceProvision = e.reference.provision;
  }
  return props;
}

/**
 * The stored properties of a relationship, in the column order of `cypher/load/create-relationships.cypher` (checked
 * against that file below): the loader sends a new relationship as [from, to, ...these values], a list per row.
 */
export const REL_PROP_COLUMNS = [
  "id",
  "basis",
  "sources",
  "quote",
  "date",
  "case",
  "role",
  "article",
  "note",
  "verified",
  "theme",
  "themeZh",
  "differenceEn",
  "differenceZh",
  "referenceTitle",
  "referenceUrl",
  "referenceProvision",
] as const;
const REL_ROW_OFFSET = 2;

/** One stored value of a relationship; reference fields are flattened as for entities. */
function relationshipValue(r: SeedRelationship, key: (typeof REL_PROP_COLUMNS)[number]): unknown {
  switch (key) {
    case "referenceTitle":
      return r.reference?.title;
    case "referenceUrl":
      return r.reference?.url;
    case "referenceProvision":
      return r.reference?.provision;
    default:
      return r[key];
  }
}

export function relationshipProps(r: SeedRelationship): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const key of REL_PROP_COLUMNS) {
    const v = relationshipValue(r, key);
    if (v !== undefined) props[key] = v;
  }
  return props;
}

/** A new relationship as the create statement takes it: [from, to, ...REL_PROP_COLUMNS], null for a missing value. */
export function relationshipRow(r: SeedRelationship): unknown[] {
  const row: unknown[] = [r.from, r.to];
  for (const key of REL_PROP_COLUMNS) row.push(relationshipValue(r, key) ?? null);
  return row;
}

/** The create statement must set each column of REL_PROP_COLUMNS from its position; a drift would swap properties. */
function checkCreateColumns(text: string): void {
  REL_PROP_COLUMNS.forEach((key, i) => {
    if (!text.includes(`r.${key} = row[${i + REL_ROW_OFFSET}]`)) {
      throw new Error(`cypher/load/create-relationships.cypher does not set r.${key} from row[${i + REL_ROW_OFFSET}] (REL_PROP_COLUMNS in src/seed/load.ts)`);
    }
  });
}

/** A load statement for one relationship type (see relationshipCypher). */
export function relationshipQuery(
  name: "merge-relationships" | "create-relationships" | "existing-relationships" | "count-relationships" | "set-relationship-lists",
  type: string,
): string {
  return relationshipCypher(`load/${name}`, type);
}

/** How many relationships of each of `types` exist, from the count store (one O(1) read per type). */
async function countsByType(db: Db, types: Iterable<string>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const type of types) [{ count: counts[type] }] = await db.read<{ count: number }>(relationshipQuery("count-relationships", type));
  return counts;
}

/**
 * Runs `work` over `items` with at most `concurrency` in flight; stops taking new items after the first failure and
 * rethrows it once the ones in flight have settled.
 */
async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  if (failure) throw failure.error;
}

/**
 * Two batches that create relationships on the same node (a hub) can deadlock; Neo4j then rolls one back. The
 * driver's own retry gives up after maxTransactionRetryTime, shorter than a large batch, so batches retry here.
 */
async function retryDeadlocks(work: () => Promise<void>, attempts = 8): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { code?: string }).code ?? "";
      if (attempt >= attempts || !code.startsWith("Neo.TransientError.")) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/**
 * One batch in one write transaction. The rows are sent as they are (already in the driver's types): db.write would
 * walk and copy every value again to convert numbers, which cost as much CPU as packing them.
 */
async function writeRows(db: Db, query: string, rows: unknown[][]): Promise<void> {
  await db.writeTx(async (tx) => {
    await tx.run(query, { rows });
  }, LOAD_TX_TIMEOUT_MS);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Canonical JSON: object keys sorted, so that equal graphs hash equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 over every entity (id, labels, properties) and relationship (id, type, endpoints, properties). */
export async function graphChecksum(db: Db): Promise<string> {
  const hash = createHash("sha256");
  const nodes = await db.read<{ id: string; labels: string[]; props: Record<string, unknown> }>(cypher("checksum/nodes"), {}, 600_000);
  for (const n of nodes) hash.update(canonical({ ...n, labels: [...n.labels].sort() }) + "\n");
  const rels = await db.read(cypher("checksum/relationships"), {}, 600_000);
  for (const r of rels) hash.update(canonical(r) + "\n");
  return hash.digest("hex");
}

export async function graphCounts(db: Db): Promise<{ entities: number; relationships: number; byLabel: Record<string, number>; byType: Record<string, number> }> {
  const [totals] = await db.read<{ entities: number; relationships: number }>(cypher("load/counts"));
  const byLabel = Object.fromEntries((await db.read<{ label: string; count: number }>(cypher("load/counts-by-label"), {}, 300_000)).map((r) => [r.label, r.count]));
  // Per type from the count store: a scan grouped by type took over 30 s on a million relationships under load.
  const byType = Object.fromEntries(Object.entries(await countsByType(db, REL_TYPES)).filter(([, n]) => n > 0));
  return { ...totals, byLabel, byType };
}

export interface LoadOptions {
  batchSize?: number;
  /** Relationship batches in flight at once (LOAD_CONCURRENCY). */
  concurrency?: number;
  prune?: boolean;
  /**
   * Compute the checksum before and after (reading the whole graph twice) and store it for readers (GraphMeta); off in
   * benchmarks of large graphs, where the stored one is removed instead.
   */
  checksum?: boolean;
  onProgress?: (p: LoadProgress) => void;
}

export async function loadSeedGraph(db: Db, graph: SeedGraph, options: LoadOptions = {}): Promise<LoadReport> {
  const batchSize = options.batchSize ?? LOAD_BATCH_SIZE;
  const progress = options.onProgress ?? (() => {});
  progress({ phase: "schema", done: 0, total: 1 });
  await applySchema(db);
  progress({ phase: "schema", done: 1, total: 1 });
  const withChecksum = options.checksum ?? true;
  const checksumBefore = withChecksum ? await graphChecksum(db) : "";
  // Before the first write: a load that dies half-way, or runs without the checksum, leaves no stale one behind.
  await db.write(cypher("load/forget-graph-meta"));

  const entities = [...graph.entities.values()];
  const concurrency = options.concurrency ?? LOAD_CONCURRENCY;
  let done = 0;
  await inParallel(chunks(entities, batchSize), concurrency, async (batch) => {
    // Rows are built per batch, just before they are sent, and already in the driver's types: no copy of the graph.
    const rows = batch.map(({ entity }) => [entity.id, entity.label, toNeo4jParams(nodeProps(entity))]);
    await retryDeadlocks(() => writeRows(db, cypher("load/merge-nodes"), rows));
    done += batch.length;
    progress({ phase: "entities", done, total: entities.length });
  });

  const byType = new Map<string, SeedRelationship[]>();
  for (const r of graph.relationships) {
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  const jobs: { type: string; batch: SeedRelationship[] }[] = [];
  for (const [type, rels] of [...byType.entries()].sort()) for (const batch of chunks(rels, batchSize)) jobs.push({ type, batch });
  // A type with no relationships yet (every type on a first load) needs no lookup of which ids exist: the load lock
  // keeps other writers out, so all of its batches are created.
  const emptyTypes = new Set(Object.entries(await countsByType(db, byType.keys())).filter(([, n]) => n === 0).map(([type]) => type));
  done = 0;
  const createQuery = (type: string) => {
    const text = relationshipQuery("create-relationships", type);
    checkCreateColumns(text);
    return text;
  };
  await inParallel(jobs, concurrency, async ({ type, batch }) => {
    await retryDeadlocks(async () => {
      // Existing edges are updated in place (MERGE); new ones are created, which is much faster on a first load.
      // Batches never share a relationship id, so two of them in flight cannot race on one edge.
      const existing = emptyTypes.has(type)
        ? new Set<string>()
        : new Set((await db.read<{ id: string }>(relationshipQuery("existing-relationships", type), { ids: batch.map((r) => r.id) }, 300_000)).map((r) => r.id));
      const fresh = existing.size ? batch.filter((r) => !existing.has(r.id)) : batch;
      const known = existing.size ? batch.filter((r) => existing.has(r.id)) : [];
      if (fresh.length) await writeRows(db, createQuery(type), fresh.map(relationshipRow));
      if (known.length) await writeRows(db, relationshipQuery("merge-relationships", type), known.map((r) => [r.from, r.to, relationshipProps(r)]));
    });
    done += batch.length;
    progress({ phase: "relationships", done, total: graph.relationships.length });
  });

  const pruned = { entities: 0, relationships: 0 };
  if (options.prune ?? true) {
    const counts = await db.read<{ entities: number; relationships: number }>(cypher("load/counts"));
    if (counts[0].relationships > graph.relationships.length) {
      const [r] = await db.write<{ deleted: number }>(cypher("load/prune-relationships"), { ids: graph.relationships.map((r) => r.id), types: REL_TYPES }, 600_000);
      pruned.relationships = r.deleted;
    }
    if (counts[0].entities > graph.entities.size) {
      const [r] = await db.write<{ deleted: number }>(cypher("load/prune-nodes"), { ids: [...graph.entities.keys()] }, 600_000);
      pruned.entities = r.deleted;
    }
    progress({ phase: "prune", done: 1, total: 1 });
  }

  // The full-text index is eventually consistent (faster writes); searches right after a load should see it all.
  await db.write("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()", {}, 300_000);
  // Before the checksum: the API's caches take the stored checksum as the version of the graph, ranks included.
  // When the database holds exactly `graph` (every entity and relationship of it was written, and the counts say there
  // is nothing else: a pruning load, or a load into an empty database), its ranks are computed in memory.
  // The ranks are not entities and have no relationships: these counts stay those of the loaded graph.
  const counts = await graphCounts(db);
  if (counts.entities === graph.entities.size && counts.relationships === graph.relationships.length)
    await writeRanks(db, ranksOf(graph));
  else await rankNeighbours(db, [...graph.entities.keys()]);
  const checksumAfter = withChecksum ? await graphChecksum(db) : "";
  if (withChecksum) {
    await db.write(cypher("load/store-graph-meta"), {
      checksum: checksumAfter,
      loadedAt: new Date().toISOString(),
      entities: counts.entities,
      relationships: counts.relationships,
    });
  }
  return { changed: !withChecksum || checksumBefore !== checksumAfter, checksumBefore, checksumAfter, pruned, ...counts };
}

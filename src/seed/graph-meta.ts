/**
 * The graph checksum as stored by the last load (a `GraphMeta` node, not an :Entity), read in O(1). Computing it from
 * the data reads and hashes every entity and relationship (40-56 s and 0.5 GB of heap on the 1M-relationship bench
 * graph), so readers on a request path take the stored value, and compute it only when none can be trusted.
 */
import { cypher } from "../db/cypher.js";
import type { Db } from "../db/driver.js";
import { graphChecksum } from "./load.js";

export interface GraphMetaState {
  /** The stored checksum when it still describes the graph; undefined otherwise (see `problem`). */
  checksum?: string;
  loadedAt?: string;
  /** Why there is no trustworthy stored checksum, in words a user can act on. */
  problem?: string;
}

interface StoredRow {
  checksum: string | null;
  loadedAt: string | null;
  storedEntities: number | null;
  storedRelationships: number | null;
  entities: number;
  relationships: number;
}

/**
 * The stored checksum, if the last load stored one and the graph still has the counts it was computed on. A change
 * outside the loader that keeps the counts (a property edited by hand) is not seen here; `npm run checksum` is the
 * check for that.
 */
export async function storedChecksum(db: Db): Promise<GraphMetaState> {
  const [row] = await db.read<StoredRow>(cypher("checksum/stored"));
  if (!row.checksum) {
    return { problem: "no checksum is stored in the database (loaded by an older version, with the checksum off, or a load is in progress)" };
  }
  if (row.storedEntities !== row.entities || row.storedRelationships !== row.relationships) {
    return {
      loadedAt: row.loadedAt ?? undefined,
      problem:
        `the graph was changed outside the loader since the last load (${row.entities} entities and ${row.relationships} relationships now, ` +
        `${row.storedEntities} and ${row.storedRelationships} when its checksum was stored)`,
    };
  }
  return { checksum: row.checksum, loadedAt: row.loadedAt ?? undefined };
}

/**
 * The checksum of the graph now: the stored one, or else computed from the data (slow on a large graph, and never
 * stored here: readers stay read-only), after telling `warn` why and what to do.
 */
export async function currentChecksum(db: Db, warn: (message: string) => void = () => {}): Promise<string> {
  const stored = await storedChecksum(db);
  if (stored.checksum) return stored.checksum;
  warn(`Computing the graph checksum from the data, which reads the whole graph: ${stored.problem}. Run \`npm run load\` to store it.`);
  return graphChecksum(db);
}

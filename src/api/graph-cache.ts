/**
 * Answers of graph-wide read endpoints (the overview, the regimes view, a few saved queries) are the same for every
 * user until the graph changes, and some take seconds on a large graph. This in-process cache keeps them per
 * version of the graph: the checksum the last load stored (one O(1) read of GraphMeta per request decides hit or
 * miss), so a load of different data makes every older answer unreachable. Without a trustworthy stored checksum
 * (older load, checksum off, load in progress, graph changed outside the loader) nothing is cached.
 */
import { GRAPH_CACHE_MAX_ENTRIES } from "../config.js";
import type { Db } from "../db/driver.js";
import { storedChecksum } from "../seed/graph-meta.js";

/** Answers kept at most; the least recently used goes first. An overview of 5,000 nodes is several MB. */
export { GRAPH_CACHE_MAX_ENTRIES, NEIGHBORHOOD_CACHE_MAX_ENTRIES } from "../config.js";

export interface GraphCache {
  /**
   * The answer of `compute` for `key` on the graph as it is now: from memory if it was computed on the same version
   * of the graph, else computed (once, however many requests ask at the same time).
   */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** How many answers are kept (for tests). */
  readonly size: number;
}

export function createGraphCache(db: Db, maxEntries = GRAPH_CACHE_MAX_ENTRIES): GraphCache {
  // Map order is insertion order: re-inserting on a hit makes the first key the least recently used.
  const entries = new Map<string, Promise<unknown>>();
  const forget = (k: string, p: Promise<unknown>) => {
    if (entries.get(k) === p) entries.delete(k);
  };
  return {
    get size() {
      return entries.size;
    },
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const version = (await storedChecksum(db)).checksum;
      if (!version || maxEntries <= 0) return compute();
      const k = `${version}\n${key}`;
      const hit = entries.get(k) as Promise<T> | undefined;
      if (hit) {
        entries.delete(k);
        entries.set(k, hit);
        return hit;
      }
      const answer = compute();
      entries.set(k, answer);
      for (const old of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(old);
      }
      try {
        const value = await answer;
        // A load that began while this was computed may have changed what it read: keep it only if the graph
        // still has the version it was asked for (a load forgets the stored checksum before its first write).
        if ((await storedChecksum(db)).checksum !== version) forget(k, answer);
        return value;
      } catch (err) {
        forget(k, answer);
        throw err;
      }
    },
  };
}

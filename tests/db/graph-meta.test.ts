/**
 * The checksum a load stores (GraphMeta) against the real Neo4j: it equals the checksum computed from the data, a load
 * of changed data updates it, a load with the checksum off or a change outside the loader leaves none to trust, no
 * query of the graph sees the GraphMeta node, briefings print the stored value, and the cache of graph-wide answers
 * never serves the answer of another graph.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createGraphCache } from "../../src/api/graph-cache.js";
import { buildBriefing } from "../../src/briefing/index.js";
import type { Db } from "../../src/db/driver.js";
import { exportSeed } from "../../src/seed/export.js";
import { currentChecksum, storedChecksum } from "../../src/seed/graph-meta.js";
import { graphChecksum, graphCounts, loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { changedSeedGraph } from "../support/changed-seed.js";
import { emptyDatabase, testDb } from "../support/db.js";

let db: Db;
beforeAll(async () => {
  db = testDb();
  await emptyDatabase(db);
});
afterAll(async () => {
  await loadSeedGraph(db, validateSeed().graph);
  await db?.close();
});

describe("the stored graph checksum", () => {
  it("is not trusted once the graph was changed outside the loader: readers compute it from the data and say why", async () => {
    await loadSeedGraph(db, validateSeed().graph);
    await db.write("CREATE (:Entity:Company {id: 'company:stray-meta', nameEn: 'Stray'})");
    try {
      const stored = await storedChecksum(db);
      expect(stored.checksum).toBeUndefined();
      expect(stored.problem).toMatch(/changed outside the loader/);
      const warnings: string[] = [];
      expect(await currentChecksum(db, (m) => warnings.push(m))).toBe(await graphChecksum(db));
      expect(warnings).toEqual([expect.stringMatching(/npm run load/)]);
    } finally {
      await db.write("MATCH (n:Entity {id: 'company:stray-meta'}) DETACH DELETE n");
    }
  });

  it("is stored by a load and equals the checksum computed from the data", async () => {
    const report = await loadSeedGraph(db, validateSeed().graph);
    const stored = await storedChecksum(db);
    expect(stored.checksum).toBe(report.checksumAfter);
    expect(stored.checksum).toBe(await graphChecksum(db));
    expect(Date.parse(stored.loadedAt!)).not.toBeNaN();
    const warnings: string[] = [];
    expect(await currentChecksum(db, (m) => warnings.push(m))).toBe(stored.checksum);
    expect(warnings).toEqual([]);
  });

  it("is updated by a load of changed data", async () => {
    const before = (await storedChecksum(db)).checksum;
    const report = await loadSeedGraph(db, changedSeedGraph(["law:eu-gdpr"]).graph);
    expect(report.changed).toBe(true);
    const after = (await storedChecksum(db)).checksum;
    expect(after).not.toBe(before);
    expect(after).toBe(await graphChecksum(db));
  });

  it("is removed by a load with the checksum off, never left describing another graph", async () => {
    await loadSeedGraph(db, validateSeed().graph, { checksum: false });
    const stored = await storedChecksum(db);
    expect(stored.checksum).toBeUndefined();
    expect(stored.problem).toMatch(/no checksum is stored/);
    expect(await currentChecksum(db)).toBe(await graphChecksum(db));
  });

  it("lives in a node that no count, export or checksum of the graph sees", async () => {
    const { graph } = validateSeed();
    await loadSeedGraph(db, graph);
    expect((await db.read<{ n: number }>("MATCH (m:GraphMeta) RETURN count(m) AS n"))[0].n).toBe(1);
    const counts = await graphCounts(db);
    expect(counts.entities).toBe(graph.entities.size);
    expect(Object.keys(counts.byLabel)).not.toContain("GraphMeta");
    const exported = await exportSeed(db);
    expect(exported.entities.length + exported.sources.length).toBe(graph.entities.size);
    // The node the previous load wrote is no difference to the next one, and the checksum stays that of the data.
    expect((await loadSeedGraph(db, graph)).changed).toBe(false);
    expect((await storedChecksum(db)).checksum).toBe(await graphChecksum(db));
  });

  it("is the checksum a briefing prints", async () => {
    const stored = (await storedChecksum(db)).checksum;
    const briefing = await buildBriefing(db, {
      subject: { kind: "company", id: "company:minimax", activities: [] },
      markets: ["EU", "KR"],
      lang: "en",
    });
    expect(briefing.header.graphChecksum).toBe(stored);
  });
});

describe("the cache of graph-wide answers", () => {
  it("answers from memory while the graph is the same, and computes again after a load of different data", async () => {
    await loadSeedGraph(db, validateSeed().graph);
    const cache = createGraphCache(db);
    let computed = 0;
    const names = () =>
      cache.get("gdpr", async () => {
        computed++;
        return (await db.read<{ name: string }>("MATCH (n:Entity {id: 'law:eu-gdpr'}) RETURN n.nameEn AS name"))[0]
          .name;
      });
    const first = await names();
    expect(await names()).toBe(first);
    expect(computed).toBe(1);
    await loadSeedGraph(db, changedSeedGraph(["law:eu-gdpr"]).graph);
    expect(await names()).toBe(`${first} (renamed)`);
    expect(computed).toBe(2);
  });

  it("caches nothing when no checksum is stored", async () => {
    await loadSeedGraph(db, validateSeed().graph, { checksum: false });
    const cache = createGraphCache(db);
    let computed = 0;
    for (let i = 0; i < 2; i++) await cache.get("k", async () => ++computed);
    expect(computed).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("keeps at most its bound of answers, the least recently used going first", async () => {
    await loadSeedGraph(db, validateSeed().graph);
    const cache = createGraphCache(db, 2);
    const computed: string[] = [];
    const get = (k: string) => cache.get(k, async () => computed.push(k));
    for (const k of ["a", "b", "a", "c", "a", "b"]) await get(k);
    expect(cache.size).toBe(2);
    expect(computed).toEqual(["a", "b", "c", "b"]);
  });

  it("does not keep a failed answer", async () => {
    const cache = createGraphCache(db);
    await expect(cache.get("fails", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get("fails", async () => "ok")).toBe("ok");
  });
});

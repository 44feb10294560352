/**
 * The loader against the real Neo4j (test instance): bad seed data writes nothing; a load then a reload give equal
 * checksums and the reload reports no change; the schema (constraints, cjk full-text index) is in place.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../src/db/driver.js";
import { SeedValidationError } from "../../src/errors.js";
import { graphChecksum, graphCounts, loadSeedGraph } from "../../src/seed/load.js";
import { rankNeighbours, RANKED_NEIGHBOURS } from "../../src/seed/neighbour-ranks.js";
import { validateSeed } from "../../src/seed/validate.js";
import { emptyDatabase, testDb } from "../support/db.js";

let db: Db;
beforeAll(async () => {
  db = testDb();
  await emptyDatabase(db);
});
afterAll(async () => db?.close());

describe("loading the seed graph", () => {
  it("refuses invalid seed files before anything is written", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bad-seed-"));
    writeFileSync(
      path.join(dir, "bad.json"),
      JSON.stringify({
        entities: [{ id: "company:a", label: "Company", nameEn: "A" }],
        relationships: [
          {
            type: "SUES",
            from: "company:a",
            to: "company:b",
            basis: "curated",
            case: "case:x",
            reference: { title: "t", url: "https://example.org" },
          },
        ],
      }),
    );
    const before = await graphChecksum(db);
    expect(() => validateSeed({ paths: [dir] })).toThrow(SeedValidationError);
    expect(await graphChecksum(db)).toBe(before);
  });

  it("loads the curated seed graph with at least 180 entities and 280 relationships", async () => {
    const { graph } = validateSeed();
    const report = await loadSeedGraph(db, graph);
    expect(report.changed).toBe(true);
    expect(report.entities).toBe(graph.entities.size);
    expect(report.relationships).toBe(graph.relationships.length);
    expect(report.entities).toBeGreaterThanOrEqual(180);
    expect(report.relationships).toBeGreaterThanOrEqual(280);
    for (const label of ["Company", "Regulator", "Court", "Law", "Model", "Case", "Jurisdiction", "Topic", "Source"]) {
      expect(report.byLabel[label], label).toBeGreaterThan(0);
    }
  });

  it("a second load changes nothing and gives the same checksum", async () => {
    const first = await graphChecksum(db);
    const report = await loadSeedGraph(db, validateSeed().graph);
    expect(report.changed).toBe(false);
    expect(report.checksumAfter).toBe(first);
  });

  it("converges after the database was changed behind its back", async () => {
    const clean = await graphChecksum(db);
    await db.write("MATCH (n:Entity {id: 'law:eu-gdpr'}) SET n.nameEn = 'tampered'");
    await db.write("CREATE (:Entity:Company {id: 'company:stray', nameEn: 'Stray'})");
    expect(await graphChecksum(db)).not.toBe(clean);
    const report = await loadSeedGraph(db, validateSeed().graph);
    expect(report.pruned.entities).toBe(1);
    expect(report.checksumAfter).toBe(clean);
  });

  it("every document contributes relationships", async () => {
    const rows = await db.read<{ document: string; n: number }>(
      "MATCH (s:Source) WITH s MATCH ()-[r]->() WHERE s.id IN r.sources RETURN s.document AS document, count(DISTINCT r) AS n ORDER BY document",
    );
    expect(rows.map((r) => r.document)).toEqual([
      "000_c3bd37c92eb1a838.txt",
      "001_f750d75d56099039.txt",
      "003_0510070e2aa13aa3.txt",
      "004_f4e6ca4b0efe5d3f.txt",
    ]);
  });

  it("ranks every entity's neighbours in memory exactly as the database ranks them", async () => {
    const graph = validateSeed().graph;
    await loadSeedGraph(db, graph);
    const ranks = async () =>
      db.read<Record<string, unknown>>(
        "MATCH (x:NeighbourRank) RETURN x.entityId AS id, x.degree AS degree, x.nbrIds AS nbrIds, x.relIds AS relIds, x.relTypes AS relTypes, x.relOut AS relOut, x.relBasis AS relBasis, x.relDates AS relDates ORDER BY id",
      );
    const fromMemory = await ranks();
    expect(fromMemory).toHaveLength(graph.entities.size);
    // Some hub has more relationships than are ranked: the cut, not only the order, is compared.
    expect(fromMemory.some((r) => (r.degree as number) > RANKED_NEIGHBOURS)).toBe(true);
    await rankNeighbours(db);
    expect(await ranks()).toEqual(fromMemory);
  });

  it("creates the uniqueness constraints and the cjk full-text index", async () => {
    const constraints = await db.read<{ name: string }>("SHOW CONSTRAINTS YIELD name RETURN name");
    expect(constraints.map((c) => c.name)).toEqual(
      expect.arrayContaining(["entity_id", "company_id", "law_id", "rel_investigates_id"]),
    );
    const [index] = await db.read<{ analyzer: string }>(
      "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'entity_names' RETURN options.indexConfig['fulltext.analyzer'] AS analyzer",
    );
    expect(index.analyzer).toBe("cjk");
    const hits = await db.read<{ id: string }>(
      "CALL db.index.fulltext.queryNodes('entity_names', '数据保护') YIELD node RETURN node.id AS id LIMIT 20",
    );
    expect(hits.map((h) => h.id)).toContain("topic:data-protection");
  });

  it("counts match the seed files by label", async () => {
    const { graph } = validateSeed();
    const counts = await graphCounts(db);
    const expected: Record<string, number> = {};
    for (const { entity } of graph.entities.values()) expected[entity.label] = (expected[entity.label] ?? 0) + 1;
    expect(counts.byLabel).toEqual(expected);
  });
});

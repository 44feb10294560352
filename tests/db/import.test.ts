/**
 * The first-load path (neo4j-admin database import) against the real test instance, which it stops and starts: it
 * applies only to an empty local database, never to a server named by NEO4J_URI; and it leaves exactly the graph,
 * schema and stored checksum the transactional loader leaves (compared as a full canonical dump).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { dbConfig } from "../../src/config.js";
import { cypher } from "../../src/db/cypher.js";
import { createDb, type Db } from "../../src/db/driver.js";
import { storedChecksum } from "../../src/seed/graph-meta.js";
import { bulkImportApplies, importSeedGraph } from "../../src/seed/import.js";
import { graphChecksum, loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { emptyDatabase, testDb } from "../support/db.js";
import { testEnv } from "../support/env.js";

let db: Db;
beforeAll(async () => {
  db = testDb();
});
afterAll(async () => {
  // A fresh connection: the import restarts the server, and a failed test may leave `db` closed.
  await db?.close();
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
  await db.close();
});
// Stopping, importing into and starting the server takes under a minute alone, and several on a 2-core machine shared with other work.
const IMPORT_TEST_TIMEOUT_MS = 600_000;

/** Every entity and relationship with all its properties, in id order: what the checksum hashes, readable in a diff. */
async function dump(d: Db) {
  return {
    nodes: await d.read(cypher("checksum/nodes"), {}, 120_000),
    relationships: await d.read(cypher("checksum/relationships"), {}, 120_000),
    constraints: (await d.read<{ name: string }>("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name")).map(
      (r) => r.name,
    ),
    indexes: (
      await d.read<{ name: string }>("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name ORDER BY name")
    ).map((r) => r.name),
  };
}

describe("the first-load path through neo4j-admin import", () => {
  it(
    "does not apply to a database that holds data, nor to a server named by NEO4J_URI, nor by itself to a small graph",
    async () => {
      const graph = validateSeed().graph;
      await loadSeedGraph(db, graph);
      const full = await bulkImportApplies(db, graph, 0);
      expect(full.applies).toBe(false);
      expect(full.reason).toMatch(/already holds \d+ nodes/);

      await emptyDatabase(db);
      // The same empty server, named as a user's own server would be: the loader must never stop it.
      const local = dbConfig(testEnv());
      const remote = createDb(
        dbConfig({ NEO4J_URI: local.uri, NEO4J_USERNAME: local.username, NEO4J_PASSWORD: local.password }),
      );
      try {
        const decision = await bulkImportApplies(remote, graph, 0);
        expect(decision.applies).toBe(false);
        expect(decision.reason).toMatch(/NEO4J_URI/);
      } finally {
        await remote.close();
      }
      const small = await bulkImportApplies(db, graph);
      expect(small.applies).toBe(false);
      expect(small.reason).toMatch(/BULK_IMPORT_MIN_RELATIONSHIPS/);
      expect((await bulkImportApplies(db, graph, 0)).applies).toBe(true);
    },
    IMPORT_TEST_TIMEOUT_MS,
  );

  it(
    "leaves the same graph, schema and stored checksum as the transactional loader",
    async () => {
      const graph = validateSeed().graph;
      await emptyDatabase(db);
      const transactional = await loadSeedGraph(db, graph);
      const expected = await dump(db);

      await emptyDatabase(db);
      expect((await bulkImportApplies(db, graph, 0)).applies).toBe(true);
      const imported = await importSeedGraph(db, graph);
      db = imported.db;
      expect(imported.report.changed).toBe(true);
      expect(imported.report.checksumAfter).toBe(transactional.checksumAfter);
      expect(imported.report.byLabel).toEqual(transactional.byLabel);
      expect(imported.report.byType).toEqual(transactional.byType);
      expect(await dump(db)).toEqual(expected);
      expect(await graphChecksum(db)).toBe(transactional.checksumAfter);
      expect((await storedChecksum(db)).checksum).toBe(transactional.checksumAfter);

      // The full-text index answers as after a transactional load.
      const hits = await db.read<{ id: string }>(
        "CALL db.index.fulltext.queryNodes('entity_names', '数据保护') YIELD node RETURN node.id AS id LIMIT 20",
      );
      expect(hits.map((h) => h.id)).toContain("topic:data-protection");
      // And a transactional reload on top finds nothing to change.
      expect((await loadSeedGraph(db, graph)).changed).toBe(false);
    },
    IMPORT_TEST_TIMEOUT_MS,
  );
});

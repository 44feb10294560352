/**
 * Loads under faults, on an instance of their own: Neo4j killed with SIGKILL in the middle of a load, then a rerun
 * converges to the checksum of a clean load; two loads started at once give one consistent graph, no duplicates, and
 * the one that waited is told so; dump and restore round-trip the database.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PROJECT_ROOT } from "../../src/config.js";
import { createDb, type Db } from "../../src/db/driver.js";
import { graphChecksum, loadSeedGraph } from "../../src/seed/load.js";
import { withLoadLock } from "../../src/seed/lock.js";
import { validateSeed } from "../../src/seed/validate.js";
import { TestInstance } from "../support/instance.js";

const instance = new TestInstance("faults", 7692);
let db: Db;
let clean: string;

async function emptyGraph(d: Db): Promise<void> {
  const s = d.driver.session();
  try {
    await s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
  } finally {
    await s.close();
  }
}

beforeAll(async () => {
  instance.start();
  db = createDb(instance.config());
  await emptyGraph(db);
  clean = (await loadSeedGraph(db, validateSeed().graph)).checksumAfter;
});
afterAll(async () => {
  await db?.close();
  instance.stop();
});

describe("faults during loads", () => {
  it("converges to the clean checksum after Neo4j is killed in the middle of a load", async () => {
    await emptyGraph(db);
    let killed = false;
    const interrupted = loadSeedGraph(db, validateSeed().graph, {
      batchSize: 20,
      onProgress: (p) => {
        if (!killed && p.phase === "relationships" && p.done >= 100) {
          killed = true;
          instance.kill();
        }
      },
    });
    await expect(interrupted).rejects.toThrow(/cannot be reached|connection|closed|Failed|unavailable/i);
    expect(killed).toBe(true);

    instance.start();
    await db.close();
    db = createDb(instance.config());
    const partial = await graphChecksum(db);
    expect(partial).not.toBe(clean);
    const report = await loadSeedGraph(db, validateSeed().graph);
    expect(report.checksumAfter).toBe(clean);
  });

  it("runs two loads started at once one after the other, with no duplicates", async () => {
    await emptyGraph(db);
    const other = createDb(instance.config());
    const waited: string[] = [];
    try {
      const graph = validateSeed().graph;
      const [a, b] = await Promise.all([
        withLoadLock(
          db,
          () => loadSeedGraph(db, graph),
          () => waited.push("a"),
        ),
        withLoadLock(
          other,
          () => loadSeedGraph(other, graph),
          () => waited.push("b"),
        ),
      ]);
      expect(waited).toHaveLength(1);
      expect([a.changed, b.changed].sort()).toEqual([false, true]);
      expect(b.checksumAfter).toBe(clean);
      expect(a.checksumAfter).toBe(clean);
      const [dupes] = await db.read<{ n: number }>(
        "MATCH (n:Entity) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS n",
      );
      expect(dupes.n).toBe(0);
    } finally {
      await other.close();
    }
  });

  it("dumps and restores the database with the server stopped, round trip", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dump-"));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEO4J_INSTANCE: instance.name,
      NEO4J_BOLT_PORT: String(instance.port),
    };
    delete env.NEO4J_URI;
    const script = path.join(PROJECT_ROOT, "scripts", "neo4j.sh");
    await db.close();
    execFileSync("bash", [script, "dump", dir], { env, stdio: "pipe" });
    db = createDb(instance.config());
    await emptyGraph(db);
    expect(await graphChecksum(db)).not.toBe(clean);
    await db.close();
    execFileSync("bash", [script, "restore", dir], { env, stdio: "pipe" });
    db = createDb(instance.config());
    expect(await graphChecksum(db)).toBe(clean);
  });
});

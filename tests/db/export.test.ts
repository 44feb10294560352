/** Data ownership: the export in seed format loads into an empty database with the identical checksum. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../src/db/driver.js";
import { exportSeed } from "../../src/seed/export.js";
import { graphChecksum, loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { emptyDatabase, testDb } from "../support/db.js";

let db: Db;
beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
});
afterAll(async () => {
  await loadSeedGraph(db, validateSeed().graph);
  await db?.close();
});

describe("export round trip", () => {
  it("exports the whole graph in the seed format and reloads it to the same checksum", async () => {
    const before = await graphChecksum(db);
    const exported = await exportSeed(db);
    expect(exported.entities.length + exported.sources.length).toBe(validateSeed().graph.entities.size);
    const dir = mkdtempSync(path.join(tmpdir(), "export-"));
    writeFileSync(path.join(dir, "graph.json"), JSON.stringify(exported));

    const reread = validateSeed({ paths: [dir] });
    await emptyDatabase(db);
    expect(await graphChecksum(db)).not.toBe(before);
    const report = await loadSeedGraph(db, reread.graph);
    expect(report.checksumAfter).toBe(before);
  });
});

/**
 * Saved queries rewritten to use an anchor or an index give the same rows on the seed graph as the plain form that
 * scans everything (kept here as the reference), and latest-events has a branch for every dated relationship type.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadSavedQueries } from "../../src/api/queries/saved.js";
import type { Db } from "../../src/db/driver.js";
import { REL_TYPES } from "../../src/model/index.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { testDb } from "../support/db.js";

const saved = loadSavedQueries();

/** Every dated relationship, sorted: what latest-events must equal (ties by type, then relationship id). */
const LATEST_REFERENCE = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.date IS NOT NULL AND type(r) <> 'REPORTED_IN'
RETURN r.date AS date, type(r) AS type, coalesce(a.nameEn, a.nameZh) AS from, coalesce(b.nameEn, b.nameZh, b.title) AS to, r.quote AS quote, r.sources AS sources
ORDER BY date DESC, type, r.id
LIMIT $limit`;

/** Every action in the graph tested as aimed at the company or one of its models. */
const ENFORCEMENT_REFERENCE = `
MATCH (actor:Entity)-[r:INVESTIGATES|FINES|SUES|ACCUSES]->(target:Entity)
WHERE target.id = $company OR EXISTS { (:Entity {id: $company})-[:DEVELOPS]->(target) }
OPTIONAL MATCH (c:Case {id: r.case})
OPTIONAL MATCH (c)-[cite:CITES]->(law:Law)
RETURN coalesce(r.date, c.startDate) AS date, type(r) AS action, actor.id AS actor, coalesce(actor.nameEn, actor.nameZh) AS actorName,
       c.id AS case, c.status AS status, collect(DISTINCT coalesce(law.nameEn, law.nameZh) + coalesce(' ' + cite.article, '')) AS lawsCited, r.quote AS quote
ORDER BY date DESC, action, actor, case, quote`;

let db: Db;
beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
});
afterAll(async () => db?.close());

const sortedLists = (rows: { lawsCited: string[] }[]) => rows.map((r) => ({ ...r, lawsCited: [...r.lawsCited].sort() }));

describe("latest-events", () => {
  it("has one branch per relationship type but REPORTED_IN, so no dated event is left out", () => {
    const types = [...saved.get("latest-events")!.query.matchAll(/-\[r:(\w+)\]->/g)].map((m) => m[1]);
    expect(types.sort()).toEqual(REL_TYPES.filter((t) => t !== "REPORTED_IN").sort());
  });

  it.each([1, 5, 50, 1_000])("gives the same rows in the same order as sorting every dated relationship (limit %s)", async (limit) => {
    const expected = await db.read(LATEST_REFERENCE, { limit });
    const got = await db.read(saved.get("latest-events")!.query, { limit });
    expect(got).toEqual(expected);
    expect(got.length).toBe(Math.min(limit, (await db.read(LATEST_REFERENCE, { limit: 100_000 })).length));
  });
});

describe("enforcement-against-company", () => {
  it("gives the same rows as testing every entity, for every company and model, and none for an unknown id", async () => {
    const ids = (await db.read<{ id: string }>("MATCH (n:Company|Model) RETURN n.id AS id ORDER BY id")).map((r) => r.id);
    let rows = 0;
    for (const company of [...ids, "company:nobody"]) {
      const expected = await db.read<{ lawsCited: string[] }>(ENFORCEMENT_REFERENCE, { company });
      const got = await db.read<{ lawsCited: string[] }>(saved.get("enforcement-against-company")!.query, { company });
      expect(sortedLists(got), company).toEqual(sortedLists(expected));
      rows += got.length;
    }
    expect(rows).toBeGreaterThan(10);
  });
});

/**
 * Saved queries rewritten to start from an anchor or an index, or to prune while they search, give the same rows on
 * the seed graph as the shapes they replaced (kept here as the reference), and latest-events has a branch for every
 * dated relationship type.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadSavedQueries } from "../../src/api/queries/saved.js";
import type { Db } from "../../src/db/driver.js";
import { LEGAL_REL_TYPES, REL_TYPES } from "../../src/model/index.js";
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

/** The shapes before the rewrite (anchored on an index or pruning during the search instead), same parameters. */
const BEFORE: Record<string, string> = {
  "actions-in-jurisdiction": `
MATCH (j:Jurisdiction)
WHERE j.id = $jurisdiction OR EXISTS { (j)-[:PART_OF]->(:Jurisdiction {id: $jurisdiction}) }
MATCH (x:Entity)-[:BASED_IN|APPLIES_IN]->(j)
WITH collect(DISTINCT x) AS local
UNWIND local AS x
MATCH (x)-[r:INVESTIGATES|FINES|SUES|ACCUSES|RULES_ON|ISSUES]-(other:Entity)
WHERE r.date >= $from AND r.date <= $to + '\\uffff'
WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b
RETURN r.date AS date, type(r) AS action, a.id AS actor, coalesce(a.nameEn, a.nameZh) AS actorName, b.id AS target, coalesce(b.nameEn, b.nameZh, b.title) AS targetName, r.case AS case, r.quote AS quote
ORDER BY date, action`,
  "chain-company-to-law": `
MATCH (c:Entity {id: $company}), (l:Law {id: $law})
MATCH p = allShortestPaths((c)-[*..6]-(l))
WHERE none(n IN nodes(p)[1..-1] WHERE n:Source)
RETURN [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | coalesce(n.nameEn, n.nameZh)] AS chain, length(p) AS hops
LIMIT 25`,
  "regulators-on-ai-imagery": `
MATCH (reg:Entity)-[r]->(x:Entity)
WHERE (reg:Regulator OR reg:Court)
  AND type(r) IN ['INVESTIGATES', 'FINES', 'RULES_ON', 'ISSUES', 'PARTY_TO', 'ENFORCES']
  AND (EXISTS { (x)-[:ADDRESSES]->(:Topic {id: 'topic:ai-content-labeling'}) }
    OR EXISTS { (c:Case)-[:INVOLVES]->(m:Model) WHERE m.modelKind IN ['image', 'video'] AND (c = x OR c.id = r.case) }
    OR EXISTS { (c:Case {id: r.case})-[:ADDRESSES]->(:Topic {id: 'topic:ai-content-labeling'}) })
RETURN DISTINCT reg.id AS regulator, coalesce(reg.nameEn, reg.nameZh) AS name, type(r) AS action, x.id AS target, coalesce(x.nameEn, x.nameZh) AS targetName, r.date AS date, r.basis AS basis, r.quote AS quote
ORDER BY regulator, date
LIMIT $limit`,
};

/** Rows as a sorted list of their JSON, to compare results whose ORDER BY leaves ties in any order. */
const bag = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

let db: Db;
beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
});
afterAll(async () => db?.close());

const sortedLists = (rows: { lawsCited: string[] }[]) =>
  rows.map((r) => ({ ...r, lawsCited: [...r.lawsCited].sort() }));

describe("latest-events", () => {
  it("has one branch per relationship type but REPORTED_IN and the legal layer's (undated), so no dated event is left out", () => {
    const types = [...saved.get("latest-events")!.query.matchAll(/-\[r:(\w+)\]->/g)].map((m) => m[1]);
    expect(types.sort()).toEqual(REL_TYPES.filter((t) => t !== "REPORTED_IN" && !LEGAL_REL_TYPES.includes(t)).sort());
  });

  it.each([1, 5, 50, 1_000])(
    "gives the same rows in the same order as sorting every dated relationship (limit %s)",
    async (limit) => {
      const expected = await db.read(LATEST_REFERENCE, { limit });
      const got = await db.read(saved.get("latest-events")!.query, { limit });
      expect(got).toEqual(expected);
      expect(got.length).toBe(Math.min(limit, (await db.read(LATEST_REFERENCE, { limit: 100_000 })).length));
    },
  );
});

describe("enforcement-against-company", () => {
  it("gives the same rows as testing every entity, for every company and model, and none for an unknown id", async () => {
    const ids = (await db.read<{ id: string }>("MATCH (n:Company|Model) RETURN n.id AS id ORDER BY id")).map(
      (r) => r.id,
    );
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

describe("the other saved queries that now start from an anchor or prune as they search", () => {
  it("actions-in-jurisdiction gives the same rows for every jurisdiction and an unknown one", async () => {
    const ids = (await db.read<{ id: string }>("MATCH (j:Jurisdiction) RETURN j.id AS id ORDER BY id")).map(
      (r) => r.id,
    );
    let rows = 0;
    for (const jurisdiction of [...ids, "jur:nowhere"]) {
      const params = { jurisdiction, from: "2000-01-01", to: "2026-12-31" };
      const got = await db.read(saved.get("actions-in-jurisdiction")!.query, params);
      expect(bag(got), jurisdiction).toEqual(bag(await db.read(BEFORE["actions-in-jurisdiction"], params)));
      rows += got.length;
    }
    expect(rows).toBeGreaterThan(10);
  });

  it("chain-company-to-law gives the same chains for every company and law of a sample", async () => {
    const companies = (await db.read<{ id: string }>("MATCH (c:Company) RETURN c.id AS id ORDER BY id LIMIT 8")).map(
      (r) => r.id,
    );
    const laws = (await db.read<{ id: string }>("MATCH (l:Law) RETURN l.id AS id ORDER BY id LIMIT 6")).map(
      (r) => r.id,
    );
    let rows = 0;
    for (const company of companies) {
      for (const law of laws) {
        const got = await db.read<{ path: { nodes: { properties: { id: string } }[] }; chain: string[]; hops: number }>(
          saved.get("chain-company-to-law")!.query,
          { company, law },
        );
        const before = await db.read<{ ids: string[]; chain: string[]; hops: number }>(BEFORE["chain-company-to-law"], {
          company,
          law,
        });
        if (before.length < 25) {
          expect(
            bag(got.map((r) => ({ ids: r.path.nodes.map((n) => n.properties.id), chain: r.chain, hops: r.hops }))),
            `${company} -> ${law}`,
          ).toEqual(bag(before));
        } else expect(got.length).toBe(25);
        rows += got.length;
      }
    }
    expect(rows).toBeGreaterThan(0);
  });

  it("regulators-on-ai-imagery gives the same rows", async () => {
    const got = await db.read(saved.get("regulators-on-ai-imagery")!.query, { limit: 100_000 });
    expect(got.length).toBeGreaterThan(0);
    expect(bag(got)).toEqual(bag(await db.read(BEFORE["regulators-on-ai-imagery"], { limit: 100_000 })));
  });
});

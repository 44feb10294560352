/**
 * Path searches: the hop bound is written into the pattern only as a validated whole number, and the searches that
 * prune as they go (bound in the pattern, the Source exclusion on every node) find the same paths on the seed graph
 * as the plain formulation that filters whole paths afterwards. A query the database stops at its timeout is a 504
 * with a message, whichever route ran it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { pathQuery, shortestPaths } from "../../src/api/graph/graph.service.js";
import { regimes } from "../../src/api/graph/regimes.js";
import type { Db } from "../../src/db/driver.js";
import { QueryTimeoutError } from "../../src/errors.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { testDb } from "../support/db.js";

/**
 * The shape the path searches had before: search to 6 hops, then drop long paths and paths through a Source (and,
 * avoiding hubs, through a Jurisdiction or a Topic).
 */
const REFERENCE = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxHops
  AND all(r IN relationships(p) WHERE size($relTypes) = 0 OR type(r) IN $relTypes)
  AND none(n IN nodes(p)[1..-1] WHERE n:Source OR ($avoidHubs AND (n:Jurisdiction OR n:Topic)))
RETURN [n IN nodes(p) | n.id] AS ids
LIMIT 100`;
const REGIME_REFERENCE = `
MATCH (a:Law {id: $from}), (b:Law {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxHops
  AND none(n IN nodes(p)[1..-1] WHERE n:Source OR n:Jurisdiction OR n:Provision OR n:Obligation OR n:Role OR n:Penalty)
RETURN [n IN nodes(p) | n.id] AS ids
LIMIT 100`;
const LABELS = ["Company", "Law", "Regulator", "Court", "Case", "Topic", "Jurisdiction", "Model", "Source"];

let db: Db;
let sample: string[];
beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
  // Two entities of each kind (the first by id), Sources included: a path may start or end at one.
  const rows = await db.read<{ ids: string[] }>(
    "UNWIND $labels AS label CALL (label) { MATCH (n:Entity) WHERE label IN labels(n) RETURN n.id AS id ORDER BY id LIMIT 2 } RETURN collect(id) AS ids",
    { labels: LABELS },
  );
  sample = rows[0].ids;
});
afterAll(async () => db?.close());

const key = (paths: string[][]) => paths.map((p) => p.join(" ")).sort();

describe("the hop bound written into a path query", () => {
  it.each([0, 7, 2.5, Number.NaN, "4) RETURN 1 //" as unknown as number])("refuses %s", (hops) => {
    expect(() => pathQuery("api/shortest-paths", hops)).toThrow();
  });

  it("is the validated number and nothing else", () => {
    const q = pathQuery("api/shortest-paths", 3);
    expect(q).toContain("allShortestPaths((a)-[*..3]-(b))");
    expect(q).not.toContain("MAX_HOPS");
  });
});

describe("shortest paths on the seed graph", () => {
  it("samples entities of every kind", () => {
    expect(sample.length).toBe(2 * LABELS.length);
  });

  it.each([
    [2, [], false],
    [4, [], false],
    [4, [], true],
    [6, ["INVESTIGATES", "SUES", "CITES", "ADDRESSES", "PART_OF", "BASED_IN"], false],
  ])(
    "are the same as searching to 6 hops and filtering afterwards (maxHops %s, relTypes %j, avoidHubs %s)",
    async (maxHops, relTypes, avoidHubs) => {
      let found = 0;
      for (const [i, from] of sample.entries()) {
        for (const to of sample.slice(i + 1)) {
          const expected = (
            await db.read<{ ids: string[] }>(REFERENCE, { from, to, maxHops, relTypes, avoidHubs })
          ).map((r) => r.ids);
          const got = await shortestPaths(db, { from, to, maxHops, relTypes, limit: 100, avoidHubs });
          const pair = `${from} -> ${to}`;
          if (expected.length < 100) expect(key(got.paths), pair).toEqual(key(expected));
          else expect(got.paths.length, pair).toBe(100);
          found += got.paths.length;
        }
      }
      expect(found).toBeGreaterThan(0);
    },
  );
});

describe("regime paths on the seed graph", () => {
  it.each([3, 4, 6])("are the same as searching to 6 hops and filtering afterwards (maxHops %s)", async (maxHops) => {
    const laws = (await db.read<{ id: string }>("MATCH (l:Law) RETURN l.id AS id ORDER BY id LIMIT 8")).map(
      (r) => r.id,
    );
    const got = await regimes(db, { laws, maxHops, limit: 50, lang: "en" });
    let found = 0;
    for (const { a, b, connections } of got.pairs) {
      const expected = (await db.read<{ ids: string[] }>(REGIME_REFERENCE, { from: a, to: b, maxHops })).map(
        (r) => r.ids,
      );
      // A shortest path that is also enforcement (a case citing both) is said once, as enforcement: none is lost.
      const ids = (c: (typeof connections)[number]) => [c.from, ...c.via.map((v) => v.id), c.to];
      const expectedKeys = new Set(key(expected));
      const paths = [
        ...connections.filter((c) => c.kind === "incidental").map(ids),
        ...connections.filter((c) => c.kind === "enforcement" && expectedKeys.has(ids(c).join(" "))).map(ids),
      ];
      if (expected.length < 50) expect(key(paths), `${a} -> ${b}`).toEqual(key(expected));
      else expect(paths.length, `${a} -> ${b}`).toBe(50);
      found += paths.length;
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe("a query stopped at its transaction timeout", () => {
  it("is a QueryTimeoutError (504) that says what happened, for any route's query", async () => {
    const slow = db.read("UNWIND range(1, 300000000) AS x WITH x WHERE x % 3 = 7 RETURN count(x) AS n", {}, 1_000);
    const err = await slow.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryTimeoutError);
    expect((err as QueryTimeoutError).status).toBe(504);
    expect((err as Error).message).toMatch(/stopped this request after 1 s: it took too long/);
    expect((await db.read<{ n: number }>("MATCH (n:Entity) RETURN count(n) AS n"))[0].n).toBeGreaterThan(0);
  });
});

/**
 * The three regimes (GDPR, EU AI Act, China's labeling measures) are connected in the graph: for each pair a path
 * exists that passes through a topic, a case or a regulator, and the labeling measures are tied to their related
 * Chinese laws.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../src/db/driver.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { testDb } from "../support/db.js";

const REGIMES = ["law:eu-gdpr", "law:eu-ai-act", "law:cn-aigc-labeling"];
let db: Db;
beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
});
afterAll(async () => db?.close());

describe("regime interconnection", () => {
  const pairs = REGIMES.flatMap((a, i) => REGIMES.slice(i + 1).map((b) => [a, b] as const));
  it.each(pairs)("%s and %s are joined through a topic, a case or a regulator", async (a, b) => {
    const rows = await db.read<{ via: string[] }>(
      `MATCH p = shortestPath((a:Entity {id: $a})-[*..4]-(b:Entity {id: $b}))
       WHERE any(n IN nodes(p)[1..-1] WHERE n:Topic OR n:Case OR n:Regulator)
       RETURN [n IN nodes(p) | n.id] AS via`,
      { a, b },
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it("ties the labeling measures to PIPL-era Chinese laws and its standard", async () => {
    const rows = await db.read<{ id: string }>(
      "MATCH (l:Law {id: 'law:cn-aigc-labeling'})-[:CITES|IMPLEMENTS|AMENDS]-(other:Law) RETURN other.id AS id",
    );
    expect(rows.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        "law:cn-cybersecurity-law",
        "law:cn-deep-synthesis",
        "law:cn-genai-interim-measures",
        "law:cn-gb-45438-2025",
      ]),
    );
  });

  it("gives every reported relationship a quote and a source, and every curated one a reference", async () => {
    const [bad] = await db.read<{ n: number }>(
      `MATCH ()-[r]->()
       WHERE (r.basis = 'reported' AND (r.quote IS NULL OR size(r.sources) = 0))
          OR (r.basis = 'curated' AND (r.referenceUrl IS NULL OR r.referenceTitle IS NULL))
          OR r.basis IS NULL
       RETURN count(r) AS n`,
    );
    expect(bad.n).toBe(0);
  });
});

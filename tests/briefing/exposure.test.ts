/**
 * Exposure measures what bears on the client, not how much the graph holds: adding an unrelated item (a report on
 * another topic, a case against a company in another line of business) leaves a market's level as it was; adding an
 * enforcement on a provision that binds the client raises it. The items are written into the test graph like an
 * ingest would and removed afterwards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { buildBriefing, type Briefing } from "../../src/briefing/index.js";
import type { Db } from "../../src/db/driver.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { testDb } from "../support/db.js";
import { FIXED_NOW, GOLDEN_CASES } from "./support.js";

const INPUT = { ...GOLDEN_CASES[0].input, markets: ["KR"] };
const TEST_IDS = [
  "company:test-shipping-co",
  "source:test-exposure",
  "law:test-report-fisheries",
  "case:test-kr-shipping-privacy",
  "case:test-kr-ai-notice",
];
let db: Db;

const REL = "basis: 'reported', sources: ['source:test-exposure'], quote: 'test'";

beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
  await db.write(
    `CREATE (:Entity:Source {id: 'source:test-exposure', title: 'Test source', date: '2026-02-20', document: 'x.txt', aliases: [], aliasesText: ''})
     CREATE (:Entity:Company {id: 'company:test-shipping-co', nameEn: 'Test Shipping Co', aliases: [], aliasesText: ''})`,
  );
});
afterEach(async () => {
  await db.write("MATCH (n:Entity) WHERE n.id IN $ids AND NOT n:Source AND NOT n:Company DETACH DELETE n", {
    ids: TEST_IDS,
  });
});
afterAll(async () => {
  await db.write("MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n", { ids: TEST_IDS });
  await db?.close();
});

const kr = (b: Briefing) => b.summary.rows.find((r) => r.market.code === "KR")!;

describe("exposure", () => {
  it("refuses nothing silently: the baseline is rated from the duties that bind the client", async () => {
    const base = kr(await buildBriefing(db, INPUT, { now: FIXED_NOW }));
    expect(base.level).toBe("medium");
    expect(base.terms.find((t) => t.key === "obligationsInForce")!.value).toBeGreaterThan(0);
  });

  it("is unchanged by a report on another topic and by a case against a company in another line of business", async () => {
    const before = kr(await buildBriefing(db, INPUT, { now: FIXED_NOW }));
    await db.write(
      `MATCH (kr:Jurisdiction {code: 'KR'}), (t:Topic {id: 'topic:data-protection'}), (pipc:Regulator {id: 'regulator:kr-pipc'}),
             (co:Company {id: 'company:test-shipping-co'})
       CREATE (l:Entity:Law {id: 'law:test-report-fisheries', nameEn: 'Report on fisheries', kind: 'report', binding: 'none', status: 'adopted', issuedDate: '2026-02-01', aliases: [], aliasesText: ''})
       CREATE (l)-[:APPLIES_IN {id: 'rel:test-exp-1', ${REL}}]->(kr)
       CREATE (c:Entity:Case {id: 'case:test-kr-shipping-privacy', nameEn: 'PIPC investigation of a shipping company', caseKind: 'investigation', status: 'open', startDate: '2026-02-10', aliases: [], aliasesText: ''})
       CREATE (pipc)-[:PARTY_TO {id: 'rel:test-exp-2', role: 'investigator', ${REL}}]->(c)
       CREATE (co)-[:PARTY_TO {id: 'rel:test-exp-3', role: 'investigated', ${REL}}]->(c)
       CREATE (c)-[:ADDRESSES {id: 'rel:test-exp-4', ${REL}}]->(t)`,
    );
    const after = await buildBriefing(db, INPUT, { now: FIXED_NOW });
    // The case is there to read (same topic as the client), but it does not count against the client.
    expect(after.markets[0].precedents.map((p) => p.id)).toContain("case:test-kr-shipping-privacy");
    expect(after.markets[0].laws.map((l) => l.id)).toContain("law:test-report-fisheries");
    expect([kr(after).level, kr(after).points]).toEqual([before.level, before.points]);
  });

  it("rises with an enforcement on a provision that binds the client", async () => {
    const before = kr(await buildBriefing(db, INPUT, { now: FIXED_NOW }));
    await db.write(
      `MATCH (p:Provision {id: 'prov:kr-ai-framework-act:art-31-p1'}), (pipc:Regulator {id: 'regulator:kr-pipc'}), (co:Company {id: 'company:test-shipping-co'})
       CREATE (c:Entity:Case {id: 'case:test-kr-ai-notice', nameEn: 'Corrective order for missing generative-AI notice', caseKind: 'enforcement', status: 'decided', startDate: '2026-02-15', aliases: [], aliasesText: ''})
       CREATE (pipc)-[:PARTY_TO {id: 'rel:test-exp-5', role: 'authority', ${REL}}]->(c)
       CREATE (co)-[:PARTY_TO {id: 'rel:test-exp-6', role: 'respondent', ${REL}}]->(c)
       CREATE (c)-[:CITES {id: 'rel:test-exp-7', ${REL}}]->(p)`,
    );
    const after = kr(await buildBriefing(db, INPUT, { now: FIXED_NOW }));
    expect(after.terms.find((t) => t.key === "enforcementOnProvisions")!.value).toBe(1);
    expect(after.points).toBeGreaterThan(before.points!);
    expect(after.level).toBe("high");
    expect(after.notes.join(" ")).toContain("Corrective order for missing generative-AI notice");
  });
});

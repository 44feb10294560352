/**
 * The legal layer through the API, against the real Neo4j with the seed graph: it is all there (the targets of the
 * layer hold in the loaded graph, every node curated with a reference and a check mark), provisions are found by
 * their article number as a lawyer types it, the regime view explains pairs of laws article by article first in
 * either language, paths name each hop, and the saved queries answer what a lawyer asks of a regime.
 */
import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../src/db/driver.js";
import { seededApp } from "../support/app.js";

let app: Express;
let db: Db;
beforeAll(async () => {
  ({ app, db } = await seededApp());
});
afterAll(async () => db?.close());

type Connection = { kind: string; explanation: string; relationshipIds: string[] };
type Pair = { a: string; b: string; connected: boolean; connections: Connection[] };
const KIND_ORDER = ["provision", "reference", "shared-counterpart", "enforcement", "incidental"];
const searchIds = async (q: string) =>
  ((await request(app).get("/api/search").query({ q })).body.results as { id: string }[]).map((r) => r.id);

describe("the loaded legal layer", () => {
  it("holds at least 120 provisions, 60 obligations, 12 penalty ceilings and 30 correspondences", async () => {
    const [counts] = await db.read<Record<string, number>>(
      `RETURN COUNT { (:Provision) } AS provisions, COUNT { (:Obligation) } AS obligations, COUNT { (:Penalty) } AS penalties,
              COUNT { ()-[:CORRESPONDS_TO]->() } AS correspondences, COUNT { (:Role) } AS roles`,
    );
    expect(counts.provisions).toBeGreaterThanOrEqual(120);
    expect(counts.obligations).toBeGreaterThanOrEqual(60);
    expect(counts.penalties).toBeGreaterThanOrEqual(12);
    expect(counts.correspondences).toBeGreaterThanOrEqual(30);
    expect(counts.roles).toBeGreaterThan(0);
  });

  it("gives every obligation its article, a role and an application date, and every legal node its reference and check mark", async () => {
    const [bad] = await db.read<{ obligations: number; nodes: number; laws: number }>(
      `RETURN COUNT { (o:Obligation) WHERE o.appliesFrom IS NULL OR NOT (o)-[:BINDS]->(:Role) OR NOT (:Provision)-[:IMPOSES]->(o) } AS obligations,
              COUNT { (n:Provision|Obligation|Role|Penalty) WHERE n.referenceUrl IS NULL OR NOT n.verified IN ['text', 'reference'] } AS nodes,
              COUNT { (p:Provision) WHERE NOT (:Law)-[:HAS_PROVISION]->(p) } AS laws`,
    );
    expect(bad).toEqual({ obligations: 0, nodes: 0, laws: 0 });
  });

  it("puts the AI Act's staged dates on its obligations", async () => {
    const rows = await db.read<{ date: string }>(
      "MATCH (:Law {id: 'law:eu-ai-act'})-[:HAS_PROVISION]->(:Provision)-[:IMPOSES]->(o:Obligation) RETURN DISTINCT o.appliesFrom AS date ORDER BY date",
    );
    expect(rows.map((r) => r.date)).toEqual(
      expect.arrayContaining(["2025-02-02", "2025-08-02", "2026-08-02", "2027-08-02"]),
    );
  });

  it("keeps the legal layer out of the first view (it opens from its law)", async () => {
    const res = await request(app).get("/api/graph/overview").query({ limit: 5000 });
    const types = new Set((res.body.graph.nodes as { attributes: { type: string } }[]).map((n) => n.attributes.type));
    expect(types.has("Law")).toBe(true);
    for (const t of ["Provision", "Obligation", "Role", "Penalty"]) expect(types.has(t)).toBe(false);
    const articles = await request(app)
      .get("/api/graph/neighborhood")
      .query({ id: "law:eu-ai-act", relTypes: "HAS_PROVISION", limit: 200 });
    const ids = (articles.body.graph.nodes as { key: string }[]).map((n) => n.key);
    expect(ids).toContain("prov:eu-ai-act:art-50-2");
  });
});

describe("search by article number", () => {
  it("finds Art. 50 and its paragraphs, not Art. 5 or Art. 500", async () => {
    const ids = await searchIds("Art. 50");
    expect(ids).toEqual(
      expect.arrayContaining(["prov:eu-ai-act:art-50-1", "prov:eu-ai-act:art-50-2", "prov:eu-ai-act:art-50-4"]),
    );
    expect(ids.filter((id) => /:art-5$|:art-500/.test(id))).toEqual([]);
  });

  it("finds 50(2) and 'AI Act Art. 50(2)' with the AI Act's paragraph first", async () => {
    expect((await searchIds("50(2)"))[0]).toBe("prov:eu-ai-act:art-50-2");
    expect((await searchIds("AI Act Art. 50(2)"))[0]).toBe("prov:eu-ai-act:art-50-2");
  });

  it("finds 第十条 among Chinese provisions, and 标识办法第十条 first", async () => {
    expect(await searchIds("第十条")).toContain("prov:cn-aigc-labeling:art-10");
    expect((await searchIds("标识办法第十条"))[0]).toBe("prov:cn-aigc-labeling:art-10");
  });

  it("still finds laws by name", async () => {
    expect((await searchIds("GDPR"))[0]).toBe("law:eu-gdpr");
  });
});

describe("the regime view of the GDPR, the AI Act and the labeling measures", () => {
  const regimes = async (lang: string) =>
    (await request(app).get("/api/graph/regimes").query({ lang })).body as { lang: string; pairs: Pair[] };

  it("explains each pair article by article first, then enforcement, then incidental links", async () => {
    const { pairs } = await regimes("en");
    expect(pairs).toHaveLength(3);
    for (const p of pairs) {
      const ranks = p.connections.map((c) => KIND_ORDER.indexOf(c.kind));
      expect(ranks, `${p.a} x ${p.b}`).toEqual([...ranks].sort((x, y) => x - y));
      for (const c of p.connections) expect(c.relationshipIds.length).toBeGreaterThan(0);
    }
    const aiLabel = pairs.find((p) => p.a === "law:eu-ai-act" && p.b === "law:cn-aigc-labeling")!;
    expect(aiLabel.connections[0].kind).toBe("provision");
    const marking = aiLabel.connections.find((c) => c.kind === "provision" && c.explanation.includes("Art. 50(2)"));
    expect(marking?.explanation).toMatch(/applies from 2026-08-02/);
    expect(marking?.explanation).toMatch(/applies from 2025-09-01/);
    const gdprAi = pairs.find((p) => p.a === "law:eu-gdpr" && p.b === "law:eu-ai-act")!;
    expect(["provision", "reference", "shared-counterpart"]).toContain(gdprAi.connections[0].kind);
    expect(gdprAi.connections.some((c) => c.kind === "reference" && /Art\. 2\(7\)/.test(c.explanation))).toBe(true);
  });

  it("says every sentence in Chinese when asked", async () => {
    const { lang, pairs } = await regimes("zh");
    expect(lang).toBe("zh");
    const article = pairs
      .flatMap((p) => p.connections)
      .filter((c) => c.kind !== "incidental" && c.kind !== "enforcement");
    expect(article.length).toBeGreaterThan(0);
    for (const c of article) {
      expect(c.explanation).toMatch(/[\u4e00-\u9fff]/);
      expect(c.explanation).not.toMatch(/\b(and|both|concern|refers to|applies from|correspond)\b/);
    }
  });
});

describe("paths", () => {
  it("name each hop's relationship and its true direction, and avoid jurisdictions and topics unless asked", async () => {
    const res = await request(app)
      .get("/api/graph/paths")
      .query({ from: "company:bytedance", to: "law:eu-ai-act", maxHops: 4 });
    expect(res.status).toBe(200);
    expect(res.body.hops).toHaveLength(res.body.paths.length);
    const types = new Map(
      (res.body.graph.nodes as { key: string; attributes: { type: string } }[]).map((n) => [n.key, n.attributes.type]),
    );
    for (const [i, path] of (res.body.paths as string[][]).entries()) {
      for (const id of path.slice(1, -1)) expect(["Jurisdiction", "Topic", "Source"]).not.toContain(types.get(id));
      const hops = res.body.hops[i] as {
        from: string;
        to: string;
        type: string;
        direction: string;
        relationshipId: string;
      }[];
      expect(hops.map((h) => h.from)).toEqual(path.slice(0, -1));
      for (const h of hops) {
        const edge = (
          res.body.graph.edges as { key: string; source: string; target: string; attributes: { type: string } }[]
        ).find((e) => e.key === h.relationshipId)!;
        expect(edge.attributes.type).toBe(h.type);
        expect(h.direction === "forward" ? [edge.source, edge.target] : [edge.target, edge.source]).toEqual([
          h.from,
          h.to,
        ]);
      }
    }
    const through = await request(app)
      .get("/api/graph/paths")
      .query({ from: "company:bytedance", to: "law:eu-ai-act", maxHops: 4, avoidHubs: "false" });
    expect(through.status).toBe(200);
    expect(through.body.paths[0].length).toBeLessThanOrEqual(res.body.paths[0]?.length ?? Infinity);
  });
});

describe("saved queries of the legal layer", () => {
  const run = async (name: string, params: Record<string, unknown>) => {
    const res = await request(app).post(`/api/queries/${name}`).send({ params });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.rows as Record<string, unknown>[];
  };

  it("lists the obligations binding providers in the EU, with whether they apply on the as-of date", async () => {
    const rows = await run("obligations-for-role-in-market", {
      jurisdiction: "jur:eu",
      role: "provider",
      asOf: "2026-02-28",
    });
    const marking = rows.find((r) => r.article === "Art. 50(2)");
    expect(marking).toMatchObject({ appliesFrom: "2026-08-02", appliesOnAsOf: false });
    expect(rows.some((r) => r.appliesOnAsOf === true)).toBe(true);
  });

  it("gives the AI Act's ceilings and the upcoming dates, and what corresponds to Art. 50(2)", async () => {
    const ceilings = await run("penalty-ceilings-of-law", { law: "law:eu-ai-act" });
    expect(ceilings.find((r) => r.article === "Art. 99(3)")).toMatchObject({
      maxAmount: 35_000_000,
      currency: "EUR",
      maxTurnoverPercent: 7,
      rule: "higher",
    });
    const dates = await run("upcoming-application-dates", {
      from: "2026-02-28",
      to: "2028-02-28",
      jurisdictions: ["jur:eu"],
    });
    expect(dates.map((r) => r.date)).toContain("2026-08-02");
    expect(dates.every((r) => String(r.date) >= "2026-02-28" && String(r.date) <= "2028-02-28")).toBe(true);
    const corresponding = await run("corresponding-provisions", { provision: "prov:eu-ai-act:art-50-2" });
    expect(corresponding.map((r) => r.id)).toContain("prov:cn-aigc-labeling:art-4");
  });
});

/**
 * The read endpoints against the real Neo4j with the seed graph: each class of bad input gives 400 (or 404) as
 * problem+json with a useful message; good requests give what a lawyer expects from the seed documents.
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

type WireNodeRow = { key: string; attributes: { hiddenRelationships: number } };
type WireEdge = { key: string; source: string; target: string };
const degreeOf = async (id: string) =>
  (await db.read<{ d: number }>("MATCH (n:Entity {id: $id}) RETURN COUNT { (n)--() } AS d", { id }))[0].d;
/** An entity's neighbours with their degrees, read straight from the database. */
const neighbourDegrees = async (id: string) =>
  new Map(
    (
      await db.read<{ id: string; d: number }>(
        "MATCH (:Entity {id: $id})--(m:Entity) RETURN DISTINCT m.id AS id, COUNT { (m)--() } AS d",
        { id },
      )
    ).map((r) => [r.id, r.d]),
  );

const ids = (res: request.Response) => (res.body.results as { id: string }[]).map((r) => r.id);

describe("bad input", () => {
  it.each([
    ["/api/search", /query 'q'/],
    ["/api/search?q=GDPR&limit=0", /query 'limit'/],
    ["/api/search?q=GDPR&types=Planet", /query 'types\[0\]'/],
    ["/api/search?q=GDPR&sort=name", /unknown query parameter\(s\): sort/],
    ["/api/entities/Not%20An%20Id", /path 'id'/],
    ["/api/graph/neighborhood?id=company:openai&depth=4", /query 'depth'/],
    ["/api/graph/neighborhood?id=company:openai&perNode=51", /query 'perNode'/],
    ["/api/graph/neighborhood?id=company:openai&offset=-1", /query 'offset'/],
    ["/api/entities/jur:cn?relType=LIKES", /query 'relType'/],
    ["/api/entities/jur:cn?limit=501", /query 'limit'/],
    ["/api/relationships/abc", /query 'type'/],
    ["/api/graph/paths?from=company:openai", /query 'to'/],
    ["/api/graph/regimes?laws=law:eu-gdpr", /at least two laws/],
    ["/api/graph/regimes?laws=law:eu-gdpr,company:openai", /a regime is a law id/],
    ["/api/timeline?from=2026-13", /query 'from'/],
    ["/api/timeline?from=2026-03&to=2026-01", /'from' is after 'to'/],
    ["/api/timeline?jurisdictions=EU", /query 'jurisdictions\[0\]'/],
    ["/api/export?format=pdf", /query 'format'/],
  ])("GET %s answers 400 with a message", async (url, message) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(400);
    expect(res.type).toBe("application/problem+json");
    expect(res.body.detail).toMatch(message);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it("answers 404 for an unknown entity, naming it", async () => {
    const res = await request(app).get("/api/entities/company:nobody");
    expect(res.status).toBe(404);
    expect(res.body.detail).toContain("company:nobody");
  });

  it("answers 404 for an unknown route and for unknown path endpoints", async () => {
    expect((await request(app).get("/api/nothing")).status).toBe(404);
    expect((await request(app).get("/api/graph/paths?from=company:openai&to=company:nobody")).status).toBe(404);
  });

  it("rejects a malformed JSON body with 400", async () => {
    const res = await request(app).post("/api/cypher").set("content-type", "application/json").send("{ not json");
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe("The request body is not valid JSON.");
  });
});

describe("health", () => {
  it("reports the database, its version and the counts", async () => {
    const res = await request(app).get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body.database).toMatchObject({ reachable: true, edition: "community" });
    expect(res.body.database.version).toMatch(/^5\.26\./);
    expect(res.body.counts.entities).toBeGreaterThanOrEqual(180);
    const [between] = await db.read<{ n: number }>("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n");
    expect(res.body.counts.relationships).toBe(between.n);
  });
});

describe("search finds what a lawyer means", () => {
  it.each([
    ["GDPR", "law:eu-gdpr"],
    ["通用数据保护条例", "law:eu-gdpr"],
    ["数据保护", "topic:data-protection"],
    ["Grok", "model:grok"],
    ["字节跳动", "company:bytedance"],
    ["ByteDance", "company:bytedance"],
    ["个保法", "law:cn-pipl"],
    ["ICO", "regulator:gb-ico"],
  ])("%s finds %s first", async (q, id) => {
    const res = await request(app).get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(ids(res)[0]).toBe(id);
    expect(res.body.results[0].snippet).toBeTruthy();
  });

  it("finds entities by a single Chinese character and by mixed script", async () => {
    expect(ids(await request(app).get(`/api/search?q=${encodeURIComponent("网")}`)).length).toBeGreaterThan(0);
    expect(ids(await request(app).get(`/api/search?q=${encodeURIComponent("Seedance 2.0")}`))).toContain(
      "model:seedance-2",
    );
  });

  it("restricts results to the requested types", async () => {
    const res = await request(app).get("/api/search?q=Grok&types=Case");
    expect(res.body.results.length).toBeGreaterThan(0);
    expect(res.body.results.every((r: { type: string }) => r.type === "Case")).toBe(true);
  });
});

describe("dossier", () => {
  it("groups ByteDance's relationships with evidence and lists its cases in date order", async () => {
    const res = await request(app).get("/api/entities/company:bytedance");
    expect(res.status).toBe(200);
    expect(res.body.entity).toMatchObject({ id: "company:bytedance", type: "Company", nameZh: "字节跳动" });
    const accusations = res.body.groups.find(
      (g: { type: string; direction: string }) => g.type === "ACCUSES" && g.direction === "in",
    );
    expect(accusations.relationships.map((r: { other: { id: string } }) => r.other.id)).toEqual(
      expect.arrayContaining(["company:disney", "company:netflix"]),
    );
    const evidence = accusations.relationships[0].evidence;
    expect(evidence.basis).toBe("reported");
    expect(evidence.quote.length).toBeGreaterThan(5);
    expect(evidence.sources[0]).toMatchObject({ title: expect.any(String), date: expect.stringMatching(/^2026/) });
    const dates = res.body.cases.map((c: { startDate: string }) => c.startDate);
    expect(dates).toEqual([...dates].sort());
  });

  it("pages a group: the most recent first, the total, and the next page of that group alone", async () => {
    const first = await request(app).get("/api/entities/jur:cn?limit=10");
    expect(first.body.relationshipCount).toBe(55);
    const based = first.body.groups.find(
      (g: { type: string; direction: string }) => g.type === "BASED_IN" && g.direction === "in",
    );
    expect(based).toMatchObject({ total: 29, offset: 0 });
    expect(based.relationships).toHaveLength(10);
    const dates = based.relationships.map((r: { date?: string }) => r.date ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    const pages = [based.relationships];
    for (const offset of [10, 20]) {
      const next = await request(app).get(
        `/api/entities/jur:cn?relType=BASED_IN&direction=in&offset=${offset}&limit=10`,
      );
      expect(next.body.groups).toHaveLength(1);
      expect(next.body.groups[0]).toMatchObject({ type: "BASED_IN", direction: "in", total: 29, offset });
      pages.push(next.body.groups[0].relationships);
    }
    const all = pages.flat().map((r: { id: string }) => r.id);
    expect(all).toHaveLength(29);
    expect(new Set(all).size).toBe(29);
    const whole = await request(app).get("/api/entities/jur:cn");
    const wholeBased = whole.body.groups.find(
      (g: { type: string; direction: string }) => g.type === "BASED_IN" && g.direction === "in",
    );
    expect(wholeBased.relationships.map((r: { id: string }) => r.id)).toEqual(all);
  });

  it("shows a curated relationship with its official reference", async () => {
    const res = await request(app).get("/api/entities/law:eu-ai-act");
    const addresses = res.body.groups.find((g: { type: string }) => g.type === "ADDRESSES");
    const labeling = addresses.relationships.find(
      (r: { other: { id: string } }) => r.other.id === "topic:ai-content-labeling",
    );
    expect(labeling.evidence).toMatchObject({
      basis: "curated",
      reference: { url: expect.stringContaining("eur-lex.europa.eu"), provision: expect.stringContaining("50") },
    });
  });
});

describe("graphs", () => {
  it("gives a capped overview in graphology's format, most connected first", async () => {
    const res = await request(app).get("/api/graph/overview?limit=50");
    expect(res.body.capped).toBe(true);
    expect(res.body.graph.nodes).toHaveLength(50);
    const keys = new Set(res.body.graph.nodes.map((n: { key: string }) => n.key));
    const degrees = res.body.graph.nodes.map((n: { attributes: { degree: number } }) => n.attributes.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    expect(res.body.graph.nodes[0].key).toBe("jur:cn");
    for (const e of res.body.graph.edges) expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
    expect(res.body.edgesOmitted).toBe(res.body.edgesTotal - res.body.graph.edges.length);
  });

  it("draws every edge of the seed graph in the default overview, lean", async () => {
    const res = await request(app).get("/api/graph/overview");
    expect(res.body).toMatchObject({ capped: false, edgesOmitted: 0 });
    expect(res.body.graph.edges.length).toBe(res.body.edgesTotal);
    expect(
      res.body.graph.edges.every((e: { attributes: Record<string, unknown> }) => e.attributes.quote === undefined),
    ).toBe(true);
  });

  it("gives the neighbourhood of the Irish DPC with its investigation of X", async () => {
    const res = await request(app).get("/api/graph/neighborhood?id=regulator:ie-dpc&depth=1");
    const keys = res.body.graph.nodes.map((n: { key: string }) => n.key);
    expect(keys).toEqual(expect.arrayContaining(["regulator:ie-dpc", "company:x-corp"]));
    expect(
      res.body.graph.edges.some((e: { attributes: { type: string } }) => e.attributes.type === "INVESTIGATES"),
    ).toBe(true);
  });

  it("sends lean edges whose quote and source one request away", async () => {
    const res = await request(app).get("/api/graph/neighborhood?id=company:bytedance&depth=1");
    const edge = res.body.graph.edges.find((e: { attributes: { type: string } }) => e.attributes.type === "ACCUSES");
    expect(Object.keys(edge.attributes).sort()).toEqual(expect.arrayContaining(["basis", "id", "type"]));
    expect(edge.attributes.quote).toBeUndefined();
    const detail = await request(app).get(`/api/relationships/${encodeURIComponent(edge.key)}?type=ACCUSES`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: edge.key,
      type: "ACCUSES",
      from: { id: edge.source },
      to: { id: edge.target },
    });
    expect(detail.body.evidence.quote.length).toBeGreaterThan(5);
    expect(detail.body.evidence.sources[0]).toMatchObject({ title: expect.any(String) });
    expect((await request(app).get(`/api/relationships/${encodeURIComponent(edge.key)}?type=SUES`)).status).toBe(404);
  });

  it("draws a hub's neighbourhood within its edge cap, every entity tied to the centre", async () => {
    const res = await request(app).get("/api/graph/neighborhood?id=jur:cn&depth=2&limit=10&maxEdges=10");
    expect(res.body.graph.edges).toHaveLength(10);
    expect(res.body.edgesOmitted).toBeGreaterThan(0);
    expect(res.body.edgesTotal).toBe(res.body.edgesOmitted + 10);
    // Every entity shown reaches the centre through the edges sent.
    const adjacent = new Map<string, string[]>();
    for (const e of res.body.graph.edges as { source: string; target: string }[]) {
      adjacent.set(e.source, [...(adjacent.get(e.source) ?? []), e.target]);
      adjacent.set(e.target, [...(adjacent.get(e.target) ?? []), e.source]);
    }
    const seen = new Set(["jur:cn"]);
    const queue = ["jur:cn"];
    while (queue.length)
      for (const m of adjacent.get(queue.shift()!) ?? [])
        if (!seen.has(m)) {
          seen.add(m);
          queue.push(m);
        }
    expect(seen.size).toBe(res.body.graph.nodes.length);
  });

  it("respects the node limit of a neighbourhood and says it capped", async () => {
    const res = await request(app).get("/api/graph/neighborhood?id=jur:cn&depth=2&limit=10");
    expect(res.body.graph.nodes.length).toBe(11);
    expect(res.body.capped).toBe(true);
  });

  it("takes at most perNode neighbours of each entity, most connected first, and says per entity what it left out", async () => {
    const res = await request(app).get("/api/graph/neighborhood?id=jur:cn&depth=2&perNode=3&limit=2000");
    expect(res.status).toBe(200);
    const nodes = res.body.graph.nodes as WireNodeRow[];
    expect(nodes.length).toBeLessThanOrEqual(1 + 3 + 9);
    expect(res.body).toMatchObject({ capped: true, perNode: 3, offset: 0, nextOffset: 3 });
    // The centre's three are its most connected neighbours.
    const degrees = await neighbourDegrees("jur:cn");
    const firstStep = (res.body.graph.edges as WireEdge[])
      .filter((e) => e.source === "jur:cn" || e.target === "jur:cn")
      .map((e) => (e.source === "jur:cn" ? e.target : e.source));
    const shown = [...new Set(firstStep)].map((id) => degrees.get(id)!);
    expect(Math.min(...shown)).toBeGreaterThanOrEqual([...degrees.values()].sort((a, b) => b - a)[2]);
    // Each entity's relationships are those drawn plus those it says are hidden.
    for (const n of nodes) {
      const drawn = (res.body.graph.edges as WireEdge[]).filter((e) => e.source === n.key || e.target === n.key).length;
      expect(n.attributes.hiddenRelationships + drawn).toBe(await degreeOf(n.key));
    }
    expect(res.body.edgesOmitted).toBe(nodes.reduce((sum, n) => sum + n.attributes.hiddenRelationships, 0));
  });

  it("shows more of an entity page by page (nextOffset) until every neighbour has been shown once", async () => {
    const seen: string[] = [];
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const res = await request(app).get(`/api/graph/neighborhood?id=jur:cn&depth=1&perNode=4&offset=${offset}`);
      expect(res.status).toBe(200);
      seen.push(
        ...(res.body.graph.nodes as WireNodeRow[]).map((n) => n.key).filter((k) => k !== "jur:cn" && !seen.includes(k)),
      );
      offset = res.body.nextOffset;
      pages++;
    }
    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen)).toEqual(new Set((await neighbourDegrees("jur:cn")).keys()));
  });

  it("gives the same neighbourhood from the ranks kept at load time as from the relationships themselves", async () => {
    const ranked = await request(app).get("/api/graph/neighborhood?id=jur:cn&depth=2&perNode=4&limit=2000");
    const types = [
      ...new Set(
        (await db.read<{ type: string }>("MATCH ()-[r]->() RETURN DISTINCT type(r) AS type")).map((r) => r.type),
      ),
    ];
    const read = await request(app).get(
      `/api/graph/neighborhood?id=jur:cn&depth=2&perNode=4&limit=2000&relTypes=${types.join(",")}`,
    );
    const keys = (res: request.Response) => (res.body.graph.nodes as WireNodeRow[]).map((n) => n.key);
    expect(keys(read)).toEqual(keys(ranked));
  });

  it("sees a relationship written after the last load (its ranks are stale, so it reads the relationships)", async () => {
    const [leaf] = await db.read<{ id: string; other: string }>(
      `MATCH (n:Company) WHERE COUNT { (n)--() } = 1
       MATCH (o:Regulator) WHERE NOT (n)--(o)
       RETURN n.id AS id, o.id AS other ORDER BY n.id, o.id LIMIT 1`,
    );
    await db.write(
      "MATCH (a:Entity {id: $id}), (b:Entity {id: $other}) CREATE (b)-[:INVESTIGATES {id: 'rel:test-stale-rank', basis: 'reported'}]->(a)",
      leaf,
    );
    try {
      const res = await request(app).get(`/api/graph/neighborhood?id=${encodeURIComponent(leaf.id)}&depth=1`);
      expect((res.body.graph.nodes as WireNodeRow[]).map((n) => n.key)).toContain(leaf.other);
    } finally {
      await db.write("MATCH ()-[r {id: 'rel:test-stale-rank'}]->() DELETE r");
    }
  });

  it("finds shortest paths between two companies, through jurisdictions and topics only when asked", async () => {
    const res = await request(app).get(
      "/api/graph/paths?from=company:bytedance&to=company:openai&maxHops=4&avoidHubs=false",
    );
    expect(res.body.found).toBe(true);
    for (const p of res.body.paths) {
      expect(p[0]).toBe("company:bytedance");
      expect(p[p.length - 1]).toBe("company:openai");
    }
    const avoiding = await request(app).get("/api/graph/paths?from=company:bytedance&to=company:openai&maxHops=4");
    expect(avoiding.status).toBe(200);
    const hubs = new Set(
      res.body.graph.nodes
        .filter((n: { attributes: { type: string } }) => ["Jurisdiction", "Topic"].includes(n.attributes.type))
        .map((n: { key: string }) => n.key),
    );
    for (const p of avoiding.body.paths as string[][])
      for (const id of p.slice(1, -1)) expect(hubs.has(id)).toBe(false);
  });

  it("explains how GDPR, the AI Act and China's labeling measures interconnect", async () => {
    const res = await request(app).get("/api/graph/regimes");
    expect(res.body.pairs).toHaveLength(3);
    for (const pair of res.body.pairs) expect(pair.connected).toBe(true);
    const labeling = res.body.pairs.find(
      (p: { a: string; b: string }) => p.a === "law:eu-ai-act" && p.b === "law:cn-aigc-labeling",
    );
    expect(labeling.connections[0].explanation).toMatch(
      /^AI Act Art\. 50\(2\) \(applies from 2026-08-02\) and Labeling Measures Art\. 4 \(applies from 2025-09-01\) both concern marking AI-generated content: /,
    );
    expect(labeling.connections.map((c: { explanation: string }) => c.explanation)).toContainEqual(
      expect.stringMatching(/^Both address Labeling of AI-generated content/),
    );
  });
});

describe("timeline and export", () => {
  it("lists February 2026 events in the UK in date order", async () => {
    const res = await request(app).get("/api/timeline?from=2026-02&to=2026-02&jurisdictions=jur:gb");
    expect(res.status).toBe(200);
    const events = res.body.events;
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e: { from: { id: string } }) => e.from.id === "regulator:gb-ico")).toBe(true);
    expect(events.every((e: { date: string }) => e.date.startsWith("2026-02"))).toBe(true);
  });

  it("exports GEXF, GraphML and CSV", async () => {
    const gexf = await request(app).get("/api/export?format=gexf&id=regulator:ie-dpc");
    expect(gexf.status).toBe(200);
    expect(gexf.text).toContain("<gexf");
    expect(gexf.text).toContain("regulator:ie-dpc");
    const graphml = await request(app).get("/api/export?format=graphml");
    expect(graphml.text).toContain("<graphml");
    const csv = await request(app).get("/api/export?format=csv&part=edges");
    expect(csv.text.split("\n")[0]).toMatch(/^id,source,target,type,basis,date,quote,sources/);
    const json = await request(app).get("/api/export?format=json");
    expect(json.body.nodes.length).toBe((await request(app).get("/api/health")).body.counts.entities);
  });

  it("exports a neighbourhood complete: every edge among its entities, with quotes and sources", async () => {
    const view = await request(app).get("/api/graph/neighborhood?id=jur:cn&depth=2&limit=10&maxEdges=10");
    const json = await request(app).get("/api/export?format=json&id=jur:cn&depth=2&limit=10");
    const keys = (xs: { key: string }[]) => xs.map((x) => x.key).sort();
    expect(keys(json.body.nodes)).toEqual(keys(view.body.graph.nodes));
    expect(keys(json.body.edges)).toEqual(expect.arrayContaining(keys(view.body.graph.edges)));
    expect(json.body.edges.length).toBeGreaterThan(view.body.graph.edges.length);
    const reported = json.body.edges.filter(
      (e: { attributes: { basis: string } }) => e.attributes.basis === "reported",
    );
    expect(reported.length).toBeGreaterThan(0);
    for (const e of reported)
      expect(e.attributes).toMatchObject({ quote: expect.any(String), sources: expect.any(Array) });
  });
});

describe("OpenAPI", () => {
  it("documents every route from the zod schemas", async () => {
    const res = await request(app).get("/api/openapi.json");
    expect(res.body.openapi).toBe("3.0.3");
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/search",
        "/api/entities/{id}",
        "/api/graph/regimes",
        "/api/cypher",
        "/api/queries/{name}",
        "/api/timeline",
        "/api/export",
      ]),
    );
    const q = res.body.paths["/api/search"].get.parameters.find((p: { name: string }) => p.name === "q");
    expect(q.required).toBe(true);
    expect((await request(app).get("/api/docs")).text).toContain("swagger-ui");
  });
});

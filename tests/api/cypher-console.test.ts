/**
 * The ad hoc Cypher console and the saved queries: reads work and come back as table and graph; every write or
 * administration attempt is refused (403, with the reason) and leaves the graph checksum unchanged; a slow query is
 * stopped by the timeout with a clear message; the row cap truncates and says so.
 */
import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadSavedQueries } from "../../src/api/queries/saved.js";
import { createApp } from "../../src/app.js";
import type { Db } from "../../src/db/driver.js";
import { graphChecksum } from "../../src/seed/load.js";
import { seededApp } from "../support/app.js";

let app: Express;
let db: Db;
let checksum: string;
beforeAll(async () => {
  ({ app, db } = await seededApp({ cypherTimeoutMs: 1_500, cypherMaxRows: 100, cypherRateLimitPerMinute: 1_000 }));
  checksum = await graphChecksum(db);
});
afterAll(async () => db?.close());

const run = (query: string, params: Record<string, unknown> = {}) =>
  request(app).post("/api/cypher").send({ query, params });

export const WRITE_ATTEMPTS = [
  "CREATE (n:Company {id: 'company:evil'})",
  "create (n:Company {id: 'company:evil'})",
  "MERGE (n:Company {id: 'company:evil'}) RETURN n",
  "MATCH (n:Law {id: 'law:eu-gdpr'}) SET n.nameEn = 'x'",
  "MATCH (n:Law {id: 'law:eu-gdpr'}) SET n:Evil",
  "MATCH (n:Law {id: 'law:eu-gdpr'}) REMOVE n.nameEn",
  "MATCH (n) DETACH DELETE n",
  "MATCH ()-[r]->() DELETE r",
  "MATCH (n) /* harmless */ DELETE n",
  "MATCH (n) // comment\nDETACH DELETE n",
  "MATCH (n) CALL { WITH n DETACH DELETE n } RETURN 1",
  "MATCH (n) CALL (n) { SET n.x = 1 } RETURN 1",
  "MATCH (n) WITH collect(n) AS ns FOREACH (x IN ns | SET x.hacked = true)",
  "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
  "load csv from 'https://example.org/x.csv' AS row RETURN row",
  "LOAD CSV WITH HEADERS FROM 'file:///etc/shadow' AS row CREATE (:X {v: row[0]})",
  "CALL dbms.listConfig()",
  "CALL dbms.security.createUser('eve', 'pw', false)",
  "CALL db.createLabel('Evil')",
  "CALL apoc.create.node(['Evil'], {})",
  "RETURN apoc.text.join(['a'], ',')",
  "CALL db.clearQueryCaches()",
  "DROP CONSTRAINT entity_id",
  "CREATE INDEX evil FOR (n:Company) ON (n.evil)",
  "CREATE CONSTRAINT evil FOR (n:Company) REQUIRE n.evil IS UNIQUE",
  "SHOW USERS",
  "SHOW DATABASES",
  "USE system SHOW USERS",
  "GRANT ROLE admin TO neo4j",
  "ALTER USER neo4j SET PASSWORD 'x'",
  "STOP DATABASE neo4j",
  "MATCH (n) RETURN n; MATCH (m) DETACH DELETE m",
  "MATCH (n) RETURN count(n);\nCREATE (:Evil)",
  ":param x => 1",
  "UNWIND range(1, 10) AS i CALL { WITH i CREATE (:Evil {i: i}) } IN TRANSACTIONS OF 5 ROWS",
  "ＣＲＥＡＴＥ (n:Evil)",
  "CRE\u200bATE (n:Evil)",
  "INSERT (n:Evil)",
  "MATCH (n) WHERE n.id = 'x' OR 1=1 DETACH DELETE n",
  "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
  "MATCH (n) SET n += {x: 1}",
  "MATCH (n:Law) SET n = {}",
  "OPTIONAL MATCH (n) DELETE n",
  "WITH 1 AS x CREATE (:Evil)",
  "UNWIND [1, 2] AS x MERGE (:Evil {v: x})",
  "CALL db.index.fulltext.drop('entity_names')",
  "CALL db.createIndex('x', ['Company'], ['p'], 'range-1.0')",
  "CALL db.awaitIndexes()",
  "CALL dbms.killQueries(['query-1'])",
  "CALL dbms.procedures()",
  "CALL apoc.load.json('file:///etc/passwd')",
  "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
  "RETURN apoc.cypher.runFirstColumnSingle('CREATE (:Evil)', {})",
  "CALL apoc.cypher.doIt('CREATE (:Evil)', {})",
  "LoAd CsV FROM 'http://169.254.169.254/latest/meta-data/' AS r RETURN r",
  "MATCH (n) /* ; */ DETACH /* x */ DELETE n",
  "MATCH (n)\u00a0DELETE n",
  "CYPHER runtime=slotted CREATE (:Evil)",
  "EXPLAIN CREATE (:Evil)",
  "PROFILE MATCH (n) DETACH DELETE n",
  "CREATE DATABASE evil",
  "DROP DATABASE neo4j",
  "CREATE USER eve SET PASSWORD 'secret'",
  "CREATE ROLE evil",
  "REVOKE ROLE admin FROM neo4j",
  "DENY MATCH {*} ON GRAPH * TO reader",
  "SHOW TRANSACTIONS",
  "SHOW PROCEDURES",
  "RETURN 1 // fine\n; CREATE (:Evil)",
  "MATCH (n) RETURN n.id AS id UNION MATCH (m) DETACH DELETE m RETURN m.id AS id",
  "MATCH (n) WITH n LIMIT 1 FOREACH (i IN [1] | CREATE (:Evil))",
  "MATCH (n) CALL (n) { MERGE (:Evil) } IN TRANSACTIONS",
  "call  DB . createLabel ( 'Evil' )",
];

describe("the console refuses writes and administration", () => {
  it(`refuses all ${WRITE_ATTEMPTS.length} write or admin attempts with 403 and a reason`, async () => {
    expect(WRITE_ATTEMPTS.length).toBeGreaterThanOrEqual(60);
    for (const query of WRITE_ATTEMPTS) {
      const res = await run(query);
      expect(res.status, query).toBe(403);
      expect(res.body.detail, query).toMatch(/Refused|Only one statement|Console commands|invisible/);
    }
    expect(await graphChecksum(db)).toBe(checksum);
  });

  it("passes parameters as parameters, so a value that looks like Cypher stays a value", async () => {
    const res = await run("MATCH (n:Entity) WHERE n.id = $id RETURN n.id AS id", {
      id: "x' OR 1=1 DETACH DELETE n //",
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
    expect(await graphChecksum(db)).toBe(checksum);
  });

  it("lets keywords inside strings and names through", async () => {
    const res = await run(
      "MATCH (n:Entity) WHERE n.nameEn CONTAINS 'CREATE' OR n.nameEn = 'DELETE' RETURN count(n) AS `SET`",
    );
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual(["SET"]);
  });
});

describe("the console answers reads", () => {
  it("returns columns, rows and the graph of the nodes and relationships found", async () => {
    const res = await run("MATCH (r:Regulator {id: 'regulator:ie-dpc'})-[i:INVESTIGATES]->(c) RETURN r, i, c");
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe("COMPLETE");
    expect(res.body.columns).toEqual(["r", "i", "c"]);
    expect(res.body.graph.nodes.map((n: { key: string }) => n.key)).toEqual(
      expect.arrayContaining(["regulator:ie-dpc", "company:x-corp"]),
    );
    expect(res.body.graph.edges[0].attributes.type).toBe("INVESTIGATES");
  });

  it("caps rows and says the result was truncated", async () => {
    const res = await run("UNWIND range(1, 1000) AS x RETURN x");
    expect(res.body.outcome).toBe("COMPLETE_TRUNCATED");
    expect(res.body.truncated).toBe(true);
    expect(res.body.rows).toHaveLength(100);
  });

  it("stops a slow query at the timeout with a clear message, and stays healthy", async () => {
    const res = await run("UNWIND range(1, 100000000) AS x WITH x WHERE x % 3 = 7 RETURN count(x)");
    expect(res.status).toBe(504);
    expect(res.body.detail).toMatch(/ran longer than 1.5 s and was stopped/);
    expect((await request(app).get("/api/health")).status).toBe(200);
  });

  it("stops a query that would exhaust memory (a cartesian product) and stays healthy", async () => {
    const res = await run(
      "MATCH (a), (b), (c) WITH a, b, c ORDER BY a.id, b.id, c.id RETURN collect(a.id + b.id + c.id) AS all",
    );
    expect(res.status).toBe(504);
    expect(res.body.detail).toMatch(/was stopped/);
    expect((await run("MATCH (n:Law {id: 'law:eu-gdpr'}) RETURN n.nameEn AS name")).body.rows).toEqual([
      { name: "General Data Protection Regulation" },
    ]);
  });

  it("explains a syntax error as a bad request", async () => {
    const res = await run("MATCH (n RETURN n");
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/could not run the query/);
  });
});

describe("saved queries", () => {
  it("ships at least 12, each with a title and typed parameters", async () => {
    const res = await request(app).get("/api/queries");
    expect(res.body.queries.length).toBeGreaterThanOrEqual(12);
    for (const q of res.body.queries) expect(q.title.length).toBeGreaterThan(5);
  });

  // With the console's default time limit: the 1.5 s of this file's app is for the timeout tests, and a saved query
  // planned for the first time (latest-events unions one branch per relationship type) may take longer than that.
  it.each([...loadSavedQueries().keys()])("runs %s with its defaults", async (name) => {
    const res = await request(createApp({ db, options: { cypherRateLimitPerMinute: 1_000 } }))
      .post(`/api/queries/${name}`)
      .send({});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.outcome).toMatch(/^COMPLETE/);
  });

  it("answers questions a lawyer asks on day one", async () => {
    const several = await request(app).post("/api/queries/companies-targeted-by-several").send({});
    expect(several.body.rows[0]).toMatchObject({ company: "company:bytedance" });
    const chinese = await request(app).post("/api/queries/laws-cited-by-chinese-cases").send({});
    expect(chinese.body.rows[0]).toMatchObject({ law: "law:cn-anti-unfair-competition-law", articles: ["第六条"] });
    const grok = await request(app)
      .post("/api/queries/enforcement-against-company")
      .send({ params: { company: "company:x-corp" } });
    expect(grok.body.rows.map((r: { actor: string }) => r.actor)).toEqual(
      expect.arrayContaining(["regulator:gb-ico", "regulator:ie-dpc"]),
    );
  });

  it("validates parameters and names the wrong one", async () => {
    const bad = await request(app)
      .post("/api/queries/enforcement-against-company")
      .send({ params: { company: "not an id" } });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/parameter 'company'/);
    const unknown = await request(app)
      .post("/api/queries/enforcement-against-company")
      .send({ params: { who: "x" } });
    expect(unknown.body.detail).toMatch(/unknown parameter\(s\): who/);
    expect((await request(app).post("/api/queries/no-such-query").send({})).status).toBe(404);
  });
});

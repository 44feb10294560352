/**
 * GET /api/whatsnew against the real Neo4j with the seed graph: bad input gives 400 problem+json naming the
 * parameter; a good request lists the seed's events since the date, grouped by watched entity and by jurisdiction,
 * each with its quote and source; without a date, the last 30 days of the data. GET /api/whatsnew.atom gives the
 * same events as an Atom feed whose entries link to the evidence in the explorer.
 */
import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../src/db/driver.js";
import type { WhatsNew } from "../../src/ingest/whatsnew.js";
import { seededApp } from "../support/app.js";

let app: Express;
let db: Db;
beforeAll(async () => {
  ({ app, db } = await seededApp());
});
afterAll(async () => db?.close());

describe("GET /api/whatsnew", () => {
  it.each([
    ["/api/whatsnew?since=2026-13-01", /query 'since'/],
    ["/api/whatsnew?since=last%20month", /query 'since'/],
    ["/api/whatsnew?since=2026-02-01&watch=ByteDance", /query 'watch\[0\]'/],
    ["/api/whatsnew?since=2026-02-01&limit=0", /query 'limit'/],
    ["/api/whatsnew?since=2026-02-01&from=2026-01-01", /unknown query parameter\(s\): from/],
  ])("GET %s answers 400 with a message", async (url, message) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(400);
    expect(res.type).toBe("application/problem+json");
    expect(res.body.detail).toMatch(message);
  });

  it("lists the Seedance accusations against ByteDance since 2026-02-01, with quotes and sources", async () => {
    const res = await request(app).get("/api/whatsnew?since=2026-02-01&watch=company:bytedance");
    expect(res.status).toBe(200);
    const body = res.body as WhatsNew;
    expect(body.since).toBe("2026-02-01");
    expect(body.watch).toEqual(["company:bytedance"]);
    expect(body.byWatched.map((g) => g.id)).toEqual(["company:bytedance"]);
    const events = body.byWatched[0].events;
    const accusations = events.filter((e) => e.type === "ACCUSES" && e.toId === "company:bytedance");
    expect(accusations.map((e) => e.fromId)).toEqual(
      expect.arrayContaining(["company:warner-bros-discovery", "company:netflix", "company:sony-pictures"]),
    );
    expect(accusations.some((e) => e.caseId === "case:warner-bros-bytedance-seedance-2026")).toBe(true);
    for (const e of events) {
      expect(e.date >= "2026-02-01").toBe(true);
      expect(e.quote).toBeTruthy();
      expect(e.sourceId).toBeTruthy();
    }
    const warner = accusations.find((e) => e.fromId === "company:warner-bros-discovery")!;
    expect(warner.quote).toContain("华纳兄弟");
    // The jurisdiction view holds every event, the watched ones among them.
    expect(body.byJurisdiction.length).toBeGreaterThan(0);
    const all = body.byJurisdiction.flatMap((g) => g.events);
    expect(all.some((e) => e.fromId === "company:warner-bros-discovery" && e.toId === "company:bytedance")).toBe(true);
    expect(body.total).toBeGreaterThanOrEqual(events.length);
  });

  it("restricts the jurisdiction view to the watched entities with onlyWatched=true, and is in the OpenAPI document", async () => {
    const res = await request(app).get("/api/whatsnew?since=2026-02-01&watch=company:bytedance&onlyWatched=true");
    expect(res.status).toBe(200);
    const body = res.body as WhatsNew;
    for (const e of body.byJurisdiction.flatMap((g) => g.events)) {
      expect([e.fromId, e.toId, e.caseId]).toContain("company:bytedance");
    }
    const doc = await request(app).get("/api/openapi.json");
    expect(Object.keys(doc.body.paths)).toContain("/api/whatsnew");
  });

  it("without a date, answers the 30 days up to the newest source, not an empty calendar month", async () => {
    const res = await request(app).get("/api/whatsnew");
    expect(res.status).toBe(200);
    const body = res.body as WhatsNew;
    const [{ newest }] = await db.read<{ newest: string }>(
      "MATCH (s:Source) WHERE s.date IS NOT NULL RETURN max(s.date) AS newest",
    );
    expect(body.dataCurrentTo).toBe(newest);
    expect(Date.parse(newest.slice(0, 10)) - Date.parse(body.since)).toBe(30 * 86_400_000);
    expect(body.total).toBeGreaterThan(0);
  });
});

describe("GET /api/whatsnew.atom", () => {
  it.each([
    ["/api/whatsnew.atom?watch=ByteDance", /query 'watch\[0\]'/],
    ["/api/whatsnew.atom?lang=fr", /query 'lang'/],
    ["/api/whatsnew.atom?since=yesterday", /query 'since'/],
  ])("GET %s answers 400 with a message", async (url, message) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(400);
    expect(res.type).toBe("application/problem+json");
    expect(res.body.detail).toMatch(message);
  });

  it("is an Atom feed of ByteDance's events, each entry linking to the relationship's evidence in the explorer", async () => {
    const res = await request(app)
      .get("/api/whatsnew.atom?watch=company:bytedance&since=2026-02-01")
      .buffer(true)
      .parse((r, cb) => {
        let text = "";
        r.on("data", (c: Buffer) => (text += c.toString("utf8")));
        r.on("end", () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/atom+xml");
    const xml = res.body as string;
    expect(xml).toMatch(/^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    const entries = xml.split("<entry>").slice(1);
    const json = (await request(app).get("/api/whatsnew?since=2026-02-01&watch=company:bytedance&onlyWatched=true"))
      .body as WhatsNew;
    expect(entries.length).toBe(new Set(json.byWatched[0].events.map((e) => e.relationshipId)).size);
    const warner = json.byWatched[0].events.find(
      (e) => e.fromId === "company:warner-bros-discovery" && e.type === "ACCUSES",
    )!;
    const entry = entries.find((e) => e.includes(encodeURIComponent(warner.relationshipId)))!;
    expect(entry).toContain("Warner Bros. Discovery accuses ByteDance");
    const link = entry.match(/<link href="([^"]+)"/)![1].replace(/&amp;/g, "&");
    const hash = new URL(link).hash;
    expect(hash).toContain(`edge=${encodeURIComponent(warner.relationshipId)}`);
    expect(hash).toContain("edgeType=ACCUSES");
    // The link's relationship is the one the explorer's evidence panel reads.
    const rel = await request(app).get(`/api/relationships/${encodeURIComponent(warner.relationshipId)}?type=ACCUSES`);
    expect(rel.status).toBe(200);
    expect(rel.body.quote ?? JSON.stringify(rel.body)).toContain("华纳兄弟");
  });

  it("writes the names in Chinese with lang=zh, and is in the OpenAPI document", async () => {
    const res = await request(app)
      .get("/api/whatsnew.atom?watch=company:bytedance&since=2026-02-01&lang=zh")
      .buffer(true)
      .parse((r, cb) => {
        let text = "";
        r.on("data", (c: Buffer) => (text += c.toString("utf8")));
        r.on("end", () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.text ?? res.body).toContain("指控字节跳动");
    const doc = await request(app).get("/api/openapi.json");
    expect(Object.keys(doc.body.paths["/api/whatsnew.atom"].get.responses["200"].content)).toContain(
      "application/atom+xml",
    );
  });
});

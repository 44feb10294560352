/**
 * GET /api/whatsnew against the real Neo4j with the seed graph: bad input gives 400 problem+json naming the
 * parameter; a good request lists the seed's events since the date, grouped by watched entity and by jurisdiction,
 * each with its quote and source.
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
    ["/api/whatsnew", /query 'since'/],
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
    expect(accusations.map((e) => e.fromId)).toEqual(expect.arrayContaining(["company:warner-bros-discovery", "company:netflix", "company:sony-pictures"]));
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
});

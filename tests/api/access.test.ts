/** Access: with API_TOKEN set every route but health needs the bearer token; security headers are sent. */
import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../src/db/driver.js";
import { seededApp } from "../support/app.js";

const TOKEN = "s3cret-token-for-tests-0123456789";
let app: Express;
let db: Db;
beforeAll(async () => {
  ({ app, db } = await seededApp({ apiToken: TOKEN }));
});
afterAll(async () => db?.close());

describe("API token", () => {
  it("refuses requests without the token, or with a wrong one", async () => {
    const none = await request(app).get("/api/search?q=GDPR");
    expect(none.status).toBe(401);
    expect(none.body.detail).toMatch(/Authorization: Bearer/);
    expect((await request(app).get("/api/search?q=GDPR").set("authorization", "Bearer wrong")).status).toBe(401);
    expect((await request(app).post("/api/cypher").send({ query: "RETURN 1" })).status).toBe(401);
  });

  it("accepts the token, and leaves health open", async () => {
    expect((await request(app).get("/api/search?q=GDPR").set("authorization", `Bearer ${TOKEN}`)).status).toBe(200);
    expect((await request(app).get("/api/health")).status).toBe(200);
  });

  it("sends a content-security policy and no x-powered-by", async () => {
    const res = await request(app).get("/api/health");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });
});

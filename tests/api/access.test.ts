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

describe("audit log", () => {
  it("writes one JSON line per console query, with caller, query, rows, duration and outcome", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { createApp } = await import("../../src/app.js");
    const log = path.join(mkdtempSync(path.join(tmpdir(), "audit-")), "audit.jsonl");
    const audited = createApp({ db, options: { auditLog: log } });
    await request(audited).post("/api/cypher").send({ query: "MATCH (n:Law) RETURN n.id LIMIT 3" });
    await request(audited).post("/api/cypher").send({ query: "CREATE (n:Evil)" });
    const lines = readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      kind: "cypher",
      query: "MATCH (n:Law) RETURN n.id LIMIT 3",
      rows: 3,
      outcome: "COMPLETE",
    });
    expect(lines[0].caller).toBeTruthy();
    expect(typeof lines[0].durationMs).toBe("number");
    expect(lines[1]).toMatchObject({ query: "CREATE (n:Evil)", rows: 0, outcome: "ForbiddenQueryError" });
  });
});

describe("binding beyond loopback", () => {
  it("refuses to start on another address without API_TOKEN", async () => {
    const { spawnSync } = await import("node:child_process");
    const env = { ...process.env };
    delete env.API_TOKEN;
    const res = spawnSync(
      "npx",
      ["tsx", "src/index.ts", "--host", "0.0.0.0", "--port", "18099", "--no-load", "--no-build"],
      { env, encoding: "utf8", timeout: 60_000 },
    );
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("Refusing to listen on 0.0.0.0 without API_TOKEN");
  });
});

/**
 * GET /api/briefings with the client profile: bad facts first (each a problem+json naming the parameter), then the
 * facts and roles reaching the briefing (established, open source, compute, SME, turnover), the Word download, and
 * the parameters in the OpenAPI document.
 */
import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Briefing } from "../../src/briefing/index.js";
import type { Db } from "../../src/db/driver.js";
import { seededApp } from "../support/app.js";

let app: Express;
let db: Db;
beforeAll(async () => {
  ({ app, db } = await seededApp());
});
afterAll(async () => db?.close());

const BASE =
  "/api/briefings?company=company:minimax&activities=foundation_models,model_api,consumer_chatbot&asOf=2026-03-01";
const obligation = (b: Briefing, code: string, id: string) =>
  b.markets.find((m) => m.market.code === code)!.obligations.find((o) => o.id === id);

describe("GET /api/briefings with a profile", () => {
  it.each([
    ["&markets=EU&turnover=1000", /turnover: give the turnover with its currency/],
    ["&markets=EU&turnover=-5&turnoverCurrency=EUR", /turnover/],
    ["&markets=EU&turnover=1000&turnoverCurrency=euro", /turnoverCurrency'?: a currency is an ISO 4217 code/],
    ["&markets=EU&sme=maybe", /sme/],
    ["&markets=EU&established=Europe", /established/],
    ["&markets=EU&roles=law:eu-ai-act", /roles.*a role id starts with 'role:'/],
  ])("refuses %s with a problem naming the parameter", async (query, message) => {
    const res = await request(app).get(`${BASE}${query}`);
    expect(res.status).toBe(400);
    expect(res.type).toBe("application/problem+json");
    expect(res.body.detail).toMatch(message);
  });

  it("passes the facts and roles to the briefing: exemptions apply, unknown facts stay open", async () => {
    const open = await request(app).get(`${BASE}&markets=EU&established=none&openSource=true&systemicCompute=false`);
    expect(open.status).toBe(200);
    const b = open.body as Briefing;
    expect(b.input.facts).toEqual({ established: [], openSource: true, systemicCompute: false });
    expect(obligation(b, "EU", "obl:eu-ai-act:art-53-1-a-technical-documentation")!.status).toBe("not_applicable");
    expect(obligation(b, "EU", "obl:eu-gdpr:art-27-1-eu-representative")!.status).toBe("applies");

    const unknown = (await request(app).get(`${BASE}&markets=EU`)).body as Briefing;
    expect(obligation(unknown, "EU", "obl:eu-gdpr:art-27-1-eu-representative")!.status).toBe("conditional");

    const sme = (await request(app).get(`${BASE}&markets=EU&sme=true&turnover=10000000&turnoverCurrency=eur`))
      .body as Briefing;
    const marking = obligation(sme, "EU", "obl:eu-ai-act:art-50-2-machine-readable-marking")!;
    expect(marking.penalties.map((p) => p.id)).toEqual(["pen:eu-ai-act:art-99-6-operator-obligations"]);

    const roles = (await request(app).get(`${BASE}&markets=EU&roles=role:eu-ai-act:deployer`)).body as Briefing;
    expect(roles.markets[0].roles.filter((r) => r.id.startsWith("role:eu-ai-act:")).map((r) => r.id)).toEqual([
      "role:eu-ai-act:deployer",
    ]);
  });

  it("serves the briefing as a Word document to download", async () => {
    const res = await request(app)
      .get(`${BASE}&markets=KR&format=docx`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="briefing-minimax-KR-2026-03-01.docx"');
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe("PK");
  });

  it("documents the profile's parameters in the OpenAPI document", async () => {
    const res = await request(app).get("/api/openapi.json");
    expect(res.status).toBe(200);
    const params = (res.body.paths["/api/briefings"].get.parameters as { name: string }[]).map((p) => p.name);
    expect(params).toEqual(
      expect.arrayContaining([
        "activities",
        "established",
        "sme",
        "turnover",
        "turnoverCurrency",
        "systemicCompute",
        "openSource",
        "roles",
      ]),
    );
  });
});

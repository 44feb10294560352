/**
 * Briefing input, directly and through GET /api/briefings: bad input first (an unknown company, an unknown market, a
 * profile without activities, and the rest), each refused with a message naming what is wrong; then a profile, the
 * formats the API answers in, and the audit line each request writes.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../src/app.js";
import { buildBriefing } from "../../src/briefing/index.js";
import type { Db } from "../../src/db/driver.js";
import { BadRequestError, NotFoundError } from "../../src/errors.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { testDb } from "../support/db.js";
import { AS_OF, FIXED_NOW } from "./support.js";

let db: Db;
let app: Express;
const auditLog = path.join(mkdtempSync(path.join(tmpdir(), "briefing-audit-")), "audit.jsonl");
beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
  app = createApp({ db, options: { auditLog } });
});
afterAll(async () => db?.close());

const company = (id: string, markets = ["EU"]) => ({ subject: { kind: "company", id }, markets, asOf: AS_OF });

describe("bad input", () => {
  it("an unknown company is not found, and the message names it", async () => {
    const err = await buildBriefing(db, company("company:no-such-co")).catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toMatch(/company:no-such-co/);
  });

  it("an unknown market is refused, and the message names it and the codes the graph holds", async () => {
    const err = await buildBriefing(db, company("company:minimax", ["EU", "XX", "KR"])).catch((e) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toMatch(/Unknown market: XX\./);
    expect(err.message).toMatch(/EU, .*KR/);
  });

  it("a profile without activities is refused, and the message names the activities to choose from", async () => {
    const err = await buildBriefing(db, {
      subject: { kind: "profile", name: "Acme AI", home: "CN", activities: [] },
      markets: ["EU"],
    }).catch((e) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toMatch(/^activities: a profile needs at least one activity \(foundation_models, open_weights/);
  });

  it.each([
    [
      { subject: { kind: "company", id: "law:eu-gdpr" }, markets: ["EU"] },
      /^company: a company id starts with 'company:'/,
    ],
    [
      { subject: { kind: "company", id: "company:minimax" }, markets: [] },
      /^markets: choose at least one target market/,
    ],
    [
      { subject: { kind: "company", id: "company:minimax" }, markets: ["Europe"] },
      /^markets\[0\]: a market is a jurisdiction code/,
    ],
    [{ subject: { kind: "company", id: "company:minimax" }, markets: ["EU"], lang: "fr" }, /^lang:/],
    [
      { subject: { kind: "profile", name: "Acme", home: "CN", activities: ["mining"] }, markets: ["EU"] },
      /^activities:/,
    ],
    [
      { subject: { kind: "profile", name: "Acme", home: "ZZ", activities: ["model_api"] }, markets: ["EU"] },
      /Unknown home jurisdiction: ZZ/,
    ],
  ])("refuses %j", async (input, message) => {
    const err = await buildBriefing(db, input).catch((e) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toMatch(message);
  });

  it.each([
    ["/api/briefings?company=company:no-such-co&markets=EU", 404, /No company has the id 'company:no-such-co'/],
    ["/api/briefings?company=company:minimax&markets=EU,XX", 400, /Unknown market: XX/],
    [
      "/api/briefings?profileName=Acme%20AI&home=CN&markets=EU",
      400,
      /query 'activities': a profile needs at least one activity/,
    ],
    ["/api/briefings?markets=EU", 400, /query 'company': name the subject/],
    ["/api/briefings?company=company:minimax", 400, /query 'markets': choose at least one target market/],
    ["/api/briefings?company=company:minimax&profileName=Acme&markets=EU", 400, /either company or a profile/],
    [
      "/api/briefings?profileName=Acme&activities=model_api&markets=EU",
      400,
      /query 'home': a profile needs its home jurisdiction/,
    ],
    ["/api/briefings?company=law:eu-gdpr&markets=EU", 400, /query 'company': a company id starts with 'company:'/],
    ["/api/briefings?company=company:minimax&markets=EU&format=xlsx", 400, /query 'format'/],
    [
      "/api/briefings?company=company:minimax&markets=EU&asOf=2026-02-30",
      400,
      /query 'asOf': the as-of date is not a calendar date/,
    ],
    ["/api/briefings?company=company:minimax&markets=EU&colour=red", 400, /unknown query parameter\(s\): colour/],
  ])("GET %s answers %i naming what is wrong", async (url, status, message) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(status);
    expect(res.type).toBe("application/problem+json");
    expect(res.body.detail).toMatch(message);
  });
});

describe("good input", () => {
  it("briefs a profile of a company not in the graph, and says when the graph knows the name", async () => {
    const b = await buildBriefing(
      db,
      {
        subject: { kind: "profile", name: "MiniMax", home: "cn", activities: ["devices_robots", "open_weights"] },
        markets: ["gb"],
        asOf: AS_OF,
      },
      { now: FIXED_NOW },
    );
    expect(b.header.subject).toMatchObject({
      kind: "profile",
      name: "MiniMax",
      home: { code: "CN" },
      activities: ["devices_robots", "open_weights"],
    });
    expect(b.header.notes.join(" ")).toMatch(/company:minimax/);
    expect(b.exposure.cases).toEqual([]);
    expect(b.exposure.notes.join(" ")).toMatch(/profile/);
    expect(b.markets[0].market.code).toBe("GB");
    expect(b.markets[0].precedents.map((p) => p.id)).toContain("case:gb-ico-grok-2026");
    expect(b.riskThemes.find((t) => t.topic.id === "topic:risk-physical-product-liability")!.activities).toEqual([
      "devices_robots",
    ]);
  });

  it("answers in JSON by default, and in Markdown and HTML when asked", async () => {
    const json = await request(app).get(`/api/briefings?company=company:minimax&markets=EU,KR&asOf=${AS_OF}`);
    expect(json.status).toBe(200);
    expect(json.type).toBe("application/json");
    expect(json.body.header.subject.id).toBe("company:minimax");
    expect(json.body.markets.map((m: { market: { code: string } }) => m.market.code)).toEqual(["EU", "KR"]);

    const md = await request(app).get(
      `/api/briefings?company=company:bytedance&markets=US&asOf=${AS_OF}&format=md&lang=zh`,
    );
    expect(md.status).toBe(200);
    expect(md.type).toBe("text/markdown");
    expect(md.text).toMatch(/^# 出海合规风险简报：字节跳动 → 美国/);
    expect(md.headers["content-disposition"]).toMatch(/inline; filename="briefing-bytedance-US-2026-03-01.md"/);

    const html = await request(app).get(
      `/api/briefings?profileName=Acme%20%3Cscript%3E&home=CN&activities=model_api&markets=EU&asOf=${AS_OF}&format=html`,
    );
    expect(html.status).toBe(200);
    expect(html.type).toBe("text/html");
    expect(html.text).not.toMatch(/<script/i);
    expect(html.text).toContain("Acme &lt;script&gt;");
  });

  it("writes an audit line per briefing, refused ones included", async () => {
    await request(app).get(`/api/briefings?company=company:deepseek&markets=US&asOf=${AS_OF}&format=md`);
    await request(app).get(`/api/briefings?company=company:no-such-co&markets=US`);
    const lines = readFileSync(auditLog, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const ok = lines.find((l) => l.subject === "company:deepseek");
    expect(ok).toMatchObject({ kind: "briefing", markets: ["US"], asOf: AS_OF, format: "md", outcome: "COMPLETE" });
    expect(ok.citations).toBeGreaterThan(0);
    expect(ok.graphChecksum).toMatch(/^[0-9a-f]{64}$/);
    expect(lines.find((l) => l.subject === "company:no-such-co")).toMatchObject({
      kind: "briefing",
      outcome: "NotFoundError",
    });
  });
});

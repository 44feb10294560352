/**
 * Property-based fuzzing of every API endpoint: 1,000 generated malformed requests each (an unknown parameter, a
 * known one with a wrong value, a required one missing, a broken body). Every answer is a 4xx problem+json with a
 * message: never a 5xx, never a stack trace, and the server keeps answering.
 */
import fc from "fast-check";
import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../src/db/driver.js";
import { seededApp } from "../support/app.js";

const RUNS = 1_000;
let app: Express;
let db: Db;
beforeAll(async () => {
  ({ app, db } = await seededApp({ cypherRateLimitPerMinute: 100_000 }));
});
afterAll(async () => db?.close());

/** Values that no parameter of the API accepts where a specific kind is expected. */
const junk = fc.oneof(
  fc.string({ minLength: 1, maxLength: 300 }).map((s) => `${s}\u0000`),
  fc.constantFrom(
    "",
    " ",
    "-1",
    "0",
    "1e309",
    "NaN",
    "null",
    "[]",
    "{}",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "9".repeat(400),
  ),
  fc.string({ unit: "grapheme", minLength: 201, maxLength: 400 }),
);
const unknownKey = fc.string({ minLength: 1, maxLength: 20 }).filter((k) => /^[a-z]\w*$/i.test(k));

const LIST_PARAMS = new Set(["types", "labels", "relTypes", "jurisdictions", "laws"]);

interface Endpoint {
  name: string;
  method: "get" | "post";
  path: string | ((bad: string) => string);
  valid: Record<string, string>;
  /** Params whose any junk value is invalid. */
  strict: string[];
  required: string[];
}

const ENDPOINTS: Endpoint[] = [
  {
    name: "search",
    method: "get",
    path: "/api/search",
    valid: { q: "GDPR", limit: "5" },
    strict: ["limit", "types"],
    required: ["q"],
  },
  {
    name: "neighborhood",
    method: "get",
    path: "/api/graph/neighborhood",
    valid: { id: "law:eu-gdpr", depth: "1" },
    strict: ["id", "depth", "limit", "relTypes", "labels"],
    required: ["id"],
  },
  {
    name: "paths",
    method: "get",
    path: "/api/graph/paths",
    valid: { from: "company:openai", to: "company:bytedance" },
    strict: ["from", "to", "maxHops", "relTypes", "limit"],
    required: ["from", "to"],
  },
  {
    name: "regimes",
    method: "get",
    path: "/api/graph/regimes",
    valid: { laws: "law:eu-gdpr,law:eu-ai-act" },
    strict: ["laws", "maxHops", "limit"],
    required: [],
  },
  {
    name: "overview",
    method: "get",
    path: "/api/graph/overview",
    valid: { limit: "10" },
    strict: ["limit", "includeSources"],
    required: [],
  },
  {
    name: "timeline",
    method: "get",
    path: "/api/timeline",
    valid: { from: "2026-01" },
    strict: ["from", "to", "labels", "relTypes", "jurisdictions", "limit"],
    required: [],
  },
  {
    name: "export",
    method: "get",
    path: "/api/export",
    valid: { format: "json", id: "law:eu-gdpr" },
    strict: ["format", "part", "id", "depth", "limit"],
    required: [],
  },
  { name: "health", method: "get", path: "/api/health", valid: {}, strict: [], required: [] },
  { name: "queries", method: "get", path: "/api/queries", valid: {}, strict: [], required: [] },
];

const mutation = (e: Endpoint) =>
  fc.oneof(
    fc.record({
      kind: fc.constant("unknown" as const),
      key: unknownKey.filter((k) => !(k in e.valid) && !e.strict.includes(k) && !e.required.includes(k)),
      value: fc.string({ maxLength: 50 }),
    }),
    // An empty list parameter means "no filter", so list parameters get non-blank junk.
    ...(e.strict.length
      ? [
          fc
            .record({ kind: fc.constant("junk" as const), key: fc.constantFrom(...e.strict), value: junk })
            .filter((m) => !LIST_PARAMS.has(m.key) || m.value.trim() !== ""),
        ]
      : []),
    ...(e.required.length
      ? [
          fc.record({
            kind: fc.constant("missing" as const),
            key: fc.constantFrom(...e.required),
            value: fc.constant(""),
          }),
        ]
      : []),
  );

function expectProblem(res: request.Response, label: string): void {
  expect(res.status, label).toBeGreaterThanOrEqual(400);
  expect(res.status, label).toBeLessThan(500);
  expect(res.type, label).toBe("application/problem+json");
  expect(typeof res.body.detail, label).toBe("string");
  expect(res.text, label).not.toMatch(/\.ts:\d+|node_modules|at [\w.<>]+ \(/);
}

describe("fuzzing", () => {
  it.each(ENDPOINTS.map((e) => [e.name, e] as const))(
    `${RUNS} malformed requests to %s all get a 4xx problem`,
    async (_name, e) => {
      await fc.assert(
        fc.asyncProperty(mutation(e), async (m) => {
          const params: Record<string, string> = { ...e.valid };
          if (m.kind === "missing") delete params[m.key];
          else params[m.key] = m.value;
          const res = await request(app)
            .get(typeof e.path === "string" ? e.path : e.path(""))
            .query(params);
          expectProblem(res, `${e.name} ${JSON.stringify(m)}`);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it(`${RUNS} malformed entity ids get a 4xx problem`, async () => {
    await fc.assert(
      fc.asyncProperty(junk, async (id) => {
        const res = await request(app).get(`/api/entities/${encodeURIComponent(id)}`);
        expectProblem(res, id);
      }),
      { numRuns: RUNS },
    );
  });

  it(`${RUNS} malformed console bodies get a 4xx problem`, async () => {
    const body = fc.oneof(
      fc.record({
        query: fc.oneof(
          fc.constant(""),
          fc.integer(),
          fc.constant(null),
          fc.string({ minLength: 20_001, maxLength: 20_100 }),
        ),
      }),
      fc.record({
        query: fc.constant("RETURN 1"),
        params: fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer())),
      }),
      fc.record({ query: fc.constant("RETURN 1"), [`x${Math.random().toString(36).slice(2, 6)}`]: fc.string() }),
      fc.string().map((s) => `{${s}`),
      fc.record({ query: fc.string({ maxLength: 200 }).map((s) => `CREATE ${s}`) }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await request(app)
          .post("/api/cypher")
          .set("content-type", "application/json")
          .send(typeof b === "string" ? b : JSON.stringify(b));
        expectProblem(res, JSON.stringify(b).slice(0, 200));
      }),
      { numRuns: RUNS },
    );
  });

  it(`${RUNS} malformed saved-query requests get a 4xx problem`, async () => {
    const req = fc.oneof(
      fc.record({ name: junk, params: fc.constant({}) }),
      fc.record({ name: fc.constant("enforcement-against-company"), params: fc.record({ company: junk }) }),
      fc.record({
        name: fc.constant("latest-events"),
        params: fc.record({
          limit: fc.oneof(
            fc.integer({ max: -1 }),
            fc.integer({ min: 100_001 }),
            junk.filter((v) => !/^\d{1,5}$/.test(v)),
          ),
        }),
      }),
      fc.record({
        name: fc.constant("gpai-code-signatories"),
        params: fc.record({ [`z${Math.random().toString(36).slice(2, 5)}`]: fc.string() }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(req, async ({ name, params }) => {
        const res = await request(app)
          .post(`/api/queries/${encodeURIComponent(name)}`)
          .send({ params });
        expectProblem(res, `${name} ${JSON.stringify(params).slice(0, 100)}`);
      }),
      { numRuns: RUNS },
    );
  });
});

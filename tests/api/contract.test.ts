/**
 * The wire contract: every route declares a response schema (src/model/wire.ts) that the OpenAPI document publishes,
 * and under test every JSON answer is checked against it, so a response that drifts from the contract fails loudly.
 */
import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import express, { Router } from "express";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { errorHandler } from "../../src/api/problem.js";
import { CHECK_RESPONSES_SETTING, defineRoute } from "../../src/api/route.js";
import { createApp } from "../../src/app.js";
import { CHECK_RESPONSES, dbConfig } from "../../src/config.js";
import { createDb } from "../../src/db/driver.js";

/** A one-route app whose handler answers `body`, against a schema that wants `{ count: integer }`. */
function appAnswering(body: unknown, check: boolean) {
  const app = express();
  app.set(CHECK_RESPONSES_SETTING, check);
  const router = Router();
  defineRoute(router, new OpenAPIRegistry(), {
    method: "get",
    path: "/count",
    tag: "test",
    summary: "a count",
    request: {},
    response: z.object({ count: z.number().int() }),
    handler: async () => body as { count: number },
  });
  app.use("/api", router);
  app.use(errorHandler);
  return app;
}

describe("a response that breaks its schema", () => {
  it("fails the request in test mode, naming the route and the field", async () => {
    const res = await request(appAnswering({ count: "three" }, true)).get("/api/count");
    expect(res.status).toBe(500);
    expect(res.body.title).toBe("Response contract broken");
    expect(res.body.detail).toContain("GET /api/count");
    expect(res.body.detail).toContain("count");
  });

  it("passes when it matches, and is not checked when checking is off", async () => {
    expect((await request(appAnswering({ count: 3 }, true)).get("/api/count")).body).toEqual({ count: 3 });
    expect((await request(appAnswering({ count: "three" }, false)).get("/api/count")).status).toBe(200);
  });

  it("is checked in every API test (vitest sets NODE_ENV=test)", () => {
    expect(CHECK_RESPONSES).toBe(true);
  });
});

describe("the OpenAPI document", () => {
  const db = createDb(dbConfig());
  afterAll(() => db.close());

  it("gives every route a non-empty 200 response schema and a problem schema for its errors", async () => {
    const doc = (await request(createApp({ db })).get("/api/openapi.json")).body as {
      paths: Record<
        string,
        Record<
          string,
          { responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> }
        >
      >;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ route: `${method} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(15);
    for (const { route, op } of operations) {
      // JSON, or only the content types the route produces (the Atom feed); each with a schema.
      const content = Object.entries(op.responses["200"]?.content ?? {});
      expect(content.length, `${route}: 200 response content`).toBeGreaterThan(0);
      for (const [type, { schema }] of content) {
        expect(schema, `${route}: 200 ${type} schema`).toBeDefined();
        expect(Object.keys(schema!).length, `${route}: 200 ${type} schema is empty`).toBeGreaterThan(0);
      }
      const problem = op.responses["400"]?.content?.["application/problem+json"]?.schema;
      expect(Object.keys(problem ?? {}), `${route}: 400 problem schema`).toContain("properties");
    }
  });
});

/**
 * The database goes away while the server runs: requests get 503 with a message a lawyer can act on (never a stack
 * trace), and when the database is back the same server answers again without a restart.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../src/app.js";
import { createDb, type Db } from "../../src/db/driver.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { TestInstance } from "../support/instance.js";

const instance = new TestInstance("outage", 7691);
let db: Db;

beforeAll(async () => {
  instance.start();
  db = createDb(instance.config());
  await loadSeedGraph(db, validateSeed().graph);
}, 300_000);
afterAll(async () => {
  await db?.close();
  instance.stop();
});

describe("database outage", () => {
  it("answers 503 while the database is down and recovers by itself when it returns", async () => {
    const app = createApp({ db });
    expect((await request(app).get("/api/search?q=GDPR")).status).toBe(200);

    instance.stop();
    for (const url of ["/api/search?q=GDPR", "/api/entities/law:eu-gdpr", "/api/health"]) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(503);
      expect(res.type).toBe("application/problem+json");
      expect(res.body.detail).toMatch(/cannot be reached right now; start it with `npm run db:start`/);
      expect(JSON.stringify(res.body)).not.toMatch(/\.ts:\d+|node_modules/);
    }
    const console503 = await request(app).post("/api/cypher").send({ query: "MATCH (n) RETURN count(n)" });
    expect(console503.status).toBe(503);

    instance.start();
    const back = Date.now();
    let status = 0;
    while (Date.now() - back < 5_000) {
      status = (await request(app).get("/api/search?q=GDPR")).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    const res = await request(app).get("/api/entities/law:eu-gdpr");
    expect(res.body.entity.id).toBe("law:eu-gdpr");
  }, 240_000);
});

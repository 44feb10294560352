/**
 * The overview, the regimes view, neighbourhoods and the saved query latest-events are answered from memory while the graph stays the
 * same; what a user must never see is an answer of the graph before a load. Each is asked twice, the graph is
 * reloaded with different data, and the next answer shows the new data.
 */
import request from "supertest";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../src/db/driver.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { seededApp } from "../support/app.js";
import { FUTURE_DATE, RENAMED_SUFFIX, changedSeedGraph } from "../support/changed-seed.js";

let app: Express;
let db: Db;
beforeAll(async () => {
  ({ app, db } = await seededApp());
});
afterAll(async () => {
  await loadSeedGraph(db, validateSeed().graph);
  await db?.close();
});

type WireNode = { key: string; attributes: { label: string } };
const label = (res: request.Response, key: string) =>
  (res.body.graph.nodes as WireNode[]).find((n) => n.key === key)?.attributes.label;

const overview = () => request(app).get("/api/graph/overview?limit=50");
const regimes = () => request(app).get("/api/graph/regimes");
const around = () => request(app).get("/api/graph/neighborhood?id=jur:cn&depth=1&limit=50");
const latest = () =>
  request(app)
    .post("/api/queries/latest-events")
    .send({ params: { limit: 5 } });

describe("graph-wide answers after a load", () => {
  it("refuses bad input as before, from memory or not", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await request(app).get("/api/graph/overview?limit=0");
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(/query 'limit'/);
    }
  });

  it("answer with the new data after a reload of different data, never the old answer", async () => {
    const before = {
      overview: await overview(),
      regimes: await regimes(),
      latest: await latest(),
      around: await around(),
    };
    // Asked again: the same answers (now from memory).
    expect((await overview()).body).toEqual(before.overview.body);
    expect((await regimes()).body).toEqual(before.regimes.body);
    expect((await latest()).body.rows).toEqual(before.latest.body.rows);
    expect((await around()).body).toEqual(before.around.body);
    const china = label(before.overview, "jur:cn");
    expect(china).toBeTruthy();
    expect(before.latest.body.rows[0].date).not.toBe(FUTURE_DATE);
    const explanation = before.regimes.body.pairs
      .flatMap((p: { connections: { explanation: string }[] }) => p.connections.map((c) => c.explanation))
      .join("\n");
    expect(explanation).toMatch(/Labeling of AI-generated content/);

    await loadSeedGraph(db, changedSeedGraph(["jur:cn", "topic:ai-content-labeling"]).graph);

    expect(label(await overview(), "jur:cn")).toBe(`${china}${RENAMED_SUFFIX}`);
    expect(label(await around(), "jur:cn")).toBe(`${china}${RENAMED_SUFFIX}`);
    const renamedExplanation = (await regimes()).body.pairs
      .flatMap((p: { connections: { explanation: string }[] }) => p.connections.map((c) => c.explanation))
      .join("\n");
    expect(renamedExplanation).toMatch(/Labeling of AI-generated content \(renamed\)/);
    expect((await latest()).body.rows[0].date).toBe(FUTURE_DATE);
  });

  it("answer with the new data after a load with the checksum off (nothing is cached then)", async () => {
    await loadSeedGraph(db, validateSeed().graph, { checksum: false });
    const china = label(await overview(), "jur:cn");
    expect(china).not.toMatch(/renamed/);
    expect((await latest()).body.rows[0].date).not.toBe(FUTURE_DATE);
    await loadSeedGraph(db, changedSeedGraph(["jur:cn"]).graph, { checksum: false });
    expect(label(await overview(), "jur:cn")).toBe(`${china}${RENAMED_SUFFIX}`);
    expect((await latest()).body.rows[0].date).toBe(FUTURE_DATE);
  });
});

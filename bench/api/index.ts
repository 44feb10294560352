/**
 * API latency and sustained mixed load on the bench instance (`bench`, port BENCH_NEO4J_PORT, default 7693), holding a
 * synthetic graph (S or M) plus the curated seed graph (the synthetic jurisdictions have no codes a briefing accepts,
 * so the briefing runs on the seed's companies and markets inside the large graph). One file per stage, sharing an
 * ApiContext: graph.ts (prepare the instance), server.ts (the API as a second process), latency.ts (preflight and
 * per-endpoint latency), mixed.ts (sustained mixed load), raw.ts (the same mix straight through neo4j-driver),
 * profile.ts (the server's CPU profile under the mix), report.ts (Markdown).
 *
 *   npx tsx bench/api/index.ts --size S [--duration 10] [--mixed 60]
 */
import { Command } from "commander";

import { createDb } from "../../src/db/driver.js";
import type { Size } from "../generate.js";
import { BENCH_INSTANCE, BENCH_NEO4J_MEMORY } from "../load.js";
import { API_PORT, MIXED_SECONDS, SCENARIO_SECONDS, type ApiContext } from "./context.js";
import { prepareGraph, type PreparedGraph } from "./graph.js";
import { measureLatency } from "./latency.js";
import { mixedLoad } from "./mixed.js";
import { profileServer } from "./profile.js";
import { rawBaseline } from "./raw.js";
import { formatApi } from "./report.js";
import { startServer, type ServerProcess } from "./server.js";
import type { ApiBenchOptions, ApiBenchResult } from "./types.js";
import { workload } from "./workload.js";

export { API_PORT } from "./context.js";
export { prepareGraph } from "./graph.js";
export { formatApi, rawRatios, rssStable } from "./report.js";
export { fetchText, startServer, type ServerProcess } from "./server.js";
export type { ApiBenchResult } from "./types.js";

export async function benchApi(opts: ApiBenchOptions): Promise<ApiBenchResult & { server?: ServerProcess }> {
  BENCH_INSTANCE.start();
  const db = createDb(BENCH_INSTANCE.config());
  let graph: PreparedGraph;
  try {
    graph = await prepareGraph(opts.size, db);
  } finally {
    await db.close();
  }
  const serverEnv = {
    NEO4J_INSTANCE: BENCH_INSTANCE.name,
    NEO4J_BOLT_PORT: String(BENCH_INSTANCE.port),
    CYPHER_RATE_LIMIT: "100000",
  };
  const server = await startServer({ name: "api-server", port: API_PORT, env: serverEnv });
  console.log(`  API server pid ${server.pid} on ${server.url}, RSS ${server.rssMb().toFixed(0)} MB`);
  const ctx: ApiContext = {
    size: opts.size,
    scenarioSeconds: opts.scenarioSeconds ?? SCENARIO_SECONDS,
    mixedSeconds: opts.mixedSeconds ?? MIXED_SECONDS,
    server,
    serverEnv,
    workload: workload(opts.size),
    notes: [],
  };
  try {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { database: { version: string } };
    const { preflight, scenarios } = await measureLatency(ctx);
    const { mixed, half, requests } = await mixedLoad(ctx, preflight);
    // The measured server stops first: the baseline and the profile must not share the cores with it.
    if (!opts.keepServer) await server.stop();
    const raw = await rawBaseline(requests, [mixed.rate, half.rate], ctx.mixedSeconds);
    const profile = await profileServer(ctx, requests, half.rate).catch((err: Error) => {
      ctx.notes.push(`The profile could not be taken: ${err.message}`);
      return undefined;
    });
    const result: ApiBenchResult = {
      size: opts.size,
      graph,
      neo4jVersion: health.database.version,
      neo4jMemory: BENCH_NEO4J_MEMORY,
      preflight,
      scenarios,
      mixed,
      half,
      raw,
      profile,
      notes: ctx.notes,
    };
    return opts.keepServer ? { ...result, server } : result;
  } catch (err) {
    await server.stop();
    throw err;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const o = new Command()
    .option("--size <size>", "S or M", "S")
    .option("--duration <s>", "seconds per endpoint and concurrency", String(SCENARIO_SECONDS))
    .option("--mixed <s>", "seconds of mixed load", String(MIXED_SECONDS))
    .parse()
    .opts<{ size: Size; duration: string; mixed: string }>();
  benchApi({ size: o.size, scenarioSeconds: Number(o.duration), mixedSeconds: Number(o.mixed) })
    .then((r) => console.log(formatApi(r)))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}

/**
 * Stage 4: the raw-database baseline. The mixed load's requests are first sent once each to the API running in this
 * process on a recording Db, which keeps the Cypher (text and parameters) each request runs, in order; then the
 * same mix is replayed at the same rate and concurrency straight through neo4j-driver (`executeQuery`, one request's
 * statements one after another as the API runs them), without HTTP, express, validation, value conversion, JSON or
 * logging. The API's answers from its caches are replayed as the queries they would run: the baseline is what the
 * database does for the mix, and the API's throughput and p99 are reported as ratios to it.
 */
import type { AddressInfo } from "node:net";

import neo4j, { type Driver } from "neo4j-driver";

import { createApp } from "../../src/app.js";
import { createDb, type Db } from "../../src/db/driver.js";
import { toNeo4jParams } from "../../src/db/values.js";
import { BENCH_INSTANCE } from "../load.js";
import { percentile } from "../stats.js";
import { MIXED_CONNECTIONS, REQUEST_TIMEOUT_S } from "./context.js";
import type { RawResult } from "./types.js";
import type { Req } from "./workload.js";

interface Statement {
  mode: "READ" | "WRITE";
  query: string;
  params: Record<string, unknown>;
}

/** A Db that runs every statement and keeps it in `log` (requests are recorded one at a time). */
function recordingDb(db: Db, log: { current: Statement[] }): Db {
  return {
    ...db,
    read: (query, params = {}, timeoutMs) => {
      log.current.push({ mode: "READ", query, params });
      return db.read(query, params, timeoutMs);
    },
    write: (query, params = {}, timeoutMs) => {
      log.current.push({ mode: "WRITE", query, params });
      return db.write(query, params, timeoutMs);
    },
  };
}

const keyOf = (r: Req) => `${r.method} ${r.path} ${r.body ?? ""}`;

/** The statements each distinct request of `requests` runs, from the API in this process. */
async function record(requests: Req[]): Promise<Map<string, Statement[]>> {
  const db = createDb(BENCH_INSTANCE.config());
  const log = { current: [] as Statement[] };
  const app = createApp({ db: recordingDb(db, log), options: { cypherRateLimitPerMinute: 1_000_000 } });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const recorded = new Map<string, Statement[]>();
  try {
    for (const r of requests) {
      const key = keyOf(r);
      if (recorded.has(key)) continue;
      log.current = [];
      const res = await fetch(url + r.path, {
        method: r.method,
        body: r.body,
        headers: r.body ? { "content-type": "application/json" } : {},
      });
      await res.arrayBuffer();
      recorded.set(key, log.current);
    }
  } finally {
    await new Promise((r) => server.close(r));
    await db.close();
  }
  return recorded;
}

async function runStatements(driver: Driver, database: string | undefined, statements: Statement[]): Promise<void> {
  for (const s of statements) {
    await driver.executeQuery(s.query, toNeo4jParams(s.params) as Record<string, unknown>, {
      database,
      routing: s.mode === "READ" ? neo4j.routing.READ : neo4j.routing.WRITE,
      transactionConfig: { timeout: REQUEST_TIMEOUT_S * 1000 },
    });
  }
}

/** Open-loop replay at `rate` per second over `connections` workers for `seconds`, like autocannon's overallRate. */
async function replay(
  driver: Driver,
  database: string | undefined,
  plan: Statement[][],
  rate: number,
  seconds: number,
): Promise<RawResult> {
  const latencies: number[] = [];
  let inTime = 0;
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const worker = async () => {
    for (;;) {
      const i = next++;
      const due = t0 + (i * 1000) / rate;
      // Like autocannon's duration: nothing new is sent after `seconds`, however far behind the schedule is.
      if (due >= end || performance.now() >= end) return;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t = performance.now();
      try {
        await runStatements(driver, database, plan[i % plan.length]);
        latencies.push(performance.now() - t);
        if (performance.now() <= end) inTime++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: MIXED_CONNECTIONS }, worker));
  // Answered per second counts what was answered within the run, as autocannon does for the API; the requests still
  // in flight at the end are waited for, so that their latency is in the percentiles.
  return {
    rate,
    seconds,
    requests: latencies.length,
    achievedRps: inTime / seconds,
    errors,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** The raw-driver baseline of the mix at each of `rates` (the API's mixed runs' rates). */
export async function rawBaseline(
  requests: Req[],
  rates: number[],
  seconds: number,
): Promise<{ runs: RawResult[]; statementsPerRequest: number }> {
  const sent = requests.slice(0, Math.ceil(Math.max(...rates) * seconds));
  console.log(`  raw baseline: recording the statements of ${new Set(sent.map(keyOf)).size} distinct requests...`);
  const recorded = await record(sent);
  const plan = sent.map((r) => recorded.get(keyOf(r))!);
  const statementsPerRequest = plan.reduce((n, p) => n + p.length, 0) / plan.length;
  const config = BENCH_INSTANCE.config();
  // The API's driver settings (src/db/driver.ts), so that only what the API adds differs.
  const db = createDb(config);
  const runs: RawResult[] = [];
  try {
    for (const rate of rates) {
      console.log(`  raw baseline: ${rate} requests/s for ${seconds} s over ${MIXED_CONNECTIONS} connections...`);
      const r = await replay(db.driver, config.database, plan, rate, seconds);
      console.log(
        `  raw at ${rate}/s: ${r.requests} requests (${r.achievedRps.toFixed(0)}/s), errors ${r.errors}, p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} ms`,
      );
      runs.push(r);
    }
  } finally {
    await db.close();
  }
  return { runs, statementsPerRequest };
}

/**
 * API latency and sustained mixed load on the bench instance (`bench`, port 7693), holding a synthetic graph (S or
 * M) plus the curated seed graph (the synthetic jurisdictions have no codes a briefing accepts, so the briefing
 * runs on the seed's companies and markets inside the large graph). The API server is a second process, started as
 * `node --import tsx src/index.ts` so that one pid serves and its RSS can be read from /proc; autocannon drives it
 * from this process: p50/p95/p99 per endpoint at concurrency 1 and 16, then 200 requests/s of a mixed workload.
 *
 *   npx tsx bench/api.ts --size S [--duration 10] [--mixed 60]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { Command } from "commander";

import { PROJECT_ROOT } from "../src/config.js";
import { createDb, type Db } from "../src/db/driver.js";
import { loadSeedGraph } from "../src/seed/load.js";
import { validateSeed } from "../src/seed/validate.js";
import { prng, SIZES, type Size } from "./generate.js";
import { BENCH_INSTANCE, BENCH_NEO4J_MEMORY, benchData, emptyGraph } from "./load.js";
import { timed } from "./stats.js";

export const API_PORT = 8095;
export const CONCURRENCIES = [1, 16];
const SCENARIO_SECONDS = 10;
/** Requests per endpoint and concurrency: sized to about SCENARIO_SECONDS from the rate at concurrency 1. */
const MIN_REQUESTS = 16;
const MAX_REQUESTS = 5_000;
const WARMUP_SECONDS = 3;
/** Long enough for the slowest request on M (a briefing on a graph without a stored checksum hashes the whole graph). */
const REQUEST_TIMEOUT_S = 150;
/** A request slower than this in the preflight is measured on a few requests, not for a fixed duration. */
const SLOW_MS = 2_000;
/** A kind slower than this in the preflight is left out of the mixed load (it would only measure a queue). */
const MIX_EXCLUDE_MS = 5_000;
const PREFLIGHT_WARM_LIMIT_MS = 30_000;
const SLOW_REQUESTS = 3;
export const MIXED_RATE = 200;
const MIXED_SECONDS = 60;
/** Enough connections that a slow request does not hold back the rate (Little's law: 200/s x 250 ms = 50). */
const MIXED_CONNECTIONS = 64;
const RSS_SAMPLE_MS = 5_000;
/** RSS counts as stable when it grows by less than this share over the second half of the mixed run. */
export const RSS_STABLE_GROWTH = 0.1;
const BRIEFING_COMPANIES = ["company:minimax", "company:openai", "company:deepseek", "company:bytedance"];
const BRIEFING_MARKETS = "EU,KR,US";
const REGIME_LAWS = "law:eu-gdpr,law:eu-ai-act,law:cn-aigc-labeling";
const BENCH_DIR = path.join(PROJECT_ROOT, ".data", "bench");

// ---- The server as a second process --------------------------------------------------------------------------

export interface ServerProcess {
  pid: number;
  url: string;
  logFile: string;
  rssMb(): number;
  stop(): Promise<void>;
}

/** VmRSS of a process in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)\s+kB/m);
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}

/**
 * Starts `node --import tsx src/index.ts --no-build --no-load --port <port>` with the given environment, its output
 * in .data/bench/<name>.log, and waits until /api/health answers.
 */
export async function startServer(opts: { name: string; port: number; env: Record<string, string> }): Promise<ServerProcess> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const logFile = path.join(BENCH_DIR, `${opts.name}.log`);
  const fd = openSync(logFile, "w");
  const args = ["--import", "tsx", "src/index.ts", "--no-build", "--no-load", "--port", String(opts.port)];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, AUDIT_LOG: path.join(BENCH_DIR, "audit.jsonl"), ...opts.env },
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== null) throw new Error(`the API server exited (code ${exited}) while starting; see ${logFile}:\n${tail(logFile)}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the API server did not answer /api/health within 180 s; see ${logFile}`);
    }
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await sleep(500);
  }
  const pid = child.pid!;
  // The pid must be the node process that listens, not a wrapper (npx and tsx's CLI would add two).
  if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("src/index.ts")) throw new Error(`pid ${pid} is not the API server`);
  return {
    pid,
    url,
    logFile,
    rssMb: () => {
      if (exited !== null) throw new Error(`the API server (pid ${pid}) has ended (code ${exited}); see ${logFile}:\n${tail(logFile, 5)}`);
      return rssMb(pid);
    },
    stop: async () => {
      if (exited !== null) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** GET as text, retried once on a network error: fetch may reuse a keep-alive socket the server has closed. */
export async function fetchText(url: string): Promise<string> {
  const get = async () => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
    return res.text();
  };
  return get().catch((err: Error) => (err.message.startsWith("GET ") ? Promise.reject(err) : get()));
}

function tail(file: string, lines = 20): string {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : "";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- The graph on the bench instance -------------------------------------------------------------------------

interface SynEntity {
  id: string;
  label: string;
  nameEn: string;
  nameZh: string;
  aliases: string[];
}

function readSynthetic(size: Size): SynEntity[] {
  const { seedDir } = benchData(size);
  const data = JSON.parse(readFileSync(path.join(seedDir, "entities.json"), "utf8")) as { entities: SynEntity[]; sources: unknown[] };
  return data.entities;
}

export interface PreparedGraph {
  entities: number;
  relationships: number;
  /** Time to load synthetic + seed graph with the project's loader; undefined when the instance already held it. */
  loadMs?: number;
}

/**
 * Makes the bench instance hold the synthetic graph of `size` loaded by the project's loader (schema, full-text
 * index) plus the curated seed graph. After the load benchmark it holds neo4j-admin's import (no schema, other
 * property layout), so it is emptied and loaded again; a graph already in the right state is kept.
 */
export async function prepareGraph(size: Size, db: Db): Promise<PreparedGraph> {
  const seed = validateSeed();
  const synthetic = readSynthetic(size);
  const sources = SIZES[size].relationships / 100;
  const expected = {
    entities: synthetic.length + sources + seed.graph.entities.size,
    relationships: SIZES[size].relationships + seed.graph.relationships.length,
  };
  const [state] = await db
    .read<{ entities: number; relationships: number; seed: boolean; layout: boolean; meta: boolean }>(
      `CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
       RETURN entities, relationships,
              EXISTS { MATCH (s:Company {id: $seedId}) } AS seed,
              EXISTS { MATCH (n:Entity {id: $synId}) WHERE n.props IS NULL AND n.nameEn IS NOT NULL } AS layout,
              EXISTS { MATCH (m:GraphMeta) WHERE m.checksum IS NOT NULL } AS meta`,
      { seedId: BRIEFING_COMPANIES[0], synId: synthetic[0].id },
      120_000,
    )
    .catch(() => [{ entities: -1, relationships: -1, seed: false, layout: false, meta: false }]);
  const index = (await db.read("SHOW INDEXES YIELD name WHERE name = 'entity_names' RETURN name").catch(() => [])).length > 0;
  if (state.entities === expected.entities && state.relationships === expected.relationships && index && state.seed && state.layout && state.meta) {
    console.log(`  the bench instance already holds ${size} + seed graph (${expected.entities} entities, ${expected.relationships} relationships)`);
    return expected;
  }
  console.log(`  loading ${size} + seed graph into the bench instance with the project's loader...`);
  const { ms } = await timed(async () => {
    await emptyGraph(db);
    const { seedDir, docsDir } = benchData(size);
    let graph: ReturnType<typeof validateSeed>["graph"] | null = validateSeed({ paths: [seedDir], docsDir }).graph;
    await loadSeedGraph(db, graph, { checksum: false, prune: false });
    graph = null;
    // The last load stores the graph's checksum (two whole-graph reads, about 2 minutes on M), as `npm run load`
    // does: briefings and the API's cache read it instead of hashing a million relationships per request.
    await loadSeedGraph(db, seed.graph, { checksum: true, prune: false });
  });
  console.log(`  loaded in ${(ms / 1000).toFixed(0)} s`);
  return { ...expected, loadMs: ms };
}

// ---- The workload --------------------------------------------------------------------------------------------

export interface Req {
  kind: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
}

const get = (kind: string, route: string, query: Record<string, string | number>): Req => ({
  kind,
  method: "GET",
  path: `${route}?${new URLSearchParams(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]))).toString()}`,
});
const post = (kind: string, route: string, body: unknown): Req => ({ kind, method: "POST", path: route, body: JSON.stringify(body) });

interface Workload {
  search: Req[];
  neighborhoodHub: Req[];
  neighborhoodRandom: Req[];
  paths: Req[];
  latestEvents: Req[];
  enforcement: Req[];
  briefing: Req[];
  /** For the mixed load only: what a lawyer's session does besides the above. */
  entity: Req[];
  pick: Req[];
  expand: Req[];
  overview: Req[];
  regimes: Req[];
  health: Req[];
}

/** Deterministic requests over the generated entities: hubs are the first entities of each label (power law). */
function workload(size: Size): Workload {
  const all = readSynthetic(size);
  const rand = prng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const byLabel = new Map<string, SynEntity[]>();
  for (const e of all) byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), e]);
  const hubs = ["Company", "Law", "Regulator", "Jurisdiction", "Topic", "Case", "Model"].flatMap((l) => byLabel.get(l)!.slice(0, 2));
  const randoms = Array.from({ length: 300 }, () => pick(all));
  const companies = byLabel.get("Company")!;
  // What lawyers type: a whole English name, a Chinese name, an alias, or the first characters of a Chinese name.
  const forms = [(e: SynEntity) => e.nameEn, (e: SynEntity) => e.nameZh, (e: SynEntity) => e.aliases[0], (e: SynEntity) => e.nameZh.slice(0, 3)];
  const nb = (kind: string, id: string, depth: number, limit: number) => get(kind, "/api/graph/neighborhood", { id, depth, limit });
  return {
    search: randoms.map((e, i) => get("search", "/api/search", { q: forms[i % forms.length](e), limit: 20 })),
    neighborhoodHub: hubs.map((e) => nb("neighborhood-hub", e.id, 2, 500)),
    neighborhoodRandom: randoms.map((e) => nb("neighborhood-random", e.id, 2, 500)),
    paths: Array.from({ length: 150 }, () => get("paths", "/api/graph/paths", { from: pick(all).id, to: pick(all).id, maxHops: 4 })).filter(
      (r) => new URLSearchParams(r.path.split("?")[1]).get("from") !== new URLSearchParams(r.path.split("?")[1]).get("to"),
    ),
    latestEvents: [post("saved-latest-events", "/api/queries/latest-events", { params: { limit: 50 } })],
    enforcement: [...companies.slice(0, 5), ...Array.from({ length: 45 }, () => pick(companies))].map((c) =>
      post("saved-enforcement", "/api/queries/enforcement-against-company", { params: { company: c.id } }),
    ),
    briefing: BRIEFING_COMPANIES.map((company) => get("briefing", "/api/briefings", { company, markets: BRIEFING_MARKETS, lang: "en", format: "json" })),
    entity: randoms.map((e) => ({ kind: "entity", method: "GET", path: `/api/entities/${encodeURIComponent(e.id)}` })),
    pick: randoms.map((e) => nb("pick", e.id, 1, 30)),
    expand: randoms.map((e) => nb("expand", e.id, 1, 200)),
    overview: [get("overview", "/api/graph/overview", { limit: 1500 })],
    regimes: [get("regimes", "/api/graph/regimes", { laws: REGIME_LAWS })],
    health: [{ kind: "health", method: "GET", path: "/api/health" }],
  };
}

/** The endpoints measured one at a time (the issue's list), in report order. */
function scenarios(w: Workload): { name: string; kind: keyof Workload; what: string; requests: Req[] }[] {
  return [
    { name: "search", kind: "search", what: "GET /api/search, q over generated names (English, Chinese, alias, 3-character prefix)", requests: w.search },
    { name: "neighborhood (hubs)", kind: "neighborhoodHub", what: "GET /api/graph/neighborhood depth=2 limit=500 on the 14 biggest hubs", requests: w.neighborhoodHub },
    { name: "neighborhood (random)", kind: "neighborhoodRandom", what: "GET /api/graph/neighborhood depth=2 limit=500 on 300 random entities", requests: w.neighborhoodRandom },
    { name: "paths", kind: "paths", what: "GET /api/graph/paths maxHops=4 between random pairs", requests: w.paths },
    { name: "saved query latest-events", kind: "latestEvents", what: "POST /api/queries/latest-events {limit: 50}", requests: w.latestEvents },
    { name: "saved query enforcement-against-company", kind: "enforcement", what: "POST /api/queries/enforcement-against-company (hub and random companies)", requests: w.enforcement },
    { name: "briefing (3 markets)", kind: "briefing", what: `GET /api/briefings?company=<seed company>&markets=${BRIEFING_MARKETS}&format=json`, requests: w.briefing },
  ];
}

/** A realistic mix of a team of lawyers using the explorer (weights in percent). */
const MIX: [keyof Workload, number][] = [
  ["search", 33],
  ["entity", 18],
  ["pick", 14],
  ["expand", 8],
  ["neighborhoodRandom", 2],
  ["paths", 6],
  ["enforcement", 5],
  ["latestEvents", 2],
  ["health", 5],
  ["overview", 1],
  ["regimes", 2],
  ["briefing", 1],
  ["neighborhoodHub", 3],
];

// ---- autocannon ----------------------------------------------------------------------------------------------

interface Histogram {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  average: number;
}
interface CannonResult {
  requests: { total: number; average: number; sent: number };
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface CannonInstance {
  on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: "tick", fn: () => void): void;
}
type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, res: CannonResult) => void) => CannonInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

interface Run {
  latencies: number[];
  result: CannonResult;
}

function cannon(url: string, requests: Req[], opts: { connections: number; duration?: number; amount?: number; rate?: number; onTick?: () => void }): Promise<Run> {
  let i = 0;
  const next = () => requests[i++ % requests.length];
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: opts.connections,
        ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration }),
        ...(opts.rate ? { overallRate: opts.rate } : {}),
        timeout: REQUEST_TIMEOUT_S,
        requests: [
          {
            setupRequest: (req: Record<string, unknown>) => {
              const r = next();
              const headers = r.body ? { "content-type": "application/json", accept: "application/json" } : { accept: "application/json" };
              return { ...req, method: r.method, path: r.path, body: r.body ?? "", headers };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve({ latencies, result: res })),
    );
    instance.on("response", (_c, _s, _b, ms) => latencies.push(ms));
    if (opts.onTick) instance.on("tick", opts.onTick);
  });
}

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

// ---- The benchmark -------------------------------------------------------------------------------------------

export interface ScenarioResult {
  name: string;
  what: string;
  concurrency: number;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  note?: string;
}

export interface MixedResult {
  rate: number;
  seconds: number;
  connections: number;
  requests: number;
  achievedRps: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Sent but not answered when the run ended (their latency is not in the percentiles). */
  unanswered: number;
  p50: number;
  p99: number;
  /** autocannon's p99, corrected for coordinated omission (requests that should have been sent while waiting). */
  p99Corrected: number;
  rss: { atMs: number; mb: number }[];
  excluded: string[];
  /** Per route, from the server's own log (pino-http responseTime). */
  routes: { route: string; count: number; non2xx: number; p50: number; p99: number }[];
  mix: [string, number][];
}

export interface PreflightResult {
  name: string;
  status: number;
  /** The first request (cold: query planning, caches) and a second one (warm; not sent when the first is very slow). */
  ms: number;
  warmMs?: number;
  bytes: number;
  detail?: string;
}

export interface ApiBenchResult {
  size: Size;
  graph: PreparedGraph;
  neo4jVersion: string;
  neo4jMemory: { heap: string; pagecache: string };
  preflight: PreflightResult[];
  scenarios: ScenarioResult[];
  mixed?: MixedResult;
  /** The same mix at 80% of the rate the server answered, when it could not answer MIXED_RATE. */
  sustainable?: MixedResult;
  notes: string[];
}

export interface ApiBenchOptions {
  size: Size;
  scenarioSeconds?: number;
  mixedSeconds?: number;
  /** Keep the server running afterwards (the explorer benchmark reuses it). */
  keepServer?: boolean;
}

async function once(url: string, name: string, r: Req): Promise<PreflightResult> {
  const t = performance.now();
  try {
    const res = await fetch(url + r.path, {
      method: r.method,
      body: r.body,
      headers: r.body ? { "content-type": "application/json" } : {},
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_S * 1000),
    });
    const text = await res.text();
    const ms = performance.now() - t;
    let detail: string | undefined;
    if (!res.ok) detail = (JSON.parse(text) as { detail?: string }).detail ?? text.slice(0, 200);
    return { name, status: res.status, ms, bytes: Buffer.byteLength(text), detail };
  } catch (err) {
    return { name, status: 0, ms: performance.now() - t, bytes: 0, detail: (err as Error).message };
  }
}

/**
 * One request cold and one warm (not when the cold one took over PREFLIGHT_WARM_LIMIT_MS). A quick network error is
 * retried once: fetch may reuse a keep-alive socket the server has already closed.
 */
async function preflight(url: string, name: string, r: Req): Promise<PreflightResult> {
  let first = await once(url, name, r);
  if (first.status === 0 && first.ms < 1_000) first = await once(url, name, r);
  if (first.status < 200 || first.status >= 300 || first.ms > PREFLIGHT_WARM_LIMIT_MS) return first;
  const second = await once(url, name, r);
  return { ...first, warmMs: second.ms };
}

/** The time that decides how a kind is measured: the warm request's when there is one. */
const warm = (p: PreflightResult) => p.warmMs ?? p.ms;

function routeOf(url: string): string {
  return url.replace(/^\/api\/entities\/[^/?]+/, "/api/entities/:id").replace(/^(\/api\/queries\/[^/?]+).*/, "$1");
}

/** Per-route counts and server-side latency from the pino-http lines written after `offset`. */
function routeStats(logFile: string, offset: number): MixedResult["routes"] {
  const text = readFileSync(logFile, "utf8").slice(offset);
  const byRoute = new Map<string, { ms: number[]; non2xx: number }>();
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    let entry: { req?: { url?: string }; res?: { statusCode?: number }; responseTime?: number };
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (!entry.req?.url || entry.responseTime === undefined) continue;
    const route = routeOf(entry.req.url);
    const s = byRoute.get(route) ?? { ms: [], non2xx: 0 };
    s.ms.push(entry.responseTime);
    if ((entry.res?.statusCode ?? 0) >= 300) s.non2xx++;
    byRoute.set(route, s);
  }
  return [...byRoute.entries()]
    .map(([route, s]) => ({ route, count: s.ms.length, non2xx: s.non2xx, p50: percentile(s.ms, 50), p99: percentile(s.ms, 99) }))
    .sort((a, b) => b.count - a.count);
}

async function mixedRun(server: ServerProcess, requests: Req[], mix: [string, number][], excluded: string[], rate: number, seconds: number): Promise<MixedResult> {
  const total = mix.reduce((n, [, wgt]) => n + wgt, 0);
  const rss: { atMs: number; mb: number }[] = [];
  const t0 = Date.now();
  let lastSample = -Infinity;
  const sample = () => {
    if (Date.now() - lastSample < RSS_SAMPLE_MS - 100) return;
    lastSample = Date.now();
    rss.push({ atMs: Date.now() - t0, mb: server.rssMb() });
  };
  sample();
  const offset = statSync(server.logFile).size;
  console.log(`  mixed load: ${rate} requests/s for ${seconds} s over ${MIXED_CONNECTIONS} connections...`);
  const run = await cannon(server.url, requests, { connections: MIXED_CONNECTIONS, duration: seconds, rate, onTick: sample });
  lastSample = -Infinity;
  sample();
  const m: MixedResult = {
    rate,
    seconds,
    connections: MIXED_CONNECTIONS,
    requests: run.latencies.length,
    achievedRps: run.latencies.length / run.result.duration,
    errors: run.result.errors,
    timeouts: run.result.timeouts,
    non2xx: run.result.non2xx,
    unanswered: Math.max(0, run.result.requests.sent - run.latencies.length - run.result.errors),
    p50: percentile(run.latencies, 50),
    p99: percentile(run.latencies, 99),
    p99Corrected: run.result.latency.p99,
    rss,
    excluded,
    routes: routeStats(server.logFile, offset),
    mix: mix.map(([k, wgt]) => [k, (100 * wgt) / total]),
  };
  console.log(
    `  mixed at ${rate}/s: ${m.requests} requests (${m.achievedRps.toFixed(0)}/s), errors ${m.errors}, non-2xx ${m.non2xx}, p50 ${m.p50.toFixed(1)} p99 ${m.p99.toFixed(1)} ms, RSS ${rss[0].mb.toFixed(0)} -> ${rss[rss.length - 1].mb.toFixed(0)} MB`,
  );
  return m;
}

export async function benchApi(opts: ApiBenchOptions): Promise<ApiBenchResult & { server?: ServerProcess }> {
  const scenarioSeconds = opts.scenarioSeconds ?? SCENARIO_SECONDS;
  const mixedSeconds = opts.mixedSeconds ?? MIXED_SECONDS;
  const notes: string[] = [];
  BENCH_INSTANCE.start();
  const db = createDb(BENCH_INSTANCE.config());
  let graph: PreparedGraph;
  try {
    graph = await prepareGraph(opts.size, db);
  } finally {
    await db.close();
  }
  const server = await startServer({
    name: "api-server",
    port: API_PORT,
    env: { NEO4J_INSTANCE: BENCH_INSTANCE.name, NEO4J_BOLT_PORT: String(BENCH_INSTANCE.port), CYPHER_RATE_LIMIT: "100000" },
  });
  console.log(`  API server pid ${server.pid} on ${server.url}, RSS ${server.rssMb().toFixed(0)} MB`);
  try {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { database: { version: string } };
    const w = workload(opts.size);

    // Preflight: one request of each kind, so that an endpoint that cannot answer is reported, not measured.
    const pre: PreflightResult[] = [];
    // The briefing last: the server goes on computing it after a client gives up, which would slow the next ones.
    const kinds = (Object.keys(w) as (keyof Workload)[]).sort((a, b) => Number(a === "briefing") - Number(b === "briefing"));
    for (const [kind, reqs] of kinds.map((k) => [k, w[k]] as const)) {
      const p = await preflight(server.url, kind, reqs[0]);
      pre.push(p);
      console.log(`  preflight ${kind}: ${p.status} in ${p.ms.toFixed(0)} ms, then ${p.warmMs?.toFixed(0) ?? "–"} ms${p.detail ? ` (${p.detail})` : ""}`);
    }
    const preOf = (kind: string) => pre.find((p) => p.name === kind)!;

    const results: ScenarioResult[] = [];
    for (const s of scenarios(w)) {
      const p = preOf(s.kind);
      if (p.status < 200 || p.status >= 300) {
        for (const c of CONCURRENCIES) {
          results.push({ name: s.name, what: s.what, concurrency: c, requests: 0, errors: 0, rps: 0, p50: NaN, p95: NaN, p99: NaN, note: `cannot run: HTTP ${p.status} ${p.detail ?? ""}`.trim() });
        }
        continue;
      }
      const slow = warm(p) > SLOW_MS;
      if (!slow) await cannon(server.url, s.requests, { connections: 4, duration: WARMUP_SECONDS });
      // A fixed number of requests sized to take about scenarioSeconds, not a fixed duration: a duration run drops
      // the requests still in flight when it ends, which hides exactly the slowest ones.
      let rps1 = 1000 / warm(p);
      for (const c of CONCURRENCIES) {
        if (slow && c > 1) {
          results.push({ name: s.name, what: s.what, concurrency: c, requests: 0, errors: 0, rps: 0, p50: NaN, p95: NaN, p99: NaN, note: `not run: one request takes ${(warm(p) / 1000).toFixed(1)} s` });
          continue;
        }
        const amount = slow ? SLOW_REQUESTS : Math.min(MAX_REQUESTS, Math.max(MIN_REQUESTS, Math.ceil((scenarioSeconds * rps1) / c) * c));
        const run = await cannon(server.url, s.requests, { connections: slow ? 1 : c, amount });
        if (c === 1) rps1 = run.latencies.length / run.result.duration;
        const r: ScenarioResult = {
          name: s.name,
          what: s.what,
          concurrency: c,
          requests: run.latencies.length,
          errors: run.result.errors + run.result.non2xx,
          rps: run.latencies.length / run.result.duration,
          p50: percentile(run.latencies, 50),
          p95: percentile(run.latencies, 95),
          p99: percentile(run.latencies, 99),
          note: slow ? `${SLOW_REQUESTS} requests one after another (one takes over ${SLOW_MS / 1000} s)` : undefined,
        };
        results.push(r);
        console.log(`  ${s.name} c=${c}: n=${r.requests} p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} p99 ${r.p99.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s, errors ${r.errors}`);
      }
    }

    // Sustained mixed load. Kinds that cannot answer, or take seconds each, would only measure a queue: left out.
    const excluded = MIX.filter(([k]) => {
      const p = preOf(k);
      return p.status < 200 || p.status >= 300 || warm(p) > MIX_EXCLUDE_MS;
    }).map(([k]) => k);
    if (excluded.length) notes.push(`Left out of the mixed load (failing or over ${MIX_EXCLUDE_MS / 1000} s per request in the preflight): ${excluded.join(", ")}.`);
    const mix = MIX.filter(([k]) => !excluded.includes(k));
    const total = mix.reduce((n, [, wgt]) => n + wgt, 0);
    const rand = prng(99);
    const cursors = new Map<string, number>();
    const mixed: Req[] = Array.from({ length: 20_000 }, () => {
      let x = rand() * total;
      const [kind] = mix.find(([, wgt]) => (x -= wgt) < 0) ?? mix[mix.length - 1];
      const list = w[kind];
      const i = cursors.get(kind) ?? 0;
      cursors.set(kind, i + 1);
      return list[i % list.length];
    });
    const m = await mixedRun(server, mixed, mix, excluded, MIXED_RATE, mixedSeconds);
    // At a rate the server cannot answer, latency and memory measure the queue; a rate it can answer tells more.
    let sustainable: MixedResult | undefined;
    if (m.achievedRps < 0.95 * MIXED_RATE) sustainable = await mixedRun(server, mixed, mix, excluded, Math.max(1, Math.floor(0.8 * m.achievedRps)), mixedSeconds);
    const result = { size: opts.size, graph, neo4jVersion: health.database.version, neo4jMemory: BENCH_NEO4J_MEMORY, preflight: pre, scenarios: results, mixed: m, sustainable, notes };
    if (opts.keepServer) return { ...result, server };
    await server.stop();
    return result;
  } catch (err) {
    await server.stop();
    throw err;
  }
}

// ---- Report --------------------------------------------------------------------------------------------------

const ms = (x: number) => (Number.isFinite(x) ? (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`) : "–");

/** RSS is stable when it grows by less than RSS_STABLE_GROWTH over the second half of the run. */
export function rssStable(m: MixedResult): { stable: boolean; growth: number } {
  const end = m.rss[m.rss.length - 1];
  const mid = m.rss.reduce((best, s) => (Math.abs(s.atMs - end.atMs / 2) < Math.abs(best.atMs - end.atMs / 2) ? s : best), m.rss[0]);
  const growth = (end.mb - mid.mb) / mid.mb;
  return { stable: growth < RSS_STABLE_GROWTH, growth };
}

export function formatApi(r: ApiBenchResult): string {
  const out = [
    `### API latency (${r.size}: ${r.graph.entities.toLocaleString("en")} entities, ${r.graph.relationships.toLocaleString("en")} relationships)`,
    "",
    `Server: \`node --import tsx src/index.ts\` as a second process on the bench instance (Neo4j ${r.neo4jVersion}, heap ${r.neo4jMemory.heap}, page cache ${r.neo4jMemory.pagecache}); ` +
      `load generator: autocannon in the benchmark process; per endpoint a ${WARMUP_SECONDS} s warm-up, then at each concurrency a number of requests sized to take about ${SCENARIO_SECONDS} s (at least ${MIN_REQUESTS}), every one answered or counted as an error. ` +
      `The graph is the synthetic ${r.size} graph plus the curated seed graph (the briefing's companies and markets come from the seed: the synthetic jurisdictions have no codes a market accepts).` +
      (r.graph.loadMs ? ` Loading it with the project's loader took ${(r.graph.loadMs / 1000).toFixed(0)} s.` : ""),
    "",
    "| endpoint | concurrency | requests | req/s | p50 | p95 | p99 | errors |",
    "|---|---|---|---|---|---|---|---|",
    ...r.scenarios.map(
      (s) => `| ${s.name} | ${s.concurrency} | ${s.requests} | ${s.rps.toFixed(1)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.errors}${s.note ? ` (${s.note})` : ""} |`,
    ),
    "",
    "What each row sends:",
    "",
    ...[...new Map(r.scenarios.map((s) => [s.name, s.what])).entries()].map(([n, w]) => `- ${n}: ${w}`),
    "",
    "The server runs with its default caches (README: GRAPH_CACHE_MAX_ENTRIES, NEIGHBORHOOD_CACHE_MAX_ENTRIES): a " +
      "neighbourhood, the overview, the regimes view and latest-events are computed once per version of the graph, then " +
      "answered from memory. The 14 hubs and latest-events are therefore mostly cache hits after their first request; the " +
      "300 random neighbourhoods mostly are not. What a request costs when computed is the cold column below.",
    "",
    "One request of each kind right after the server started (cold: query planning, page cache), then a second (warm):",
    "",
    "| kind | status | cold | warm | bytes |",
    "|---|---|---|---|---|",
    ...r.preflight.map((p) => `| ${p.name} | ${p.status}${p.detail ? ` ${p.detail.slice(0, 120)}` : ""} | ${ms(p.ms)} | ${ms(p.warmMs ?? NaN)} | ${p.bytes.toLocaleString("en")} |`),
  ];
  const mixedRow = (m: MixedResult) => {
    const { stable, growth } = rssStable(m);
    return `| ${m.rate} | ${m.requests} | ${m.achievedRps.toFixed(1)} | ${m.errors} | ${m.timeouts} | ${m.non2xx} | ${m.unanswered} | ${ms(m.p50)} | ${ms(m.p99)} | ${ms(m.p99Corrected)} | ${m.rss[0].mb.toFixed(0)} MB | ${m.rss[m.rss.length - 1].mb.toFixed(0)} MB | ${(growth * 100).toFixed(1)}% (${stable ? "stable" : "growing"}) |`;
  };
  const routes = (m: MixedResult) => [
    "",
    `Per route at ${m.rate} requests/s, server-side time from the server's log (pino-http \`responseTime\`):`,
    "",
    "| route | requests | non-2xx | p50 | p99 |",
    "|---|---|---|---|---|",
    ...m.routes.map((x) => `| ${x.route} | ${x.count} | ${x.non2xx} | ${ms(x.p50)} | ${ms(x.p99)} |`),
  ];
  const m = r.mixed;
  if (m) {
    const runs = [m, ...(r.sustainable ? [r.sustainable] : [])];
    out.push(
      "",
      `### Sustained mixed load (${r.size}: ${m.rate} requests/s for ${m.seconds} s, ${m.connections} connections)`,
      "",
      `Mix: ${m.mix.map(([k, p]) => `${k} ${p.toFixed(0)}%`).join(", ")}. ` +
        (r.sustainable
          ? `The server did not answer ${m.rate} requests/s, so the same mix ran again at ${r.sustainable.rate} requests/s (80% of what it answered), where latency and memory are not those of a queue.`
          : ""),
      "",
      "| target req/s | requests answered | answered req/s | errors | timeouts | non-2xx | unanswered at the end | p50 | p99 | p99 corrected for coordinated omission | RSS start | RSS end | RSS growth, 2nd half |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
      ...runs.map(mixedRow),
      "",
      ...runs.map((x) => `RSS of the server process (MB) every ${RSS_SAMPLE_MS / 1000} s at ${x.rate} requests/s: ${x.rss.map((s) => s.mb.toFixed(0)).join(", ")}.`),
      ...runs.flatMap(routes),
    );
  }
  if (r.notes.length) out.push("", ...r.notes.map((n) => `- ${n}`));
  return out.join("\n");
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


/** What the API benchmark measures, stage by stage (kept in .data/bench/results.json). */
import type { Size } from "../generate.js";
import type { PreparedGraph } from "./graph.js";

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
  /** The same mix at half of the saturation rate (what the server answered when MIXED_RATE was asked). */
  half?: MixedResult;
  /** The same mix straight through neo4j-driver at the rates of `mixed` and `half`. */
  raw?: { runs: RawResult[]; statementsPerRequest: number };
  profile?: ProfileResult;
  notes: string[];
}

export interface ApiBenchOptions {
  size: Size;
  scenarioSeconds?: number;
  mixedSeconds?: number;
  /** Keep the server running afterwards (the explorer benchmark reuses it). */
  keepServer?: boolean;
}

/** The same mix straight through neo4j-driver (bench/api/raw.ts). */
export interface RawResult {
  rate: number;
  seconds: number;
  requests: number;
  achievedRps: number;
  errors: number;
  p50: number;
  p99: number;
}

/** Where the API server's CPU went under the mixed load (node --cpu-prof). */
export interface ProfileResult {
  rate: number;
  seconds: number;
  /** Share of the busy samples (idle left out) per part: a package, Node's internals, our src/ folders, GC. */
  byPart: { part: string; share: number }[];
  /** The functions with the most self time. */
  top: { fn: string; where: string; share: number }[];
  busyShare: number;
  file: string;
}

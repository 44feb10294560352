/** The settings of the API benchmark and the context its stages share. */
import path from "node:path";

import { PROJECT_ROOT } from "../../src/config.js";
import type { Size } from "../generate.js";
import type { ServerProcess } from "./server.js";
import type { Workload } from "./workload.js";

export const API_PORT = Number(process.env.BENCH_API_PORT ?? 8095);
export const CONCURRENCIES = [1, 16];
export const SCENARIO_SECONDS = 10;
/** Requests per endpoint and concurrency: sized to about SCENARIO_SECONDS from the rate at concurrency 1. */
export const MIN_REQUESTS = 16;
export const MAX_REQUESTS = 5_000;
export const WARMUP_SECONDS = 3;
/** Long enough for the slowest request on M (a briefing on a graph without a stored checksum hashes the whole graph). */
export const REQUEST_TIMEOUT_S = 150;
/** A request slower than this in the preflight is measured on a few requests, not for a fixed duration. */
export const SLOW_MS = 2_000;
/** A kind slower than this in the preflight is left out of the mixed load (it would only measure a queue). */
export const MIX_EXCLUDE_MS = 5_000;
export const PREFLIGHT_WARM_LIMIT_MS = 30_000;
export const SLOW_REQUESTS = 3;
export const MIXED_RATE = 200;
export const MIXED_SECONDS = 60;
/** Enough connections that a slow request does not hold back the rate (Little's law: 200/s x 250 ms = 50). */
export const MIXED_CONNECTIONS = 64;
/** The second mixed run: this share of the rate the server answered at MIXED_RATE (its saturation rate). */
export const HALF_SATURATION = 0.5;
/** Seconds of mixed load the profiled server runs (a server of its own, so the measured runs carry no profiler). */
export const PROFILE_SECONDS = 30;
export const RSS_SAMPLE_MS = 5_000;
/** RSS counts as stable when it grows by less than this share over the second half of the mixed run. */
export const RSS_STABLE_GROWTH = 0.1;
export const BRIEFING_COMPANIES = ["company:minimax", "company:openai", "company:deepseek", "company:bytedance"];
export const BRIEFING_MARKETS = "EU,KR,US";
export const REGIME_LAWS = "law:eu-gdpr,law:eu-ai-act,law:cn-aigc-labeling";
export const BENCH_DIR = path.join(PROJECT_ROOT, ".data", "bench");

/** What the stages share: the options, the running server, the requests and the notes for the report. */
export interface ApiContext {
  size: Size;
  scenarioSeconds: number;
  mixedSeconds: number;
  server: ServerProcess;
  /** Environment of the API server (the profile stage starts one more with it). */
  serverEnv: Record<string, string>;
  workload: Workload;
  notes: string[];
}

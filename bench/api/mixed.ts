/** Stage 3: the sustained mixed load against the server, with its RSS sampled and per-route times from its log. */
import { readFileSync, statSync } from "node:fs";

import { percentile } from "../stats.js";
import { cannon } from "./cannon.js";
import {
  HALF_SATURATION,
  MIX_EXCLUDE_MS,
  MIXED_CONNECTIONS,
  MIXED_RATE,
  RSS_SAMPLE_MS,
  type ApiContext,
} from "./context.js";
import type { ServerProcess } from "./server.js";
import type { MixedResult, PreflightResult } from "./types.js";
import { MIX, mixedRequests, type Req, type Workload } from "./workload.js";

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
    .map(([route, s]) => ({
      route,
      count: s.ms.length,
      non2xx: s.non2xx,
      p50: percentile(s.ms, 50),
      p99: percentile(s.ms, 99),
    }))
    .sort((a, b) => b.count - a.count);
}

export async function mixedRun(
  server: ServerProcess,
  requests: Req[],
  mix: [string, number][],
  excluded: string[],
  rate: number,
  seconds: number,
): Promise<MixedResult> {
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
  const run = await cannon(server.url, requests, {
    connections: MIXED_CONNECTIONS,
    duration: seconds,
    rate,
    onTick: sample,
  });
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

/**
 * The mix at MIXED_RATE, then at HALF_SATURATION of what the server answered there (its saturation rate), where
 * latency and memory are not those of a queue. Kinds that cannot answer, or take seconds each, are left out.
 */
export async function mixedLoad(
  ctx: ApiContext,
  preflight: PreflightResult[],
): Promise<{ mixed: MixedResult; half: MixedResult; requests: Req[]; mix: [keyof Workload, number][] }> {
  const excluded = MIX.filter(([k]) => {
    const p = preflight.find((x) => x.name === k)!;
    return p.status < 200 || p.status >= 300 || (p.warmMs ?? p.ms) > MIX_EXCLUDE_MS;
  }).map(([k]) => k);
  if (excluded.length)
    ctx.notes.push(
      `Left out of the mixed load (failing or over ${MIX_EXCLUDE_MS / 1000} s per request in the preflight): ${excluded.join(", ")}.`,
    );
  const mix = MIX.filter(([k]) => !excluded.includes(k));
  const requests = mixedRequests(ctx.workload, mix);
  const mixed = await mixedRun(ctx.server, requests, mix, excluded, MIXED_RATE, ctx.mixedSeconds);
  const half = await mixedRun(ctx.server, requests, mix, excluded, halfRate(mixed), ctx.mixedSeconds);
  return { mixed, half, requests, mix };
}

/** Half of the saturation rate: of what was answered when MIXED_RATE was asked (at most MIXED_RATE). */
export const halfRate = (m: MixedResult) => Math.max(1, Math.floor(HALF_SATURATION * Math.min(m.rate, m.achievedRps)));

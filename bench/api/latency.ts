/** Stage 2: one request of each kind cold and warm (preflight), then each endpoint at concurrency 1 and 16. */
import { percentile } from "../stats.js";
import { cannon } from "./cannon.js";
import {
  CONCURRENCIES,
  MAX_REQUESTS,
  MIN_REQUESTS,
  PREFLIGHT_WARM_LIMIT_MS,
  REQUEST_TIMEOUT_S,
  SLOW_MS,
  SLOW_REQUESTS,
  WARMUP_SECONDS,
  type ApiContext,
} from "./context.js";
import type { PreflightResult, ScenarioResult } from "./types.js";
import { scenarios, type Req, type Workload } from "./workload.js";

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

/** Preflight, then every scenario at each concurrency (a slow endpoint on a few requests, at concurrency 1 only). */
export async function measureLatency(
  ctx: ApiContext,
): Promise<{ preflight: PreflightResult[]; scenarios: ScenarioResult[] }> {
  const { server, workload: w } = ctx;
  // Preflight: one request of each kind, so that an endpoint that cannot answer is reported, not measured.
  const pre: PreflightResult[] = [];
  // The briefing last: the server goes on computing it after a client gives up, which would slow the next ones.
  const kinds = (Object.keys(w) as (keyof Workload)[]).sort(
    (a, b) => Number(a === "briefing") - Number(b === "briefing"),
  );
  for (const [kind, reqs] of kinds.map((k) => [k, w[k]] as const)) {
    const p = await preflight(server.url, kind, reqs[0]);
    pre.push(p);
    console.log(
      `  preflight ${kind}: ${p.status} in ${p.ms.toFixed(0)} ms, then ${p.warmMs?.toFixed(0) ?? "–"} ms${p.detail ? ` (${p.detail})` : ""}`,
    );
  }
  const preOf = (kind: string) => pre.find((p) => p.name === kind)!;
  const results: ScenarioResult[] = [];
  for (const s of scenarios(w)) {
    const p = preOf(s.kind);
    const skipped = (c: number, note: string): ScenarioResult => ({
      name: s.name,
      what: s.what,
      concurrency: c,
      requests: 0,
      errors: 0,
      rps: 0,
      p50: NaN,
      p95: NaN,
      p99: NaN,
      note,
    });
    if (p.status < 200 || p.status >= 300) {
      for (const c of CONCURRENCIES) results.push(skipped(c, `cannot run: HTTP ${p.status} ${p.detail ?? ""}`.trim()));
      continue;
    }
    const slow = warm(p) > SLOW_MS;
    // A computed scenario is not warmed up on its own requests, and each run starts past those already sent.
    let sent = 1;
    const requests = () => (s.computed ? s.requests.slice(sent) : s.requests);
    if (!slow && !s.computed) await cannon(server.url, s.requests, { connections: 4, duration: WARMUP_SECONDS });
    // A fixed number of requests sized to take about scenarioSeconds, not a fixed duration: a duration run drops
    // the requests still in flight when it ends, which hides exactly the slowest ones.
    let rps1 = 1000 / warm(p);
    for (const c of CONCURRENCIES) {
      if (slow && c > 1) {
        results.push(skipped(c, `not run: one request takes ${(warm(p) / 1000).toFixed(1)} s`));
        continue;
      }
      const amount = slow
        ? SLOW_REQUESTS
        : Math.min(MAX_REQUESTS, Math.max(MIN_REQUESTS, Math.ceil((ctx.scenarioSeconds * rps1) / c) * c));
      const run = await cannon(server.url, requests(), { connections: slow ? 1 : c, amount });
      sent += amount;
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
      console.log(
        `  ${s.name} c=${c}: n=${r.requests} p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} p99 ${r.p99.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s, errors ${r.errors}`,
      );
    }
  }
  return { preflight: pre, scenarios: results };
}

/** Stage 5: the Markdown section of BENCHMARKS.md. */
import { MIN_REQUESTS, RSS_SAMPLE_MS, RSS_STABLE_GROWTH, SCENARIO_SECONDS, WARMUP_SECONDS } from "./context.js";
import type { ApiBenchResult, MixedResult, ProfileResult, RawResult } from "./types.js";

const ms = (x: number) =>
  Number.isFinite(x) ? (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`) : "–";

/** RSS is stable when it grows by less than RSS_STABLE_GROWTH over the second half of the run. */
export function rssStable(m: MixedResult): { stable: boolean; growth: number } {
  const end = m.rss[m.rss.length - 1];
  const mid = m.rss.reduce(
    (best, s) => (Math.abs(s.atMs - end.atMs / 2) < Math.abs(best.atMs - end.atMs / 2) ? s : best),
    m.rss[0],
  );
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
      (s) =>
        `| ${s.name} | ${s.concurrency} | ${s.requests} | ${s.rps.toFixed(1)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.errors}${s.note ? ` (${s.note})` : ""} |`,
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
    ...r.preflight.map(
      (p) =>
        `| ${p.name} | ${p.status}${p.detail ? ` ${p.detail.slice(0, 120)}` : ""} | ${ms(p.ms)} | ${ms(p.warmMs ?? NaN)} | ${p.bytes.toLocaleString("en")} |`,
    ),
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
    const runs = [m, ...(r.half ? [r.half] : [])];
    out.push(
      "",
      `### Sustained mixed load (${r.size}: ${m.rate} requests/s for ${m.seconds} s, ${m.connections} connections)`,
      "",
      `Mix: ${m.mix.map(([k, p]) => `${k} ${p.toFixed(0)}%`).join(", ")}. ` +
        (r.half
          ? `Then the same mix at ${r.half.rate} requests/s, half of the saturation rate (what the server answered when ${m.rate} were asked, at most ${m.rate}), where latency and memory are not those of a queue.`
          : ""),
      "",
      "| target req/s | requests answered | answered req/s | errors | timeouts | non-2xx | unanswered at the end | p50 | p99 | p99 corrected for coordinated omission | RSS start | RSS end | RSS growth, 2nd half |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
      ...runs.map(mixedRow),
      "",
      ...runs.map(
        (x) =>
          `RSS of the server process (MB) every ${RSS_SAMPLE_MS / 1000} s at ${x.rate} requests/s: ${x.rss.map((s: { mb: number }) => s.mb.toFixed(0)).join(", ")}.`,
      ),
      ...runs.flatMap(routes),
    );
  }
  if (r.raw && m) out.push("", ...formatRaw(r.raw, [m, ...(r.half ? [r.half] : [])]));
  if (r.profile) out.push("", ...formatProfile(r.profile));
  if (r.notes.length) out.push("", ...r.notes.map((n) => `- ${n}`));
  return out.join("\n");
}

/** The API's figure over the raw driver's, for the same mix at the same rate. */
export function rawRatios(api: MixedResult, raw: RawResult): { throughput: number; p99: number } {
  return { throughput: api.achievedRps / raw.achievedRps, p99: api.p99 / raw.p99 };
}

function formatRaw(raw: NonNullable<ApiBenchResult["raw"]>, api: MixedResult[]): string[] {
  return [
    "#### The same mix straight through neo4j-driver (raw-database baseline)",
    "",
    `Each request's Cypher, recorded from the API (${raw.statementsPerRequest.toFixed(1)} statements per request on average, the API's cache reads included), ` +
      "replayed in order with `driver.executeQuery` at the same rate over the same number of concurrent workers: no HTTP, express, validation, value conversion, JSON or logging, and no answer from the API's caches.",
    "",
    "| target req/s | raw: answered req/s | raw: p50 | raw: p99 | raw: errors | API: answered req/s | API: p99 | API throughput / raw | API p99 / raw |",
    "|---|---|---|---|---|---|---|---|---|",
    ...raw.runs.map((x) => {
      const a = api.find((m) => m.rate === x.rate);
      const q = a ? rawRatios(a, x) : undefined;
      return `| ${x.rate} | ${x.achievedRps.toFixed(1)} | ${ms(x.p50)} | ${ms(x.p99)} | ${x.errors} | ${a ? a.achievedRps.toFixed(1) : "–"} | ${a ? ms(a.p99) : "–"} | ${q ? q.throughput.toFixed(2) : "–"} | ${q ? q.p99.toFixed(2) : "–"} |`;
    }),
  ];
}

function formatProfile(p: ProfileResult): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `#### Where the API server's CPU goes (node --cpu-prof, ${p.rate} requests/s for ${p.seconds} s)`,
    "",
    `The server was busy in ${pct(p.busyShare)} of the samples; of the busy ones (profile: \`${p.file}\`):`,
    "",
    "| part | share |",
    "|---|---|",
    ...p.byPart.slice(0, 12).map((x) => `| ${x.part} | ${pct(x.share)} |`),
    "",
    "| function (self time) | where | share |",
    "|---|---|---|",
    ...p.top.map((x) => `| ${x.fn} | ${x.where} | ${pct(x.share)} |`),
  ];
}

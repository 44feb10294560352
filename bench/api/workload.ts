/** The requests: per-endpoint scenarios and the mixed load of a team of lawyers, deterministic over the generated entities. */
import { prng, type Size } from "../generate.js";
import { BRIEFING_COMPANIES, BRIEFING_MARKETS, REGIME_LAWS } from "./context.js";
import { readSynthetic, type SynEntity } from "./graph.js";

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
const post = (kind: string, route: string, body: unknown): Req => ({
  kind,
  method: "POST",
  path: route,
  body: JSON.stringify(body),
});

export interface Workload {
  search: Req[];
  neighborhoodHub: Req[];
  neighborhoodRandom: Req[];
  /** Distinct random entities, each asked once: never a cache hit. */
  neighborhoodComputed: Req[];
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

/** Entities whose neighbourhood is asked once each (computed, never from the cache). */
const COMPUTED_ENTITIES = 6_000;

/** Deterministic requests over the generated entities: hubs are the first entities of each label (power law). */
export function workload(size: Size): Workload {
  const all = readSynthetic(size);
  const rand = prng(7);
  // A generator of its own, so that the other lists stay those of earlier runs.
  const randComputed = prng(11);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const byLabel = new Map<string, SynEntity[]>();
  for (const e of all) {
    const list = byLabel.get(e.label);
    if (list) list.push(e);
    else byLabel.set(e.label, [e]);
  }
  const hubs = ["Company", "Law", "Regulator", "Jurisdiction", "Topic", "Case", "Model"].flatMap((l) =>
    byLabel.get(l)!.slice(0, 2),
  );
  const randoms = Array.from({ length: 300 }, () => pick(all));
  const companies = byLabel.get("Company")!;
  // What lawyers type: a whole English name, a Chinese name, an alias, or the first characters of a Chinese name.
  const forms = [
    (e: SynEntity) => e.nameEn,
    (e: SynEntity) => e.nameZh,
    (e: SynEntity) => e.aliases[0],
    (e: SynEntity) => e.nameZh.slice(0, 3),
  ];
  const nb = (kind: string, id: string, depth: number, limit: number) =>
    get(kind, "/api/graph/neighborhood", { id, depth, limit });
  return {
    search: randoms.map((e, i) => get("search", "/api/search", { q: forms[i % forms.length](e), limit: 20 })),
    neighborhoodHub: hubs.map((e) => nb("neighborhood-hub", e.id, 2, 500)),
    neighborhoodRandom: randoms.map((e) => nb("neighborhood-random", e.id, 2, 500)),
    neighborhoodComputed: [
      ...new Set(Array.from({ length: COMPUTED_ENTITIES }, () => all[Math.floor(randComputed() * all.length)].id)),
    ].map((id) => nb("neighborhood-computed", id, 2, 500)),
    paths: Array.from({ length: 150 }, () =>
      get("paths", "/api/graph/paths", { from: pick(all).id, to: pick(all).id, maxHops: 4 }),
    ).filter(
      (r) =>
        new URLSearchParams(r.path.split("?")[1]).get("from") !== new URLSearchParams(r.path.split("?")[1]).get("to"),
    ),
    latestEvents: [post("saved-latest-events", "/api/queries/latest-events", { params: { limit: 50 } })],
    enforcement: [...companies.slice(0, 5), ...Array.from({ length: 45 }, () => pick(companies))].map((c) =>
      post("saved-enforcement", "/api/queries/enforcement-against-company", { params: { company: c.id } }),
    ),
    briefing: BRIEFING_COMPANIES.map((company) =>
      get("briefing", "/api/briefings", { company, markets: BRIEFING_MARKETS, lang: "en", format: "json" }),
    ),
    entity: randoms.map((e) => ({ kind: "entity", method: "GET", path: `/api/entities/${encodeURIComponent(e.id)}` })),
    pick: randoms.map((e) => nb("pick", e.id, 1, 30)),
    expand: randoms.map((e) => nb("expand", e.id, 1, 200)),
    overview: [get("overview", "/api/graph/overview", { limit: 1500 })],
    regimes: [get("regimes", "/api/graph/regimes", { laws: REGIME_LAWS })],
    health: [{ kind: "health", method: "GET", path: "/api/health" }],
  };
}

/** The endpoints measured one at a time (the list), in report order. */
export function scenarios(
  w: Workload,
): { name: string; kind: keyof Workload; what: string; requests: Req[]; computed?: boolean }[] {
  return [
    {
      name: "search",
      kind: "search",
      what: "GET /api/search, q over generated names (English, Chinese, alias, 3-character prefix)",
      requests: w.search,
    },
    {
      name: "neighborhood (hubs)",
      kind: "neighborhoodHub",
      what: "GET /api/graph/neighborhood depth=2 limit=500 on the 14 biggest hubs",
      requests: w.neighborhoodHub,
    },
    {
      name: "neighborhood (random)",
      kind: "neighborhoodRandom",
      what: "GET /api/graph/neighborhood depth=2 limit=500 on 300 random entities",
      requests: w.neighborhoodRandom,
    },
    {
      name: "neighborhood (random, computed)",
      kind: "neighborhoodComputed",
      what: "GET /api/graph/neighborhood depth=2 limit=500 (perNode 25) on random entities, each asked once: every answer computed, none from the cache",
      requests: w.neighborhoodComputed,
      computed: true,
    },
    { name: "paths", kind: "paths", what: "GET /api/graph/paths maxHops=4 between random pairs", requests: w.paths },
    {
      name: "saved query latest-events",
      kind: "latestEvents",
      what: "POST /api/queries/latest-events {limit: 50}",
      requests: w.latestEvents,
    },
    {
      name: "saved query enforcement-against-company",
      kind: "enforcement",
      what: "POST /api/queries/enforcement-against-company (hub and random companies)",
      requests: w.enforcement,
    },
    {
      name: "briefing (3 markets)",
      kind: "briefing",
      what: `GET /api/briefings?company=<seed company>&markets=${BRIEFING_MARKETS}&format=json`,
      requests: w.briefing,
    },
  ];
}

/** A realistic mix of a team of lawyers using the explorer (weights in percent). */
export const MIX: [keyof Workload, number][] = [
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

/** The mixed load's requests: kinds drawn by weight (deterministic), each kind's list in turn. */
export function mixedRequests(w: Workload, mix: [keyof Workload, number][], count = 20_000): Req[] {
  const total = mix.reduce((n, [, wgt]) => n + wgt, 0);
  const rand = prng(99);
  const cursors = new Map<string, number>();
  return Array.from({ length: count }, () => {
    let x = rand() * total;
    const [kind] = mix.find(([, wgt]) => (x -= wgt) < 0) ?? mix[mix.length - 1];
    const list = w[kind];
    const i = cursors.get(kind) ?? 0;
    cursors.set(kind, i + 1);
    return list[i % list.length];
  });
}

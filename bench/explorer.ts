/**
 * Explorer benchmark in headless Chromium (the end-to-end tests' launch: SwiftShader WebGL, a fresh profile per
 * run so no cached layout): time to first render, time until the bounded ForceAtlas2 layout has stopped, and
 * frames per second while the camera pans, for the seed graph (a server on the `dev` instance), the explorer's
 * default overview of the synthetic graph (1,500 most connected), and overviews of 5,000 and 20,000 nodes.
 *
 * The explorer always asks for the default overview and the API caps it at 5,000 nodes, so the 5,000 and 20,000
 * cases answer the explorer's /api/graph/overview request with a larger graph (page.route): 5,000 is the API's
 * own answer to `?limit=5000`; 20,000 is the same service function (graph.service `overview`) called in this
 * process without the request cap. Everything after the response (graph import, Louvain seeding, the layout
 * worker, sigma) is the explorer's own code path.
 *
 *   npx tsx bench/explorer.ts [--synthetic-url http://127.0.0.1:8095] [--runs 3]
 */
import { Command } from "commander";

import { overview } from "../src/api/graph/graph.service.js";
import { createDb } from "../src/db/driver.js";
import { ensureWebBuilt, openBrowser } from "../tests/support/browser.js";
import { fetchText, startServer, type ServerProcess } from "./api/index.js";
import { BENCH_INSTANCE } from "./load.js";
import { median, spread } from "./stats.js";

export const SEED_PORT = 8096;
const SYNTHETIC_PORT = 8097;
const RUNS = 3;
const PAN_MS = 5_000;
const READY_TIMEOUT_MS = 120_000;
/** The explorer's own default (web/src/api.ts asks without a limit; the API's default is 1,500). */
const DEFAULT_OVERVIEW = 1_500;
export const SEED_RENDER_GOAL_MS = 2_000;

export interface ExplorerRun {
  /** When the explorer asked for the overview (page boot before it), and when the answer had arrived. */
  overviewStartMs: number | null;
  overviewMs: number | null;
  firstRenderMs: number;
  layoutDoneMs: number | null;
  fps: number;
  rafFps: number;
  p95FrameMs: number;
  nodes: number;
  edges: number;
  problems: number;
  /** FPS with every node and edge hidden: the ceiling of this machine's software WebGL (seed case only). */
  emptyFps?: number;
}

export interface ExplorerCase {
  name: string;
  how: string;
  nodes: number;
  edges: number;
  /** Time the server took to produce the overview (for the injected cases, measured once here). */
  serverMs?: number;
  bytes?: number;
  runs: ExplorerRun[];
  error?: string;
}

export interface ExplorerBenchResult {
  cases: ExplorerCase[];
  notes: string[];
}

/** Installed before the explorer's scripts: catches window.__explorer being set and records sigma's renders. */
const HOOK = `(() => {
  const b = (window.__bench = { renders: 0, firstRender: null, layoutDone: null, layoutStarted: false });
  let value;
  Object.defineProperty(window, "__explorer", {
    configurable: true,
    get() { return value; },
    set(v) {
      value = v;
      v.sigma.on("afterRender", () => {
        b.renders++;
        if (b.firstRender === null && v.graph.order > 0) b.firstRender = performance.now();
      });
      v.state.on("status", () => {
        if (v.state.layoutRunning) b.layoutStarted = true;
        else if (b.layoutStarted && b.layoutDone === null) b.layoutDone = performance.now();
      });
    },
  });
})();`;

/**
 * In-page functions are built from source text: tsx's transform would add helpers (__name) the page lacks, and a
 * string expression would be evaluated with eval, which the explorer's CSP forbids.
 */
const inPage = <A = void>(source: string) => new Function(`return (${source});`)() as (arg: A) => unknown;

/** Ready: sigma drew the graph and the layout has stopped (or never started: a cached layout). */
const READY = inPage(`() => {
  const b = window.__bench;
  if (!b || b.firstRender === null) return false;
  return b.layoutDone !== null || (!b.layoutStarted && !window.__explorer.state.layoutRunning && performance.now() - b.firstRender > 1000);
}`);

const TIMINGS = inPage(`() => {
  const entry = performance.getEntriesByType("resource").find((e) => e.name.includes("/api/graph/overview"));
  return {
    overviewStartMs: entry ? entry.startTime : null,
    overviewMs: entry ? entry.responseEnd : null,
    firstRenderMs: window.__bench.firstRender,
    layoutDoneMs: window.__bench.layoutDone,
    nodes: window.__explorer.graph.order,
    edges: window.__explorer.graph.size,
  };
}`);

/** Hides every node and edge (after the measurement, in a throwaway session), for the empty-canvas ceiling. */
const HIDE_ALL = inPage(`() => {
  const g = window.__explorer.graph;
  g.forEachNode((n) => g.setNodeAttribute(n, "hidden", true));
  g.forEachEdge((e) => g.setEdgeAttribute(e, "hidden", true));
}`);

/** Pans: the camera moves on a circle every animation frame (the whole graph in view, the worst case). */
const PAN = inPage<number>(`(durationMs) => new Promise((resolve) => {
  const camera = window.__explorer.sigma.getCamera();
  const start = camera.getState();
  const renders0 = window.__bench.renders;
  const frames = [];
  const t0 = performance.now();
  let last = t0;
  const step = (now) => {
    frames.push(now - last);
    last = now;
    const t = (now - t0) / 1000;
    camera.setState({ x: start.x + 0.2 * Math.cos(t * 2), y: start.y + 0.2 * Math.sin(t * 2) });
    if (now - t0 < durationMs) requestAnimationFrame(step);
    else {
      camera.setState({ x: start.x, y: start.y });
      resolve({ seconds: (now - t0) / 1000, renders: window.__bench.renders - renders0, frames: frames.slice(1) });
    }
  };
  requestAnimationFrame(step);
})`);

async function measure(url: string, body: string | null, ceiling = false): Promise<ExplorerRun> {
  const session = await openBrowser({ width: 1280, height: 800 });
  try {
    const page = session.page;
    await page.addInitScript(HOOK);
    if (body !== null) {
      await page.route("**/api/graph/overview*", (route) =>
        route.fulfill({ status: 200, contentType: "application/json", body }),
      );
    }
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(READY, undefined, { timeout: READY_TIMEOUT_MS, polling: 100 });
    const timings = (await page.evaluate(TIMINGS)) as Omit<ExplorerRun, "fps" | "rafFps" | "p95FrameMs" | "problems">;
    const pan = (await page.evaluate(PAN, PAN_MS)) as { seconds: number; renders: number; frames: number[] };
    let emptyFps: number | undefined;
    if (ceiling) {
      await page.evaluate(HIDE_ALL);
      const empty = (await page.evaluate(PAN, PAN_MS)) as { seconds: number; renders: number };
      emptyFps = empty.renders / empty.seconds;
    }
    const sorted = [...pan.frames].sort((a, b) => a - b);
    return {
      emptyFps,
      ...timings,
      fps: pan.renders / pan.seconds,
      rafFps: pan.frames.length / pan.seconds,
      p95FrameMs: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN,
      problems: session.problems.length,
    };
  } finally {
    await session.close();
  }
}

async function runCase(
  c: Omit<ExplorerCase, "runs" | "nodes" | "edges">,
  url: string,
  body: string | null,
  runs: number,
  ceiling = false,
): Promise<ExplorerCase> {
  const out: ExplorerCase = { ...c, nodes: 0, edges: 0, runs: [] };
  try {
    // A server that has been running: its first overview query (planning, caches) is not what a user waits for.
    if (body === null) await fetchText(new URL("/api/graph/overview", url).toString());
    for (let i = 0; i < runs; i++) {
      const r = await measure(url, body, ceiling);
      out.runs.push(r);
      out.nodes = r.nodes;
      out.edges = r.edges;
      console.log(
        `  ${c.name} run ${i + 1}: first render ${r.firstRenderMs.toFixed(0)} ms, layout done ${r.layoutDoneMs?.toFixed(0) ?? "–"} ms, ${r.fps.toFixed(1)} fps (${r.nodes} nodes, ${r.edges} edges)`,
      );
    }
  } catch (err) {
    out.error = (err as Error).message.split("\n")[0];
    console.log(`  ${c.name}: ${out.error}`);
  }
  return out;
}

export interface ExplorerBenchOptions {
  /** A server on the bench instance already running (the API benchmark's); otherwise one is started. */
  syntheticServer?: ServerProcess | { url: string };
  /** Whether the bench instance holds enough entities for a 20,000-node overview (M). */
  large: boolean;
  runs?: number;
}

export async function benchExplorer(opts: ExplorerBenchOptions): Promise<ExplorerBenchResult> {
  const runs = opts.runs ?? RUNS;
  const notes: string[] = [];
  ensureWebBuilt();
  const cases: ExplorerCase[] = [];

  // The seed graph: a server on the dev instance that loads the seed first (on a fresh machine the instance is empty),
  // no interception.
  const seedServer = await startServer({
    name: "explorer-seed-server",
    port: SEED_PORT,
    env: { NEO4J_INSTANCE: "dev", NEO4J_BOLT_PORT: "7687" },
    loadSeed: true,
  });
  try {
    cases.push(
      await runCase(
        { name: "seed graph", how: "the explorer against a server on the dev instance (the seed graph), unmodified" },
        `${seedServer.url}/`,
        null,
        runs,
        true,
      ),
    );
  } finally {
    await seedServer.stop();
  }

  let own: ServerProcess | null = null;
  const synthetic =
    opts.syntheticServer ??
    (own = await startServer({
      name: "explorer-bench-server",
      port: SYNTHETIC_PORT,
      env: { NEO4J_INSTANCE: BENCH_INSTANCE.name, NEO4J_BOLT_PORT: String(BENCH_INSTANCE.port) },
    }));
  try {
    cases.push(
      await runCase(
        {
          name: `synthetic, default overview`,
          how: `the explorer against the bench instance, unmodified: the API's default overview (${DEFAULT_OVERVIEW.toLocaleString("en")} most connected)`,
        },
        `${synthetic.url}/`,
        null,
        runs,
      ),
    );
    const t = performance.now();
    const five = await fetchText(`${synthetic.url}/api/graph/overview?limit=5000`);
    const fiveMs = performance.now() - t;
    cases.push(
      await runCase(
        {
          name: "5,000 nodes",
          how: "the API's answer to /api/graph/overview?limit=5000 (its cap), given to the explorer's overview request",
          serverMs: fiveMs,
          bytes: Buffer.byteLength(five),
        },
        `${synthetic.url}/`,
        five,
        runs,
      ),
    );
    if (opts.large) {
      const db = createDb(BENCH_INSTANCE.config());
      try {
        const t2 = performance.now();
        const big = JSON.stringify(await overview(db, 20_000, false));
        const bigMs = performance.now() - t2;
        cases.push(
          await runCase(
            {
              name: "20,000 nodes",
              how: "graph.service overview(db, 20000) called in the benchmark process (the API refuses limit > 5,000; at most 5 edges per entity apply), given to the explorer's overview request",
              serverMs: bigMs,
              bytes: Buffer.byteLength(big),
            },
            `${synthetic.url}/`,
            big,
            runs,
          ),
        );
      } finally {
        await db.close();
      }
    } else {
      notes.push("20,000 nodes: not measured, the graph loaded (S) has fewer entities; the full run (M) measures it.");
    }
  } finally {
    if (own) await own.stop();
  }
  return { cases, notes };
}

export function formatExplorer(r: ExplorerBenchResult): string {
  const med = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
    return v.length ? median(v) : NaN;
  };
  const f = (x: number, unit = " ms", digits = 0) => (Number.isFinite(x) ? `${x.toFixed(digits)}${unit}` : "–");
  const lines = [
    "### Explorer (headless Chromium, SwiftShader WebGL, 1280x800)",
    "",
    `Median of ${r.cases[0]?.runs.length ?? RUNS} runs, each in a fresh browser profile (no cached layout). Times are from navigation start. ` +
      `"Layout done": the ForceAtlas2 worker stops after at most 4 s (web/src/graph/layout.ts). FPS: sigma renders per second while the camera pans on a circle every animation frame for ${PAN_MS / 1000} s, the whole graph in view.`,
    "",
    "| graph | nodes | edges | overview request | first render | layout done | FPS while panning (spread) | p95 frame | console errors |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const c of r.cases) {
    if (c.error && c.runs.length === 0) {
      lines.push(`| ${c.name} | – | – | – | – | – | – | – | failed: ${c.error} |`);
      continue;
    }
    const asked = `asked at ${f(med(c.runs.map((x) => x.overviewStartMs)))}, `;
    const server =
      c.serverMs !== undefined
        ? `${asked}answered at ${f(med(c.runs.map((x) => x.overviewMs)))} (injected: ${(c.bytes! / 1e6).toFixed(1)} MB, the server took ${f(c.serverMs)})`
        : `${asked}answered at ${f(med(c.runs.map((x) => x.overviewMs)))}`;
    const fps = c.runs.map((x) => x.fps);
    lines.push(
      `| ${c.name} | ${c.nodes.toLocaleString("en")} | ${c.edges.toLocaleString("en")} | ${server} | ${f(med(c.runs.map((x) => x.firstRenderMs)))} | ${f(med(c.runs.map((x) => x.layoutDoneMs)))} | ${f(med(fps), "", 1)} (${spread(fps)}) | ${f(med(c.runs.map((x) => x.p95FrameMs)))} | ${c.runs.reduce((n, x) => n + x.problems, 0)}${c.error ? ` (${c.error})` : ""} |`,
    );
  }
  lines.push("", ...r.cases.map((c) => `- ${c.name}: ${c.how}.`));
  const empty = r.cases.flatMap((c) => c.runs.map((x) => x.emptyFps)).filter((x): x is number => x !== undefined);
  if (empty.length) {
    lines.push(
      `- The ceiling: with every node and edge hidden, panning gives ${median(empty).toFixed(1)} FPS (spread ${spread(empty)}) in this software WebGL (SwiftShader) on 2 shared cores; a machine with a GPU draws far more. FPS here compares graph sizes, not what a lawyer's laptop shows.`,
    );
  }
  lines.push(
    "- Each unmodified case first sends one overview request to the server (a server that has been running), then measures.",
  );
  if (r.notes.length) lines.push(...r.notes.map((n) => `- ${n}`));
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const o = new Command()
    .option("--synthetic-url <url>", "a running server on the bench instance")
    .option("--large", "the bench instance holds M (measure 20,000 nodes)")
    .option("--runs <n>", "runs per graph", String(RUNS))
    .parse()
    .opts<{ syntheticUrl?: string; large?: boolean; runs: string }>();
  benchExplorer({
    syntheticServer: o.syntheticUrl ? { url: o.syntheticUrl } : undefined,
    large: !!o.large,
    runs: Number(o.runs),
  })
    .then((r) => console.log(formatExplorer(r)))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}

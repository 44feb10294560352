/**
 * `npm run bench`: the whole benchmark suite in one run, then BENCHMARKS.md. Load (S three times; M once unless
 * --quick), API latency and the sustained mixed load (on M; S with --quick), the explorer in headless Chromium,
 * and ingest throughput. Prints a Markdown report (machine, date, commit, versions, medians and ratios, a goals
 * table) and writes it to BENCHMARKS.md, keeping the hand-written "Design changes the measurements led to" section.
 *
 *   npm run bench                     # the full run (M included; most of an hour on 2 cores)
 *   npm run bench -- --quick          # S only, for a check
 *   npm run bench -- --only api,explorer   # re-run some phases; the others come from the last run, marked so
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { Command } from "commander";

import { PROJECT_ROOT } from "../src/config.js";
import { createDb } from "../src/db/driver.js";
import { benchApi, formatApi, prepareGraph, rawRatios, rssStable, type ApiBenchResult } from "./api/index.js";
import { benchExplorer, formatExplorer, SEED_RENDER_GOAL_MS, type ExplorerBenchResult } from "./explorer.js";
import type { Size } from "./generate.js";
import { benchIngest, formatIngest, INGEST_GOAL_MBPS, type IngestBenchResult } from "./ingest.js";
import { BENCH_INSTANCE, BENCH_NEO4J_MEMORY, benchLoad, emptyGraph, formatLoad, type LoadBenchResult } from "./load.js";
import { median } from "./stats.js";

const PHASES = ["load", "api", "explorer", "ingest"] as const;
type Phase = (typeof PHASES)[number];
const RESULTS_FILE = path.join(PROJECT_ROOT, ".data", "bench", "results.json");
const REPORT_FILE = path.join(PROJECT_ROOT, "BENCHMARKS.md");
const DESIGN_HEADING = "## Design changes the measurements led to";
const GOALS = {
  loadRelsPerSec: 20_000,
  naiveRatio: 10,
  importRatio: 2.5,
  firstLoadRatio: 1.3,
  searchP95: 30,
  neighborhoodP95: 50,
  pathsP95: 100,
  briefingMs: 1_000,
  mixedP99: 250,
  /** The API's throughput over the raw driver's for the same mix at the same rate. */
  rawThroughputRatio: 0.8,
};

interface PhaseRecord<T> {
  at: string;
  command: string;
  loadavg: { start: number[]; end: number[] };
  seconds: number;
  data?: T;
  error?: string;
}
interface Results {
  load?: PhaseRecord<LoadBenchResult[]>;
  api?: PhaseRecord<ApiBenchResult>;
  explorer?: PhaseRecord<ExplorerBenchResult>;
  ingest?: PhaseRecord<IngestBenchResult>;
}

const opts = new Command()
  .name("bench")
  .option("--quick", "S only: no M load, API and mixed load on S, no 20,000-node explorer case")
  .option(
    "--only <phases>",
    `comma-separated phases to run (${PHASES.join(", ")}); the others are taken from the last run`,
  )
  .option("--out <file>", "report file", REPORT_FILE)
  .parse()
  .opts<{ quick?: boolean; only?: string; out: string }>();

const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

function machine() {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  const dirty = sh("git", ["status", "--porcelain"]).split("\n").filter(Boolean).length;
  const pom = readFileSync(path.join(PROJECT_ROOT, "scripts", "neo4j", "pom.xml"), "utf8");
  return {
    cpu: model,
    cores: os.cpus().length,
    memoryGiB: os.totalmem() / 2 ** 30,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    neo4j: `${pom.match(/<neo4j.version>(.*)<\/neo4j.version>/)?.[1] ?? "?"} Community`,
    commit: sh("git", ["rev-parse", "--short", "HEAD"]) || "unknown",
    dirty,
    chromium: sh("/usr/bin/chromium", ["--version"]) || "unknown",
  };
}

async function phase<T>(name: Phase, results: Results, work: () => Promise<T>): Promise<void> {
  console.log(`\n== ${name}`);
  const start = os.loadavg();
  const t = performance.now();
  const record: PhaseRecord<T> = { at: new Date().toISOString(), command, loadavg: { start, end: start }, seconds: 0 };
  try {
    record.data = await work();
  } catch (err) {
    record.error = (err as Error).stack ?? String(err);
    console.error(`${name} failed: ${record.error}`);
  }
  record.seconds = (performance.now() - t) / 1000;
  record.loadavg.end = os.loadavg();
  (results as Record<string, unknown>)[name] = record;
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 1));
}

// ---- Goals ---------------------------------------------------------------------------------------------------

type Row = [goal: string, measured: string, met: string];
const yes = (b: boolean) => (b ? "yes" : "**no**");
const fmtMs = (x: number) =>
  Number.isFinite(x) ? (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`) : "–";

function goalRows(r: Results): Row[] {
  const rows: Row[] = [];
  const loads = r.load?.data ?? [];
  const l = loads.find((x) => x.size === "M") ?? loads.find((x) => x.size === "S");
  if (l) {
    const tag = `(${l.size})`;
    const naive = l.projectRelsPerSec / l.naiveRelsPerSec;
    const bulk = l.importRelsPerSec / l.projectRelsPerSec;
    rows.push([
      `load ≥ ${GOALS.loadRelsPerSec.toLocaleString("en")} relationships/s`,
      `${Math.round(l.projectRelsPerSec).toLocaleString("en")}/s ${tag}`,
      yes(l.projectRelsPerSec >= GOALS.loadRelsPerSec),
    ]);
    rows.push([
      `load ≥ ${GOALS.naiveRatio}x the naive loader`,
      `${naive.toFixed(1)}x ${tag}`,
      yes(naive >= GOALS.naiveRatio),
    ]);
    rows.push([
      `load within ${GOALS.importRatio}x of neo4j-admin import`,
      `import is ${bulk.toFixed(1)}x faster ${tag}`,
      yes(bulk <= GOALS.importRatio),
    ]);
    if (l.firstLoadMs) {
      const first = l.firstLoadMs / l.importMs;
      rows.push([
        `first-load path (npm run load on an empty local instance) within ${GOALS.firstLoadRatio}x of neo4j-admin import`,
        `${first.toFixed(2)}x the import's time ${tag}`,
        yes(first <= GOALS.firstLoadRatio),
      ]);
    } else rows.push(["first-load path", "not measured", "–"]);
  } else rows.push(["load", "not measured", r.load?.error ? "failed" : "–"]);

  const api = r.api?.data;
  if (api) {
    const p95 = (name: string) => api.scenarios.filter((s) => s.name === name);
    const perConcurrency = (goal: string, names: string[], limit: number, key: "p95" = "p95") => {
      const rs = names.flatMap(p95);
      const measured = rs
        .map(
          (s) =>
            `${names.length > 1 ? `${s.name.replace(/^.*\((.*)\)$/, "$1")} ` : ""}c=${s.concurrency}: ${s.note && !s.requests ? "not run" : fmtMs(s[key])}`,
        )
        .join("; ");
      const met = rs
        .map(
          (s) =>
            `c=${s.concurrency}${names.length > 1 ? ` ${s.name.replace(/^.*\((.*)\)$/, "$1")}` : ""} ${s.requests ? yes(s[key] < limit) : "–"}`,
        )
        .join(", ");
      rows.push([goal, `${measured} (${api.size})`, met]);
    };
    perConcurrency(`search p95 < ${GOALS.searchP95} ms`, ["search"], GOALS.searchP95);
    perConcurrency(
      `neighborhood (depth 2, limit 500) p95 < ${GOALS.neighborhoodP95} ms`,
      ["neighborhood (hubs)", "neighborhood (random)"],
      GOALS.neighborhoodP95,
    );
    perConcurrency(
      `random depth-2 neighbourhood, computed (never from the cache), p95 < ${GOALS.neighborhoodP95} ms at c=1`,
      ["neighborhood (random, computed)"],
      GOALS.neighborhoodP95,
    );
    perConcurrency(`paths (max 4 hops) p95 < ${GOALS.pathsP95} ms`, ["paths"], GOALS.pathsP95);
    perConcurrency(`briefing, 3 markets, < 1 s (p95)`, ["briefing (3 markets)"], GOALS.briefingMs);
    const m = api.mixed;
    if (m) {
      const errors = m.errors + m.non2xx;
      const { stable, growth } = rssStable(m);
      rows.push([
        `mixed load: ${m.rate} requests/s sustained for ${m.seconds} s`,
        `${m.achievedRps.toFixed(1)} requests/s answered (${api.size})`,
        yes(m.achievedRps >= 0.95 * m.rate),
      ]);
      rows.push([
        "mixed load: zero errors",
        `${errors} (${m.errors} connection errors/timeouts, ${m.non2xx} non-2xx)`,
        yes(errors === 0),
      ]);
      rows.push([
        `mixed load: p99 < ${GOALS.mixedP99} ms`,
        `${fmtMs(m.p99)} (corrected for coordinated omission: ${fmtMs(m.p99Corrected)})`,
        yes(m.p99 < GOALS.mixedP99 && m.p99Corrected < GOALS.mixedP99),
      ]);
      const half = api.half;
      if (half) {
        const g = rssStable(half);
        rows.push([
          `mixed load: p99 < ${GOALS.mixedP99} ms at half of the saturation rate, 0 errors`,
          `${half.rate} requests/s asked, ${half.achievedRps.toFixed(1)} answered, p99 ${fmtMs(half.p99)}, ${half.errors + half.non2xx} errors, RSS ${half.rss[0].mb.toFixed(0)} -> ${half.rss[half.rss.length - 1].mb.toFixed(0)} MB (${(g.growth * 100).toFixed(1)}% over the second half)`,
          yes(half.p99 < GOALS.mixedP99 && half.errors + half.non2xx === 0),
        ]);
      }
      for (const raw of api.raw?.runs ?? []) {
        const a = [m, half].find((x) => x?.rate === raw.rate);
        if (!a) continue;
        const q = rawRatios(a, raw);
        rows.push([
          `mixed load at ${raw.rate} requests/s: API throughput ≥ ${GOALS.rawThroughputRatio * 100}% of the raw-driver baseline`,
          `API ${a.achievedRps.toFixed(1)}/s, raw ${raw.achievedRps.toFixed(1)}/s: ${(q.throughput * 100).toFixed(0)}%; p99 API ${fmtMs(a.p99)} / raw ${fmtMs(raw.p99)} = ${q.p99.toFixed(2)}x`,
          yes(q.throughput >= GOALS.rawThroughputRatio),
        ]);
      }
      rows.push([
        "mixed load: server RSS stable",
        `${m.rss[0].mb.toFixed(0)} MB at start, ${m.rss[m.rss.length - 1].mb.toFixed(0)} MB at end (${(growth * 100).toFixed(1)}% over the second half)`,
        yes(stable),
      ]);
    }
  } else rows.push(["API latency and mixed load", "not measured", r.api?.error ? "failed" : "–"]);

  const ex = r.explorer?.data;
  const seed = ex?.cases.find((c) => c.name === "seed graph");
  if (seed && seed.runs.length) {
    const first = median(seed.runs.map((x) => x.firstRenderMs));
    rows.push([
      `seed graph first render < ${SEED_RENDER_GOAL_MS / 1000} s`,
      `${fmtMs(first)} (${seed.nodes} nodes)`,
      yes(first < SEED_RENDER_GOAL_MS),
    ]);
  } else
    rows.push(["seed graph first render < 2 s", "not measured", r.explorer?.error || seed?.error ? "failed" : "–"]);
  if (ex) {
    const fps = ex.cases
      .filter((c) => c.runs.length)
      .map((c) => `${c.name}: ${median(c.runs.map((x) => x.fps)).toFixed(1)} FPS`);
    rows.push([
      "explorer never receives more than it can draw",
      `overview capped at 5,000 nodes (default 1,500) and 5 edges per entity, neighbourhoods at 3 edges per node; ${fps.join("; ")}`,
      "no number set; see Explorer",
    ]);
  }

  const ing = r.ingest?.data;
  if (ing)
    rows.push([
      `ingest ≥ ${INGEST_GOAL_MBPS} MB/s`,
      `${ing.medianMbps.toFixed(2)} MB/s wall clock, ${ing.medianCpuMbps.toFixed(2)} MB/s of CPU time`,
      yes(ing.medianMbps >= INGEST_GOAL_MBPS),
    ]);
  else rows.push(["ingest ≥ 1 MB/s", "not measured", r.ingest?.error ? "failed" : "–"]);
  return rows;
}

/**
 * What the API still misses, with the measurement that explains it and the next design step (the steps are the
 * ones BENCHMARKS.md's design section argues for; the numbers come from this run).
 */
function apiMissed(r: Results): string[] {
  const api = r.api?.data;
  if (!api) return [];
  const out: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  const computed = api.scenarios.find((s) => s.name === "neighborhood (random, computed)" && s.concurrency === 1);
  if (computed && computed.requests && computed.p95 >= GOALS.neighborhoodP95) {
    out.push(
      `- Computed neighbourhoods miss ${GOALS.neighborhoodP95} ms (p95 ${fmtMs(computed.p95)} at c=1): each step is one statement over the ranked lists plus one for the entities reached ` +
        "(4-5 round trips for depth 2, ~25 + 625 index seeks). Next step: one statement for the whole expansion (ranks and entities together), and the entities' display fields kept on the rank node so that depth 2 is one read per entity of the first step.",
    );
  }
  const half = api.half;
  const raw = api.raw?.runs ?? [];
  const ratios = raw.flatMap((x) => {
    const a = [api.mixed, half].find((m) => m?.rate === x.rate);
    return a ? [{ rate: x.rate, ...rawRatios(a, x) }] : [];
  });
  const prof = api.profile
    ? `Profile of the server at ${api.profile.rate} requests/s: ${api.profile.byPart
        .slice(0, 5)
        .map((p) => `${p.part} ${pct(p.share)}`)
        .join(", ")} of its busy time (busy ${pct(api.profile.busyShare)}).`
    : "No profile was taken.";
  const short = ratios.filter((q) => q.throughput < GOALS.rawThroughputRatio);
  if (short.length || (half && half.p99 >= GOALS.mixedP99)) {
    out.push(
      `- Mixed load: ${ratios.map((q) => `at ${q.rate}/s the API answers ${pct(q.throughput)} of what the raw driver answers (p99 ${q.p99.toFixed(1)}x)`).join("; ")}` +
        (half ? `; p99 at half of the saturation rate ${fmtMs(half.p99)}.` : ".") +
        ` ${prof} Next step: where the database is the limit (raw p99 near the API's), fewer statements per request (the cache's version read once per request, not per cached answer) and smaller answers; where the server is (its busy share near 100%), a second API process behind the same database (README: deployment) before more tuning.`,
    );
  }
  return out.length ? ["What the API still misses:", "", ...out, ""] : [];
}

// ---- Report --------------------------------------------------------------------------------------------------

function designSection(file: string): string {
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const i = existing.indexOf(DESIGN_HEADING);
  if (i >= 0) return existing.slice(i).trimEnd();
  return [
    DESIGN_HEADING,
    "",
    "Written by hand; `npm run bench` keeps this section as it is and rewrites everything above it.",
    "",
    "### Loader",
    "",
    "(to be filled in)",
    "",
    "### API, explorer and ingest",
    "",
    "(to be filled in)",
  ].join("\n");
}

function phaseNote(name: Phase, rec: PhaseRecord<unknown> | undefined, ranNow: Set<Phase>): string {
  if (!rec) return `_Not run._`;
  const load = `load average ${rec.loadavg.start.map((x) => x.toFixed(1)).join("/")} at the start, ${rec.loadavg.end.map((x) => x.toFixed(1)).join("/")} at the end`;
  const when = ranNow.has(name) ? "" : ` From an earlier run (${rec.at}, \`${rec.command}\`).`;
  return `_${(rec.seconds / 60).toFixed(1)} min; ${load} (1/5/15 min; 2 cores shared with other work).${when}_`;
}

function report(r: Results, m: ReturnType<typeof machine>, ranNow: Set<Phase>, started: Date, minutes: number): string {
  const section = <T>(
    title: string,
    name: Phase,
    rec: PhaseRecord<T> | undefined,
    format: (data: T) => string,
  ): string[] => [
    `## ${title}`,
    "",
    phaseNote(name, rec, ranNow),
    "",
    rec?.data ? format(rec.data) : "",
    rec?.error ? `\n**Failed:** \`${rec.error.split("\n")[0]}\`` : "",
    "",
  ];
  const out: string[] = [
    "# Benchmarks",
    "",
    `Written by \`npm run bench\` (bench/run.ts); everything above "${DESIGN_HEADING.slice(3)}" is rewritten by the next run. ` +
      "Timings are medians over several runs with their spread where the phase repeats; this machine has 2 cores and is shared, so the load average is given per phase.",
    "",
    "## Machine and run",
    "",
    "| | |",
    "|---|---|",
    `| date | ${started.toISOString().replace("T", " ").slice(0, 16)} UTC |`,
    `| command | \`${command}\` (${minutes.toFixed(0)} min) |`,
    `| commit | ${m.commit}${m.dirty ? ` plus uncommitted changes in ${m.dirty} files (other work in progress in the same checkout)` : ""} |`,
    `| CPU | ${m.cpu}, ${m.cores} cores |`,
    `| memory | ${m.memoryGiB.toFixed(1)} GiB |`,
    `| OS | ${m.kernel} |`,
    `| Node.js | ${m.node} |`,
    `| Neo4j | ${r.api?.data?.neo4jVersion ?? m.neo4j.split(" ")[0]} Community (bench instance: heap ${BENCH_NEO4J_MEMORY.heap}, page cache ${BENCH_NEO4J_MEMORY.pagecache} in every phase) |`,
    `| Chromium | ${m.chromium} |`,
    "",
    "## Goals",
    "",
    "| goal | measured | met? |",
    "|---|---|---|",
    ...goalRows(r).map(([g, x, y]) => `| ${g} | ${x} | ${y} |`),
    "",
    ...apiMissed(r),
    ...section("Load", "load", r.load, (loads) => loads.map(formatLoad).join("\n\n")),
    ...section("API", "api", r.api, formatApi),
    ...section("Explorer", "explorer", r.explorer, formatExplorer),
    ...section("Ingest", "ingest", r.ingest, formatIngest),
    "## Reproduce",
    "",
    "```bash",
    "npm run bench                         # everything, M included; writes BENCHMARKS.md",
    "npm run bench -- --quick              # S only",
    "npm run bench -- --only api,explorer  # some phases again, the rest from .data/bench/results.json",
    "npx tsx bench/load.ts --size M --runs 1  # one phase alone: load",
    "npx tsx bench/api/index.ts --size M      # API latency, mixed load, raw-driver baseline, server profile",
    "npx tsx bench/explorer.ts --large     # explorer (a server on the bench instance is started)",
    "npx tsx bench/ingest.ts               # ingest throughput",
    "```",
    "",
    "Synthetic data: `bench/generate.ts` (seed 42) under `.data/bench/<size>`; the bench Neo4j instance lives in `.neo4j/bench` (port 7693, or BENCH_NEO4J_PORT); " +
      "server logs of the API and explorer phases in `.data/bench/*.log`; raw results in `.data/bench/results.json`.",
    "",
    designSection(opts.out),
    "",
  ];
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}

// ---- Main ----------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = new Date();
  const only = opts.only ? new Set(opts.only.split(",").map((s) => s.trim()) as Phase[]) : new Set<Phase>(PHASES);
  for (const p of only)
    if (!PHASES.includes(p)) throw new Error(`unknown phase '${p}': choose from ${PHASES.join(", ")}`);
  const previous: Results =
    opts.only && existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as Results) : {};
  const results: Results = Object.fromEntries(Object.entries(previous).filter(([k]) => !only.has(k as Phase)));
  const size: Size = opts.quick ? "S" : "M";
  const m = machine();
  console.log(
    `bench: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB, Node ${m.node}, commit ${m.commit}; phases ${[...only].join(", ")}; size ${size}`,
  );

  try {
    if (only.has("load")) {
      await phase("load", results, async () => {
        // Empty before the first timed run too: the instance may still hold M from an API phase.
        BENCH_INSTANCE.start();
        const db = createDb(BENCH_INSTANCE.config());
        try {
          await emptyGraph(db);
        } finally {
          await db.close();
        }
        const out: LoadBenchResult[] = [];
        out.push(await benchLoad("S", 3));
        if (!opts.quick) out.push(await benchLoad("M", 3));
        return out;
      });
    }
    let server: Awaited<ReturnType<typeof benchApi>>["server"];
    if (only.has("api")) {
      await phase("api", results, async () => {
        const { server: s, ...data } = await benchApi({ size, keepServer: only.has("explorer") });
        server = s;
        return data;
      });
    }
    if (only.has("explorer")) {
      await phase("explorer", results, async () => {
        try {
          if (!server) {
            BENCH_INSTANCE.start();
            const db = createDb(BENCH_INSTANCE.config());
            try {
              await prepareGraph(size, db);
            } finally {
              await db.close();
            }
          }
          return await benchExplorer({ syntheticServer: server, large: size === "M" });
        } finally {
          await server?.stop();
        }
      });
    } else await server?.stop();
    if (only.has("ingest")) await phase("ingest", results, () => benchIngest());
  } finally {
    BENCH_INSTANCE.stop();
  }

  const minutes = (Date.now() - started.getTime()) / 60_000;
  const md = report(results, m, only, started, minutes);
  writeFileSync(opts.out, md);
  console.log(`\n${md}`);
  console.log(`\nbench: wrote ${path.relative(process.cwd(), opts.out)} in ${minutes.toFixed(0)} min`);
}

main().catch((err) => {
  console.error(`bench: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});

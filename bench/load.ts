/**
 * Load benchmark, side by side in one run on an instance of its own (`bench`, port BENCH_NEO4J_PORT, default 7693):
 * the project's transactional loader (batched UNWIND of list rows), its first-load path (neo4j-admin import of an
 * empty local instance, everything included: CSV, server stop and start, schema), a naive loader (one MERGE per row
 * per transaction, on a sample, extrapolated), and `neo4j-admin database import full` alone on the same CSV (the
 * ceiling). Relationships per second and ratios.
 *
 *   npx tsx bench/load.ts --size M --runs 1
 */
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";

import { Command, Option } from "commander";

import { PROJECT_ROOT } from "../src/config.js";
import { createDb, type Db } from "../src/db/driver.js";
import { importArgs, importSeedGraph, writeImportFiles } from "../src/seed/import.js";
import { loadSeedGraph, relationshipProps } from "../src/seed/load.js";
import { validateSeed } from "../src/seed/validate.js";
import type { SeedGraph } from "../src/seed/graph.js";
import { generate, SIZES, type Size } from "./generate.js";
import { median, spread, timed } from "./stats.js";
import { TestInstance } from "../tests/support/instance.js";

/**
 * Memory of the bench instance in every phase: the page cache sized to M's store (about 2 GB on disk with its
 * indexes; README: size NEO4J_PAGECACHE to the store), the project's default heap.
 */
export const BENCH_NEO4J_MEMORY = { heap: "2g", pagecache: "4g" };
/** Its own port, so that two benches (say the API bench of another checkout) can run side by side. */
export const BENCH_NEO4J_PORT = Number(process.env.BENCH_NEO4J_PORT ?? 7693);
export const BENCH_INSTANCE = new TestInstance("bench", BENCH_NEO4J_PORT, BENCH_NEO4J_MEMORY);
const NAIVE_SAMPLE = 2_000;

export function benchData(size: Size): { seedDir: string; docsDir: string } {
  const out = path.join(PROJECT_ROOT, ".data", "bench", size);
  if (!existsSync(path.join(out, "seed", "entities.json"))) generate({ size, seed: 42, out });
  return { seedDir: path.join(out, "seed"), docsDir: path.join(out, "docs") };
}

/**
 * Relationships first, then nodes: DETACH DELETE of 10,000 nodes that include a hub of M (100,000+ relationships)
 * exceeds the transaction memory limit (db.memory.transaction.max, 512m).
 */
export async function emptyGraph(db: Db): Promise<void> {
  const s = db.driver.session();
  try {
    await s.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS");
    await s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await s.close();
  }
}

async function naiveLoad(db: Db, graph: SeedGraph): Promise<{ ms: number; rels: number }> {
  const sample = graph.relationships.slice(0, NAIVE_SAMPLE);
  const { ms } = await timed(async () => {
    for (const r of sample) {
      await db.write(
        `MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to}) MERGE (a)-[x:${r.type} {id: $id}]->(b) SET x = $props`,
        {
          from: r.from,
          to: r.to,
          id: r.id + "-naive",
          props: { ...relationshipProps(r), id: r.id + "-naive" },
        },
      );
    }
  });
  return { ms, rels: sample.length };
}

export interface LoadBenchResult {
  size: Size;
  entities: number;
  relationships: number;
  validateMs: number;
  projectMs: number[];
  projectRelsPerSec: number;
  naiveRelsPerSec: number;
  importMs: number;
  importRelsPerSec: number;
  /** The first-load path, end to end (optional: results of runs before it existed lack it). */
  firstLoadMs?: number;
  firstLoadRelsPerSec?: number;
}

export async function benchLoad(size: Size, runs: number): Promise<LoadBenchResult> {
  const { seedDir, docsDir } = benchData(size);
  const v = await timed(async () => validateSeed({ paths: [seedDir], docsDir }));
  const graph = v.value.graph;
  BENCH_INSTANCE.start();
  let db = createDb(BENCH_INSTANCE.config());
  const projectMs: number[] = [];
  try {
    // The first-load path first, on the emptied instance, as `npm run load` takes it (checksum off, as for the
    // loader's runs: both would add the same read of the whole graph).
    await emptyGraph(db);
    console.log("  first-load path (neo4j-admin import, server restarted, schema)...");
    const first = await timed(async () => {
      const r = await importSeedGraph(db, graph, {
        checksum: false,
        dir: path.join(PROJECT_ROOT, ".data", "bench", `${size}-first-load`),
      });
      db = r.db;
      return r.report;
    });
    if (first.value.relationships !== graph.relationships.length)
      throw new Error(
        `the first-load path wrote ${first.value.relationships} relationships, expected ${graph.relationships.length}`,
      );
    console.log(`  first-load path: ${(first.ms / 1000).toFixed(1)} s`);
    for (let i = 0; i < runs; i++) {
      await emptyGraph(db);
      const { ms } = await timed(() => loadSeedGraph(db, graph, { checksum: false, prune: false }));
      projectMs.push(ms);
      console.log(`  loader run ${i + 1}: ${(ms / 1000).toFixed(1)} s`);
    }
    console.log("  naive loader on a sample...");
    const naive = await naiveLoad(db, graph);
    console.log("  neo4j-admin import...");
    await db.close();
    BENCH_INSTANCE.stop();
    // The same CSV as the first-load path's (every property, typed), timed without it: neo4j-admin alone.
    const csvDir = path.join(PROJECT_ROOT, ".data", "bench", `${size}-import`);
    const csv = await writeImportFiles(graph, csvDir);
    const home = path.join(PROJECT_ROOT, ".neo4j", BENCH_INSTANCE.name);
    const imp = await timed(async () =>
      execFileSync(
        "bash",
        [
          path.join(PROJECT_ROOT, "scripts", "neo4j.sh"),
          "admin",
          "database",
          "import",
          "full",
          "neo4j",
          "--overwrite-destination=true",
          ...importArgs(csv),
        ],
        {
          env: { ...process.env, NEO4J_INSTANCE: BENCH_INSTANCE.name, NEO4J_BOLT_PORT: String(BENCH_INSTANCE.port) },
          stdio: "pipe",
          cwd: home,
        },
      ),
    );
    rmSync(csvDir, { recursive: true, force: true });
    BENCH_INSTANCE.start();
    db = createDb(BENCH_INSTANCE.config());
    const [count] = await db.read<{ n: number }>("MATCH ()-[r]->() RETURN count(r) AS n");
    if (count.n !== graph.relationships.length)
      throw new Error(`neo4j-admin import wrote ${count.n} relationships, expected ${graph.relationships.length}`);
    const med = median(projectMs);
    return {
      size,
      entities: graph.entities.size,
      relationships: graph.relationships.length,
      validateMs: v.ms,
      projectMs,
      projectRelsPerSec: graph.relationships.length / (med / 1000),
      naiveRelsPerSec: naive.rels / (naive.ms / 1000),
      importMs: imp.ms,
      importRelsPerSec: graph.relationships.length / (imp.ms / 1000),
      firstLoadMs: first.ms,
      firstLoadRelsPerSec: graph.relationships.length / (first.ms / 1000),
    };
  } finally {
    await db.close();
  }
}

export function formatLoad(r: LoadBenchResult): string {
  const ratio = (a: number, b: number) => (a / b).toFixed(1);
  return [
    `### Load (${r.size}: ${r.entities.toLocaleString("en")} entities, ${r.relationships.toLocaleString("en")} relationships)`,
    "",
    "| loader | relationships/s | time | ratio to the project's loader |",
    "|---|---|---|---|",
    `| project loader (batched UNWIND of list rows, CREATE on a first load), median of ${r.projectMs.length} (spread ${spread(r.projectMs.map((m) => m / 1000))} s) | ${Math.round(r.projectRelsPerSec).toLocaleString("en")} | ${(median(r.projectMs) / 1000).toFixed(1)} s | 1.0 |`,
    `| naive loader (one MERGE per row per transaction; ${NAIVE_SAMPLE} rows sampled, extrapolated) | ${Math.round(r.naiveRelsPerSec).toLocaleString("en")} | ${(r.relationships / r.naiveRelsPerSec).toFixed(0)} s (extrapolated) | ${ratio(r.naiveRelsPerSec, r.projectRelsPerSec)} |`,
    ...(r.firstLoadMs && r.firstLoadRelsPerSec
      ? [
          `| project first-load path (\`npm run load\` on an empty local instance: CSV, server stop, neo4j-admin import, start, schema) | ${Math.round(r.firstLoadRelsPerSec).toLocaleString("en")} | ${(r.firstLoadMs / 1000).toFixed(1)} s | ${ratio(r.firstLoadRelsPerSec, r.projectRelsPerSec)} |`,
        ]
      : []),
    `| neo4j-admin database import full alone (same CSV, server stopped; ceiling) | ${Math.round(r.importRelsPerSec).toLocaleString("en")} | ${(r.importMs / 1000).toFixed(1)} s | ${ratio(r.importRelsPerSec, r.projectRelsPerSec)} |`,
    "",
    `Validation of the seed files before the load (zod, endpoints, quotes against ${r.relationships.toLocaleString("en")} documents' text): ${(r.validateMs / 1000).toFixed(1)} s.`,
    `Project loader vs naive: ${ratio(r.projectRelsPerSec, r.naiveRelsPerSec)}x faster; bulk import vs project loader: ${ratio(r.importRelsPerSec, r.projectRelsPerSec)}x` +
      (r.firstLoadMs
        ? `; first-load path vs bulk import alone: ${(r.firstLoadMs / r.importMs).toFixed(2)}x the time.`
        : "."),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = new Command()
    .name("bench-load")
    .description(
      `The load benchmark alone, on the bench instance (port ${BENCH_NEO4J_PORT}; BENCH_NEO4J_PORT to change it)`,
    )
    .addOption(new Option("--size <size>", "synthetic graph size").choices(Object.keys(SIZES)).default("S"))
    .option("--runs <n>", "timed runs of the transactional loader", (v) => Number.parseInt(v, 10), 3)
    .parse()
    .opts<{ size: Size; runs: number }>();
  void benchLoad(opts.size, opts.runs)
    .then((r) => console.log(formatLoad(r)))
    .finally(() => BENCH_INSTANCE.stop());
}

/**
 * Load benchmark, side by side in one run on an instance of its own (`bench`, port 7693): the project's loader
 * (batched UNWIND ... MERGE), a naive loader (one MERGE per row per transaction, on a sample, extrapolated), and
 * `neo4j-admin database import full` from CSV of the same data (the ceiling). Relationships per second and ratios.
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { once } from "node:events";

import { stringify } from "csv-stringify/sync";

import { PROJECT_ROOT } from "../src/config.js";
import { createDb, type Db } from "../src/db/driver.js";
import { loadSeedGraph, nodeProps, relationshipProps } from "../src/seed/load.js";
import { validateSeed } from "../src/seed/validate.js";
import type { SeedGraph } from "../src/seed/graph.js";
import { generate, type Size } from "./generate.js";
import { median, spread, timed } from "./stats.js";
import { TestInstance } from "../tests/support/instance.js";

/**
 * Memory of the bench instance in every phase: the page cache sized to M's store (about 2 GB on disk with its
 * indexes; README: size NEO4J_PAGECACHE to the store), the project's default heap.
 */
export const BENCH_NEO4J_MEMORY = { heap: "2g", pagecache: "4g" };
export const BENCH_INSTANCE = new TestInstance("bench", 7693, BENCH_NEO4J_MEMORY);
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
      await db.write(`MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to}) MERGE (a)-[x:${r.type} {id: $id}]->(b) SET x = $props`, {
        from: r.from,
        to: r.to,
        id: r.id + "-naive",
        props: { ...relationshipProps(r), id: r.id + "-naive" },
      });
    }
  });
  return { ms, rels: sample.length };
}

/** CSV files in neo4j-admin's import format, from the same validated graph. */
async function writeImportCsv(graph: SeedGraph, dir: string): Promise<{ nodes: string[]; rels: string[] }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const nodes = path.join(dir, "nodes.csv");
  const rels = path.join(dir, "relationships.csv");
  const n = createWriteStream(nodes);
  n.write(stringify([["id:ID", ":LABEL", "nameEn", "nameZh", "aliasesText", "props"]]));
  for (const { entity } of graph.entities.values()) {
    const p = nodeProps(entity);
    if (!n.write(stringify([[entity.id, `Entity;${entity.label}`, p.nameEn ?? "", p.nameZh ?? "", p.aliasesText ?? "", JSON.stringify(p)]]))) await once(n, "drain");
  }
  const nodesDone = once(n, "finish");
  n.end();
  const r = createWriteStream(rels);
  r.write(stringify([[":START_ID", ":END_ID", ":TYPE", "id", "basis", "quote", "date", "sources:string[]"]]));
  for (const rel of graph.relationships) {
    if (!r.write(stringify([[rel.from, rel.to, rel.type, rel.id, rel.basis, rel.quote ?? "", rel.date ?? "", rel.sources.join(";")]]))) await once(r, "drain");
  }
  const relsDone = once(r, "finish");
  r.end();
  await Promise.all([nodesDone, relsDone]);
  return { nodes: [nodes], rels: [rels] };
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
}

export async function benchLoad(size: Size, runs: number): Promise<LoadBenchResult> {
  const { seedDir, docsDir } = benchData(size);
  const v = await timed(async () => validateSeed({ paths: [seedDir], docsDir }));
  const graph = v.value.graph;
  BENCH_INSTANCE.start();
  let db = createDb(BENCH_INSTANCE.config());
  const projectMs: number[] = [];
  try {
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
    const csv = await writeImportCsv(graph, path.join(PROJECT_ROOT, ".data", "bench", `${size}-import`));
    const home = path.join(PROJECT_ROOT, ".neo4j", BENCH_INSTANCE.name);
    const imp = await timed(async () =>
      execFileSync(
        "bash",
        [path.join(PROJECT_ROOT, "scripts", "neo4j.sh"), "admin", "database", "import", "full", "neo4j", "--overwrite-destination=true", `--nodes=${csv.nodes[0]}`, `--relationships=${csv.rels[0]}`, "--array-delimiter=;", "--multiline-fields=true"],
        { env: { ...process.env, NEO4J_INSTANCE: BENCH_INSTANCE.name, NEO4J_BOLT_PORT: String(BENCH_INSTANCE.port) }, stdio: "pipe", cwd: home },
      ),
    );
    BENCH_INSTANCE.start();
    db = createDb(BENCH_INSTANCE.config());
    const [count] = await db.read<{ n: number }>("MATCH ()-[r]->() RETURN count(r) AS n");
    if (count.n !== graph.relationships.length) throw new Error(`neo4j-admin import wrote ${count.n} relationships, expected ${graph.relationships.length}`);
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
    `| project loader (batched UNWIND MERGE), median of ${r.projectMs.length} (spread ${spread(r.projectMs.map((m) => m / 1000))} s) | ${Math.round(r.projectRelsPerSec).toLocaleString("en")} | ${(median(r.projectMs) / 1000).toFixed(1)} s | 1.0 |`,
    `| naive loader (one MERGE per row per transaction; ${NAIVE_SAMPLE} rows sampled, extrapolated) | ${Math.round(r.naiveRelsPerSec).toLocaleString("en")} | ${(r.relationships / r.naiveRelsPerSec).toFixed(0)} s (extrapolated) | ${ratio(r.naiveRelsPerSec, r.projectRelsPerSec)} |`,
    `| neo4j-admin database import full (CSV, server stopped; ceiling) | ${Math.round(r.importRelsPerSec).toLocaleString("en")} | ${(r.importMs / 1000).toFixed(1)} s | ${ratio(r.importRelsPerSec, r.projectRelsPerSec)} |`,
    "",
    `Validation of the seed files before the load (zod, endpoints, quotes against ${r.relationships.toLocaleString("en")} documents' text): ${(r.validateMs / 1000).toFixed(1)} s.`,
    `Project loader vs naive: ${ratio(r.projectRelsPerSec, r.naiveRelsPerSec)}x faster; bulk import vs project loader: ${ratio(r.importRelsPerSec, r.projectRelsPerSec)}x.`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = (process.argv[2] ?? "S") as Size;
  const runs = Number(process.argv[3] ?? 3);
  void benchLoad(size, runs)
    .then((r) => console.log(formatLoad(r)))
    .finally(() => BENCH_INSTANCE.stop());
}

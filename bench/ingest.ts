/**
 * Ingest throughput: the extractor (src/ingest extractDocument, as `npm run ingest` runs it: a dictionary of the
 * seed graph's names and aliases, its relationships for cases and developers) on the four seed documents repeated
 * to 50 MB, as separate documents of one extraction run (a folder of newsletters), then the candidates file built
 * from them. Megabytes (2^20 bytes of UTF-8 text) per second of wall clock and of CPU time; median of 3 runs.
 *
 *   npx tsx bench/ingest.ts [--mb 50] [--runs 3]
 */
import { readdirSync } from "node:fs";
import path from "node:path";

import { Command } from "commander";

import { SEED_DOCS_DIR } from "../src/config.js";
import { buildDictionary } from "../src/ingest/dictionary.js";
import { candidatesFile, createRun, extractDocument, type DocumentResult } from "../src/ingest/extract.js";
import { graphFromSeed } from "../src/ingest/graph-source.js";
import { readDocument } from "../src/ingest/readers/index.js";
import type { ReadDocument } from "../src/ingest/types.js";
import { validateSeed } from "../src/seed/validate.js";
import { median, spread, timed } from "./stats.js";

export const INGEST_MB = 50;
const RUNS = 3;
export const INGEST_GOAL_MBPS = 1;
const MB = 1024 * 1024;

export interface IngestRun {
  seconds: number;
  cpuSeconds: number;
  mbps: number;
  cpuMbps: number;
  sentences: number;
  mentions: number;
  relationships: number;
  candidateRelationships: number;
  candidateEntities: number;
  heapMb: number;
}

export interface IngestBenchResult {
  documents: { name: string; bytes: number }[];
  copies: number;
  bytes: number;
  dictionaryMs: number;
  dictionaryEntities: number;
  runs: IngestRun[];
  medianMbps: number;
  medianCpuMbps: number;
}

export async function benchIngest(opts: { mb?: number; runs?: number } = {}): Promise<IngestBenchResult> {
  const mb = opts.mb ?? INGEST_MB;
  const runs = opts.runs ?? RUNS;
  const files = readdirSync(SEED_DOCS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => path.join(SEED_DOCS_DIR, f));
  const originals: ReadDocument[] = [];
  for (const f of files) originals.push(await readDocument(f));
  const unit = originals.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const copies = Math.ceil((mb * MB) / unit);
  const docs: ReadDocument[] = [];
  for (let i = 0; i < copies; i++) {
    for (const d of originals)
      docs.push({ ...d, document: `bench-${String(i).padStart(4, "0")}-${d.document}`, file: `bench-${i}-${d.file}` });
  }
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);

  // What the ingest command links with when no database is given: the seed graph (entities and relationships).
  const seed = validateSeed().graph;
  const dict = await timed(async () => buildDictionary(graphFromSeed(seed)));
  const relationships = graphFromSeed(seed).relationships;

  const results: IngestRun[] = [];
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const run = createRun(dict.value, relationships);
    const out: DocumentResult[] = [];
    let sentences = 0;
    let mentions = 0;
    let rels = 0;
    for (const d of docs) {
      const res = extractDocument(run, d);
      sentences += res.stats.sentences;
      mentions += res.stats.mentions;
      rels += res.relationships.length;
      out.push(res);
    }
    const candidates = candidatesFile(run, out);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const x: IngestRun = {
      seconds,
      cpuSeconds,
      mbps: bytes / MB / seconds,
      cpuMbps: bytes / MB / cpuSeconds,
      sentences,
      mentions,
      relationships: rels,
      candidateRelationships: candidates.relationships.length,
      candidateEntities: candidates.entities.length,
      heapMb: process.memoryUsage().heapUsed / MB,
    };
    results.push(x);
    console.log(
      `  ingest run ${r + 1}: ${seconds.toFixed(1)} s, ${x.mbps.toFixed(2)} MB/s (${x.cpuMbps.toFixed(2)} MB/s of CPU time), heap ${x.heapMb.toFixed(0)} MB`,
    );
  }
  return {
    documents: originals.map((d) => ({ name: d.document, bytes: Buffer.byteLength(d.text) })),
    copies,
    bytes,
    dictionaryMs: dict.ms,
    dictionaryEntities: seed.entities.size,
    runs: results,
    medianMbps: median(results.map((x) => x.mbps)),
    medianCpuMbps: median(results.map((x) => x.cpuMbps)),
  };
}

export function formatIngest(r: IngestBenchResult): string {
  const x = r.runs[0];
  return [
    `### Ingest (${(r.bytes / MB).toFixed(1)} MB: the ${r.documents.length} seed documents x ${r.copies})`,
    "",
    "| measure | median of " + r.runs.length + " | spread |",
    "|---|---|---|",
    `| MB/s, wall clock | ${r.medianMbps.toFixed(2)} | ${spread(r.runs.map((y) => y.mbps))} |`,
    `| MB/s of CPU time (one thread) | ${r.medianCpuMbps.toFixed(2)} | ${spread(r.runs.map((y) => y.cpuMbps))} |`,
    `| seconds | ${median(r.runs.map((y) => y.seconds)).toFixed(1)} | ${spread(r.runs.map((y) => y.seconds))} |`,
    "",
    `Documents: ${r.documents.map((d) => `${d.name} (${(d.bytes / 1024).toFixed(0)} KB)`).join(", ")}; each copy is a document of its own in one extraction run (a folder of newsletters), ` +
      `then the candidates file is built. Dictionary of the seed graph (${r.dictionaryEntities} entities) built once in ${r.dictionaryMs.toFixed(0)} ms, not counted. ` +
      `Per run: ${x.sentences.toLocaleString("en")} sentences, ${x.mentions.toLocaleString("en")} mentions, ${x.relationships.toLocaleString("en")} relationship hits, ` +
      `${x.candidateRelationships.toLocaleString("en")} candidate relationships and ${x.candidateEntities.toLocaleString("en")} candidate entities after merging; heap after a run ${x.heapMb.toFixed(0)} MB.`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const o = new Command()
    .option("--mb <n>", "megabytes of text", String(INGEST_MB))
    .option("--runs <n>", "runs", String(RUNS))
    .parse()
    .opts<{ mb: string; runs: string }>();
  benchIngest({ mb: Number(o.mb), runs: Number(o.runs) })
    .then((r) => console.log(formatIngest(r)))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}

/**
 * Deterministic synthetic graphs in the seed format, for the benchmarks: bilingual names and aliases, power-law
 * degrees (a few hubs such as a GDPR or a large platform), realistic dates, and quotes that stand verbatim in
 * synthetic source documents written beside the seed files (so the loader checks them like real ones).
 *
 *   npx tsx bench/generate.ts --size S|M|L --seed 42 --out .data/bench/S
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { Command } from "commander";

import { ENDPOINTS, ID_PREFIX, type Label, type RelType } from "../src/model/index.js";

export const SIZES = {
  S: { entities: 10_000, relationships: 50_000 },
  M: { entities: 100_000, relationships: 1_000_000 },
  L: { entities: 1_000_000, relationships: 10_000_000 },
} as const;
export type Size = keyof typeof SIZES;

const RELS_PER_FILE = 50_000;
const RELS_PER_SOURCE = 100;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH = "数据安全网络智能模型算法平台科技信息监管保护生成合成内容标识个人隐私竞争版权训练跨境合规治理风险".split("");
const EN = [
  "Data",
  "Cyber",
  "Neural",
  "Model",
  "Vision",
  "Trust",
  "Quantum",
  "Cloud",
  "Signal",
  "Atlas",
  "Nova",
  "Vector",
  "Prism",
  "Harbor",
  "Summit",
  "Orbit",
];
const LABEL_SHARE: [Label, number][] = [
  ["Company", 0.3],
  ["Organization", 0.05],
  ["Regulator", 0.05],
  ["Court", 0.02],
  ["Law", 0.1],
  ["Model", 0.12],
  ["Case", 0.2],
  ["Person", 0.1],
  ["Jurisdiction", 0.01],
  ["Topic", 0.01],
];
const REL_TYPES: RelType[] = [
  "INVESTIGATES",
  "SUES",
  "ACCUSES",
  "FINES",
  "CITES",
  "ISSUES",
  "DEVELOPS",
  "RULES_ON",
  "PARTY_TO",
  "SIGNS",
  "IMPLEMENTS",
  "ADDRESSES",
  "APPLIES_IN",
  "BASED_IN",
  "ENFORCES",
  "INVOLVES",
];
const CASE_BOUND: RelType[] = ["INVESTIGATES", "SUES", "ACCUSES", "FINES"];

export interface GenerateOptions {
  size: Size;
  seed: number;
  out: string;
}

export function generate({ size, seed, out }: GenerateOptions): {
  seedDir: string;
  docsDir: string;
  entities: number;
  relationships: number;
} {
  const rand = prng(seed);
  const { entities: nEntities, relationships: nRels } = SIZES[size];
  const seedDir = path.join(out, "seed");
  const docsDir = path.join(out, "docs");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(seedDir, { recursive: true });
  mkdirSync(docsDir, { recursive: true });

  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const zhName = (n: number) => Array.from({ length: n }, () => pick(ZH)).join("");
  const byLabel = new Map<Label, string[]>();
  const entities: Record<string, unknown>[] = [];
  let counter = 0;
  for (const [label, share] of LABEL_SHARE) {
    const count = Math.max(2, Math.round(nEntities * share));
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = `${ID_PREFIX[label]}:syn-${(counter++).toString(36)}`;
      ids.push(id);
      const en = `${pick(EN)} ${pick(EN)} ${label} ${i}`;
      const zh = `${zhName(4)}${i}`;
      const e: Record<string, unknown> = {
        id,
        label,
        nameEn: en,
        nameZh: zh,
        aliases: [`${en.split(" ")[0].slice(0, 3).toUpperCase()}${i}`, zhName(2) + i],
      };
      if (label === "Law")
        Object.assign(e, {
          kind: pick(["statute", "regulation", "measures", "guideline"]),
          status: "in_force",
          issuedDate: date(rand),
        });
      if (label === "Case")
        Object.assign(e, {
          caseKind: pick(["investigation", "lawsuit", "accusation", "enforcement"]),
          status: "open",
          startDate: date(rand),
        });
      if (label === "Model") Object.assign(e, { modelKind: pick(["llm", "image", "video"]) });
      if (label === "Jurisdiction") Object.assign(e, { code: `X${String.fromCharCode(65 + (i % 26))}-${i}` });
      if (label === "Topic") Object.assign(e, { category: "obligation" });
      entities.push(e);
    }
    byLabel.set(label, ids);
  }
  // Power law: an index drawn as floor(n * u^3) makes the first few entities of each label hubs.
  const zipf = (ids: string[]) => ids[Math.floor(ids.length * rand() ** 3)];

  const sources: Record<string, unknown>[] = [];
  const rels: Record<string, unknown>[] = [];
  let docLines: string[] = [];
  let sourceId = "";
  let fileNo = 0;
  const flush = () => {
    if (rels.length === 0) return;
    writeFileSync(
      path.join(seedDir, `rels-${String(fileNo++).padStart(4, "0")}.json`),
      JSON.stringify({ relationships: rels }),
    );
    rels.length = 0;
  };
  for (let i = 0; i < nRels; i++) {
    if (i % RELS_PER_SOURCE === 0) {
      if (docLines.length) writeFileSync(path.join(docsDir, `${sourceId.slice(7)}.txt`), docLines.join("\n"));
      docLines = [];
      sourceId = `source:syn-doc-${(i / RELS_PER_SOURCE).toString(36)}`;
      sources.push({
        id: sourceId,
        label: "Source",
        title: `Synthetic newsletter item ${i / RELS_PER_SOURCE}`,
        publisher: "Synthetic Digest",
        date: date(rand),
        document: `${sourceId.slice(7)}.txt`,
      });
    }
    const type = pick(REL_TYPES);
    const rule = ENDPOINTS[type];
    const fromLabel = pick(rule.from.filter((l) => byLabel.has(l as Label))) as Label;
    const toLabel = pick(rule.to.filter((l) => byLabel.has(l as Label))) as Label;
    const from = zipf(byLabel.get(fromLabel)!);
    let to = zipf(byLabel.get(toLabel)!);
    if (to === from)
      to = byLabel.get(toLabel)![(byLabel.get(toLabel)!.indexOf(from) + 1) % byLabel.get(toLabel)!.length];
    const d = date(rand);
    const quote = `${d}，${zhName(6)}与${zhName(4)}相关事项第${i}号：${type.toLowerCase()} 事件 ${i}。`;
    docLines.push(`${i}、${quote}`);
    const r: Record<string, unknown> = {
      type,
      from,
      to,
      basis: "reported",
      sources: [sourceId],
      quote,
      date: d,
      article: `第${i}条`,
    };
    if (CASE_BOUND.includes(type)) r.case = zipf(byLabel.get("Case")!);
    if (type === "PARTY_TO") r.role = pick(["plaintiff", "defendant", "investigated"]);
    rels.push(r);
    if (rels.length >= RELS_PER_FILE) flush();
  }
  if (docLines.length) writeFileSync(path.join(docsDir, `${sourceId.slice(7)}.txt`), docLines.join("\n"));
  flush();
  writeFileSync(path.join(seedDir, "entities.json"), JSON.stringify({ entities, sources }));
  return { seedDir, docsDir, entities: entities.length + sources.length, relationships: nRels };
}

function date(rand: () => number): string {
  const y = 2018 + Math.floor(rand() * 9);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = new Command()
    .requiredOption("--size <size>", "S, M or L", "S")
    .option("--seed <n>", "random seed", "42")
    .option("--out <dir>", "output folder")
    .parse()
    .opts<{ size: Size; seed: string; out?: string }>();
  const out = opts.out ?? path.join(".data", "bench", opts.size);
  const res = generate({ size: opts.size, seed: Number(opts.seed), out });
  console.log(`generated ${opts.size}: ${res.entities} entities, ${res.relationships} relationships in ${out}`);
}

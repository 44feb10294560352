/**
 * Measures the extractor against a hand-made gold set (`<dir>/gold.json` beside the `NN.txt` it annotates; format in
 * shared/eval/README.md): per relationship type and per language, precision, recall and F1 at an acceptance
 * threshold and over all candidates, with a confusion list of what was missed and what was proposed instead.
 *
 * Gold endpoints are names, so a predicted endpoint is matched by its names (the graph entity's or the proposal's):
 * equal after normalisation, or one containing the other when the shorter is long enough to be a name of its own.
 * A predicted Case matches a gold Case of the document by name, or as the document's only gold Case. A gold CITES
 * from an authority also counts when the extractor hangs it on a case tied to that authority (README of the set).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { z } from "zod";

import { AppError } from "../errors.js";
import type { CandidatesFile } from "./candidates.js";
import { CASE_BOUND } from "./cases.js";
import { score, type Score } from "./evaluate.js";
import { nameKey } from "./resemble.js";

export const GOLD_FILE = "gold.json";
/** The shortest key that may match inside a longer one: 2 CJK characters, or 4 other characters. */
const MIN_CJK_CONTAINED = 2;
const MIN_LATIN_CONTAINED = 4;
const LEGAL_TAIL =
  /(?:incorporated|inc|ltd|llc|gmbh|corp|corporation|limited|co|plc|sa|ag|公司|有限公司|股份有限公司|集团)$/;

export const GoldDocument = z.object({
  doc: z.string(),
  lang: z.string(),
  entities: z.array(z.object({ name: z.string(), type: z.string(), aliases: z.array(z.string()).default([]) })),
  relations: z.array(z.object({ type: z.string(), from: z.string(), to: z.string(), evidence: z.string() })),
});
export type GoldDocument = z.infer<typeof GoldDocument>;
export const GoldSet = z.array(GoldDocument);

export class GoldFormatError extends AppError {}

/** Reads and checks `<dir>/gold.json`; errors name the file and the first bad path. */
export function readGold(dir: string): GoldDocument[] {
  const file = path.join(dir, GOLD_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new GoldFormatError(`ingest/gold: cannot read ${file}: ${(err as Error).message}`);
  }
  const parsed = GoldSet.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GoldFormatError(`ingest/gold: ${file} at ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}

/** Name keys of one name: normalised, and without a trailing legal form. */
function keysOf(name: string): string[] {
  const k = nameKey(name.replace(/\s*[（(][^（）()]*[）)]\s*$/, ""));
  const bare = k.replace(LEGAL_TAIL, "");
  return [...new Set([nameKey(name), k, bare.length >= 2 ? bare : k].filter(Boolean))];
}

const isCjk = (s: string) => /[\u3400-\u9fff]/.test(s);
const longEnough = (k: string) => k.length >= (isCjk(k) ? MIN_CJK_CONTAINED : MIN_LATIN_CONTAINED);

/** How well two sets of name keys agree: 2 equal, 1 one contains the other, 0 not at all. */
export function nameAgreement(a: string[], b: string[]): number {
  let best = 0;
  for (const x of a)
    for (const y of b) {
      if (x === y) return 2;
      const [short, long] = x.length <= y.length ? [x, y] : [y, x];
      if (longEnough(short) && long.includes(short)) best = 1;
    }
  return best;
}

export interface PredictedEntity {
  id: string;
  label: string;
  names: string[];
}

export interface GoldRelationOutcome {
  type: string;
  from: string;
  to: string;
  lang: string;
  doc: string;
}

/**
 * Where a missed gold relation was lost: an endpoint the extractor never recognised in the document (entity discovery);
 * both recognised, but the evidence names one of them by no name or alias of the gold set (`it fined`, `the company`,
 * a relation across sentences: references); or both recognised and both named in the evidence (relation extraction).
 * Told only when the evaluation is given the document's recognised entities.
 */
export type MissStage =
  "from not recognised" | "to not recognised" | "neither recognised" | "one not in evidence" | "both in evidence";
export const MISS_STAGES: readonly MissStage[] = [
  "from not recognised",
  "to not recognised",
  "neither recognised",
  "one not in evidence",
  "both in evidence",
];

export interface GoldEvaluation {
  doc: string;
  lang: string;
  /** Gold relations found, with the rule and confidence of the candidate that found them. */
  tp: (GoldRelationOutcome & { rule: string; confidence: number })[];
  fn: (GoldRelationOutcome & { stage?: MissStage })[];
  /** Predicted relationships that match no gold one, with the names of their endpoints. */
  fp: (GoldRelationOutcome & { rule: string; confidence: number })[];
}

const relKey = (type: string, from: string, to: string) => `${type}|${from}|${to}`;

/** The gold entity name a predicted entity stands for, if any (best agreement, then the longest gold name). */
function matchEntity(e: PredictedEntity, gold: GoldDocument): string | undefined {
  const predictedKeys = e.names.flatMap(keysOf);
  let best: { name: string; agreement: number } | undefined;
  for (const g of gold.entities) {
    if ((e.label === "Case") !== (g.type === "Case")) continue;
    const agreement = nameAgreement(predictedKeys, [g.name, ...g.aliases].flatMap(keysOf));
    if (agreement > 0 && (!best || agreement > best.agreement)) best = { name: g.name, agreement };
  }
  if (best) return best.name;
  if (e.label === "Case") {
    const cases = gold.entities.filter((g) => g.type === "Case");
    if (cases.length === 1) return cases[0].name;
  }
  return undefined;
}

/**
 * Compares the candidates of one document with its gold relations. `entityOf` gives a predicted id's label and
 * names; `minConfidence` drops candidates below the acceptance threshold. `recognised`, the entities the extractor
 * found in the document (linked to the graph or proposed, whether or not a candidate uses them), tells each miss's
 * stage; the endpoints of the document's candidates count as recognised too.
 */
export function evaluateGoldDocument(
  gold: GoldDocument,
  relationships: CandidatesFile["relationships"],
  entityOf: (id: string) => PredictedEntity,
  minConfidence = 0,
  recognised?: PredictedEntity[],
): GoldEvaluation {
  const inDoc = relationships.filter((r) => r.candidate.evidence.document === gold.doc);
  const rels = inDoc.filter((r) => r.candidate.confidence >= minConfidence);
  const nameOf = new Map<string, string>();
  const display = (id: string) => {
    if (!nameOf.has(id)) nameOf.set(id, matchEntity(entityOf(id), gold) ?? `?${entityOf(id).names[0] ?? id}`);
    return nameOf.get(id)!;
  };
  // The authorities and parties tied to each predicted case, for CITES hung on a case. A case is defined by who
  // brought it, whatever the threshold: a citation accepted on its own hangs on that case's authority even when the
  // case's own RULES_ON is left for review.
  const tied = new Map<string, Set<string>>();
  const tie = (c: string, id: string) => tied.set(c, (tied.get(c) ?? new Set()).add(display(id)));
  for (const r of inDoc) {
    const c = (r as { case?: string }).case;
    if (c && CASE_BOUND.has(r.type)) tie(c, r.from);
    if (
      r.type === "RULES_ON" ||
      (r.type === "PARTY_TO" &&
        ["investigator", "authority", "accuser", "plaintiff"].includes((r as { role?: string }).role ?? ""))
    )
      tie(r.to, r.from);
  }
  const goldKeys = new Set(gold.relations.map((r) => relKey(r.type, r.from, r.to)));
  const predicted = new Map<string, { rule: string; confidence: number; type: string; from: string; to: string }>();
  for (const r of rels) {
    if (r.type === "PARTY_TO") continue;
    const from = display(r.from);
    const to = display(r.to);
    let k = relKey(r.type, from, to);
    if (!goldKeys.has(k) && r.type === "CITES" && entityOf(r.from).label === "Case") {
      const via = [...(tied.get(r.from) ?? [])].find((a) => goldKeys.has(relKey("CITES", a, to)));
      if (via) k = relKey("CITES", via, to);
    }
    const prior = predicted.get(k);
    if (!prior || prior.confidence < r.candidate.confidence)
      predicted.set(k, { rule: r.candidate.rule, confidence: r.candidate.confidence, type: r.type, from, to });
  }
  const outcome = (type: string, from: string, to: string) => ({ type, from, to, lang: gold.lang, doc: gold.doc });
  // The gold entities the document's recognised entities and candidates' endpoints stand for, for the misses' stages.
  const found =
    recognised &&
    new Set([
      ...recognised.map((e) => matchEntity(e, gold)),
      ...inDoc.flatMap((x) => [display(x.from), display(x.to)]),
    ]);
  return {
    doc: gold.doc,
    lang: gold.lang,
    tp: gold.relations.flatMap((r) => {
      const p = predicted.get(relKey(r.type, r.from, r.to));
      return p ? [{ ...outcome(r.type, r.from, r.to), rule: p.rule, confidence: p.confidence }] : [];
    }),
    fn: gold.relations
      .filter((r) => !predicted.has(relKey(r.type, r.from, r.to)))
      .map((r) => {
        if (!found) return outcome(r.type, r.from, r.to);
        const [from, to] = [found.has(r.from), found.has(r.to)];
        const named = (name: string) => {
          const g = gold.entities.find((x) => x.name === name);
          const evidence = r.evidence.toLowerCase();
          return [name, ...(g?.aliases ?? [])].some((n) => evidence.includes(n.toLowerCase()));
        };
        const stage: MissStage =
          from && to
            ? named(r.from) && named(r.to)
              ? "both in evidence"
              : "one not in evidence"
            : from
              ? "to not recognised"
              : to
                ? "from not recognised"
                : "neither recognised";
        return { ...outcome(r.type, r.from, r.to), stage };
      }),
    fp: [...predicted.entries()]
      .filter(([k]) => !goldKeys.has(k))
      .map(([, p]) => ({ ...outcome(p.type, p.from, p.to), rule: p.rule, confidence: p.confidence })),
  };
}

/** Rows per type, per language and overall (micro), over the given evaluations. */
export function goldScores(evaluations: GoldEvaluation[]): Score[] {
  const rows: Score[] = [];
  const count = (pick: (e: GoldEvaluation) => GoldRelationOutcome[], keep: (o: GoldRelationOutcome) => boolean) =>
    evaluations.reduce((n, e) => n + pick(e).filter(keep).length, 0);
  const row = (name: string, keep: (o: GoldRelationOutcome) => boolean) =>
    score(
      name,
      count((e) => e.tp, keep),
      count((e) => e.fp, keep),
      count((e) => e.fn, keep),
    );
  const types = [...new Set(evaluations.flatMap((e) => [...e.tp, ...e.fn, ...e.fp].map((o) => o.type)))].sort();
  const langs = [...new Set(evaluations.map((e) => e.lang))].sort();
  for (const t of types) rows.push(row(t, (o) => o.type === t));
  for (const l of langs) rows.push(row(`lang ${l}`, (o) => o.lang === l));
  rows.push(row("all (micro)", () => true));
  return rows;
}

/**
 * The confusion list: each missed gold relation with what was proposed on the same pair (another type, or the
 * reverse direction) or from the same subject, and the false positives nothing explains.
 */
export function confusion(evaluations: GoldEvaluation[]): string[] {
  const lines: string[] = [];
  for (const e of evaluations) {
    const used = new Set<number>();
    for (const f of e.fn) {
      const near = e.fp.findIndex((p) => (p.from === f.from && p.to === f.to) || (p.from === f.to && p.to === f.from));
      const sameSubject =
        near < 0 ? e.fp.findIndex((p) => p.type === f.type && (p.from === f.from || p.to === f.to)) : -1;
      const i = near >= 0 ? near : sameSubject;
      if (i >= 0) used.add(i);
      const instead =
        i >= 0
          ? `proposed ${e.fp[i].type} ${e.fp[i].from} -> ${e.fp[i].to} (${e.fp[i].rule}, ${e.fp[i].confidence})`
          : "nothing";
      const stage = f.stage ? ` [${f.stage}]` : "";
      lines.push(`${e.doc} ${e.lang} MISSED ${f.type} ${f.from} -> ${f.to}${stage}; ${instead}`);
    }
    e.fp.forEach((p, i) => {
      if (!used.has(i))
        lines.push(`${e.doc} ${e.lang} EXTRA  ${p.type} ${p.from} -> ${p.to} (${p.rule}, ${p.confidence})`);
    });
  }
  return lines;
}

/** Missed gold relations per language and stage (see MissStage), for the evaluations that were told the stages. */
export function missesByStage(evaluations: GoldEvaluation[]): Record<string, Record<MissStage, number>> {
  const out: Record<string, Record<MissStage, number>> = {};
  for (const e of evaluations)
    for (const f of e.fn) {
      if (!f.stage) continue;
      out[e.lang] ??= Object.fromEntries(MISS_STAGES.map((s) => [s, 0])) as Record<MissStage, number>;
      out[e.lang][f.stage] += 1;
    }
  return out;
}

export interface SweepRow {
  threshold: number;
  byLang: Record<string, Score>;
}

/** Precision and recall per language at each threshold, for choosing the review's default. */
export function thresholdSweep(evaluate: (threshold: number) => GoldEvaluation[], thresholds: number[]): SweepRow[] {
  return thresholds.map((threshold) => {
    const rows = goldScores(evaluate(threshold)).filter((r) => r.name.startsWith("lang "));
    return { threshold, byLang: Object.fromEntries(rows.map((r) => [r.name.slice(5), r])) };
  });
}

/** The lowest threshold at which every language reaches `minPrecision` (and keeps at least one true positive). */
export function chooseThreshold(sweep: SweepRow[], minPrecision: number): number | undefined {
  return sweep.find((row) => Object.values(row.byLang).every((r) => r.precision >= minPrecision && r.tp > 0))
    ?.threshold;
}

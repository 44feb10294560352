/**
 * Measures the extractor against the curated seed graph: for each seed document, the relationships with basis
 * `reported` whose source is that document are the gold standard, matched on (type, from, to).
 *
 * Cases are the one place ids cannot agree: the extractor creates its own Case per item and parties. A predicted
 * case is aligned with the gold case of the same document that shares most participants (parties, investigators,
 * rulers; from the gold relationships), so that CITES and RULES_ON edges from cases can be compared. This uses the
 * gold relationships for scoring only; the extractor never sees them.
 */
import type { SeedGraph } from "../seed/graph.js";
import type { CandidatesFile } from "./candidates.js";
import { CASE_BOUND } from "./cases.js";
import { nameKey } from "./resemble.js";

/** The types the issue sets goals for, and the others reported for information. */
export const GOAL_TYPES = ["INVESTIGATES", "SUES", "ACCUSES", "CITES", "ISSUES"] as const;
export const EVAL_TYPES = [...GOAL_TYPES, "FINES", "DEVELOPS", "RULES_ON", "SIGNS", "IMPLEMENTS"] as const;
export const GOAL_PRECISION = 0.85;
export const GOAL_RECALL = 0.7;
const ENTITY_LABELS = new Set(["Company", "Organization", "Regulator", "Court", "Law", "Model", "Person"]);

export interface Score {
  name: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface DocumentEvaluation {
  document: string;
  /** Keys (type|from|to) found and missed, for the report. */
  truePositives: string[];
  falsePositives: string[];
  falseNegatives: string[];
}

export function score(name: string, tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { name, tp, fp, fn, precision, recall, f1 };
}

const key = (type: string, from: string, to: string) => `${type}|${from}|${to}`;

/** The gold relationships (by key) of one document, and its gold cases' participants. */
export function goldFor(
  graph: SeedGraph,
  document: string,
): { keys: Set<string>; caseParticipants: Map<string, Set<string>>; endpoints: Set<string> } {
  const sourceIds = new Set(
    [...graph.entities.values()]
      .filter(({ entity }) => entity.label === "Source" && (entity as { document: string }).document === document)
      .map(({ entity }) => entity.id),
  );
  const rels = graph.relationships.filter((r) => r.basis === "reported" && r.sources.some((s) => sourceIds.has(s)));
  const keys = new Set<string>();
  const caseParticipants = new Map<string, Set<string>>();
  const endpoints = new Set<string>();
  const addParticipant = (c: string, id: string) =>
    caseParticipants.set(c, (caseParticipants.get(c) ?? new Set()).add(id));
  for (const r of rels) {
    if ((EVAL_TYPES as readonly string[]).includes(r.type)) {
      keys.add(key(r.type, r.from, r.to));
      for (const id of [r.from, r.to])
        if (ENTITY_LABELS.has(graph.entities.get(id)?.entity.label ?? "")) endpoints.add(id);
    }
    if (r.type === "PARTY_TO" || r.type === "RULES_ON") addParticipant(r.to, r.from);
    if (r.case) {
      addParticipant(r.case, r.from);
      addParticipant(r.case, r.to);
    }
  }
  return { keys, caseParticipants, endpoints };
}

/** Predicted case id -> gold case id, by the participants they share. */
export function alignCases(
  predicted: CandidatesFile["relationships"],
  goldCases: Map<string, Set<string>>,
): Map<string, string> {
  const participants = new Map<string, Set<string>>();
  const add = (c: string, id: string) => participants.set(c, (participants.get(c) ?? new Set()).add(id));
  for (const r of predicted) {
    const c = (r as { case?: string }).case;
    if (c && CASE_BOUND.has(r.type)) {
      add(c, r.from);
      add(c, r.to);
    }
    if (r.type === "RULES_ON") add(r.to, r.from);
  }
  const out = new Map<string, string>();
  for (const [c, ps] of participants) {
    let best: string | undefined;
    let bestScore = 0;
    for (const [g, gs] of goldCases) {
      const shared = [...ps].filter((p) => gs.has(p)).length;
      const jaccard = shared / (ps.size + gs.size - shared);
      if (shared > 0 && shared + jaccard > bestScore) {
        best = g;
        bestScore = shared + jaccard;
      }
    }
    if (best) out.set(c, best);
  }
  return out;
}

/** Compares one document's candidates with its gold relationships; returns the keys per outcome. */
export function evaluateDocument(
  graph: SeedGraph,
  document: string,
  candidates: CandidatesFile,
  idMap: Map<string, string> = new Map(),
): DocumentEvaluation & { predictedEndpoints: Set<string>; goldEndpoints: Set<string> } {
  const gold = goldFor(graph, document);
  const rename = (id: string) => idMap.get(id) ?? id;
  const rels = candidates.relationships
    .filter((r) => r.candidate.evidence.document === document)
    .map((r) => ({ ...r, from: rename(r.from), to: rename(r.to) }));
  const aligned = alignCases(rels, gold.caseParticipants);
  const map = (id: string) => aligned.get(id) ?? id;
  const predicted = new Set(
    rels
      .filter((r) => (EVAL_TYPES as readonly string[]).includes(r.type))
      .map((r) => key(r.type, map(r.from), map(r.to))),
  );
  const predictedEndpoints = new Set(
    rels
      .filter((r) => (EVAL_TYPES as readonly string[]).includes(r.type))
      .flatMap((r) => [r.from, r.to])
      .filter((id) =>
        ENTITY_LABELS.has(
          graph.entities.get(id)?.entity.label ?? candidates.entities.find((e) => e.id === id)?.label ?? "",
        ),
      ),
  );
  return {
    document,
    truePositives: [...predicted].filter((k) => gold.keys.has(k)),
    falsePositives: [...predicted].filter((k) => !gold.keys.has(k)),
    falseNegatives: [...gold.keys].filter((k) => !predicted.has(k)),
    predictedEndpoints,
    goldEndpoints: gold.endpoints,
  };
}

/** Scores per relationship type (micro over documents), the goal types together, and all types together. */
export function scoresByType(evaluations: DocumentEvaluation[]): Score[] {
  const count = (keys: string[], type?: string) => keys.filter((k) => !type || k.startsWith(`${type}|`)).length;
  const rows: Score[] = [];
  const all = (pick: (e: DocumentEvaluation) => string[], types: readonly string[]) =>
    evaluations.reduce((n, e) => n + pick(e).filter((k) => types.includes(k.split("|")[0])).length, 0);
  for (const type of EVAL_TYPES) {
    rows.push(
      score(
        type,
        evaluations.reduce((n, e) => n + count(e.truePositives, type), 0),
        evaluations.reduce((n, e) => n + count(e.falsePositives, type), 0),
        evaluations.reduce((n, e) => n + count(e.falseNegatives, type), 0),
      ),
    );
  }
  rows.push(
    score(
      "goal types (micro)",
      all((e) => e.truePositives, GOAL_TYPES),
      all((e) => e.falsePositives, GOAL_TYPES),
      all((e) => e.falseNegatives, GOAL_TYPES),
    ),
  );
  rows.push(
    score(
      "all types (micro)",
      all((e) => e.truePositives, EVAL_TYPES),
      all((e) => e.falsePositives, EVAL_TYPES),
      all((e) => e.falseNegatives, EVAL_TYPES),
    ),
  );
  return rows;
}

/** Entities taking part in relationships: predicted endpoints against the gold relationships' endpoints. */
export function entityScore(evaluations: ReturnType<typeof evaluateDocument>[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of evaluations) {
    tp += [...e.predictedEndpoints].filter((id) => e.goldEndpoints.has(id)).length;
    fp += [...e.predictedEndpoints].filter((id) => !e.goldEndpoints.has(id)).length;
    fn += [...e.goldEndpoints].filter((id) => !e.predictedEndpoints.has(id)).length;
  }
  return score("entities in relationships", tp, fp, fn);
}

/**
 * New-entity discovery: with only the shared registry for linking, the new entities proposed for a document
 * against the entities its seed file defines (those taking part in its gold relationships), matched by name.
 */
export function newEntityScore(
  graph: SeedGraph,
  document: string,
  documentSeedFile: string,
  candidates: CandidatesFile,
): { tp: number; fp: number; fn: number } {
  const gold = goldFor(graph, document);
  const goldEntities = [...graph.entities.values()].filter(
    ({ entity, file }) =>
      file.endsWith(documentSeedFile) && ENTITY_LABELS.has(entity.label) && gold.endpoints.has(entity.id),
  );
  const goldKeys = goldEntities.map(
    ({ entity }) =>
      new Set(
        [entity.nameZh, entity.nameEn, ...entity.aliases]
          .filter(Boolean)
          .flatMap((n) => [nameKey(n!), nameKey(n!.replace(/\s*[（(][^（）()]*[）)]$/, ""))]),
      ),
  );
  const proposed = candidates.entities.filter(
    (e) =>
      e.label !== "Case" &&
      e.candidate.status === "new" &&
      candidates.relationships.some(
        (r) => r.candidate.evidence.document === document && (r.from === e.id || r.to === e.id),
      ),
  );
  const found = new Set<number>();
  let fp = 0;
  for (const p of proposed) {
    const names = [p.nameZh, p.nameEn, ...((p.aliases as string[]) ?? [])]
      .filter((n): n is string => typeof n === "string")
      .map(nameKey);
    const idx = goldKeys.findIndex((keys) => names.some((n) => keys.has(n)));
    if (idx >= 0) found.add(idx);
    else fp++;
  }
  return { tp: found.size, fp, fn: goldEntities.length - found.size };
}

/**
 * For a run that linked with the shared registry only: new entities proposed by the patterns, mapped to the graph
 * entity of the same label and name (any name or alias), so that their relationships can be scored.
 */
export function mapNewEntitiesByName(graph: SeedGraph, candidates: CandidatesFile): Map<string, string> {
  const byName = new Map<string, string>();
  for (const { entity } of graph.entities.values()) {
    if (!ENTITY_LABELS.has(entity.label)) continue;
    for (const n of [entity.nameZh, entity.nameEn, ...entity.aliases]) {
      if (!n) continue;
      for (const k of [nameKey(n), nameKey(n.replace(/\s*[（(][^（）()]*[）)]$/, ""))])
        if (!byName.has(`${entity.label}|${k}`)) byName.set(`${entity.label}|${k}`, entity.id);
    }
  }
  const out = new Map<string, string>();
  for (const e of candidates.entities) {
    if (e.label === "Case" || e.candidate.status !== "new") continue;
    const names = [e.nameZh, e.nameEn, ...((e.aliases as string[]) ?? [])].filter(
      (n): n is string => typeof n === "string",
    );
    const hit = names.map((n) => byName.get(`${e.label}|${nameKey(n)}`)).find(Boolean);
    if (hit) out.set(e.id, hit);
  }
  return out;
}

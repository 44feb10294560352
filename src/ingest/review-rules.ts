/**
 * The review rules, shared by `npm run review` (src/ingest/review.ts) and the review page of the explorer
 * (web/src/ui/review.ts): no Node imports here. From a candidates file and the reviewer's decisions:
 * - a relationship is kept only with the entities it needs: a rejected new entity drops its relationships, a
 *   rejected match drops the relationships whose quote contains that mention; cases and sources come along;
 * - PARTY_TO edges follow the party relationship they were derived from;
 * - relationships already in the graph are left out unless asked for (they would be the same fact twice);
 * - the `candidate` objects are stripped, so the output is exactly the seed format.
 */
import type { CandidateEntity, CandidateRelationship, CandidatesFile, ReviewedSeedFile } from "../model/wire.js";

/** New entities below this confidence are not accepted automatically, whatever their relationships' confidence. */
export const MIN_AUTO_ENTITY_CONFIDENCE = 0.6;
export const DEFAULT_ACCEPT_ABOVE = 0.8;

export type Verdict = "accept" | "reject";

export interface Decision {
  verdict: Verdict;
  /** Fields replaced by the reviewer (type, from, to, quote, date... or an entity's id and names). */
  edits?: Record<string, unknown>;
}

export interface Decisions {
  /** By candidate id (`candidate.id`). */
  relationships: Map<string, Decision>;
  /** By entity id. */
  entities: Map<string, Decision>;
}

export interface ReviewOptions {
  includeExisting?: boolean;
}

export type ReviewedSeed = ReviewedSeedFile;

export interface ReviewResult {
  seed: ReviewedSeed;
  accepted: number;
  rejected: number;
  dropped: { id: string; reason: string }[];
}

const strip = <T extends { candidate?: unknown }>(x: T): Omit<T, "candidate"> => {
  const { candidate: _c, ...rest } = x;
  return rest;
};

/** Cases, matches and confident new entities are accepted without a look (they only matter once a relationship needs them). */
export function autoAcceptsEntity(e: CandidateEntity): boolean {
  return e.label === "Case" || e.candidate.status === "match" || e.candidate.confidence >= MIN_AUTO_ENTITY_CONFIDENCE;
}

/** A relationship at or above the threshold, unless it is already in the graph (and not asked for). PARTY_TO follows. */
export function autoAcceptsRelationship(
  r: CandidateRelationship,
  acceptAbove: number,
  options: ReviewOptions = {},
): boolean {
  return (
    r.type !== "PARTY_TO" && r.candidate.confidence >= acceptAbove && (options.includeExisting || !r.candidate.existing)
  );
}

/** Accept every relationship at or above the threshold, with the entities it needs if they are confident enough. */
export function autoDecisions(
  file: CandidatesFile,
  acceptAbove = DEFAULT_ACCEPT_ABOVE,
  options: ReviewOptions = {},
): Decisions {
  const decisions: Decisions = { relationships: new Map(), entities: new Map() };
  for (const e of file.entities) decisions.entities.set(e.id, { verdict: autoAcceptsEntity(e) ? "accept" : "reject" });
  for (const r of file.relationships) {
    if (r.type === "PARTY_TO") continue;
    const ok = autoAcceptsRelationship(r, acceptAbove, options);
    decisions.relationships.set(r.candidate.id, { verdict: ok ? "accept" : "reject" });
  }
  followPartyTo(file, decisions);
  return decisions;
}

/** PARTY_TO edges follow the party relationship they were derived from (same case, same party). */
export function followPartyTo(file: CandidatesFile, decisions: Decisions): void {
  const accepted = file.relationships.filter(
    (r) => r.type !== "PARTY_TO" && decisions.relationships.get(r.candidate.id)?.verdict === "accept",
  );
  for (const p of file.relationships.filter((r) => r.type === "PARTY_TO")) {
    // The rule names the type the edge was derived from (`PARTY_TO:from-FINES`): its roles belong to that type.
    const fromType = p.candidate.rule.match(/from-([A-Z_]+)/)?.[1];
    const follows = accepted.some(
      (r) =>
        (r as { case?: string }).case === p.to &&
        (!fromType || r.type === fromType) &&
        (r.from === p.from || r.to === p.from),
    );
    decisions.relationships.set(p.candidate.id, { verdict: follows ? "accept" : "reject" });
  }
}

/** The seed file the decisions give. */
export function assembleReviewed(
  file: CandidatesFile,
  decisions: Decisions,
  options: ReviewOptions & { schemaRef?: string } = {},
): ReviewResult {
  const entities = new Map(file.entities.map((e) => [e.id, e]));
  const dropped: { id: string; reason: string }[] = [];
  const rejectedMatches = file.entities.filter(
    (e) => e.candidate.status === "match" && decisions.entities.get(e.id)?.verdict === "reject",
  );
  const entityEdits = new Map<string, CandidateEntity>();
  for (const e of file.entities) {
    const edits = decisions.entities.get(e.id)?.edits;
    entityEdits.set(e.id, edits ? ({ ...e, ...edits } as CandidateEntity) : e);
  }
  const renamed = (id: string) => (entityEdits.get(id)?.id as string | undefined) ?? id;

  const kept: { type: string; from: string; to: string; case?: string; sources?: string[] }[] = [];
  let accepted = 0;
  let rejected = 0;
  for (const r of file.relationships) {
    const d = decisions.relationships.get(r.candidate.id);
    if (d?.verdict !== "accept") {
      rejected++;
      continue;
    }
    if (r.candidate.existing && !options.includeExisting && !d.edits) {
      dropped.push({ id: r.candidate.id, reason: `${r.type} ${r.from} -> ${r.to} is already in the graph` });
      continue;
    }
    const rel = { ...strip(r), ...(d.edits ?? {}) } as {
      type: string;
      from: string;
      to: string;
      case?: string;
      quote?: string;
    };
    const needs = [rel.from, rel.to, rel.case].filter((x): x is string => Boolean(x));
    const missing = needs.find(
      (id) =>
        entities.has(id) &&
        entities.get(id)!.candidate.status !== "match" &&
        decisions.entities.get(id)?.verdict === "reject",
    );
    if (missing) {
      dropped.push({
        id: r.candidate.id,
        reason: `${r.type} ${r.from} -> ${r.to} needs ${missing}, which was rejected`,
      });
      continue;
    }
    const match = rejectedMatches.find(
      (m) =>
        [rel.from, rel.to].includes(m.candidate.matchOf!) &&
        m.candidate.mentions.some((x) => rel.quote?.includes(x.text)),
    );
    if (match) {
      dropped.push({
        id: r.candidate.id,
        reason: `${r.type} ${r.from} -> ${r.to} relies on the rejected match ${match.id} = ${match.candidate.matchOf}`,
      });
      continue;
    }
    kept.push({
      ...rel,
      from: renamed(rel.from),
      to: renamed(rel.to),
      ...(rel.case ? { case: renamed(rel.case) } : {}),
    });
    accepted++;
  }

  const referenced = new Set(kept.flatMap((r) => [r.from, r.to, r.case].filter((x): x is string => Boolean(x))));
  const sourceIds = new Set(kept.flatMap((r) => r.sources ?? []));
  const outEntities = [...entityEdits.values()]
    .filter((e) => e.candidate.status !== "match" && referenced.has(e.id))
    .map((e) => strip(e) as Record<string, unknown>);
  return {
    seed: {
      ...(options.schemaRef ? { $schema: options.schemaRef } : {}),
      entities: outEntities,
      sources: file.sources.filter((s) => sourceIds.has(s.id)) as Record<string, unknown>[],
      relationships: kept as Record<string, unknown>[],
    },
    accepted,
    rejected,
    dropped,
  };
}

/**
 * The candidates file the ingest command writes and the review command reads: the seed format (entities, sources,
 * relationships, each exactly as a seed file holds them) plus, on every entity and relationship, a `candidate`
 * object for the reviewer: the rule that fired, a confidence, the evidence's offsets in the original document, and
 * whether the relationship is already in the graph or the entity looks like an existing one. Review strips
 * `candidate` and writes a plain seed file.
 */
import { z } from "zod";

import { EntityId } from "../model/index.js";

export const CANDIDATES_KIND = "compliance-graph/ingest-candidates";
export const CANDIDATES_VERSION = 1;

export const EntityCandidateMeta = z.object({
  /** `new`: create it; `match`: it looks like `matchOf`, which relationships use unless the reviewer rejects the match. */
  status: z.enum(["new", "match"]),
  matchOf: EntityId.optional(),
  matchReason: z.string().optional(),
  /** A new entity that resembles an existing one too little to join it (another label, jurisdiction or a looser name): for review. */
  possibleDuplicateOf: EntityId.optional(),
  rule: z.string(),
  confidence: z.number().min(0).max(1),
  mentions: z.array(z.object({ document: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() })).default([]),
});
export type EntityCandidateMeta = z.infer<typeof EntityCandidateMeta>;

export const RelationshipCandidateMeta = z.object({
  id: z.string(),
  rule: z.string(),
  confidence: z.number().min(0).max(1),
  /** The same (type, from, to) is already in the graph. */
  existing: z.boolean(),
  /** The quote's place in the original document text (UTF-16 offsets). */
  evidence: z.object({ document: z.string(), start: z.number().int(), end: z.number().int() }),
  item: z.number().int().optional(),
  itemTitle: z.string().optional(),
  /** Candidates this one depends on (its Case, a new endpoint): rejecting those rejects it. */
  dependsOn: z.array(z.string()).default([]),
});
export type RelationshipCandidateMeta = z.infer<typeof RelationshipCandidateMeta>;

const WithEntityMeta = z.looseObject({ id: EntityId, label: z.string(), candidate: EntityCandidateMeta });
const WithRelationshipMeta = z.looseObject({ type: z.string(), from: EntityId, to: EntityId, candidate: RelationshipCandidateMeta });

export const CandidatesFile = z.object({
  kind: z.literal(CANDIDATES_KIND),
  version: z.literal(CANDIDATES_VERSION),
  generatedAt: z.string(),
  documents: z.array(
    z.object({
      document: z.string(),
      file: z.string(),
      format: z.string(),
      bytes: z.number(),
      chars: z.number(),
      lang: z.string(),
      title: z.string().optional(),
      items: z.number(),
    }),
  ),
  /** Graph entities the documents name, with how often. */
  matched: z.array(z.object({ id: EntityId, label: z.string(), name: z.string(), mentions: z.number() })),
  entities: z.array(WithEntityMeta),
  sources: z.array(z.looseObject({ id: EntityId, label: z.literal("Source") })),
  relationships: z.array(WithRelationshipMeta),
});
export type CandidatesFile = z.infer<typeof CandidatesFile>;
export type CandidateEntity = CandidatesFile["entities"][number];
export type CandidateRelationship = CandidatesFile["relationships"][number];

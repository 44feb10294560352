/**
 * The wire contract: a zod schema for every API response (and for the candidates file of the ingest). One schema,
 * three uses: defineRoute registers it in the OpenAPI document, the tests check every response against it, and the
 * explorer imports the inferred types (`import type`, so zod never reaches its bundle). Services return these types.
 *
 * Kept free of Node imports: `tsc -p web` type-checks this file with the browser's libraries.
 */
import { z } from "zod";

import { EntityId, Lang } from "./entities.js";
import { CANDIDATES_KIND, CANDIDATES_VERSION, CONNECTION_KINDS } from "./wire-constants.js";

export { CANDIDATES_KIND, CANDIDATES_VERSION, CONNECTION_KINDS, Lang };

const Props = z.record(z.string(), z.unknown());

// ---- Graphs ----------------------------------------------------------------------------------------------------

/** graphology's serialized format: the explorer passes it to graph.import(). */
export const WireGraph = z.object({
  options: z.object({ type: z.literal("directed"), multi: z.literal(true), allowSelfLoops: z.literal(false) }),
  attributes: Props.optional(),
  nodes: z.array(z.object({ key: z.string(), attributes: Props.optional() })),
  edges: z.array(
    z.object({
      key: z.string().optional(),
      source: z.string(),
      target: z.string(),
      attributes: Props.optional(),
      undirected: z.boolean().optional(),
    }),
  ),
});
export type WireGraph = z.infer<typeof WireGraph>;

/** A graph to draw: `edgesTotal` relationships exist among its nodes, `edgesOmitted` of them were not sent. */
export const DrawnGraph = z.object({
  graph: WireGraph,
  capped: z.boolean(),
  edgesTotal: z.number().int(),
  edgesOmitted: z.number().int(),
});
export type DrawnGraph = z.infer<typeof DrawnGraph>;

export const OverviewResponse = DrawnGraph.extend({
  total: z.number().int(),
  /** The newest source's date: how current the graph is. */
  dataCurrentTo: z.string().nullable(),
});
export type OverviewResponse = z.infer<typeof OverviewResponse>;

/**
 * GET /api/graph/neighborhood: a bounded neighbourhood; each node's `hiddenRelationships` says what was left out, and
 * `nextOffset` asks for the centre's next page of neighbours (null when this page was its last).
 */
export const NeighborhoodResponse = DrawnGraph.extend({
  perNode: z.number().int(),
  offset: z.number().int(),
  nextOffset: z.number().int().nullable(),
});
export type NeighborhoodResponse = z.infer<typeof NeighborhoodResponse>;

/** One step of a path: the relationship's type, and whether it points along the path (forward) or against it. */
export const PathHop = z.object({
  from: z.string(),
  to: z.string(),
  type: z.string(),
  direction: z.enum(["forward", "backward"]),
  relationshipId: z.string(),
});
export type PathHop = z.infer<typeof PathHop>;

export const PathsResponse = z.object({
  graph: WireGraph,
  paths: z.array(z.array(z.string())),
  /** One list per path, in the order of `paths`. */
  hops: z.array(z.array(PathHop)),
  found: z.boolean(),
});
export type PathsResponse = z.infer<typeof PathsResponse>;

export const ConnectionKind = z.enum(CONNECTION_KINDS);
export type ConnectionKind = z.infer<typeof ConnectionKind>;

export const Connection = z.object({
  kind: ConnectionKind,
  from: z.string(),
  to: z.string(),
  via: z.array(z.object({ id: z.string(), type: z.string(), label: z.string() })),
  explanation: z.string(),
  relationshipIds: z.array(z.string()),
});
export type Connection = z.infer<typeof Connection>;

export const RegimesResponse = z.object({
  laws: z.array(z.string()),
  /** The language every explanation is written in. */
  lang: Lang,
  graph: WireGraph,
  pairs: z.array(z.object({ a: z.string(), b: z.string(), connected: z.boolean(), connections: z.array(Connection) })),
});
export type RegimesResponse = z.infer<typeof RegimesResponse>;

// ---- Search, dossiers, evidence, timeline ------------------------------------------------------------------------

/** An entity as a list shows it: a search hit, the other end of a relationship in a dossier. */
export const EntityEnd = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  nameEn: z.string().optional(),
  nameZh: z.string().optional(),
});
export type EntityEnd = z.infer<typeof EntityEnd>;

export const SearchHit = EntityEnd.extend({
  score: z.number(),
  degree: z.number().int(),
  /** The name or alias that matched, for the autocomplete line. */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({ query: z.string(), results: z.array(SearchHit) });
export type SearchResponse = z.infer<typeof SearchResponse>;

export const SourceRef = z.object({
  id: z.string(),
  title: z.string().optional(),
  publisher: z.string().optional(),
  date: z.string().optional(),
  url: z.string().optional(),
  via: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** Why a relationship is true: a verbatim quote and its sources (reported), or an official reference (curated). */
export const Evidence = z.object({
  basis: z.string(),
  quote: z.string().optional(),
  date: z.string().optional(),
  sources: z.array(SourceRef),
  reference: z
    .object({ title: z.string().optional(), url: z.string().optional(), provision: z.string().optional() })
    .optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const DossierRelationship = z.object({
  id: z.string(),
  type: z.string(),
  direction: z.enum(["out", "in"]),
  other: EntityEnd,
  case: z.string().optional(),
  role: z.string().optional(),
  article: z.string().optional(),
  note: z.string().optional(),
  date: z.string().optional(),
  /** CORRESPONDS_TO: what both provisions concern and how they differ, in both languages. */
  theme: z.string().optional(),
  themeZh: z.string().optional(),
  differenceEn: z.string().optional(),
  differenceZh: z.string().optional(),
  /** Curated: how the fact was checked ("text" or "reference"). */
  verified: z.string().optional(),
  evidence: Evidence,
});
export type DossierRelationship = z.infer<typeof DossierRelationship>;

/** One type and direction of an entity's relationships: `total` in all, `relationships` the page from `offset`. */
export const DossierGroup = z.object({
  type: z.string(),
  direction: z.enum(["out", "in"]),
  total: z.number().int(),
  offset: z.number().int(),
  relationships: z.array(DossierRelationship),
});
export type DossierGroup = z.infer<typeof DossierGroup>;

export const Dossier = z.object({
  /** The entity's properties as stored, plus its model label (`type`) and display name (`label`). */
  entity: z.looseObject({ id: z.string(), type: z.string(), label: z.string() }),
  relationshipCount: z.number().int(),
  groups: z.array(DossierGroup),
  cases: z.array(
    z.object({
      id: z.string(),
      role: z.string(),
      label: z.string(),
      caseKind: z.string().optional(),
      status: z.string().optional(),
      startDate: z.string().optional(),
      outcome: z.string().optional(),
    }),
  ),
});
export type Dossier = z.infer<typeof Dossier>;

/** GET /api/relationships/:id: one relationship, both ends, its evidence (what a selected edge shows). */
export const RelationshipDetail = DossierRelationship.omit({ direction: true, other: true }).extend({
  from: EntityEnd,
  to: EntityEnd,
});
export type RelationshipDetail = z.infer<typeof RelationshipDetail>;

export const TimelineResponse = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      type: z.string(),
      from: z.object({ id: z.string(), type: z.string(), label: z.string() }),
      to: z.object({ id: z.string(), type: z.string(), label: z.string() }),
      case: z.string().optional(),
      evidence: Evidence,
    }),
  ),
});
export type TimelineResponse = z.infer<typeof TimelineResponse>;

/** The response of a route that answers only in the content types it `produces` (a feed, a file), never JSON. */
export const NoJsonBody = z.undefined();

// ---- What's new --------------------------------------------------------------------------------------------------

/** One event of what's new (src/ingest/whatsnew.ts): what happened, when, between whom, quote and source. */
export const WhatsNewEvent = z.object({
  type: z.string(),
  /** The relationship's id: the explorer opens its evidence (#/explore?edge=...). */
  relationshipId: z.string(),
  date: z.string(),
  fromId: z.string(),
  fromName: z.string(),
  fromNameEn: z.string().nullable(),
  fromNameZh: z.string().nullable(),
  fromLabel: z.string(),
  toId: z.string(),
  toName: z.string(),
  toNameEn: z.string().nullable(),
  toNameZh: z.string().nullable(),
  toLabel: z.string(),
  caseId: z.string().nullable(),
  caseName: z.string().nullable(),
  caseNameEn: z.string().nullable(),
  caseNameZh: z.string().nullable(),
  caseKind: z.string().nullable(),
  quote: z.string().nullable(),
  sourceId: z.string().nullable(),
  sourceTitle: z.string().nullable(),
  sourcePublisher: z.string().nullable(),
  sourceDate: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  sourceDocument: z.string().nullable(),
  jurisdictions: z.array(z.string()),
});
export type WhatsNewEvent = z.infer<typeof WhatsNewEvent>;

/** GET /api/whatsnew: events since a date, by watched entity and by jurisdiction. */
export const WhatsNewResponse = z.object({
  since: z.string(),
  /** The newest source's date: how current the graph is. */
  dataCurrentTo: z.string().nullable(),
  watch: z.array(z.string()),
  total: z.number().int(),
  truncated: z.boolean(),
  byWatched: z.array(z.object({ id: z.string(), events: z.array(WhatsNewEvent) })),
  byJurisdiction: z.array(z.object({ jurisdiction: z.string(), events: z.array(WhatsNewEvent) })),
});
export type WhatsNewResponse = z.infer<typeof WhatsNewResponse>;

// ---- Saved queries and the console -------------------------------------------------------------------------------

export const SAVED_QUERY_PARAM_TYPES = ["string", "int", "date", "id", "string[]", "id[]"] as const;

export const SavedQueryParam = z.object({
  name: z.string(),
  type: z.enum(SAVED_QUERY_PARAM_TYPES),
  default: z.unknown().optional(),
  description: z.string(),
});
export type SavedQueryParam = z.infer<typeof SavedQueryParam>;

export const SavedQueryInfo = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  params: z.array(SavedQueryParam),
  query: z.string(),
});
export type SavedQueryInfo = z.infer<typeof SavedQueryInfo>;

export const SavedQueryList = z.object({ queries: z.array(SavedQueryInfo) });
export type SavedQueryList = z.infer<typeof SavedQueryList>;

/** How a query ended when it returned rows; a query stopped or refused is an error (problem+json), not an outcome. */
export const QUERY_OUTCOMES = ["COMPLETE", "COMPLETE_TRUNCATED"] as const;
export const QueryOutcome = z.enum(QUERY_OUTCOMES);
export type QueryOutcome = z.infer<typeof QueryOutcome>;

/** A console or saved query's answer: plain rows (Neo4j values converted), and the graph drawn from them. */
export const QueryResult = z.object({
  outcome: QueryOutcome,
  columns: z.array(z.string()),
  rows: z.array(Props),
  truncated: z.boolean(),
  graph: WireGraph,
  durationMs: z.number(),
});
export type QueryResult = z.infer<typeof QueryResult>;

export const SavedQueryResult = QueryResult.extend({ name: z.string(), title: z.string(), params: Props });
export type SavedQueryResult = z.infer<typeof SavedQueryResult>;

// ---- Health, briefings, errors ----------------------------------------------------------------------------------

export const HealthResponse = z.object({
  status: z.literal("ok"),
  database: z.object({ reachable: z.literal(true), version: z.string(), edition: z.string() }),
  counts: z.object({ entities: z.number().int(), relationships: z.number().int() }),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

const Fact = z.object({ text: z.string(), cites: z.array(z.number().int()) });
const Notes = z.array(z.string());
/** A section of the briefing: its items are checked for being objects; their fields are src/briefing/model.ts's. */
const Item = z
  .custom<object>((v) => typeof v === "object" && v !== null && !Array.isArray(v), "expected an object")
  .meta({ type: "object" });
const Items = z.array(Item);

/**
 * The briefing as format=json gives it (src/briefing/model.ts's Briefing): its frame and sections. The sections'
 * items keep the briefing model's own interfaces; the wire checks the shape a reader relies on.
 */
export const BriefingResponse = z.object({
  schemaVersion: z.literal(2),
  lang: Lang,
  generatedAt: z.string(),
  input: Item,
  header: z.looseObject({
    title: z.string(),
    subject: z.looseObject({ kind: z.enum(["company", "profile"]), name: z.string(), facts: z.array(Fact) }),
    markets: Items,
    asOf: z.string(),
    graphChecksum: z.string(),
    facts: Notes,
    notes: Notes,
    frame: z.object({ dataCurrentTo: z.string().nullable(), coverage: Notes, disclaimer: z.string() }),
  }),
  summary: z.object({ rows: Items, notes: Notes }),
  markets: Items,
  calendar: z.object({ items: Items, notes: Notes }),
  steps: z.object({ items: Items, notes: Notes }),
  exposure: z.object({ cases: Items, models: Items, notes: Notes }),
  crosswalk: Items,
  riskThemes: Items,
  appendix: z.object({ formula: Notes, method: Notes, citations: Items }),
});
export type BriefingResponse = z.infer<typeof BriefingResponse>;

/** application/problem+json, as the error middleware sends it. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  /** Seed validation: one entry per problem (file, path, message). */
  problems: z.array(z.object({ file: z.string(), path: z.string(), message: z.string() })).optional(),
  details: z.unknown().optional(),
});
export type Problem = z.infer<typeof Problem>;

// ---- The candidates file of the ingest -----------------------------------------------------------------------------

/**
 * The candidates file the ingest command writes and the review command and page read: the seed format (entities,
 * sources, relationships, each exactly as a seed file holds them) plus, on every entity and relationship, a
 * `candidate` object for the reviewer: the rule that fired, a confidence, the evidence's offsets in the original
 * document, and whether the relationship is already in the graph or the entity looks like an existing one. Review
 * strips `candidate` and writes a plain seed file.
 */
export const EntityCandidateMeta = z.object({
  /** `new`: create it; `match`: it looks like `matchOf`, which relationships use unless the reviewer rejects the match. */
  status: z.enum(["new", "match"]),
  matchOf: EntityId.optional(),
  matchReason: z.string().optional(),
  /** A new entity that resembles an existing one too little to join it (another label, jurisdiction or a looser name): for review. */
  possibleDuplicateOf: EntityId.optional(),
  rule: z.string(),
  confidence: z.number().min(0).max(1),
  mentions: z
    .array(z.object({ document: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() }))
    .default([]),
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

// The seed fields the reviewer reads are named; the others pass as they are (the seed format checks them on load).
const WithEntityMeta = z.looseObject({
  id: EntityId,
  label: z.string(),
  nameEn: z.string().optional(),
  nameZh: z.string().optional(),
  candidate: EntityCandidateMeta,
});
const WithRelationshipMeta = z.looseObject({
  type: z.string(),
  from: EntityId,
  to: EntityId,
  case: EntityId.optional(),
  quote: z.string().optional(),
  sources: z.array(z.string()).optional(),
  candidate: RelationshipCandidateMeta,
});

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

/** A seed file (seed/documents/*.json) as review writes it. */
export interface ReviewedSeedFile {
  $schema?: string;
  entities: Record<string, unknown>[];
  sources: Record<string, unknown>[];
  relationships: Record<string, unknown>[];
}

/**
 * The data contract of the explorer: what the API sends (graphology's serialized graphs, search hits, dossiers,
 * regimes, paths, query results, problems) and the shapes of the explorer's own state (filters, views).
 */

export type Lang = "en" | "zh";

/** Node attributes as the API sends them, plus what the explorer derives when loading. */
export interface NodeAttrs {
  /** Entity label (Company, Law...). Sigma's program type is set by the node reducer, never stored here. */
  type: string;
  label: string;
  nameEn?: string;
  nameZh?: string;
  degree?: number;
  id?: string;
  aliases?: string[];
  x: number;
  y: number;
  hidden?: boolean;
  /** Derived: jurisdiction ids the entity is tied to (based in, applies in, or through its neighbours). */
  jurisdictions?: string[];
  /** Derived: the month (YYYY-MM) from which the entity is part of the picture; undefined: always. */
  appears?: string;
  /** Derived: later than the timeline's cut-off (drawn dimmed, not removed). */
  future?: boolean;
  [key: string]: unknown;
}

export interface EdgeAttrs {
  /** Relationship type (INVESTIGATES...). */
  type: string;
  basis?: "reported" | "curated" | string;
  quote?: string;
  sources?: string[];
  date?: string;
  case?: string;
  hidden?: boolean;
  /** Derived: the month from which the relationship is part of the picture. */
  appears?: string;
  /** Derived: later than the timeline's cut-off (drawn dimmed, not removed). */
  future?: boolean;
  /** Set by @sigma/edge-curve's indexParallelEdgesIndex. */
  parallelIndex?: number;
  parallelMinIndex?: number;
  parallelMaxIndex?: number;
  [key: string]: unknown;
}

export interface WireGraph {
  options?: { type?: string; multi?: boolean; allowSelfLoops?: boolean };
  attributes?: Record<string, unknown>;
  nodes: { key: string; attributes?: Record<string, unknown> }[];
  edges: { key?: string; source: string; target: string; attributes?: Record<string, unknown> }[];
}

/** A graph to draw: `edgesTotal` relationships exist among its nodes, `edgesOmitted` of them were not sent. */
export interface DrawnGraph {
  graph: WireGraph;
  capped: boolean;
  edgesTotal: number;
  edgesOmitted: number;
}

export interface OverviewResponse extends DrawnGraph {
  total: number;
  /** The newest source's date (src/api/graph/graph.service.ts `overview`). */
  dataCurrentTo: string | null;
}

export interface SearchHit {
  id: string;
  type: string;
  label: string;
  nameEn?: string;
  nameZh?: string;
  score: number;
  degree: number;
  snippet: string;
}

export interface Evidence {
  basis: string;
  quote?: string;
  date?: string;
  sources: { id: string; title?: string; publisher?: string; date?: string; url?: string; via?: string }[];
  reference?: { title?: string; url?: string; provision?: string };
}

export interface DossierRelationship {
  id: string;
  type: string;
  direction: "out" | "in";
  other: { id: string; type: string; label: string; nameEn?: string; nameZh?: string };
  case?: string;
  role?: string;
  article?: string;
  note?: string;
  date?: string;
  /** CORRESPONDS_TO: the duty both provisions concern and how they differ, in both languages (when the API sends them). */
  theme?: string;
  themeZh?: string;
  differenceEn?: string;
  differenceZh?: string;
  evidence: Evidence;
}

export interface Dossier {
  entity: Record<string, unknown> & { id: string; type: string; label: string };
  relationshipCount: number;
  /** Per type and direction: `total` in all, `relationships` one page from `offset`, the most recent first. */
  groups: { type: string; direction: "out" | "in"; total: number; offset: number; relationships: DossierRelationship[] }[];
  cases: { id: string; role: string; label: string; caseKind?: string; status?: string; startDate?: string; outcome?: string }[];
}

/** GET /api/relationships/:id: one relationship, both ends, its evidence (what a selected edge shows). */
export interface RelationshipDetail extends Omit<DossierRelationship, "direction" | "other"> {
  from: DossierRelationship["other"];
  to: DossierRelationship["other"];
}

/** Why two regimes connect, strongest first (the API sends connections in this order). */
export const CONNECTION_KINDS = ["provision", "reference", "shared-counterpart", "enforcement", "incidental"] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export interface Connection {
  kind: ConnectionKind;
  from: string;
  to: string;
  via: { id: string; type: string; label: string }[];
  explanation: string;
  relationshipIds: string[];
}

export interface RegimesResponse {
  laws: string[];
  /** The language every explanation is written in. */
  lang: Lang;
  graph: WireGraph;
  pairs: { a: string; b: string; connected: boolean; connections: Connection[] }[];
}

/** One step of a path: the relationship's type, and whether it points along the path (forward) or against it. */
export interface PathHop {
  from: string;
  to: string;
  type: string;
  direction: "forward" | "backward";
  relationshipId: string;
}

export interface PathsResponse {
  graph: WireGraph;
  paths: string[][];
  /** One list per path, in the order of `paths`. */
  hops: PathHop[][];
  found: boolean;
}

export interface SavedQueryParam {
  name: string;
  type: "string" | "int" | "date" | "id" | "string[]" | "id[]";
  default?: unknown;
  description: string;
}

export interface SavedQuery {
  name: string;
  title: string;
  description: string;
  params: SavedQueryParam[];
  query: string;
}

export interface QueryResult {
  outcome: "COMPLETE" | "COMPLETE_TRUNCATED";
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  graph: WireGraph;
  durationMs: number;
}

/** application/problem+json, as the API's error middleware sends it. */
export interface Problem {
  title: string;
  status: number;
  detail: string;
}

/** Filter state. Sets hold what is *hidden* for types and bases, what is *kept* for jurisdictions (empty: all). */
export interface Filters {
  hiddenTypes: Set<string>;
  hiddenRelTypes: Set<string>;
  hiddenBases: Set<string>;
  jurisdictions: Set<string>;
  /** Last month shown (YYYY-MM); null: no cut-off. */
  until: string | null;
}

/** What the canvas shows. */
export type View =
  | { kind: "explore" }
  | { kind: "regimes"; laws: string[] }
  /** avoidHubs: paths do not pass through jurisdictions and topics (a shared country or theme is not a connection). */
  | { kind: "path"; from: string | null; to: string | null; avoidHubs: boolean }
  | { kind: "console"; query: string; saved: string | null; params: Record<string, unknown>; run?: number }
  | { kind: "file"; name: string };

export type ViewKind = View["kind"];

/** Nodes and edges to emphasise (search pick, shortest paths); everything else is dimmed. */
export interface Highlight {
  nodes: Set<string>;
  edges: Set<string>;
}

/** The JSON document "Export → view (JSON)" writes and "Open view" reads. */
export interface SavedView {
  format: "compliance-graph-view";
  version: 1;
  savedAt: string;
  lang: Lang;
  hash: string;
  graph: WireGraph;
}

/** One event of GET /api/whatsnew (src/ingest/whatsnew.ts): what happened, when, between whom, quote and source. */
export interface WhatsNewEvent {
  type: string;
  relationshipId: string;
  date: string;
  fromId: string;
  fromName: string;
  fromNameEn: string | null;
  fromNameZh: string | null;
  fromLabel: string;
  toId: string;
  toName: string;
  toNameEn: string | null;
  toNameZh: string | null;
  toLabel: string;
  caseId: string | null;
  caseName: string | null;
  caseNameEn: string | null;
  caseNameZh: string | null;
  caseKind: string | null;
  quote: string | null;
  sourceId: string | null;
  sourceTitle: string | null;
  sourcePublisher: string | null;
  sourceDate: string | null;
  sourceUrl: string | null;
  sourceDocument: string | null;
  jurisdictions: string[];
}

/** GET /api/whatsnew: events since a date, by watched entity and by jurisdiction. */
export interface WhatsNewResponse {
  since: string;
  dataCurrentTo: string | null;
  watch: string[];
  total: number;
  truncated: boolean;
  byWatched: { id: string; events: WhatsNewEvent[] }[];
  byJurisdiction: { jurisdiction: string; events: WhatsNewEvent[] }[];
}

/** The parts of an ingest candidates file (src/ingest/candidates.ts) the review page reads. */
export interface CandidateEntity {
  id: string;
  label: string;
  nameEn?: string;
  nameZh?: string;
  candidate: {
    status: "new" | "match";
    matchOf?: string;
    matchReason?: string;
    rule: string;
    confidence: number;
    mentions: { document: string; start: number; end: number; text: string }[];
  };
  [key: string]: unknown;
}

export interface CandidateRelationship {
  type: string;
  from: string;
  to: string;
  case?: string;
  quote?: string;
  sources?: string[];
  candidate: { id: string; rule: string; confidence: number; existing: boolean; itemTitle?: string; dependsOn: string[] };
  [key: string]: unknown;
}

export interface CandidatesFile {
  kind: "compliance-graph/ingest-candidates";
  version: 1;
  generatedAt: string;
  documents: { document: string; title?: string }[];
  /** Graph entities the documents name (for showing names). */
  matched?: { id: string; label: string; name: string }[];
  entities: CandidateEntity[];
  sources: { id: string; label: "Source"; [key: string]: unknown }[];
  relationships: CandidateRelationship[];
}

/** A seed file (seed/documents/*.json) as the review page writes it. */
export interface SeedFile {
  $schema: string;
  entities: Record<string, unknown>[];
  sources: Record<string, unknown>[];
  relationships: Record<string, unknown>[];
}

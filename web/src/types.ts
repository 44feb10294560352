/**
 * The explorer's own state: node and edge attributes as it holds them, filters, views, highlights, saved views. What
 * the API sends is typed by the wire contract, src/model/wire.ts (`import type`, so zod stays out of the bundle).
 */
import type { Lang, WireGraph } from "../../src/model/wire.js";

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

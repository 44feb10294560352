/**
 * The one owner of the explorer's state: the displayed graph, the filters, the view (explore, regimes, path,
 * console, an opened file), the selected and hovered entity, what is highlighted, and the language. Controllers and
 * panels read it and call its setters; each setter announces what changed so that only interested parts react.
 */
import { MultiDirectedGraph } from "graphology";

import type { Lang, PathsResponse, QueryResult, RegimesResponse } from "../../src/model/wire.js";
import type { EdgeAttrs, Filters, Highlight, NodeAttrs, View } from "./types.js";

/** What the current view loaded: regime explanations, paths, a query result, or the error that stopped it. */
export interface ViewData {
  loading?: boolean;
  error?: { title: string; message: string; status: number };
  regimes?: RegimesResponse;
  paths?: PathsResponse;
  query?: QueryResult;
  capped?: { shown: number; total: number };
  /** Relationships among the shown entities that the server did not send (too many to draw). */
  edgesOmitted?: number;
}

export type Topic = "graph" | "filters" | "view" | "viewData" | "selection" | "hover" | "highlight" | "lang" | "status";

export type ExplorerGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

const LANG_KEY = "explorer.lang";

export function emptyFilters(): Filters {
  return {
    hiddenTypes: new Set(),
    hiddenRelTypes: new Set(),
    hiddenBases: new Set(),
    jurisdictions: new Set(),
    until: null,
  };
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === "en" || saved === "zh") return saved;
  } catch {
    // storage unavailable (private mode): fall back to the browser's language
  }
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

class ExplorerState {
  readonly graph: ExplorerGraph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
  lang: Lang = initialLang();
  filters: Filters = emptyFilters();
  view: View = { kind: "explore" };
  viewData: ViewData = {};
  selected: string | null = null;
  /** The selected edge (key and type); its evidence is read from /api/relationships/:id. */
  selectedEdge: { key: string; type: string } | null = null;
  hovered: string | null = null;
  highlight: Highlight | null = null;
  /** Transient line under the graph (layout running, expansion result...). */
  status = "";
  layoutRunning = false;
  /** The newest source's date, from the overview: how current the data is. */
  dataCurrentTo: string | null = null;
  /** Months (YYYY-MM) that events fall in, for the timeline; set when a graph is loaded. */
  months: string[] = [];
  /** Nodes each expansion added (by the entity expanded), so that it can be collapsed again. */
  readonly expansions = new Map<string, { nodes: Set<string>; edges: Set<string> }>();
  /** Per expanded entity (and relationship types asked for): the offset of its next neighbours, null when all shown. */
  readonly nextOffsets = new Map<string, number | null>();

  private listeners = new Map<Topic, Set<() => void>>();

  on(topics: Topic | Topic[], listener: () => void): () => void {
    for (const topic of Array.isArray(topics) ? topics : [topics]) {
      if (!this.listeners.has(topic)) this.listeners.set(topic, new Set());
      this.listeners.get(topic)!.add(listener);
    }
    return () => {
      for (const set of this.listeners.values()) set.delete(listener);
    };
  }

  emit(topic: Topic): void {
    this.listeners.get(topic)?.forEach((l) => l());
  }

  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // not persisted; the URL still carries it
    }
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    this.emit("lang");
  }

  setFilters(patch: Partial<Filters>): void {
    this.filters = { ...this.filters, ...patch };
    this.emit("filters");
  }

  setView(view: View): void {
    this.view = view;
    this.emit("view");
  }

  setViewData(data: ViewData): void {
    this.viewData = data;
    this.emit("viewData");
  }

  select(id: string | null): void {
    if (id === this.selected && !this.selectedEdge) return;
    this.selected = id;
    this.selectedEdge = null;
    this.emit("selection");
  }

  /** Selects an edge instead of an entity (the dossier panel shows the relationship's evidence). */
  selectEdge(edge: { key: string; type: string }): void {
    this.selected = null;
    this.selectedEdge = edge;
    this.emit("selection");
  }

  hover(id: string | null): void {
    if (id === this.hovered) return;
    this.hovered = id;
    this.emit("hover");
  }

  setHighlight(h: Highlight | null): void {
    this.highlight = h;
    this.emit("highlight");
  }

  setStatus(status: string): void {
    this.status = status;
    this.emit("status");
  }

  setDataCurrentTo(date: string | null): void {
    this.dataCurrentTo = date;
    this.emit("status");
  }

  setLayoutRunning(running: boolean): void {
    this.layoutRunning = running;
    this.emit("status");
  }

  /** Announces that the graph's nodes or edges changed (after load, expansion, collapse). */
  graphChanged(): void {
    this.emit("graph");
  }
}

export type { ExplorerState };
export const state = new ExplorerState();

/**
 * The node and edge reducers: the only place where highlighting happens. They turn stored attributes (entity type,
 * degree, names) into what sigma draws (colour, size, label in the current language, program), and dim everything
 * outside the current focus: the hovered entity and its neighbours, else the highlighted set (a shortest path, a
 * search pick), else the selected entity and its neighbours. Refreshes are debounced to one per frame.
 */
import type Sigma from "sigma";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";

import { displayName } from "../i18n.js";
import { state } from "../state.js";
import type { EdgeAttrs, NodeAttrs } from "../types.js";
import {
  ACTION_EDGE_COLOR,
  ACTION_TYPES,
  DIM_EDGE_COLOR,
  DIM_NODE_COLOR,
  EDGE_COLOR,
  HIGHLIGHT_EDGE_COLOR,
  PROGRAM_EDGE,
  PROGRAM_EDGE_CURVED,
  PROGRAM_NODE,
  colorOf,
  sizeOf,
} from "./settings.js";

/** Above this many focused entities, labels follow the density grid instead of being forced. */
const MAX_FORCED_LABELS = 40;
/** In graphs this small (a regime view, a console result) every node is big enough to get a label from the grid. */
const SMALL_GRAPH = 60;
/** ...and in graphs this small every label is drawn, whatever the grid says. */
const TINY_GRAPH = 20;
const SMALL_GRAPH_MIN_SIZE = 10;
const LEGAL_TYPES = new Set(["Provision", "Obligation", "Role", "Penalty"]);
/** Canvas labels longer than this are cut (the full name shows on hover, selection and in the dossier). */
const MAX_LABEL_CHARS = 22;

/** Legal labels are already cut at their colon; cut further, "Labeling Measures Art. 4" and "Art. 5" would read alike. */
const MAX_LEGAL_LABEL_CHARS = 34;

function shortLabel(label: string, max = MAX_LABEL_CHARS): string {
  const chars = [...label];
  return chars.length > max ? `${chars.slice(0, max - 1).join("").trimEnd()}…` : label;
}

/**
 * Legal names read "AI Act Art. 50(2): machine-readable marking". On the canvas an article is known by what comes
 * before the colon (its law and number), an obligation or a penalty by what comes after (what it requires, what it
 * costs); the full name shows on hover, selection and in the dossier.
 */
function canvasName(a: NodeAttrs, name: string): string {
  const i = name.search(/[:：]/);
  if (i <= 0) return name;
  if (a.type === "Provision") return name.slice(0, i).trim();
  if (a.type === "Obligation" || a.type === "Penalty") return name.slice(i + 1).trim() || name;
  return name;
}

interface Focus {
  nodes: Set<string>;
  edges: Set<string>;
}

let focus: Focus | null = null;

function neighbourhood(id: string): Focus {
  const g = state.graph;
  const nodes = new Set([id]);
  const edges = new Set<string>();
  if (!g.hasNode(id)) return { nodes, edges };
  g.forEachEdge(id, (e, a, s, t) => {
    if (a.hidden) return;
    edges.add(e);
    nodes.add(s);
    nodes.add(t);
  });
  return { nodes, edges };
}

/** Recomputes the focus from state; called before each debounced refresh. */
function computeFocus(): Focus | null {
  if (state.hovered && state.graph.hasNode(state.hovered)) {
    const f = neighbourhood(state.hovered);
    if (state.highlight) state.highlight.nodes.forEach((n) => f.nodes.add(n));
    return f;
  }
  if (state.highlight) return { nodes: new Set(state.highlight.nodes), edges: new Set(state.highlight.edges) };
  if (state.selected && state.graph.hasNode(state.selected)) return neighbourhood(state.selected);
  const edge = state.selectedEdge?.key;
  if (edge && state.graph.hasEdge(edge)) return { nodes: new Set(state.graph.extremities(edge)), edges: new Set([edge]) };
  return null;
}

export function nodeReducer(node: string, a: NodeAttrs): Partial<NodeDisplayData> {
  const inFocus = !focus || focus.nodes.has(node);
  const isSelected = node === state.selected;
  // The laws compared in a regime view stand out.
  const isRegime = state.view.kind === "regimes" && state.view.laws.includes(node);
  const small = state.graph.order <= SMALL_GRAPH;
  const base = sizeOf(typeof a.degree === "number" ? a.degree : state.graph.degree(node));
  const data: Partial<NodeDisplayData> = {
    x: a.x,
    y: a.y,
    type: PROGRAM_NODE,
    label: isSelected || isRegime || node === state.hovered ? displayName(state.lang, a) : shortLabel(canvasName(a, displayName(state.lang, a)), LEGAL_TYPES.has(a.type) ? MAX_LEGAL_LABEL_CHARS : MAX_LABEL_CHARS),
    // Subgraphs from paths and query results carry no degree: their degree in the view stands in.
    size: (small ? Math.max(base, SMALL_GRAPH_MIN_SIZE) : base) * (isSelected ? 1.35 : 1) * (isRegime ? 1.6 : 1),
    color: inFocus ? colorOf(a.type) : DIM_NODE_COLOR,
    hidden: !!a.hidden,
    zIndex: inFocus ? 1 : 0,
    highlighted: isSelected || node === state.hovered,
  };
  if (state.graph.order <= TINY_GRAPH || isRegime) data.forceLabel = true;
  // Out of focus, labels go; the laws compared in a regime view keep theirs, so a highlighted article stays placed.
  if (focus && !inFocus && !isRegime) {
    data.label = "";
    data.forceLabel = false;
  }
  if (focus && inFocus && focus.nodes.size <= MAX_FORCED_LABELS) data.forceLabel = true;
  if (isSelected) data.forceLabel = true;
  // A selected law's articles, a selected article's duties: every one labelled (they are laid out not to collide),
  // so the lawyer reads the table of contents rather than a cloud of dots.
  if (inFocus && LEGAL_TYPES.has(a.type) && state.selected && state.graph.hasNode(state.selected) && state.graph.areNeighbors(node, state.selected)) {
    const parent = state.graph.getNodeAttribute(state.selected, "type");
    if (parent === "Law" || parent === "Provision") data.forceLabel = true;
  }
  return data;
}

export function edgeReducer(edge: string, a: EdgeAttrs): Partial<EdgeDisplayData> {
  const inFocus = !focus || focus.edges.has(edge);
  const curvature = typeof a.curvature === "number" ? a.curvature : 0;
  const action = ACTION_TYPES.has(a.type);
  const data: Partial<EdgeDisplayData> & { curvature: number } = {
    type: curvature !== 0 ? PROGRAM_EDGE_CURVED : PROGRAM_EDGE,
    curvature,
    hidden: !!a.hidden,
    size: action ? 1.6 : 1,
    color: action ? ACTION_EDGE_COLOR : EDGE_COLOR,
    zIndex: 0,
    label: "",
  };
  if (focus) {
    if (inFocus) {
      data.color = action ? "#c0392b" : HIGHLIGHT_EDGE_COLOR;
      data.size = 2;
      data.zIndex = 1;
    } else {
      data.color = DIM_EDGE_COLOR;
    }
  }
  return data;
}

let frame = 0;
/** Schedules one full refresh (reducers re-applied) on the next frame, however many changes arrive before it. */
export function scheduleRefresh(sigma: Sigma<NodeAttrs, EdgeAttrs>): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    focus = computeFocus();
    sigma.refresh();
  });
}

/** Wires the reducers' inputs (hover, selection, highlight, language, graph) to the debounced refresh. */
export function bindReducers(sigma: Sigma<NodeAttrs, EdgeAttrs>): void {
  state.on(["hover", "selection", "highlight", "lang", "graph", "filters"], () => scheduleRefresh(sigma));
  focus = computeFocus();
}

/**
 * The node and edge reducers: the only place where highlighting happens. They turn stored attributes (entity type,
 * degree, names) into what sigma draws (colour, size, label in the current language, program), and dim everything
 * outside the current focus: the hovered entity and its neighbours, else the highlighted set (a shortest path, a
 * search pick), else the selected entity and its neighbours. Refreshes are debounced to one per frame.
 */
import type Sigma from "sigma";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";

import { displayName, relName } from "../i18n.js";
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
  PROGRAM_EDGE_LINE,
  SYMMETRIC_TYPES,
  NODE_SHAPES,
  PROGRAM_NODE,
  RING_COLOR,
  colorOf,
  sizeOf,
} from "./settings.js";
import { chooseLabels, cutAtWord, labelBox, labelRank, shortLabel, type LabelSide } from "./labels.js";

const LEGAL_TYPES = new Set(["Provision", "Obligation", "Role", "Penalty"]);
/** In graphs this small (a regime view, a console result) nodes are drawn at least this big. */
const SMALL_GRAPH = 60;
const SMALL_GRAPH_MIN_SIZE = 10;
/** Legal labels are already cut at their colon; cut further, "Labeling Measures Art. 4" and "Art. 5" would read alike. */
const MAX_LEGAL_LABEL_CHARS = 34;
/** Wait this long after the last frame before choosing labels again (a camera move renders many frames). */
const LABEL_DEBOUNCE_MS = 90;

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

/** The label a node would carry on the canvas in the current language. */
export function canvasLabel(a: NodeAttrs): string {
  if (LEGAL_TYPES.has(a.type)) return cutAtWord(canvasName(a, displayName(state.lang, a)), MAX_LEGAL_LABEL_CHARS);
  return shortLabel(state.lang, a);
}

/** The labels chosen for the current camera (graph/labels.ts); null until sigma has drawn once. */
let labelled: Map<string, LabelSide> | null = null;

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
  if (edge && state.graph.hasEdge(edge))
    return { nodes: new Set(state.graph.extremities(edge)), edges: new Set([edge]) };
  return null;
}

export function nodeReducer(node: string, a: NodeAttrs): Partial<NodeDisplayData> {
  const inFocus = !focus || focus.nodes.has(node);
  const isSelected = node === state.selected;
  // The laws compared in a regime view stand out.
  const isRegime = state.view.kind === "regimes" && state.view.laws.includes(node);
  // The timeline dims what has not happened yet at its cut-off, and lights what appears in that very month.
  const future = !!a.future;
  const fresh = !future && !!state.filters.until && a.appears === state.filters.until;
  const small = state.graph.order <= SMALL_GRAPH;
  const base = sizeOf(typeof a.degree === "number" ? a.degree : state.graph.degree(node));
  const lit = inFocus && !future;
  const data: Partial<NodeDisplayData> & { ringColor: string } = {
    x: a.x,
    y: a.y,
    type: NODE_SHAPES[a.type] ?? PROGRAM_NODE,
    label: isSelected || node === state.hovered ? displayName(state.lang, a) : canvasLabel(a),
    // Subgraphs from paths and query results carry no degree: their degree in the view stands in.
    size:
      (small ? Math.max(base, SMALL_GRAPH_MIN_SIZE) : base) *
      (isSelected ? 1.35 : 1) *
      (isRegime ? 1.6 : 1) *
      (fresh ? 1.3 : 1),
    color: lit ? colorOf(a.type) : DIM_NODE_COLOR,
    ringColor: lit ? RING_COLOR : DIM_NODE_COLOR,
    hidden: !!a.hidden,
    zIndex: lit ? (fresh ? 2 : 1) : 0,
    highlighted: isSelected || node === state.hovered || fresh,
    forceLabel: false,
  };
  // Only the labels chosen not to collide are drawn (the selected and hovered entity's always are: sigma draws them
  // in their hover box, above the rest).
  if (isSelected || node === state.hovered) data.forceLabel = true;
  else if (labelled?.has(node)) {
    data.forceLabel = true;
    (data as { labelSide?: LabelSide }).labelSide = labelled.get(node);
  } else data.label = "";
  return data;
}

export function edgeReducer(edge: string, a: EdgeAttrs): Partial<EdgeDisplayData> {
  const inFocus = (!focus || focus.edges.has(edge)) && !a.future;
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
  // A relationship without a direction (two articles that correspond) is drawn without an arrowhead.
  if (SYMMETRIC_TYPES.has(a.type)) data.type = curvature !== 0 ? PROGRAM_EDGE_CURVED : PROGRAM_EDGE_LINE;
  // A path's hops are named on the canvas too, the arrow pointing the way the relationship points.
  if (state.view.kind === "path" && state.highlight?.edges.has(edge)) {
    data.label = relName(state.lang, a.type);
    data.forceLabel = true;
  }
  if (focus || a.future) {
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

/** The candidates for a label, most important first: the focus, then laws and regulators, companies, the rest by degree. */
function labelCandidates(): { node: string; text: string }[] {
  const g = state.graph;
  const out: { node: string; text: string; rank: number }[] = [];
  g.forEachNode((node, a) => {
    if (a.hidden || a.future || node === state.selected || node === state.hovered) return;
    if (focus && !focus.nodes.has(node)) return;
    const degree = typeof a.degree === "number" ? a.degree : g.degree(node);
    const regime = state.view.kind === "regimes" && state.view.laws.includes(node);
    const favoured =
      regime ||
      (state.selected && LEGAL_TYPES.has(a.type) && g.hasNode(state.selected) && g.areNeighbors(node, state.selected));
    out.push({
      node,
      text: canvasLabel(a),
      rank: labelRank(a.type, degree, !!(a.shortName || a.shortNameZh)) - (favoured ? 100_000_000 : 0),
    });
  });
  return out.sort((x, y) => x.rank - y.rank || (x.node < y.node ? -1 : 1));
}

let labelTimer: ReturnType<typeof setTimeout> | undefined;

/** Why a node has or lacks a label (for the end-to-end tests' diagnostics): its rank among candidates and box. */
export function explainLabel(sigma: Sigma<NodeAttrs, EdgeAttrs>, node: string): unknown {
  const candidates = labelCandidates();
  const index = candidates.findIndex((c) => c.node === node);
  const before = chooseLabels(sigma as unknown as Sigma, candidates.slice(0, Math.max(index, 0)));
  return {
    index,
    text: candidates[index]?.text,
    labelled: labelled?.get(node) ?? null,
    box: labelBox(sigma as unknown as Sigma, node, candidates[index]?.text ?? ""),
    dims: sigma.getDimensions(),
    keptBefore: before.size,
    blockers: [...before.keys()].filter((n) => {
      const a = labelBox(sigma as unknown as Sigma, n, canvasLabel(state.graph.getNodeAttributes(n)));
      const b = labelBox(sigma as unknown as Sigma, node, candidates[index]?.text ?? "");
      return (
        a &&
        b &&
        a.x < b.x + b.width + 3 &&
        b.x < a.x + a.width + 3 &&
        a.y < b.y + b.height + 3 &&
        b.y < a.y + a.height + 3
      );
    }),
  };
}

/** Chooses the labels for what sigma has just drawn; refreshes once more if the choice changed. */
function updateLabels(sigma: Sigma<NodeAttrs, EdgeAttrs>): void {
  const chosen = chooseLabels(sigma as unknown as Sigma, labelCandidates());
  if (labelled && chosen.size === labelled.size && [...chosen].every(([n, side]) => labelled!.get(n) === side)) return;
  labelled = chosen;
  sigma.refresh();
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
  // After any render (a camera move, a resize, new data), once the frames stop: choose the labels again.
  sigma.on("afterRender", () => {
    clearTimeout(labelTimer);
    labelTimer = setTimeout(() => updateLabels(sigma), LABEL_DEBOUNCE_MS);
  });
  focus = computeFocus();
}

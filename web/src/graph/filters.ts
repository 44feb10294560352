/**
 * The filters controller: turns the filter state (entity types, relationship types, bases, jurisdictions) into the
 * `hidden` attribute of nodes and edges, and the timeline cut-off into `future` (what has not happened yet stays in
 * place, dimmed, so the picture does not jump as the timeline plays). It draws nothing; the reducers do.
 */
import { state, type ExplorerGraph } from "../state.js";
import type { Filters } from "../types.js";

export function nodeVisible(a: { type: string; jurisdictions?: string[] }, f: Filters): boolean {
  if (f.hiddenTypes.has(a.type)) return false;
  if (
    f.jurisdictions.size > 0 &&
    a.jurisdictions &&
    a.jurisdictions.length > 0 &&
    !a.jurisdictions.some((j) => f.jurisdictions.has(j))
  )
    return false;
  return true;
}

/** Sets `hidden` on every node and edge of the graph from the filters. */
export function applyFilters(graph: ExplorerGraph, f: Filters): void {
  // No hints for nodes, and "zIndex" named for edges: with a hidden-only hint sigma skips re-indexing and fails
  // on nodes or edges added since its last render ("can't be repaint").
  graph.updateEachNodeAttributes((_n, a) => {
    a.hidden = !nodeVisible(a, f);
    a.future = !!f.until && !!a.appears && a.appears > f.until;
    return a;
  });
  graph.updateEachEdgeAttributes(
    (_e, a, source, target) => {
      a.hidden =
        f.hiddenRelTypes.has(a.type) ||
        (typeof a.basis === "string" && f.hiddenBases.has(a.basis)) ||
        !!graph.getNodeAttribute(source, "hidden") ||
        !!graph.getNodeAttribute(target, "hidden");
      a.future =
        (!!f.until && !!a.appears && a.appears > f.until) ||
        !!graph.getNodeAttribute(source, "future") ||
        !!graph.getNodeAttribute(target, "future");
      return a;
    },
    { attributes: ["hidden", "zIndex"] },
  );
}

/** Re-applies the filters whenever they or the graph change. */
export function bindFilters(): void {
  state.on(["filters", "graph"], () => applyFilters(state.graph, state.filters));
}

/** How many nodes and edges are visible now (shown, and not after the timeline's cut-off). */
export function visibleCounts(graph: ExplorerGraph): { nodes: number; edges: number } {
  let nodes = 0;
  let edges = 0;
  graph.forEachNode((_n, a) => {
    if (!a.hidden && !a.future) nodes++;
  });
  graph.forEachEdge((_e, a) => {
    if (!a.hidden && !a.future) edges++;
  });
  return { nodes, edges };
}

/**
 * The sigma renderer of the displayed graph: created once with the settings and reducers, its pointer events
 * forwarded to state (hover, selection), and camera moves (fit the visible graph, go to an entity).
 */
import Sigma from "sigma";

import { state } from "../state.js";
import type { EdgeAttrs, NodeAttrs } from "../types.js";
import { bindReducers, edgeReducer, nodeReducer } from "./reducers.js";
import { SIGMA_SETTINGS } from "./settings.js";

export type ExplorerSigma = Sigma<NodeAttrs, EdgeAttrs>;

export function createRenderer(container: HTMLElement, onPick: (id: string) => void): ExplorerSigma {
  const sigma = new Sigma<NodeAttrs, EdgeAttrs>(state.graph, container, {
    ...(SIGMA_SETTINGS as object),
    nodeReducer,
    edgeReducer,
  });
  bindReducers(sigma);
  sigma.on("enterNode", ({ node }) => {
    state.hover(node);
    container.style.cursor = "pointer";
  });
  sigma.on("leaveNode", () => {
    state.hover(null);
    container.style.cursor = "";
  });
  sigma.on("clickNode", ({ node }) => onPick(node));
  sigma.on("enterEdge", () => {
    container.style.cursor = "pointer";
  });
  sigma.on("leaveEdge", () => {
    container.style.cursor = "";
  });
  sigma.on("clickEdge", ({ edge }) =>
    state.selectEdge({ key: edge, type: state.graph.getEdgeAttribute(edge, "type") }),
  );
  sigma.on("clickStage", () => {
    state.select(null);
    if (state.view.kind !== "path") state.setHighlight(null);
  });
  return sigma;
}

/**
 * Moves the camera to an entity, animated, close enough that its neighbours' labels have room: the zoom frames the
 * entity and its neighbours (never wider than `ratio`).
 */
export function focusCamera(sigma: ExplorerSigma, id: string, ratio = 0.45): void {
  if (!state.graph.hasNode(id)) return;
  const display = sigma.getNodeDisplayData(id);
  if (!display) return;
  let span = 0;
  for (const m of state.graph.neighbors(id)) {
    const d = sigma.getNodeDisplayData(m);
    if (d && !d.hidden) span = Math.max(span, Math.abs(d.x - display.x), Math.abs(d.y - display.y));
  }
  const target = Math.min(ratio, Math.max(0.08, span * 2.6));
  sigma.getCamera().animate({ x: display.x, y: display.y, ratio: target }, { duration: 600 });
}

/** Resets the camera so the whole graph is in view. */
export function fitCamera(sigma: ExplorerSigma): void {
  // Small graphs get a little room on the right, where their labels would otherwise be cut by the canvas edge.
  if (state.graph.order <= 60) sigma.getCamera().animate({ x: 0.56, y: 0.5, ratio: 1.2, angle: 0 }, { duration: 400 });
  else sigma.getCamera().animatedReset({ duration: 400 });
}

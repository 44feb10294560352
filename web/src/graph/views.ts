/**
 * The view controller: fills the displayed graph for each view (the overview, a regime view, shortest paths, a
 * console result, an opened file), expands and collapses neighbourhoods, and brings an entity into view when it is
 * picked. It changes the graph and the camera; panels draw the rest from state.
 */
import { api, takeOverview } from "../api.js";
import { t } from "../i18n.js";
import { state } from "../state.js";
import type { Lang, PathsResponse, RegimesResponse, WireGraph } from "../../../src/model/wire.js";
import { mergeGraph, replaceGraph } from "./load.js";
import {
  layoutOverview,
  layoutSmall,
  MAX_SYNC_LAYOUT_NODES,
  restoreLayout,
  runWorkerLayout,
  saveLayout,
  seedPositions,
} from "./layout.js";
import { fitCamera, focusCamera, type ExplorerSigma } from "./renderer.js";

let sigma: ExplorerSigma | null = null;
/** The overview as loaded (with its laid-out positions), so returning to it needs no request and no layout. */
let overview: {
  wire: WireGraph;
  capped: boolean;
  total: number;
  edgesOmitted: number;
  dataCurrentTo: string | null;
} | null = null;
/** Positions from the overview, used to seed subgraph layouts so entities keep their neighbourhood. */
const knownPositions = new Map<string, { x: number; y: number }>();
/** Incremented by each load, so that a slow answer for an abandoned view is dropped. */
let generation = 0;

export function setRenderer(s: ExplorerSigma): void {
  sigma = s;
}

function rememberPositions(): void {
  state.graph.forEachNode((n, a) => knownPositions.set(n, { x: a.x, y: a.y }));
}

function snapshot(): WireGraph {
  return state.graph.export() as unknown as WireGraph;
}

function afterReplace(): void {
  state.expansions.clear();
  state.graphChanged();
  if (sigma) fitCamera(sigma);
}

/** The first view: the whole graph, laid out the same way on every load (or by ForceAtlas2 in a worker when large). */
export async function showOverview(): Promise<{
  capped: boolean;
  total: number;
  edgesOmitted: number;
  dataCurrentTo: string | null;
}> {
  const gen = ++generation;
  if (overview) {
    replaceGraph(state.graph, overview.wire);
    afterReplace();
    return overview;
  }
  const res = await takeOverview();
  state.setDataCurrentTo(res.dataCurrentTo);
  if (gen !== generation) return res;
  replaceGraph(state.graph, res.graph);
  const cached = restoreLayout(state.graph);
  const sync = !cached && state.graph.order <= MAX_SYNC_LAYOUT_NODES;
  if (sync) {
    layoutOverview(state.graph);
    saveLayout(state.graph);
  } else if (!cached) seedPositions(state.graph);
  afterReplace();
  if (!cached && !sync) {
    state.setLayoutRunning(true);
    state.setStatus(t(state.lang, "layoutRunning"));
    await runWorkerLayout(state.graph);
    state.setLayoutRunning(false);
    state.setStatus("");
    if (gen === generation && sigma) fitCamera(sigma);
  }
  rememberPositions();
  overview = {
    wire: snapshot(),
    capped: res.capped,
    total: res.total,
    edgesOmitted: res.edgesOmitted,
    dataCurrentTo: res.dataCurrentTo,
  };
  return res;
}

/** Replaces the displayed graph by a small subgraph, laid out from the positions entities had in the overview. */
export function showSubgraph(wire: WireGraph): void {
  ++generation;
  for (const n of wire.nodes) {
    const p = knownPositions.get(n.key);
    n.attributes = { ...(n.attributes ?? {}), x: p?.x ?? 0, y: p?.y ?? 0 };
  }
  replaceGraph(state.graph, wire);
  layoutSmall(state.graph);
  afterReplace();
}

/** Replaces the displayed graph by one read from a saved view (positions included). */
export function showFileGraph(wire: WireGraph): void {
  ++generation;
  replaceGraph(state.graph, wire);
  if (state.graph.everyNode((_n, a) => a.x === 0 && a.y === 0)) layoutSmall(state.graph);
  afterReplace();
}

/**
 * The regime view: the laws and what connects them. Asked again in another language, the same entities come back:
 * the graph (and its layout) stays as it is and only the explanations change.
 */
export async function showRegimes(laws: string[], lang: Lang): Promise<RegimesResponse> {
  const gen = ++generation;
  const res = await api.regimes(laws, lang);
  if (gen !== generation) return res;
  const same = res.graph.nodes.length === state.graph.order && res.graph.nodes.every((n) => state.graph.hasNode(n.key));
  if (!same) showSubgraph(res.graph);
  return res;
}

/**
 * Shortest paths on top of the overview: the path's entities and relationships are highlighted, the rest dimmed.
 * Entities of the path that the overview lacks are added.
 */
export async function showPaths(from: string, to: string, avoidHubs = true): Promise<PathsResponse> {
  const res = await api.paths(from, to, avoidHubs);
  if (state.view.kind !== "path") return res;
  mergeGraph(state.graph, res.graph, from);
  state.graphChanged();
  const edges = new Set(res.graph.edges.map((e) => e.key!).filter((k) => state.graph.hasEdge(k)));
  // No path: the two ends stay lit (not a canvas dimmed all over).
  const nodes = new Set(res.found ? res.paths.flat() : [from, to].filter((n) => state.graph.hasNode(n)));
  state.setHighlight({ nodes, edges });
  frameNodes([...nodes]);
  return res;
}

/** Moves the camera to the middle of some entities, zoomed so that they all fit (once sigma has drawn them). */
function frameNodes(ids: string[]): void {
  if (!sigma || ids.length === 0) return;
  const s = sigma;
  requestAnimationFrame(() => {
    const pts = ids
      .filter((n) => state.graph.hasNode(n))
      .map((n) => s.getNodeDisplayData(n))
      .filter(Boolean);
    if (!pts.length) return;
    const xs = pts.map((p) => p!.x);
    const ys = pts.map((p) => p!.y);
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    s.getCamera().animate(
      {
        x: (Math.max(...xs) + Math.min(...xs)) / 2,
        y: (Math.max(...ys) + Math.min(...ys)) / 2,
        ratio: Math.min(1, Math.max(0.08, span * 1.4)),
      },
      { duration: 500 },
    );
  });
}

/**
 * Brings an entity into the view (adding it with its neighbourhood when absent), selects it, highlights it and
 * its neighbours through the selection, and moves the camera to it.
 */
export async function pickEntity(id: string): Promise<void> {
  if (!state.graph.hasNode(id)) {
    const res = await api.neighborhood(id, { limit: 30 });
    const wasEmpty = state.graph.order === 0;
    mergeGraph(state.graph, res.graph);
    if (wasEmpty) layoutSmall(state.graph);
    state.graphChanged();
  }
  if (state.view.kind !== "path") state.setHighlight(null);
  state.select(id);
  if (sigma) {
    const s = sigma;
    // Wait a frame so sigma has indexed a node just added before moving the camera to it.
    requestAnimationFrame(() => focusCamera(s, id));
  }
}

/**
 * Adds an entity's neighbourhood (optionally only some relationship types, `depth` steps out, at most `limit`
 * entities). New entities are placed around what they hang from (a law's articles around the law, an article's
 * obligations around the article), so the picture already on screen does not move.
 */
export async function expand(
  id: string,
  opts: { relTypes?: string[]; limit?: number; depth?: number; frame?: boolean } = {},
): Promise<{ nodes: number; edges: number; capped: boolean; edgesOmitted: number; more: boolean }> {
  // Expanding again asks for the next neighbours: the API sends at most perNode of them per entity.
  const key = `${id}|${(opts.relTypes ?? []).join(",")}|${opts.depth ?? 1}`;
  const offset = state.nextOffsets.get(key) ?? 0;
  const res = await api.neighborhood(id, {
    relTypes: opts.relTypes,
    limit: opts.limit ?? 200,
    depth: opts.depth,
    offset,
  });
  state.nextOffsets.set(key, res.nextOffset ?? (offset ? 0 : null));
  const added = mergeGraph(state.graph, res.graph, id);
  const prior = state.expansions.get(id);
  if (prior) {
    added.nodes.forEach((n) => prior.nodes.add(n));
    added.edges.forEach((e) => prior.edges.add(e));
  } else state.expansions.set(id, added);
  state.graphChanged();
  if (state.view.kind === "explore") {
    rememberPositions();
    saveLayoutIfOverview();
  }
  // A law's articles, an article's duties: brought into view so that their labels can be read.
  if (opts.frame && added.nodes.size) frameNodes([id, ...added.nodes]);
  return {
    nodes: added.nodes.size,
    edges: added.edges.size,
    capped: res.capped,
    edgesOmitted: res.edgesOmitted,
    more: res.nextOffset !== null,
  };
}

function saveLayoutIfOverview(): void {
  // Expansions change the node set, so they get their own cache entry; the overview's stays valid.
  if (state.graph.order < 5_000) saveLayout(state.graph);
}

/** Removes what an expansion added, except entities that another expansion (or the selection) still needs. */
export function collapse(id: string): void {
  const added = state.expansions.get(id);
  if (!added) return;
  state.expansions.delete(id);
  const stillNeeded = new Set<string>([id]);
  for (const other of state.expansions.values()) other.nodes.forEach((n) => stillNeeded.add(n));
  for (const e of added.edges) if (state.graph.hasEdge(e)) state.graph.dropEdge(e);
  for (const n of added.nodes) if (!stillNeeded.has(n) && state.graph.hasNode(n)) state.graph.dropNode(n);
  if (state.selected && !state.graph.hasNode(state.selected)) state.select(null);
  state.graphChanged();
}

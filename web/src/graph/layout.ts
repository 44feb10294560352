/**
 * Layout: ForceAtlas2 in its web worker for the first view, run for a bounded time and then stopped; positions are
 * cached in localStorage under a key derived from the graph's node set, so a reload of the same graph is instant.
 * Starting positions are seeded by Louvain communities (deterministic), which lets FA2 settle quickly. Small
 * subgraphs (regimes, paths, console results) are laid out synchronously.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";

import type { ExplorerGraph } from "../state.js";

export const LAYOUT_CACHE_PREFIX = "explorer.layout.v1.";
/** Upper bound of the worker's run; the layout is stopped then, converged or not. */
export const MAX_LAYOUT_MS = 4_000;
const MIN_LAYOUT_MS = 1_500;
const SYNC_ITERATIONS = 300;

/** FNV-1a over the sorted node keys: the same set of entities gets the same cached layout. */
export function layoutKey(graph: ExplorerGraph): string {
  let h = 0x811c9dc5;
  const keys = graph.nodes().sort();
  for (const k of keys) {
    for (let i = 0; i < k.length; i++) {
      h ^= k.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2c;
    h = Math.imul(h, 0x01000193);
  }
  return `${LAYOUT_CACHE_PREFIX}${keys.length}.${(h >>> 0).toString(36)}`;
}

/** Applies cached positions if every node has one; returns whether it did. */
export function restoreLayout(graph: ExplorerGraph): boolean {
  let cached: Record<string, [number, number]> | null = null;
  try {
    cached = JSON.parse(localStorage.getItem(layoutKey(graph)) ?? "null") as Record<string, [number, number]> | null;
  } catch {
    cached = null;
  }
  if (!cached || graph.someNode((n) => !Array.isArray(cached![n]))) return false;
  graph.forEachNode((n) => {
    const [x, y] = cached![n];
    graph.mergeNodeAttributes(n, { x, y });
  });
  return true;
}

export function saveLayout(graph: ExplorerGraph): void {
  const positions: Record<string, [number, number]> = {};
  graph.forEachNode((n, a) => {
    positions[n] = [Math.round(a.x * 100) / 100, Math.round(a.y * 100) / 100];
  });
  try {
    // Keep one cached layout per graph size at most, so storage does not fill up over months of use.
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const k = localStorage.key(i);
      if (k?.startsWith(LAYOUT_CACHE_PREFIX) && k !== layoutKey(graph)) localStorage.removeItem(k);
    }
    localStorage.setItem(layoutKey(graph), JSON.stringify(positions));
  } catch {
    // storage full or disabled: the next reload lays out again
  }
}

/** A small deterministic PRNG (mulberry32), so the same graph starts from the same positions. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Places each Louvain community around its own point on a large circle, members scattered near it. */
export function seedPositions(graph: ExplorerGraph): void {
  const simple = new Graph({ type: "undirected" });
  graph.forEachNode((n) => simple.addNode(n));
  graph.forEachEdge((_e, _a, s, t) => {
    if (s !== t) simple.mergeEdge(s, t);
  });
  const random = prng(graph.order * 7919 + graph.size);
  const communities = simple.size > 0 ? louvain(simple, { rng: random }) : {};
  const ids = [...new Set(Object.values(communities))];
  const R = Math.sqrt(graph.order) * 10;
  graph.forEachNode((n) => {
    const c = communities[n];
    const idx = c === undefined ? 0 : ids.indexOf(c);
    const angle = (2 * Math.PI * idx) / Math.max(ids.length, 1);
    const r = R * 0.35 * Math.sqrt(random());
    const theta = 2 * Math.PI * random();
    graph.mergeNodeAttributes(n, { x: R * Math.cos(angle) + r * Math.cos(theta), y: R * Math.sin(angle) + r * Math.sin(theta) });
  });
}

function fa2Settings(graph: ExplorerGraph) {
  return {
    ...forceAtlas2.inferSettings(graph as never),
    // Strong gravity keeps small disconnected groups near the rest instead of drifting to the edges of the canvas.
    strongGravityMode: true,
    gravity: 0.02,
    scalingRatio: 12,
    barnesHutOptimize: graph.order > 1_500,
    slowDown: 1 + Math.log(Math.max(graph.order, 1)),
  };
}

/**
 * Runs ForceAtlas2 in its web worker for a bounded time, then stops it and caches the positions. Resolves when
 * stopped. `onTick` lets the caller show the layout moving.
 */
export function runWorkerLayout(graph: ExplorerGraph, durationMs = Math.min(MAX_LAYOUT_MS, MIN_LAYOUT_MS + graph.order * 5)): Promise<void> {
  if (graph.order < 2) return Promise.resolve();
  const supervisor = new FA2LayoutSupervisor(graph as never, { settings: fa2Settings(graph) });
  supervisor.start();
  return new Promise((resolve) => {
    setTimeout(() => {
      supervisor.stop();
      supervisor.kill();
      saveLayout(graph);
      resolve();
    }, durationMs);
  });
}

/** Synchronous layout for small subgraphs: starts from the positions nodes have (or a seed) and settles them. */
export function layoutSmall(graph: ExplorerGraph): void {
  if (graph.order === 0) return;
  const atOrigin = graph.filterNodes((_n, a) => a.x === 0 && a.y === 0);
  if (atOrigin.length === graph.order) seedPositions(graph);
  else if (atOrigin.length > 0) {
    // Entities new to this view start next to the neighbours that already have a place.
    const random = prng(graph.order);
    for (const n of atOrigin) {
      const placed = graph.neighbors(n).map((m) => graph.getNodeAttributes(m)).filter((a) => a.x !== 0 || a.y !== 0);
      const pool = placed.length ? placed : graph.filterNodes((_m, a) => a.x !== 0 || a.y !== 0).map((m) => graph.getNodeAttributes(m));
      const cx = pool.reduce((s, a) => s + a.x, 0) / pool.length;
      const cy = pool.reduce((s, a) => s + a.y, 0) / pool.length;
      graph.mergeNodeAttributes(n, { x: cx + (random() - 0.5) * 20, y: cy + (random() - 0.5) * 20 });
    }
  }
  if (graph.order < 2) return;
  forceAtlas2.assign(graph as never, { iterations: SYNC_ITERATIONS, settings: { ...fa2Settings(graph), scalingRatio: 30, gravity: 1 } });
}

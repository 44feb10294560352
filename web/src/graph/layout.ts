/**
 * Layout. The first view of a graph the size of the seed is laid out the same way on every load (seeded, a fixed
 * number of iterations, no clock): each connected component on its own with ForceAtlas2 in LinLog mode (which pulls
 * clusters apart), then noverlap so that no two discs touch, then the components packed in rows under the largest,
 * so small fragments sit beside the main picture rather than strewn along the canvas edge. Positions are also
 * cached in localStorage under a key derived from the node set, so a reload skips even that. Larger overviews run
 * ForceAtlas2 in its web worker for a bounded time. Small subgraphs (regimes, paths, console results) are laid out
 * synchronously.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { connectedComponents } from "graphology-components";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";

import type { ExplorerGraph } from "../state.js";
import { sizeOf } from "./settings.js";

export const LAYOUT_CACHE_PREFIX = "explorer.layout.v2.";
/** Up to this many nodes the overview is laid out synchronously and deterministically; above, in the worker. */
export const MAX_SYNC_LAYOUT_NODES = 2_500;
/** ForceAtlas2 iterations per component (fewer for big graphs, whose cost grows with the square of the order). */
const COMPONENT_ITERATIONS = 600;
/** The canvas width in pixels that the layout is scaled for: disc sizes and label room are reckoned against it. */
const TARGET_PIXELS = 800;
/** Room kept free to the right of each disc, in pixels, for its label (noverlap treats it as a larger disc). */
const LABEL_ROOM_PX = 4;
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
    graph.mergeNodeAttributes(n, {
      x: R * Math.cos(angle) + r * Math.cos(theta),
      y: R * Math.sin(angle) + r * Math.sin(theta),
    });
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

type Box = { minX: number; minY: number; maxX: number; maxY: number };

function boxOf(graph: Graph, nodes: string[]): Box {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const n of nodes) {
    const { x, y } = graph.getNodeAttributes(n) as { x: number; y: number };
    b.minX = Math.min(b.minX, x);
    b.minY = Math.min(b.minY, y);
    b.maxX = Math.max(b.maxX, x);
    b.maxY = Math.max(b.maxY, y);
  }
  return b;
}

/** Lays one component out alone: seeded on a small disc, ForceAtlas2 (LinLog, clusters apart), at the origin. */
function layoutComponent(sub: Graph, seed: number): void {
  const random = prng(seed);
  const R = Math.sqrt(sub.order) * 10;
  sub.forEachNode((n) => sub.mergeNodeAttributes(n, { x: R * (random() - 0.5), y: R * (random() - 0.5) }));
  if (sub.order < 2) return;
  if (sub.order === 2) {
    const [a, b] = sub.nodes();
    sub.mergeNodeAttributes(a, { x: -10, y: 0 });
    sub.mergeNodeAttributes(b, { x: 10, y: 0 });
    return;
  }
  forceAtlas2.assign(sub, {
    iterations: Math.max(150, Math.round(COMPONENT_ITERATIONS * Math.min(1, 400 / sub.order))),
    settings: {
      ...forceAtlas2.inferSettings(sub),
      linLogMode: true,
      outboundAttractionDistribution: true,
      adjustSizes: false,
      gravity: 0.5,
      scalingRatio: 4,
      barnesHutOptimize: sub.order > 800,
    },
  });
}

/**
 * Places components in rows (largest first, like lines of text) inside a width suited to the canvas' aspect, each
 * with a margin, and centres the result on the origin.
 */
function packComponents(graph: Graph, comps: string[][], gap: number): void {
  const boxes = comps.map((c) => ({ nodes: c, box: boxOf(graph, c) }));
  const w = (b: Box) => b.maxX - b.minX + gap;
  const hgt = (b: Box) => b.maxY - b.minY + gap;
  // The largest component on top; the others in rows under it, within the middle half of its width, like a
  // caption: close to the picture, each fragment with room for its label, none strewn along the canvas edge.
  const main = boxes[0].box;
  const rowWidth = Math.max(w(main) * 0.55, ...boxes.slice(1).map((b) => w(b.box)));
  const start = (w(main) - rowWidth) / 2;
  const move = (nodes: string[], dx: number, dy: number) => {
    for (const n of nodes) {
      const a = graph.getNodeAttributes(n) as { x: number; y: number };
      graph.mergeNodeAttributes(n, { x: a.x + dx, y: a.y + dy });
    }
  };
  // The main component spans x in [0, width] and y in [-height, 0]; rows grow downwards from under it (sigma's
  // y axis points up, so "down" is negative y).
  move(boxes[0].nodes, -main.minX, -main.maxY);
  let x = start;
  let y = -hgt(main);
  let rowHeight = 0;
  for (const { nodes, box } of boxes.slice(1)) {
    if (x > start && x + w(box) > start + rowWidth) {
      x = start;
      y -= rowHeight;
      rowHeight = 0;
    }
    move(nodes, x - box.minX, y - box.maxY);
    x += w(box);
    rowHeight = Math.max(rowHeight, hgt(box));
  }
  const all = boxOf(graph, graph.nodes());
  const cx = (all.minX + all.maxX) / 2;
  const cy = (all.minY + all.maxY) / 2;
  graph.forEachNode((n, a) => graph.mergeNodeAttributes(n, { x: (a.x as number) - cx, y: (a.y as number) - cy }));
}

/**
 * The deterministic overview layout (see the banner): components laid out apart, discs kept from overlapping at the
 * canvas' scale, components packed. The same graph gets the same picture on every load and every machine.
 */
export function layoutOverview(graph: ExplorerGraph): void {
  if (graph.order === 0) return;
  const simple = new Graph({ type: "undirected" });
  graph.forEachNode((n, a) => simple.addNode(n, { degree: typeof a.degree === "number" ? a.degree : graph.degree(n) }));
  graph.forEachEdge((_e, _a, s, t) => {
    if (s !== t) simple.mergeEdge(s, t);
  });
  // Largest first; ties by their first key, so the order does not depend on how the server listed the nodes.
  const comps = connectedComponents(simple)
    .map((c) => c.sort())
    .sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  comps.forEach((nodes, i) => {
    const sub = new Graph({ type: "undirected" });
    for (const n of nodes) sub.addNode(n, { ...simple.getNodeAttributes(n) });
    // Edges in a fixed order too: ForceAtlas2 sums forces edge by edge, and the server's edge order is not stable
    // between databases (a fresh one and one reloaded), which moved the picture, and so its labels, a little.
    const pairs: [string, string][] = [];
    for (const n of nodes)
      simple.forEachEdge(n, (_e, _a, s, t) => {
        if (s === n) pairs.push(s < t ? [s, t] : [t, s]);
      });
    pairs.sort((p, q) => (p[0] === q[0] ? (p[1] < q[1] ? -1 : 1) : p[0] < q[0] ? -1 : 1));
    for (const [s, t] of pairs) sub.mergeEdge(s, t);
    layoutComponent(sub, 7919 * (i + 1) + sub.order);
    // Discs in graph units: the main component will span about the canvas, so a pixel is its width / TARGET_PIXELS.
    const b = boxOf(sub, sub.nodes());
    const unit = i === 0 ? Math.max(b.maxX - b.minX, b.maxY - b.minY, 1) / TARGET_PIXELS : unitOf(simple);
    if (i === 0) simple.setAttribute("unit", unit);
    noverlap.assign(sub, {
      maxIterations: 200,
      inputReducer: (_k, a) => ({
        x: a.x,
        y: a.y,
        size: (sizeOf((a as { degree?: number }).degree) + LABEL_ROOM_PX) * unit,
      }),
      settings: { margin: 2 * unit, ratio: 1, speed: 3 },
    });
    sub.forEachNode((n, a) => simple.mergeNodeAttributes(n, { x: a.x, y: a.y }));
  });
  packComponents(simple, comps, 30 * unitOf(simple));
  simple.forEachNode((n, a) => graph.mergeNodeAttributes(n, { x: a.x as number, y: a.y as number }));
}

function unitOf(g: Graph): number {
  return (g.getAttribute("unit") as number | undefined) ?? 1;
}

/**
 * Runs ForceAtlas2 in its web worker for a bounded time, then stops it and caches the positions. Resolves when
 * stopped. `onTick` lets the caller show the layout moving.
 */
export function runWorkerLayout(
  graph: ExplorerGraph,
  durationMs = Math.min(MAX_LAYOUT_MS, MIN_LAYOUT_MS + graph.order * 5),
): Promise<void> {
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
      const placed = graph
        .neighbors(n)
        .map((m) => graph.getNodeAttributes(m))
        .filter((a) => a.x !== 0 || a.y !== 0);
      const pool = placed.length
        ? placed
        : graph.filterNodes((_m, a) => a.x !== 0 || a.y !== 0).map((m) => graph.getNodeAttributes(m));
      const cx = pool.reduce((s, a) => s + a.x, 0) / pool.length;
      const cy = pool.reduce((s, a) => s + a.y, 0) / pool.length;
      graph.mergeNodeAttributes(n, { x: cx + (random() - 0.5) * 20, y: cy + (random() - 0.5) * 20 });
    }
  }
  if (graph.order < 2) return;
  forceAtlas2.assign(graph as never, {
    iterations: SYNC_ITERATIONS,
    settings: { ...fa2Settings(graph), scalingRatio: 30, gravity: 1 },
  });
}

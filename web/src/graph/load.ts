/**
 * Loading graphs from the API's wire format (graphology's serialized graph) into the displayed graph: replacing
 * it, or merging a subgraph (an expanded neighbourhood) next to an entity. After every change the derived
 * attributes are recomputed: each entity's jurisdictions and the month it enters the timeline, each edge's month,
 * and the curvature that keeps parallel edges apart.
 */
import { DEFAULT_EDGE_CURVATURE, indexParallelEdgesIndex } from "@sigma/edge-curve";

import type { ExplorerGraph } from "../state.js";
import type { WireGraph } from "../../../src/model/wire.js";
import type { EdgeAttrs, NodeAttrs } from "../types.js";

const LOCATED_BY = new Set(["BASED_IN", "APPLIES_IN"]);

/** The month of an ISO date with day, month or year precision ("2025" counts from January). */
export function monthOf(date: unknown): string | undefined {
  if (typeof date !== "string" || !/^\d{4}/.test(date)) return undefined;
  return date.length >= 7 ? date.slice(0, 7) : `${date.slice(0, 4)}-01`;
}

/** The date an entity itself carries: a case's start, a law's issue, a model's release. */
function ownMonth(a: Record<string, unknown>): string | undefined {
  return monthOf(a.startDate ?? a.issuedDate ?? a.releaseDate ?? a.effectiveDate);
}

function nodeAttrs(raw: Record<string, unknown> | undefined, key: string): NodeAttrs {
  const a = { ...(raw ?? {}) };
  return {
    ...a,
    type: typeof a.type === "string" ? a.type : "Entity",
    label: typeof a.label === "string" ? a.label : key,
    x: typeof a.x === "number" && Number.isFinite(a.x) ? a.x : 0,
    y: typeof a.y === "number" && Number.isFinite(a.y) ? a.y : 0,
  };
}

function edgeAttrs(raw: Record<string, unknown> | undefined): EdgeAttrs {
  const a = { ...(raw ?? {}) };
  delete a.hidden;
  return { ...a, type: typeof a.type === "string" ? a.type : "RELATED" };
}

/** Replaces the graph's content with a wire graph. Positions in it (x, y) are kept; others start at 0. */
export function replaceGraph(graph: ExplorerGraph, wire: WireGraph): void {
  graph.clear();
  for (const n of wire.nodes) graph.mergeNode(n.key, nodeAttrs(n.attributes, n.key));
  wire.edges.forEach((e, i) => {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) return;
    const key = e.key ?? `edge-${i}`;
    if (!graph.hasEdge(key)) graph.addEdgeWithKey(key, e.source, e.target, edgeAttrs(e.attributes));
  });
  deriveAttributes(graph);
}

/**
 * Adds what the wire graph has and the displayed graph lacks. New entities are placed around what they hang from,
 * breadth-first from `near` (the entity that was expanded): its direct neighbours on a ring around it, the next
 * step on an arc beyond each of them, pointing away from `near` (a law's articles around the law, an article's
 * obligations beyond the article, their roles beyond those). The picture the lawyer already has does not move.
 */
export function mergeGraph(
  graph: ExplorerGraph,
  wire: WireGraph,
  near?: string,
): { nodes: Set<string>; edges: Set<string> } {
  const added = { nodes: new Set<string>(), edges: new Set<string>() };
  const fresh = new Map(wire.nodes.filter((n) => !graph.hasNode(n.key)).map((n) => [n.key, n]));
  const positions = placeAround(graph, wire, fresh, near);
  for (const [key, n] of fresh) {
    const attrs = nodeAttrs(n.attributes, key);
    const p = positions.get(key)!;
    attrs.x = p.x;
    attrs.y = p.y;
    graph.addNode(key, attrs);
    added.nodes.add(key);
  }
  wire.edges.forEach((e, i) => {
    const key = e.key ?? `edge-${e.source}-${e.target}-${i}`;
    if (graph.hasEdge(key) || !graph.hasNode(e.source) || !graph.hasNode(e.target)) return;
    graph.addEdgeWithKey(key, e.source, e.target, edgeAttrs(e.attributes));
    added.edges.add(key);
  });
  if (added.nodes.size || added.edges.size) deriveAttributes(graph);
  return added;
}

type Point = { x: number; y: number };

/** Above this many children, the expanded entity's children go into columns instead of a ring. */
const COLUMN_THRESHOLD = 12;
/** Rows per column at most, the row height (a share of the base ring radius) and the column width in rows. */
const MAX_ROWS = 16;
const ROW_SPACING = 0.3;
const COLUMN_SPACING = 6;

/** +1 to put new entities to the right of `id`, -1 to the left: away from the neighbours it already has. */
function freeSide(graph: ExplorerGraph, id: string, center: Point): 1 | -1 {
  let dx = 0;
  graph.forEachNeighbor(id, (_n, a) => {
    dx += a.x - center.x;
  });
  return dx > 0 ? -1 : 1;
}

/** Positions for the fresh entities: a breadth-first tree from `near`, each level around its parent. */
function placeAround(
  graph: ExplorerGraph,
  wire: WireGraph,
  fresh: Map<string, unknown>,
  near?: string,
): Map<string, Point> {
  const out = new Map<string, Point>();
  const at = (k: string): Point | undefined =>
    out.get(k) ?? (graph.hasNode(k) ? graph.getNodeAttributes(k) : undefined);
  const links = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    if (!links.has(a)) links.set(a, []);
    links.get(a)!.push(b);
  };
  for (const e of wire.edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const base = ringRadius(graph);
  const root = near && graph.hasNode(near) ? near : undefined;
  const parentOf = new Map<string, string>();
  const radiusOf = new Map<string, number>();
  const queue = root ? [root] : [];
  const seen = new Set(queue);
  while (queue.length) {
    const parent = queue.shift()!;
    const children = [...new Set(links.get(parent) ?? [])].filter((k) => fresh.has(k) && !seen.has(k));
    children.forEach((k) => seen.add(k));
    if (children.length === 0) continue;
    const center = at(parent)!;
    const grand = parentOf.has(parent) ? at(parentOf.get(parent)!) : undefined;
    // Many children of the expanded entity (a law's articles): columns beside it, in the law's own order (ids carry
    // the article numbers), like a table of contents whose labels do not collide.
    if (!grand && children.length > COLUMN_THRESHOLD) {
      children.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
      const side = freeSide(graph, parent, center);
      const row = base * ROW_SPACING;
      const rows = Math.min(children.length, Math.ceil(children.length / Math.ceil(children.length / MAX_ROWS)));
      children.forEach((k, i) => {
        const col = Math.floor(i / rows);
        const r = i % rows; // the first row on top (sigma's y axis points up)
        out.set(k, {
          x: center.x + side * (row * 3 + col * row * COLUMN_SPACING),
          y: center.y + ((rows - 1) / 2 - r) * row,
        });
        parentOf.set(k, parent);
        radiusOf.set(k, row * 2);
        queue.push(k);
      });
      continue;
    }
    // The first ring grows with its size (about 40 entities to a ring of the base radius); deeper arcs are smaller.
    const radius = grand
      ? (radiusOf.get(parent) ?? base) * 0.5
      : Math.min(Math.max(base, (base * children.length) / 40), base * 3);
    // Around the root: the whole circle. Beyond: an arc facing away from the grandparent, wider for more children.
    const away = grand ? Math.atan2(center.y - grand.y, center.x - grand.x) : 0;
    const span = grand ? Math.min(Math.PI * 1.2, (Math.PI / 6) * children.length) : 2 * Math.PI;
    children.forEach((k, i) => {
      const angle = grand
        ? away - span / 2 + (span * (i + 0.5)) / children.length
        : (2 * Math.PI * i) / children.length;
      out.set(k, { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
      parentOf.set(k, parent);
      radiusOf.set(k, radius);
      queue.push(k);
    });
  }
  // Entities not reached from `near` (a path's far end): a ring around it, or around the origin.
  const rest = [...fresh.keys()].filter((k) => !out.has(k));
  const center = (root && at(root)) || { x: 0, y: 0 };
  rest.forEach((k, i) => {
    const angle = (2 * Math.PI * i) / Math.max(rest.length, 1);
    out.set(k, { x: center.x + base * Math.cos(angle), y: center.y + base * Math.sin(angle) });
  });
  return out;
}

/** A ring size proportional to the graph's spread, so expansions look alike at any zoom. */
function ringRadius(graph: ExplorerGraph): number {
  let minX = Infinity;
  let maxX = -Infinity;
  graph.forEachNode((_n, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
  });
  const spread = Number.isFinite(maxX - minX) ? maxX - minX : 100;
  return Math.max(spread / 12, 1);
}

function parentsOf(graph: ExplorerGraph, jur: string): string[] {
  const out: string[] = [];
  const seen = new Set([jur]);
  let frontier = [jur];
  while (frontier.length) {
    const next: string[] = [];
    for (const j of frontier) {
      graph.forEachOutEdge(j, (_e, a, _s, target) => {
        if (a.type === "PART_OF" && !seen.has(target)) {
          seen.add(target);
          out.push(target);
          next.push(target);
        }
      });
    }
    frontier = next;
  }
  return out;
}

/** Recomputes jurisdictions, timeline months and edge curvature for the whole graph. */
export function deriveAttributes(graph: ExplorerGraph): void {
  // Jurisdictions: direct (based in, applies in, is one), then borrowed from neighbours for cases, models, topics.
  const direct = new Map<string, Set<string>>();
  graph.forEachNode((node, a) => {
    const set = new Set<string>();
    if (a.type === "Jurisdiction") [node, ...parentsOf(graph, node)].forEach((j) => set.add(j));
    graph.forEachOutEdge(node, (_e, ea, _s, target) => {
      if (LOCATED_BY.has(ea.type) && graph.getNodeAttribute(target, "type") === "Jurisdiction") {
        [target, ...parentsOf(graph, target)].forEach((j) => set.add(j));
      }
    });
    direct.set(node, set);
  });
  graph.forEachNode((node) => {
    let set = direct.get(node)!;
    if (set.size === 0) {
      set = new Set();
      graph.forEachNeighbor(node, (m, ma) => {
        if (ma.type !== "Jurisdiction") direct.get(m)?.forEach((j) => set.add(j));
      });
    }
    graph.setNodeAttribute(node, "jurisdictions", [...set]);
  });

  // Timeline: an edge enters with its date, or with the later of its ends' own dates.
  const own = new Map<string, string | undefined>();
  graph.forEachNode((node, a) => own.set(node, ownMonth(a)));
  // The timeline spans every dated item: relationships, and entities' own dates (a law's issue and entry into force).
  const months = new Set<string>();
  graph.forEachNode((_node, a) => {
    for (const d of [a.startDate, a.issuedDate, a.releaseDate, a.effectiveDate, a.appliesFrom]) {
      const m = monthOf(d);
      if (m) months.add(m);
    }
  });
  graph.forEachEdge((edge, a, source, target) => {
    const dated = monthOf(a.date);
    if (dated) months.add(dated);
    const ends = [own.get(source), own.get(target)].filter((m): m is string => !!m).sort();
    graph.setEdgeAttribute(edge, "appears", dated ?? ends[ends.length - 1]);
  });
  graph.forEachNode((node) => {
    let appears = own.get(node);
    if (!appears) {
      let undated = graph.degree(node) === 0;
      let earliest: string | undefined;
      graph.forEachEdge(node, (_e, ea) => {
        if (!ea.appears) undated = true;
        else if (!earliest || ea.appears < earliest) earliest = ea.appears;
      });
      appears = undated ? undefined : earliest;
    }
    graph.setNodeAttribute(node, "appears", appears);
  });
  graph.setAttribute("months", [...months].sort());

  // Parallel edges (a regulator that investigates and fines a company) get distinct curvatures.
  indexParallelEdgesIndex(graph as never, {
    edgeIndexAttribute: "parallelIndex",
    edgeMinIndexAttribute: "parallelMinIndex",
    edgeMaxIndexAttribute: "parallelMaxIndex",
  });
  graph.forEachEdge((edge, a) => {
    graph.setEdgeAttribute(edge, "curvature", curvatureOf(a.parallelIndex, a.parallelMaxIndex));
  });
}

/** The demo's curvature for the i-th of n parallel edges: 0 for a lone edge. */
function curvatureOf(index: number | null | undefined, maxIndex: number | null | undefined): number {
  if (typeof index !== "number" || typeof maxIndex !== "number" || maxIndex <= 0) return 0;
  if (index < 0) return -curvatureOf(-index, maxIndex);
  const amplitude = 3.5;
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (maxCurvature * index) / maxIndex;
}

/** Every month from the first to the last event month, gaps included, for the timeline slider. */
export function monthRange(months: string[]): string[] {
  if (months.length === 0) return [];
  const out: string[] = [];
  let [y, m] = months[0].split("-").map(Number);
  const last = months[months.length - 1];
  for (let guard = 0; guard < 600; guard++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    out.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** A wire graph of what is in the displayed graph (positions included, derived attributes left out). */
export function toWire(graph: ExplorerGraph): WireGraph {
  const DERIVED = [
    "jurisdictions",
    "appears",
    "hidden",
    "future",
    "parallelIndex",
    "parallelMinIndex",
    "parallelMaxIndex",
    "curvature",
  ];
  const strip = (a: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(a).filter(([k]) => !DERIVED.includes(k)));
  return {
    options: { type: "directed", multi: true, allowSelfLoops: false },
    attributes: {},
    nodes: graph.mapNodes((key, a) => ({ key, attributes: strip(a) })),
    edges: graph.mapEdges((key, a, source, target) => ({ key, source, target, attributes: strip(a) })),
  };
}

/**
 * Rows of nodes and relationships to graphology's serialized format ({nodes:[{key,attributes}], edges:[...]}), the
 * wire format the explorer passes to graph.import(). Turning records into a graph is kept apart from drawing it.
 */
import type { SerializedGraph } from "graphology-types";

import type { PlainNode, PlainRelationship } from "../../db/values.js";

export interface NodeRow {
  labels: string[];
  props: Record<string, unknown>;
  degree?: number;
}
export interface RelRow {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** A relationship as graph endpoints send it: what the explorer draws and filters on; the evidence is read on selection. */
export interface LeanEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  basis?: string;
  date?: string;
}

export type WireGraph = SerializedGraph & { options: { type: "directed"; multi: true; allowSelfLoops: false } };

/** The model label of a node (its labels minus the common :Entity). */
export function entityType(labels: string[]): string {
  return labels.find((l) => l !== "Entity") ?? labels[0] ?? "Entity";
}

export function displayName(props: Record<string, unknown>): string {
  return String(props.nameEn ?? props.nameZh ?? props.title ?? props.id ?? "");
}

export function nodeAttributes(row: NodeRow): Record<string, unknown> & { type: string; label: string } {
  const { aliasesText: _a, ...props } = row.props;
  return {
    ...props,
    type: entityType(row.labels),
    label: displayName(row.props),
    ...(row.degree !== undefined ? { degree: row.degree } : {}),
  };
}

/**
 * Nodes and relationships as a wire graph: full relationships (`rels`, every property: exports, paths, query
 * results) and lean ones (`lean`: id, type, basis, date), each edge once and only between nodes present, at most
 * `maxEdges` in all.
 */
export function toWireGraph(nodes: NodeRow[], rels: RelRow[], lean: LeanEdge[] = [], maxEdges = Infinity): WireGraph {
  const keys = new Set<string>();
  const wireNodes = [];
  for (const n of nodes) {
    const key = String(n.props.id);
    if (keys.has(key)) continue;
    keys.add(key);
    wireNodes.push({ key, attributes: nodeAttributes(n) });
  }
  const seen = new Set<string>();
  const edges = [];
  for (const r of rels) {
    const key = String(r.props.id);
    if (seen.has(key) || !keys.has(r.from) || !keys.has(r.to)) continue;
    seen.add(key);
    edges.push({ key, source: r.from, target: r.to, attributes: { ...r.props, type: r.type } });
  }
  for (const e of lean) {
    if (edges.length >= maxEdges) break;
    if (seen.has(e.id) || !keys.has(e.from) || !keys.has(e.to)) continue;
    seen.add(e.id);
    const attributes: Record<string, unknown> = { id: e.id, type: e.type };
    if (e.basis != null) attributes.basis = e.basis;
    if (e.date != null) attributes.date = e.date;
    edges.push({ key: e.id, source: e.from, target: e.to, attributes });
  }
  return { options: { type: "directed", multi: true, allowSelfLoops: false }, attributes: {}, nodes: wireNodes, edges };
}

/** Nodes and relationships found anywhere in plain query results (nested in lists, maps and paths). */
export function graphFromResults(rows: unknown[]): WireGraph {
  const nodes = new Map<string, PlainNode>();
  const rels = new Map<string, PlainRelationship>();
  const visit = (v: unknown): void => {
    if (!v || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach(visit);
    const o = v as { kind?: string };
    if (o.kind === "node") nodes.set((v as PlainNode).elementId, v as PlainNode);
    else if (o.kind === "relationship") rels.set((v as PlainRelationship).elementId, v as PlainRelationship);
    else if (o.kind === "path") {
      (v as { nodes: PlainNode[] }).nodes.forEach(visit);
      (v as { relationships: PlainRelationship[] }).relationships.forEach(visit);
    } else Object.values(v).forEach(visit);
  };
  rows.forEach(visit);
  const keyOf = new Map<string, string>();
  const nodeRows: NodeRow[] = [...nodes.values()].map((n) => {
    const id = String(n.properties.id ?? n.elementId);
    keyOf.set(n.elementId, id);
    return { labels: n.labels, props: { ...n.properties, id } };
  });
  const relRows: RelRow[] = [...rels.values()]
    .filter((r) => keyOf.has(r.startElementId) && keyOf.has(r.endElementId))
    .map((r) => ({
      type: r.type,
      from: keyOf.get(r.startElementId)!,
      to: keyOf.get(r.endElementId)!,
      props: { ...r.properties, id: String(r.properties.id ?? r.elementId) },
    }));
  return toWireGraph(nodeRows, relRows);
}

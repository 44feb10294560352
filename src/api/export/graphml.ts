/**
 * GraphML writer. graphology-graphml only parses, so the document is built with xmlbuilder2 (which escapes every
 * value), declaring one <key> per attribute name found on nodes and edges.
 */
import { create } from "xmlbuilder2";

import type { WireGraph } from "../graph/serialize.js";

type Scalar = string | number | boolean;

function keyType(values: Scalar[]): "string" | "double" | "boolean" {
  if (values.every((v) => typeof v === "number")) return "double";
  if (values.every((v) => typeof v === "boolean")) return "boolean";
  return "string";
}

export function writeGraphml(wire: WireGraph, flat: (a: Record<string, unknown>) => Record<string, Scalar>): string {
  const nodes = wire.nodes.map((n) => ({ key: n.key, attrs: flat(n.attributes ?? {}) }));
  const edges = wire.edges.map((e) => ({
    key: e.key!,
    source: e.source,
    target: e.target,
    attrs: flat(e.attributes ?? {}),
  }));
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele("graphml", {
    xmlns: "http://graphml.graphdrawing.org/xmlns",
  });
  const declare = (domain: "node" | "edge", items: { attrs: Record<string, Scalar> }[]) => {
    const values = new Map<string, Scalar[]>();
    for (const it of items) for (const [k, v] of Object.entries(it.attrs)) values.set(k, [...(values.get(k) ?? []), v]);
    for (const [name, vs] of [...values.entries()].sort()) {
      doc.ele("key", { id: `${domain}-${name}`, for: domain, "attr.name": name, "attr.type": keyType(vs) }).up();
    }
  };
  declare("node", nodes);
  declare("edge", edges);
  const graph = doc.ele("graph", { id: "G", edgedefault: "directed" });
  for (const n of nodes) {
    const el = graph.ele("node", { id: n.key });
    for (const [k, v] of Object.entries(n.attrs))
      el.ele("data", { key: `node-${k}` })
        .txt(String(v))
        .up();
  }
  for (const e of edges) {
    const el = graph.ele("edge", { id: e.key, source: e.source, target: e.target });
    for (const [k, v] of Object.entries(e.attrs))
      el.ele("data", { key: `edge-${k}` })
        .txt(String(v))
        .up();
  }
  return doc.end({ prettyPrint: true });
}

/**
 * GET /api/export: the whole graph, or an entity's neighbourhood, as graphology JSON, GraphML, GEXF or CSV (csv-stringify), for Gephi, spreadsheets and archives.
 */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { stringify } from "csv-stringify/sync";
import { Router } from "express";
import { MultiDirectedGraph } from "graphology";
import { write as writeGexf } from "graphology-gexf";
import { z } from "zod";

import { cypher } from "../../db/cypher.js";
import type { Deps } from "../deps.js";
import { reachNeighborhood } from "../graph/graph.service.js";
import { toWireGraph, type NodeRow, type RelRow, type WireGraph } from "../graph/serialize.js";
import { defineRoute } from "../route.js";
import { EntityId, Labels, Limit, RelTypes } from "../schemas.js";
import { writeGraphml } from "./graphml.js";
import { WireGraph as WireGraphResponse } from "../../model/wire.js";

export const MAX_EXPORT_NODES = 200_000;

export const ExportRequest = {
  query: z
    .object({
      format: z.enum(["json", "graphml", "gexf", "csv"]).default("json"),
      part: z.enum(["nodes", "edges"]).default("nodes").describe("with format=csv: which table"),
      id: EntityId.optional().describe("export this entity's neighbourhood instead of the whole graph"),
      depth: z.coerce.number().int().min(1).max(3).default(1),
      relTypes: RelTypes,
      labels: Labels,
      limit: Limit(MAX_EXPORT_NODES, MAX_EXPORT_NODES),
    })
    .strict(),
};

/** GraphML and GEXF take scalar attributes only: lists are joined, nested values dropped. */
function flatAttributes(attrs: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (Array.isArray(v)) out[k] = v.join(" | ");
    else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = v;
  }
  return out;
}

function toGraph(wire: WireGraph): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  for (const n of wire.nodes) g.addNode(n.key, flatAttributes(n.attributes ?? {}));
  for (const e of wire.edges) g.addEdgeWithKey(e.key!, e.source, e.target, flatAttributes(e.attributes ?? {}));
  return g;
}

export function exportRouter({ db }: Deps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: "get",
    path: "/export",
    response: WireGraphResponse,
    tag: "export",
    summary: "Export the graph or a subgraph as JSON (graphology), GraphML, GEXF or CSV",
    request: ExportRequest,
    produces: ["application/graphml+xml", "application/gexf+xml", "text/csv"],
    handler: async ({ query }, { res }) => {
      const relationshipsAmong = (nodes: NodeRow[]) =>
        db.read<RelRow>(cypher("api/relationships-among"), {
          ids: nodes.map((n) => String(n.props.id)),
          relTypes: query.relTypes,
          limit: MAX_EXPORT_NODES * 10,
        });
      // Exports are complete: every relationship among the entities, with every property (quotes, sources).
      let wire: WireGraph;
      if (query.id) {
        const { nodes } = await reachNeighborhood(db, {
          id: query.id,
          depth: query.depth,
          relTypes: query.relTypes,
          labels: query.labels,
          limit: query.limit,
        });
        wire = toWireGraph(nodes, await relationshipsAmong(nodes));
      } else {
        const nodes = await db.read<NodeRow>(cypher("api/whole-graph-nodes"), { limit: query.limit });
        const rels = await relationshipsAmong(nodes);
        wire = toWireGraph(
          query.labels.length ? nodes.filter((n) => n.labels.some((l) => query.labels.includes(l as never))) : nodes,
          rels,
        );
      }
      const name = `compliance-graph${query.id ? `-${query.id.replace(/[^a-z0-9-]/g, "-")}` : ""}`;
      if (query.format === "json") {
        res.attachment(`${name}.json`);
        return wire;
      }
      if (query.format === "graphml") {
        res.attachment(`${name}.graphml`).type("application/graphml+xml").send(writeGraphml(wire, flatAttributes));
      } else if (query.format === "gexf") {
        res
          .attachment(`${name}.gexf`)
          .type("application/gexf+xml")
          .send(writeGexf(toGraph(wire)));
      } else if (query.part === "nodes") {
        const rows = wire.nodes.map((n) => ({ id: n.key, ...flatAttributes(n.attributes ?? {}) }));
        const columns = [
          "id",
          "type",
          "label",
          "nameEn",
          "nameZh",
          "aliases",
          ...new Set(rows.flatMap((r) => Object.keys(r))),
        ].filter((c, i, a) => a.indexOf(c) === i);
        res
          .attachment(`${name}-nodes.csv`)
          .type("text/csv")
          .send(stringify(rows, { header: true, columns }));
      } else {
        const rows = wire.edges.map((e) => ({
          id: e.key,
          source: e.source,
          target: e.target,
          ...flatAttributes(e.attributes ?? {}),
        }));
        const columns = [
          "id",
          "source",
          "target",
          "type",
          "basis",
          "date",
          "quote",
          "sources",
          ...new Set(rows.flatMap((r) => Object.keys(r))),
        ].filter((c, i, a) => a.indexOf(c) === i);
        res
          .attachment(`${name}-edges.csv`)
          .type("text/csv")
          .send(stringify(rows, { header: true, columns }));
      }
      return undefined;
    },
  });
  return router;
}

/**
 * Subgraphs for the explorer: the capped overview, an entity's neighbourhood (breadth-first, one bounded query per
 * step), shortest paths, and how a set of regimes interconnect, each connection explained in words.
 */
import { cypher, cypherWith } from "../../db/cypher.js";
import type { Db } from "../../db/driver.js";
import type { PlainPath } from "../../db/values.js";
import { BadRequestError, NotFoundError } from "../../errors.js";
import { MaxHops } from "./graph.schemas.js";
import { hopsOf, type Hop } from "./explain.js";
import { toWireGraph, type LeanEdge, type NodeRow, type RelRow, type WireGraph } from "./serialize.js";

/** A neighbourhood draws at most this many edges per entity it may hold (the breadth-first tree's come first). */
export const EDGES_PER_NODE = 3;
/** The overview draws at most this many edges per entity (those to the most connected entities). */
export const OVERVIEW_EDGES_PER_NODE = 5;

type Degreed = NodeRow & { degree: number };

async function requireEntity(db: Db, id: string): Promise<Degreed> {
  const [row] = await db.read<Degreed>(cypher("api/entity"), { id });
  if (!row) throw new NotFoundError(`No entity has the id '${id}'.`);
  return row;
}

/** A drawable graph: `edgesTotal` relationships exist among its nodes, `edgesOmitted` of them are not sent. */
export interface DrawnGraph {
  graph: WireGraph;
  capped: boolean;
  edgesTotal: number;
  edgesOmitted: number;
}

export async function overview(db: Db, limit: number, includeSources: boolean): Promise<DrawnGraph & { total: number }> {
  const nodes = await db.read<Degreed>(cypher("api/overview-nodes"), { limit, includeSources });
  const [{ total }] = await db.read<{ total: number }>(cypher("api/count-entities"), { includeSources });
  const ids = nodes.map((n) => String(n.props.id));
  const degree = Object.fromEntries(nodes.map((n) => [String(n.props.id), n.degree]));
  const rows = await db.read<{ total: number; edges: LeanEdge[] }>(cypher("api/overview-edges"), { ids, degree, perEntity: OVERVIEW_EDGES_PER_NODE });
  const graph = toWireGraph(nodes, [], rows.flatMap((r) => r.edges));
  const edgesTotal = rows.reduce((sum, r) => sum + r.total, 0);
  return { graph, capped: total > nodes.length, total, edgesTotal, edgesOmitted: edgesTotal - graph.edges.length };
}

export interface NeighborhoodInput {
  id: string;
  depth: number;
  relTypes: string[];
  labels: string[];
  limit: number;
  maxEdges?: number;
}

/**
 * The entities around one, breadth-first (most connected first at each step, at most `limit` besides the centre),
 * each with its edge in the breadth-first tree. Shared by the neighbourhood view and its export.
 */
export async function reachNeighborhood(db: Db, input: NeighborhoodInput): Promise<{ nodes: Degreed[]; tree: LeanEdge[]; capped: boolean }> {
  const center = await requireEntity(db, input.id);
  const nodes: Degreed[] = [center];
  const tree: LeanEdge[] = [];
  const reached = new Set([input.id]);
  let frontier = [input.id];
  let capped = false;
  for (let step = 0; step < input.depth && frontier.length > 0; step++) {
    const room = input.limit - (nodes.length - 1);
    if (room <= 0) {
      capped = true;
      break;
    }
    const next = (
      await db.read<Degreed & { via: LeanEdge }>(cypher("api/expand"), {
        frontier,
        relTypes: input.relTypes,
        labels: input.labels,
        limit: room + 1 + reached.size,
      })
    ).filter((n) => !reached.has(String(n.props.id)));
    if (next.length > room) {
      capped = true;
      next.length = room;
    }
    frontier = next.map((n) => String(n.props.id));
    frontier.forEach((id) => reached.add(id));
    nodes.push(...next.map(({ via: _via, ...n }) => n));
    tree.push(...next.map((n) => n.via));
  }
  return { nodes, tree, capped };
}

/**
 * A neighbourhood to draw: the entities of reachNeighborhood and edges among them: every entity's edge in the
 * breadth-first tree (so each is connected to the centre), then the others between the most connected ends, up to
 * EDGES_PER_NODE x limit in all; the answer says how many were left out.
 */
export async function neighborhood(db: Db, input: NeighborhoodInput): Promise<DrawnGraph> {
  const { nodes, tree, capped } = await reachNeighborhood(db, input);
  const maxEdges = Math.max(input.maxEdges ?? EDGES_PER_NODE * input.limit, tree.length);
  const degree = Object.fromEntries(nodes.map((n) => [String(n.props.id), n.degree]));
  const rows = await db.read<{ total: number; edge: LeanEdge | null }>(cypher("api/edges-among"), {
    ids: Object.keys(degree),
    degree,
    relTypes: input.relTypes,
    limit: maxEdges,
  });
  const edgesTotal = rows[0]?.total ?? 0;
  const graph = toWireGraph(nodes, [], [...tree, ...rows.flatMap((r) => (r.edge ? [r.edge] : []))], maxEdges);
  return { graph, capped, edgesTotal, edgesOmitted: edgesTotal - graph.edges.length };
}

/** A path query with its hop bound written in (the MAX_HOPS placeholder of cypherWith). */
export function pathQuery(name: "api/shortest-paths" | "api/regime-paths", maxHops: number): string {
  return cypherWith(name, { MAX_HOPS: MaxHops.parse(maxHops) });
}

export interface PathsInput {
  from: string;
  to: string;
  maxHops: number;
  relTypes: string[];
  limit: number;
  /** Do not pass through jurisdictions and topics: "both are in China" or "both concern data" is not a connection. */
  avoidHubs: boolean;
}

/**
 * All shortest paths between two entities; each path also as hops that name the relationship and its true direction
 * (a path may walk an edge against its direction: "X investigates Y" read from Y).
 */
export async function shortestPaths(db: Db, input: PathsInput): Promise<{ graph: WireGraph; paths: string[][]; hops: Hop[][]; found: boolean }> {
  if (input.from === input.to) throw new BadRequestError("'from' and 'to' are the same entity; choose two different ones.");
  await requireEntity(db, input.from);
  await requireEntity(db, input.to);
  const { from, to, relTypes, limit, avoidHubs } = input;
  const rows = await db.read<{ path: PlainPath }>(pathQuery("api/shortest-paths", input.maxHops), { from, to, relTypes, limit, avoidHubs });
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  const paths: string[][] = [];
  const hops: Hop[][] = [];
  for (const { path } of rows) {
    const ids = path.nodes.map((n) => String(n.properties.id));
    paths.push(ids);
    hops.push(hopsOf(path));
    const idOf = new Map(path.nodes.map((n) => [n.elementId, String(n.properties.id)]));
    nodes.push(...path.nodes.map((n) => ({ labels: n.labels, props: n.properties })));
    rels.push(...path.relationships.map((r) => ({ type: r.type, from: idOf.get(r.startElementId)!, to: idOf.get(r.endElementId)!, props: r.properties })));
  }
  return { graph: toWireGraph(nodes, rels), paths, hops, found: paths.length > 0 };
}

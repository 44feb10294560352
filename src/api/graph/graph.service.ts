/**
 * Subgraphs for the explorer: the capped overview, an entity's neighbourhood (breadth-first, at most k neighbours per
 * entity, from ranks kept at load time), shortest paths, and how a set of regimes interconnect, each connection
 * explained in words.
 */
import { cypher, cypherWith } from "../../db/cypher.js";
import type { Db } from "../../db/driver.js";
import type { PlainPath } from "../../db/values.js";
import { BadRequestError, NotFoundError } from "../../errors.js";
import { newestSourceDate } from "../../ingest/whatsnew.js";
import type { NeighborhoodResponse, OverviewResponse } from "../../model/wire.js";
import { MaxHops, PER_NODE } from "./graph.schemas.js";
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

/**
 * The overview: the most connected entities, their lean edges, and `dataCurrentTo` (the newest source's date) for
 * the explorer's "data current to" badge.
 */
export async function overview(db: Db, limit: number, includeSources: boolean): Promise<OverviewResponse> {
  const nodes = await db.read<Degreed>(cypher("api/overview-nodes"), { limit, includeSources });
  const [{ total }] = await db.read<{ total: number }>(cypher("api/count-entities"), { includeSources });
  const ids = nodes.map((n) => String(n.props.id));
  const degree = Object.fromEntries(nodes.map((n) => [String(n.props.id), n.degree]));
  const rows = await db.read<{ total: number; edges: LeanEdge[] }>(cypher("api/overview-edges"), {
    ids,
    degree,
    perEntity: OVERVIEW_EDGES_PER_NODE,
  });
  const graph = toWireGraph(
    nodes,
    [],
    rows.flatMap((r) => r.edges),
  );
  const edgesTotal = rows.reduce((sum, r) => sum + r.total, 0);
  const dataCurrentTo = await newestSourceDate(db);
  return {
    graph,
    capped: total > nodes.length,
    total,
    edgesTotal,
    edgesOmitted: edgesTotal - graph.edges.length,
    dataCurrentTo,
  };
}

export interface NeighborhoodInput {
  id: string;
  depth: number;
  relTypes: string[];
  labels: string[];
  limit: number;
  /** At most this many neighbours of each entity expanded (default PER_NODE). */
  perNode?: number;
  /** Skip the centre's first `offset` neighbours: the next page when a node is expanded again. */
  offset?: number;
  maxEdges?: number;
}

/** One entity's page of neighbours, in ranked order: the other end and the lean edge that reaches it. */
interface NeighbourPage {
  id: string;
  degree: number;
  nbrIds: string[];
  relIds: string[];
  relTypes: string[];
  relOut: boolean[];
  relBasis: string[];
  relDates: string[];
}

function leanEdge(p: NeighbourPage, i: number): LeanEdge {
  const out = p.relOut[i];
  const e: LeanEdge = {
    id: p.relIds[i],
    type: p.relTypes[i],
    from: out ? p.id : p.nbrIds[i],
    to: out ? p.nbrIds[i] : p.id,
  };
  if (p.relBasis[i]) e.basis = p.relBasis[i];
  if (p.relDates[i]) e.date = p.relDates[i];
  return e;
}

/**
 * Up to `k` neighbours from `offset` of each frontier entity: from the ranks computed at load time when they answer
 * (no filter, ranked since the graph last changed, the page within them), else from the relationships (cost: the
 * entity's degree).
 */
async function neighbourPages(
  db: Db,
  frontier: string[],
  o: { relTypes: string[]; labels: string[]; offset: number; k: number },
): Promise<NeighbourPage[]> {
  const filtered = o.relTypes.length > 0 || o.labels.length > 0;
  const ranked = filtered
    ? []
    : await db.read<NeighbourPage & { fresh: boolean; complete: boolean }>(cypher("api/expand-ranked"), {
        frontier,
        offset: o.offset,
        k: o.k,
      });
  const answered = ranked.filter((p) => p.fresh && p.complete);
  const rest = frontier.filter((id) => !answered.some((p) => p.id === id));
  const read = rest.length
    ? await db.read<NeighbourPage>(cypher("api/expand"), {
        frontier: rest,
        relTypes: o.relTypes,
        labels: o.labels,
        offset: o.offset,
        k: o.k,
      })
    : [];
  const byId = new Map([...answered, ...read].map((p) => [p.id, p]));
  return frontier.flatMap((id) => byId.get(id) ?? []);
}

/** Entities reached around one, the edge that reached each (the breadth-first tree) and the other edges seen. */
export interface Reached {
  nodes: Degreed[];
  tree: LeanEdge[];
  /** Edges between entities reached, met in the pages read, not in the tree. */
  cross: LeanEdge[];
  /** Some neighbour of an expanded entity was left out (the node limit or the per-entity cap). */
  capped: boolean;
  /** The centre's next page of neighbours (`offset`), or null when this page was its last. */
  nextOffset: number | null;
}

/**
 * The entities around one, breadth-first: each expanded entity gives at most `perNode` neighbours, most connected
 * first, and each step keeps the most connected of those, up to `limit` besides the centre. Reads at most
 * perNode^depth entries whatever the entity. Shared by the neighbourhood view and its export.
 */
export async function reachNeighborhood(db: Db, input: NeighborhoodInput): Promise<Reached> {
  const center = await requireEntity(db, input.id);
  const k = input.perNode ?? PER_NODE;
  const offset = input.offset ?? 0;
  const nodes = new Map<string, Degreed>([[input.id, center]]);
  const tree: LeanEdge[] = [];
  const other = new Map<string, LeanEdge>();
  let frontier = [input.id];
  let capped = false;
  let nextOffset: number | null = null;
  for (let step = 0; step < input.depth && frontier.length > 0; step++) {
    const room = input.limit - (nodes.size - 1);
    if (room <= 0) {
      capped = true;
      break;
    }
    const from = step === 0 ? offset : 0;
    const pages = await neighbourPages(db, frontier, {
      relTypes: input.relTypes,
      labels: input.labels,
      offset: from,
      k,
    });
    const via = new Map<string, LeanEdge>();
    for (const p of pages) {
      // A full page of an entity with more relationships than it reached: there may be more (with a filter, the
      // next page can be empty).
      const more = p.nbrIds.length === k && from + k < p.degree;
      if (more) capped = true;
      if (more && step === 0) nextOffset = from + k;
      for (let i = 0; i < p.nbrIds.length; i++) {
        const e = leanEdge(p, i);
        if (!nodes.has(p.nbrIds[i]) && !via.has(p.nbrIds[i])) via.set(p.nbrIds[i], e);
        else other.set(e.id, e);
      }
    }
    const found = await db.read<Degreed>(cypher("api/entities-by-id"), { ids: [...via.keys()] });
    found.sort((a, b) => b.degree - a.degree || String(a.props.id).localeCompare(String(b.props.id)));
    if (found.length > room) {
      capped = true;
      found.length = room;
    }
    for (const n of found) {
      nodes.set(String(n.props.id), n);
      tree.push(via.get(String(n.props.id))!);
    }
    frontier = found.map((n) => String(n.props.id));
  }
  const inTree = new Set(tree.map((e) => e.id));
  const cross = [...other.values()].filter((e) => !inTree.has(e.id) && nodes.has(e.from) && nodes.has(e.to));
  return { nodes: [...nodes.values()], tree, cross, capped, nextOffset };
}

/**
 * A neighbourhood to draw: the entities of reachNeighborhood, every entity's edge in the breadth-first tree (so each
 * is connected to the centre), then the other edges met among them, up to maxEdges (default EDGES_PER_NODE x limit).
 * Each node carries `hiddenRelationships`: how many of its relationships the answer does not hold (expanding it, or
 * asking for the centre's `nextOffset`, shows more). `edgesOmitted` adds those up (a relationship between two
 * entities shown and not sent counts at both ends); `edgesTotal` is that plus the edges sent.
 */
export async function neighborhood(db: Db, input: NeighborhoodInput): Promise<NeighborhoodResponse> {
  const { nodes, tree, cross, capped, nextOffset } = await reachNeighborhood(db, input);
  const maxEdges = Math.max(input.maxEdges ?? EDGES_PER_NODE * input.limit, tree.length);
  const graph = toWireGraph(nodes, [], [...tree, ...cross], maxEdges);
  const drawn = new Map<string, number>();
  for (const e of graph.edges) for (const end of [e.source, e.target]) drawn.set(end, (drawn.get(end) ?? 0) + 1);
  let edgesOmitted = 0;
  const degree = new Map(nodes.map((n) => [String(n.props.id), n.degree]));
  for (const n of graph.nodes) {
    const hidden = Math.max(0, (degree.get(n.key) ?? 0) - (drawn.get(n.key) ?? 0));
    n.attributes = { ...n.attributes, hiddenRelationships: hidden };
    edgesOmitted += hidden;
  }
  return {
    graph,
    capped,
    edgesTotal: graph.edges.length + edgesOmitted,
    edgesOmitted,
    perNode: input.perNode ?? PER_NODE,
    offset: input.offset ?? 0,
    nextOffset,
  };
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
export async function shortestPaths(
  db: Db,
  input: PathsInput,
): Promise<{ graph: WireGraph; paths: string[][]; hops: Hop[][]; found: boolean }> {
  if (input.from === input.to)
    throw new BadRequestError("'from' and 'to' are the same entity; choose two different ones.");
  await requireEntity(db, input.from);
  await requireEntity(db, input.to);
  const { from, to, relTypes, limit, avoidHubs } = input;
  const rows = await db.read<{ path: PlainPath }>(pathQuery("api/shortest-paths", input.maxHops), {
    from,
    to,
    relTypes,
    limit,
    avoidHubs,
  });
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
    rels.push(
      ...path.relationships.map((r) => ({
        type: r.type,
        from: idOf.get(r.startElementId)!,
        to: idOf.get(r.endElementId)!,
        props: r.properties,
      })),
    );
  }
  return { graph: toWireGraph(nodes, rels), paths, hops, found: paths.length > 0 };
}

/**
 * Neo4j values to plain JSON, in one place: Integers become numbers, temporal values ISO strings, nodes and
 * relationships plain objects that keep their element ids so that results can be turned into a graph.
 */
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isPoint, isTime } from "neo4j-driver";

export interface PlainNode {
  kind: "node";
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface PlainRelationship {
  kind: "relationship";
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}
export interface PlainPath {
  kind: "path";
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

const props = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, toPlain(v)]));

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    const n = value as neo4j.Integer;
    return n.inSafeRange() ? n.toNumber() : n.toString();
  }
  if (typeof value === "bigint") return Number(value);
  if (
    isDate(value as never) ||
    isDateTime(value as never) ||
    isLocalDateTime(value as never) ||
    isTime(value as never) ||
    isLocalTime(value as never) ||
    isDuration(value as never)
  ) {
    return String(value);
  }
  if (isPoint(value as never)) {
    const p = value as { x: number; y: number; z?: number; srid: unknown };
    return { x: p.x, y: p.y, z: p.z, srid: toPlain(p.srid) };
  }
  if (neo4j.isNode(value as never)) {
    const n = value as neo4j.Node;
    return {
      kind: "node",
      elementId: n.elementId,
      labels: n.labels,
      properties: props(n.properties),
    } satisfies PlainNode;
  }
  if (neo4j.isRelationship(value as never)) {
    const r = value as neo4j.Relationship;
    return {
      kind: "relationship",
      elementId: r.elementId,
      type: r.type,
      startElementId: r.startNodeElementId,
      endElementId: r.endNodeElementId,
      properties: props(r.properties),
    } satisfies PlainRelationship;
  }
  if (neo4j.isPath(value as never)) {
    const p = value as neo4j.Path;
    const nodes = [toPlain(p.start) as PlainNode];
    const relationships: PlainRelationship[] = [];
    for (const seg of p.segments) {
      relationships.push(toPlain(seg.relationship) as PlainRelationship);
      nodes.push(toPlain(seg.end) as PlainNode);
    }
    return { kind: "path", nodes, relationships } satisfies PlainPath;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === "object") return props(value as Record<string, unknown>);
  return value;
}

/**
 * Parameters for Neo4j: JavaScript numbers that are whole become Integers (otherwise `LIMIT $limit` receives 3.0 and
 * fails); everything else passes as is.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === "number" && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParams(v)]));
  }
  return value;
}

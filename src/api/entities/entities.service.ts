/**
 * The dossier of one entity: its properties, its relationships grouped by type and direction with their evidence
 * (quote, source title, publisher, date, URL, basis), and the cases it is party to in date order.
 */
import { cypher, relationshipCypher } from "../../db/cypher.js";
import type { Db } from "../../db/driver.js";
import { NotFoundError } from "../../errors.js";
import { RelType } from "../../model/index.js";
import type {
  Dossier,
  DossierGroup,
  SourceRef,
  DossierRelationship,
  Evidence,
  RelationshipDetail,
} from "../../model/wire.js";
import { displayName, entityType, nodeAttributes, type NodeRow } from "../graph/serialize.js";

/** A dossier lists this many relationships per type and direction unless asked for more. */
export const DOSSIER_PAGE = 50;
/** The most a dossier lists per type and direction in one answer. */
export const MAX_DOSSIER_PAGE = 500;

export type { Dossier, DossierGroup, DossierRelationship, Evidence, RelationshipDetail };

type SourceProps = SourceRef;

/** Looks up Source nodes by id once for a whole answer. */
export async function sourcesById(db: Db, ids: Iterable<string>): Promise<Map<string, SourceProps>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db.read<{ props: SourceProps }>(cypher("api/sources"), { ids: list });
  return new Map(rows.map((r) => [r.props.id, r.props]));
}

export function evidenceOf(props: Record<string, unknown>, sources: Map<string, SourceProps>): Evidence {
  const ids = (props.sources as string[] | undefined) ?? [];
  return {
    basis: String(props.basis),
    quote: props.quote as string | undefined,
    date: props.date as string | undefined,
    sources: ids.map((id) => {
      const s = sources.get(id);
      return { id, title: s?.title, publisher: s?.publisher, date: s?.date, url: s?.url, via: s?.via };
    }),
    reference:
      props.basis === "curated"
        ? {
            title: props.referenceTitle as string,
            url: props.referenceUrl as string,
            provision: props.referenceProvision as string | undefined,
          }
        : undefined,
  };
}

/** Which relationships of a dossier: per group (type and direction) `limit` from `offset`, the most recent first. */
export interface DossierPage {
  relType?: string;
  direction?: "out" | "in";
  offset: number;
  limit: number;
}

type OtherRow = { props: Record<string, unknown>; otherLabels: string[]; otherProps: Record<string, unknown> };

export async function dossier(
  db: Db,
  id: string,
  page: DossierPage = { offset: 0, limit: DOSSIER_PAGE },
): Promise<Dossier> {
  const [node] = await db.read<NodeRow & { degree: number }>(cypher("api/entity"), { id });
  if (!node) throw new NotFoundError(`No entity has the id '${id}'. Search for it with /api/search?q=...`);
  type GroupRow = { type: string; direction: "out" | "in"; total: number; rels: OtherRow[] };
  const rows = await db.read<GroupRow>(cypher("api/entity-relationships"), {
    id,
    relType: page.relType ?? null,
    direction: page.direction ?? null,
    offset: page.offset,
    limit: page.limit,
  });
  const sources = await sourcesById(
    db,
    rows.flatMap((g) => g.rels.flatMap((r) => (r.props.sources as string[] | undefined) ?? [])),
  );
  const groups: DossierGroup[] = rows.map((g) => ({
    type: g.type,
    direction: g.direction,
    total: g.total,
    offset: page.offset,
    relationships: g.rels.map((r) => dossierRelationship(g.type, g.direction, r, sources)),
  }));
  const cases = await db.read<{ role: string; props: Record<string, unknown> }>(cypher("api/entity-cases"), { id });
  return {
    entity: { id: String(node.props.id), ...nodeAttributes(node) },
    relationshipCount: node.degree,
    groups,
    cases: cases.map((c) => ({
      id: String(c.props.id),
      role: c.role,
      label: displayName(c.props),
      caseKind: c.props.caseKind as string | undefined,
      status: c.props.status as string | undefined,
      startDate: c.props.startDate as string | undefined,
      outcome: c.props.outcome as string | undefined,
    })),
  };
}

function otherEnd(labels: string[], props: Record<string, unknown>): DossierRelationship["other"] {
  return {
    id: String(props.id),
    type: entityType(labels),
    label: displayName(props),
    nameEn: props.nameEn as string | undefined,
    nameZh: props.nameZh as string | undefined,
  };
}

function dossierRelationship(
  type: string,
  direction: "out" | "in",
  r: OtherRow,
  sources: Map<string, SourceProps>,
): DossierRelationship {
  return {
    id: String(r.props.id),
    type,
    direction,
    other: otherEnd(r.otherLabels, r.otherProps),
    case: r.props.case as string | undefined,
    role: r.props.role as string | undefined,
    article: r.props.article as string | undefined,
    note: r.props.note as string | undefined,
    date: r.props.date as string | undefined,
    theme: r.props.theme as string | undefined,
    themeZh: r.props.themeZh as string | undefined,
    differenceEn: r.props.differenceEn as string | undefined,
    differenceZh: r.props.differenceZh as string | undefined,
    verified: r.props.verified as string | undefined,
    evidence: evidenceOf(r.props, sources),
  };
}

/** One relationship with both ends and its evidence: what the explorer shows when an edge is selected. */
export async function relationship(db: Db, type: RelType, id: string): Promise<RelationshipDetail> {
  type Row = {
    type: string;
    props: Record<string, unknown>;
    fromLabels: string[];
    fromProps: Record<string, unknown>;
    toLabels: string[];
    toProps: Record<string, unknown>;
  };
  const [row] = await db.read<Row>(relationshipCypher("api/relationship", type), { id });
  if (!row) throw new NotFoundError(`No ${type} relationship has the id '${id}'.`);
  const sources = await sourcesById(db, (row.props.sources as string[] | undefined) ?? []);
  const {
    direction: _d,
    other: _o,
    ...rest
  } = dossierRelationship(
    row.type,
    "out",
    { props: row.props, otherLabels: row.toLabels, otherProps: row.toProps },
    sources,
  );
  return { ...rest, from: otherEnd(row.fromLabels, row.fromProps), to: otherEnd(row.toLabels, row.toProps) };
}

/**
 * The dossier of one entity: its properties, its relationships grouped by type and direction with their evidence
 * (quote, source title, publisher, date, URL, basis), and the cases it is party to in date order.
 */
import { cypher } from "../../db/cypher.js";
import type { Db } from "../../db/driver.js";
import { NotFoundError } from "../../errors.js";
import { displayName, entityType, nodeAttributes, type NodeRow } from "../graph/serialize.js";

export interface Evidence {
  basis: string;
  quote?: string;
  date?: string;
  sources: { id: string; title?: string; publisher?: string; date?: string; url?: string; via?: string }[];
  reference?: { title?: string; url?: string; provision?: string };
}

export interface DossierRelationship {
  id: string;
  type: string;
  direction: "out" | "in";
  other: { id: string; type: string; label: string; nameEn?: string; nameZh?: string };
  case?: string;
  role?: string;
  article?: string;
  note?: string;
  date?: string;
  evidence: Evidence;
}

export interface Dossier {
  entity: Record<string, unknown>;
  relationshipCount: number;
  groups: { type: string; direction: "out" | "in"; relationships: DossierRelationship[] }[];
  cases: { id: string; role: string; label: string; caseKind?: string; status?: string; startDate?: string; outcome?: string }[];
}

type SourceProps = { id: string; title?: string; publisher?: string; date?: string; url?: string; via?: string };

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
        ? { title: props.referenceTitle as string, url: props.referenceUrl as string, provision: props.referenceProvision as string | undefined }
        : undefined,
  };
}

export async function dossier(db: Db, id: string): Promise<Dossier> {
  const [node] = await db.read<NodeRow & { degree: number }>(cypher("api/entity"), { id });
  if (!node) throw new NotFoundError(`No entity has the id '${id}'. Search for it with /api/search?q=...`);
  type RelRow = { type: string; direction: "out" | "in"; props: Record<string, unknown>; otherLabels: string[]; otherProps: Record<string, unknown> };
  const rels = await db.read<RelRow>(cypher("api/entity-relationships"), { id });
  const sources = await sourcesById(db, rels.flatMap((r) => (r.props.sources as string[] | undefined) ?? []));
  const groups = new Map<string, Dossier["groups"][number]>();
  for (const r of rels) {
    const key = `${r.type}|${r.direction}`;
    if (!groups.has(key)) groups.set(key, { type: r.type, direction: r.direction, relationships: [] });
    groups.get(key)!.relationships.push({
      id: String(r.props.id),
      type: r.type,
      direction: r.direction,
      other: {
        id: String(r.otherProps.id),
        type: entityType(r.otherLabels),
        label: displayName(r.otherProps),
        nameEn: r.otherProps.nameEn as string | undefined,
        nameZh: r.otherProps.nameZh as string | undefined,
      },
      case: r.props.case as string | undefined,
      role: r.props.role as string | undefined,
      article: r.props.article as string | undefined,
      note: r.props.note as string | undefined,
      date: r.props.date as string | undefined,
      evidence: evidenceOf(r.props, sources),
    });
  }
  const cases = await db.read<{ role: string; props: Record<string, unknown> }>(cypher("api/entity-cases"), { id });
  return {
    entity: nodeAttributes(node),
    relationshipCount: rels.length,
    groups: [...groups.values()],
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

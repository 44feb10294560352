/**
 * The legal layer's structural edges, drawn from the fields of its nodes: a Provision names its `law`, an Obligation
 * its `provision`, `binds` and `penalties`, a Role its `definedBy`, a Penalty its `provision`. Writing the link once,
 * on the node, keeps a seed file short and makes "an obligation without a role" a validation error, not a graph
 * query. Each edge carries the curated provenance of the node it comes from.
 */
import type { SeedProblem } from "../errors.js";
import type { Entity, Label, Relationship, RelType } from "../model/index.js";

type LegalEntity = Extract<Entity, { label: "Provision" | "Obligation" | "Role" | "Penalty" }>;

interface Link {
  /** The node field holding the id(s). */
  field: string;
  type: RelType;
  /** The label the field's ids must have. */
  target: Label;
  /** True when the node is the edge's target (HAS_PROVISION, IMPOSES, SETS point at the node). */
  inbound: boolean;
}

const LINKS: Record<LegalEntity["label"], Link[]> = {
  Provision: [{ field: "law", type: "HAS_PROVISION", target: "Law", inbound: true }],
  Obligation: [
    { field: "provision", type: "IMPOSES", target: "Provision", inbound: true },
    { field: "binds", type: "BINDS", target: "Role", inbound: false },
    { field: "penalties", type: "PENALISED_BY", target: "Penalty", inbound: false },
  ],
  Role: [{ field: "definedBy", type: "DEFINED_BY", target: "Provision", inbound: false }],
  Penalty: [{ field: "provision", type: "SETS", target: "Provision", inbound: true }],
};

/** The fields above, kept out of the node's stored properties: the edges are their one stored form. */
export const LEGAL_LINK_FIELDS: ReadonlySet<string> = new Set(Object.values(LINKS).flatMap((links) => links.map((l) => l.field)));

const article = (word: string) => (/^[AEIOU]/.test(word) ? `an ${word}` : `a ${word}`);

export const isLegalEntity = (e: Entity): e is LegalEntity => e.label in LINKS;

/**
 * The derived relationships of one legal node, or the problems with its links (an unknown id, an id of the wrong
 * label). `labelOf` answers the label of any id defined in the seed files.
 */
export function legalRelationships(e: LegalEntity, at: string, file: string, labelOf: (id: string) => Label | undefined): { relationships: Relationship[]; problems: SeedProblem[] } {
  const relationships: Relationship[] = [];
  const problems: SeedProblem[] = [];
  for (const link of LINKS[e.label]) {
    const value = (e as unknown as Record<string, string | string[] | undefined>)[link.field];
    const ids = value === undefined ? [] : Array.isArray(value) ? value : [value];
    ids.forEach((id, i) => {
      const path = `${at}.${link.field}${Array.isArray(value) ? `[${i}]` : ""}`;
      const label = labelOf(id);
      if (!label) {
        problems.push({ file, path, message: `unknown id '${id}' (${article(e.label)}'s ${link.field} names ${article(link.target)})` });
        return;
      }
      if (label !== link.target) {
        problems.push({ file, path, message: `'${id}' is ${article(label)}; ${article(e.label)}'s ${link.field} names ${article(link.target)}` });
        return;
      }
      relationships.push({
        type: link.type,
        from: link.inbound ? id : e.id,
        to: link.inbound ? e.id : id,
        basis: "curated",
        sources: [],
        reference: e.reference,
        verified: e.verified,
      });
    });
  }
  return { relationships, problems };
}

/**
 * The inverse of legalRelationships, for the export: puts each derived edge back into its node's field, so that the
 * exported file loads again to the same graph. Returns the relationships that are not derived.
 */
export function foldLegalRelationships(entities: Entity[], relationships: Relationship[]): Relationship[] {
  const byId = new Map(entities.map((e) => [e.id, e as unknown as Record<string, unknown>]));
  const linkOf = new Map(Object.values(LINKS).flat().map((l) => [l.type, l]));
  const kept: Relationship[] = [];
  for (const r of [...relationships].sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0))) {
    const link = linkOf.get(r.type);
    const node = link && byId.get(link.inbound ? r.to : r.from);
    if (!link || !node) {
      kept.push(r);
      continue;
    }
    const other = link.inbound ? r.from : r.to;
    if (link.field === "binds" || link.field === "penalties") node[link.field] = [...((node[link.field] as string[] | undefined) ?? []), other];
    else node[link.field] = other;
  }
  return kept;
}

/**
 * The whole graph back in the seed format: what the loader writes, read back. Loading the exported file into an empty
 * database gives the same checksum (tested), so the data is never locked into the database.
 */
import { cypher } from "../db/cypher.js";
import type { Db } from "../db/driver.js";
import type { Entity, Relationship, SeedFile } from "../model/index.js";
import { foldLegalRelationships } from "./legal.js";

/** Properties the loader derives and therefore does not export. */
const DERIVED_NODE_PROPS = new Set(["aliasesText"]);

export async function exportSeed(db: Db): Promise<SeedFile> {
  const nodes = await db.read<{ label: string; props: Record<string, unknown> }>(cypher("export/entities"), {}, 600_000);
  const entities: Entity[] = [];
  const sources: Entity[] = [];
  for (const { label, props } of nodes) {
    const { referenceTitle, referenceUrl, referenceProvision, ...rest } = props;
    const entity = { label, ...Object.fromEntries(Object.entries(rest).filter(([k]) => !DERIVED_NODE_PROPS.has(k))) } as Record<string, unknown>;
    if (referenceTitle || referenceUrl) entity.reference = referenceOf(referenceTitle, referenceUrl, referenceProvision);
    (label === "Source" ? sources : entities).push(entity as Entity);
  }
  const rels = await db.read<{ type: string; from: string; to: string; props: Record<string, unknown> }>(cypher("export/relationships"), {}, 600_000);
  const relationships = rels.map(({ type, from, to, props }) => {
    const { id: _id, referenceTitle, referenceUrl, referenceProvision, ...rest } = props;
    const r: Record<string, unknown> = { type, from, to, ...rest };
    if (referenceTitle || referenceUrl) r.reference = referenceOf(referenceTitle, referenceUrl, referenceProvision);
    return r as unknown as Relationship;
  });
  return { entities, sources: sources as SeedFile["sources"], relationships: foldLegalRelationships(entities, relationships) };
}

function referenceOf(title: unknown, url: unknown, provision: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries({ title, url, provision }).filter(([, v]) => v !== undefined));
}

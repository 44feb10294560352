/**
 * The whole graph back in the seed format: what the loader writes, read back. Loading the exported file into an empty
 * database gives the same checksum (tested), so the data is never locked into the database.
 */
import { cypher } from "../db/cypher.js";
import type { Db } from "../db/driver.js";
import type { Entity, Relationship, SeedFile } from "../model/index.js";

/** Properties the loader derives and therefore does not export. */
const DERIVED_NODE_PROPS = new Set(["aliasesText"]);

export async function exportSeed(db: Db): Promise<SeedFile> {
  const nodes = await db.read<{ label: string; props: Record<string, unknown> }>(cypher("export/entities"), {}, 600_000);
  const entities: Entity[] = [];
  const sources: Entity[] = [];
  for (const { label, props } of nodes) {
    const entity = { label, ...Object.fromEntries(Object.entries(props).filter(([k]) => !DERIVED_NODE_PROPS.has(k))) } as Entity;
    (label === "Source" ? sources : entities).push(entity);
  }
  const rels = await db.read<{ type: string; from: string; to: string; props: Record<string, unknown> }>(cypher("export/relationships"), {}, 600_000);
  const relationships = rels.map(({ type, from, to, props }) => {
    const { id: _id, referenceTitle, referenceUrl, referenceProvision, ...rest } = props;
    const r: Record<string, unknown> = { type, from, to, ...rest };
    if (referenceTitle || referenceUrl) {
      r.reference = Object.fromEntries(Object.entries({ title: referenceTitle, url: referenceUrl, provision: referenceProvision }).filter(([, v]) => v !== undefined));
    }
    return r as unknown as Relationship;
  });
  return { entities, sources: sources as SeedFile["sources"], relationships };
}

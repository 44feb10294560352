/** The seed graph with visible edits, for tests of what a reload of different data must change. */
import type { SeedGraph } from "../../src/seed/graph.js";
import { validateSeed } from "../../src/seed/validate.js";

export const RENAMED_SUFFIX = " (renamed)";
/** A date later than any in the seed, so that the edited relationship becomes the latest event. */
export const FUTURE_DATE = "2099-12-31";

/**
 * The seed graph with the English names of `renamed` suffixed, and the first dated relationship (not REPORTED_IN)
 * moved to FUTURE_DATE. Returns the graph and that relationship's id.
 */
export function changedSeedGraph(renamed: string[]): { graph: SeedGraph; movedId: string } {
  const { graph } = validateSeed();
  const entities = new Map(graph.entities);
  for (const id of renamed) {
    const seed = entities.get(id);
    if (!seed) throw new Error(`changedSeedGraph: no entity ${id} in the seed`);
    entities.set(id, { ...seed, entity: { ...seed.entity, nameEn: `${seed.entity.nameEn}${RENAMED_SUFFIX}` } });
  }
  const moved = graph.relationships.find((r) => r.date && r.type !== "REPORTED_IN");
  if (!moved) throw new Error("changedSeedGraph: no dated relationship in the seed");
  const relationships = graph.relationships.map((r) => (r === moved ? { ...r, date: FUTURE_DATE } : r));
  return { graph: { entities, relationships }, movedId: moved.id };
}

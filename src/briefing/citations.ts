/**
 * The evidence appendix as it is built: every relationship a sentence rests on gets a number [n] the first time it
 * is cited, in reading order. Relationships that carry the same quote from the same sources (an ACCUSES edge and the
 * PARTY_TO edges of the same sentence), or the same official reference, share one number; the citation lists every
 * relationship id it stands for, so each can be checked against the graph.
 */
import type { Db } from "../db/driver.js";
import { sourcesById } from "../api/entities/entities.service.js";
import type { Citation } from "./model.js";
import type { RelProps } from "./queries.js";

function citationKey(rel: RelProps): string {
  if (rel.basis === "curated")
    return `curated|${rel.referenceTitle ?? ""}|${rel.referenceUrl ?? ""}|${rel.referenceProvision ?? ""}`;
  return `reported|${rel.quote ?? ""}|${[...(rel.sources ?? [])].sort().join(",")}`;
}

export class CitationRegistry {
  private readonly byKey = new Map<string, Citation>();
  private readonly list: Citation[] = [];

  /** The number of the citation for these relationships (deduplicated, sorted, at least one when any is given). */
  cite(...rels: (RelProps | undefined | null)[]): number[] {
    const numbers = new Set<number>();
    for (const rel of rels) {
      if (!rel) continue;
      const key = citationKey(rel);
      let c = this.byKey.get(key);
      if (!c) {
        c = {
          n: this.list.length + 1,
          relIds: [],
          basis: rel.basis,
          quote: rel.basis === "reported" ? rel.quote : undefined,
          sources: (rel.sources ?? []).map((id) => ({ id })),
          reference:
            rel.basis === "curated"
              ? { title: rel.referenceTitle, url: rel.referenceUrl, provision: rel.referenceProvision }
              : undefined,
        };
        this.byKey.set(key, c);
        this.list.push(c);
      }
      if (!c.relIds.includes(rel.id)) c.relIds.push(rel.id);
      numbers.add(c.n);
    }
    return [...numbers].sort((a, b) => a - b);
  }

  get size(): number {
    return this.list.length;
  }

  /** The citations with their sources' title, date, publisher and URL filled in from the graph. */
  async resolve(db: Db): Promise<Citation[]> {
    const sources = await sourcesById(
      db,
      this.list.flatMap((c) => c.sources.map((s) => s.id)),
    );
    return this.list.map((c) => ({
      ...c,
      relIds: [...c.relIds].sort(),
      sources: c.sources.map(({ id }) => {
        const s = sources.get(id);
        return { id, title: s?.title, publisher: s?.publisher, date: s?.date, url: s?.url };
      }),
    }));
  }
}

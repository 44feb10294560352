/**
 * Every quote in seed/ appears verbatim (whitespace aside) in the source document its relationship cites, and is at
 * most 300 characters. Needs the seed documents in ../shared/seeds (SEED_DOCS_DIR).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { SEED_DOCS_DIR } from "../../../src/config.js";
import { squashWhitespace } from "../../../src/seed/graph.js";
import { validateSeed } from "../../../src/seed/validate.js";

describe.runIf(existsSync(SEED_DOCS_DIR))("seed quotes", () => {
  const { graph } = validateSeed();
  const reported = graph.relationships.filter((r) => r.basis === "reported");

  it("has reported relationships to check", () => {
    expect(reported.length).toBeGreaterThan(200);
  });

  it("finds every quote verbatim in each of its sources' documents", () => {
    const missing: string[] = [];
    for (const r of reported) {
      for (const sid of r.sources) {
        const source = graph.entities.get(sid)!.entity as { document: string };
        const text = squashWhitespace(readFileSync(path.join(SEED_DOCS_DIR, source.document), "utf8"));
        if (!text.includes(squashWhitespace(r.quote!))) missing.push(`${r.file}: ${r.quote}`);
      }
      expect(r.quote!.length).toBeLessThanOrEqual(300);
    }
    expect(missing).toEqual([]);
  });
});

/** The gold-set evaluation: reading the set, matching endpoints by name, and the per-language rows. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import type { CandidatesFile } from "../../../src/ingest/candidates.js";
import {
  confusion,
  evaluateGoldDocument,
  GoldFormatError,
  goldScores,
  missesByStage,
  nameAgreement,
  readGold,
  type GoldDocument,
  type PredictedEntity,
} from "../../../src/ingest/gold.js";

const rel = (type: string, from: string, to: string, confidence = 0.9, extra: Record<string, unknown> = {}) =>
  ({
    type,
    from,
    to,
    ...extra,
    candidate: {
      id: "x",
      rule: "r",
      confidence,
      existing: false,
      evidence: { document: "01.txt", start: 0, end: 1 },
      dependsOn: [],
    },
  }) as CandidatesFile["relationships"][number];

const gold: GoldDocument = {
  doc: "01.txt",
  lang: "en",
  entities: [
    { name: "Dutch Data Protection Authority", type: "Regulator", aliases: ["Dutch DPA"] },
    { name: "Clearview AI", type: "Company", aliases: [] },
    { name: "GDPR", type: "Law", aliases: [] },
  ],
  relations: [
    { type: "FINES", from: "Dutch Data Protection Authority", to: "Clearview AI", evidence: "fine" },
    { type: "CITES", from: "Dutch Data Protection Authority", to: "GDPR", evidence: "violated" },
  ],
};
const entities: Record<string, PredictedEntity> = {
  "regulator:dpa": { id: "regulator:dpa", label: "Regulator", names: ["Dutch DPA"] },
  "company:clearview": { id: "company:clearview", label: "Company", names: ["Clearview AI Inc."] },
  "law:gdpr": { id: "law:gdpr", label: "Law", names: ["General Data Protection Regulation", "GDPR"] },
  "case:x": { id: "case:x", label: "Case", names: ["DPA v Clearview"] },
};
const entityOf = (id: string) => entities[id] ?? { id, label: "?", names: [id] };

describe("gold evaluation", () => {
  it("rejects a gold file that is missing or malformed, naming the file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gold-"));
    expect(() => readGold(dir)).toThrow(GoldFormatError);
    writeFileSync(
      path.join(dir, "gold.json"),
      JSON.stringify([{ doc: "01.txt", lang: "en", entities: [], relations: [{ type: "SUES" }] }]),
    );
    expect(() => readGold(dir)).toThrow(/gold\.json at 0\.relations\.0\.from/);
  });

  it("matches names equal after normalisation or contained when long enough", () => {
    expect(nameAgreement(["clearviewai"], ["clearviewai"])).toBe(2);
    expect(nameAgreement(["高通公司"], ["高通"])).toBe(1);
    expect(nameAgreement(["ai"], ["clearviewai"])).toBe(0);
  });

  it("scores by name, drops candidates under the threshold and counts a CITES hung on the authority's case", () => {
    const rels = [
      rel("FINES", "regulator:dpa", "company:clearview", 0.9, { case: "case:x" }),
      rel("CITES", "case:x", "law:gdpr", 0.7),
      rel("SUES", "company:clearview", "regulator:dpa", 0.95),
    ];
    const all = evaluateGoldDocument(gold, rels, entityOf, 0);
    expect(all.tp.map((o) => o.type).sort()).toEqual(["CITES", "FINES"]);
    expect(all.fp).toHaveLength(1);
    const high = evaluateGoldDocument(gold, rels, entityOf, 0.8);
    expect(high.fn.map((o) => o.type)).toEqual(["CITES"]);
    const rows = goldScores([high]);
    expect(rows.find((r) => r.name === "lang en")).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(confusion([high]).join("\n")).toMatch(/MISSED CITES .*nothing[^]*EXTRA {2}SUES/);
  });

  it("credits an accepted CITES hung on a case to the case's authority even when the case's ruling is left for review", () => {
    const rels = [
      rel("FINES", "regulator:dpa", "company:clearview", 0.9),
      rel("RULES_ON", "regulator:dpa", "case:x", 0.55),
      rel("CITES", "case:x", "law:gdpr", 0.85),
    ];
    const high = evaluateGoldDocument(gold, rels, entityOf, 0.8);
    expect(high.tp.map((o) => o.type).sort()).toEqual(["CITES", "FINES"]);
    expect(high.fp).toEqual([]);
  });

  it("tells where each miss was lost: a party never recognised, a party the evidence does not name, or neither", () => {
    const doc: GoldDocument = {
      ...gold,
      entities: [...gold.entities, { name: "Acme", type: "Company", aliases: [] }],
      relations: [
        {
          type: "FINES",
          from: "Dutch Data Protection Authority",
          to: "Clearview AI",
          evidence: "the Dutch DPA fined Clearview AI",
        },
        {
          type: "INVESTIGATES",
          from: "Dutch Data Protection Authority",
          to: "Clearview AI",
          evidence: "it opened a probe",
        },
        { type: "SUES", from: "Acme", to: "Clearview AI", evidence: "Acme sued Clearview AI" },
      ],
    };
    const recognised = [entities["regulator:dpa"], entities["company:clearview"]];
    const e = evaluateGoldDocument(doc, [], entityOf, 0, recognised);
    expect(Object.fromEntries(e.fn.map((f) => [f.type, f.stage]))).toEqual({
      FINES: "both in evidence",
      INVESTIGATES: "one not in evidence",
      SUES: "from not recognised",
    });
    // The endpoint of any candidate in the document counts as recognised, whatever its type or threshold.
    const viaCandidate = evaluateGoldDocument(
      doc,
      [rel("ACCUSES", "company:acme", "company:clearview", 0.3)],
      (id) => (id === "company:acme" ? { id, label: "Company", names: ["Acme"] } : entityOf(id)),
      0,
      [],
    );
    expect(viaCandidate.fn.find((f) => f.type === "SUES")?.stage).toBe("both in evidence");
    expect(missesByStage([e]).en).toMatchObject({
      "both in evidence": 1,
      "one not in evidence": 1,
      "from not recognised": 1,
    });
    // Without the recognised entities, no stage is told.
    expect(evaluateGoldDocument(doc, [], entityOf, 0).fn.every((f) => f.stage === undefined)).toBe(true);
  });
});

/** The evaluation's arithmetic and its alignment of predicted cases with gold cases. */
import { describe, expect, it } from "vitest";

import type { CandidatesFile } from "../../../src/ingest/candidates.js";
import { alignCases, score } from "../../../src/ingest/evaluate.js";

const rel = (type: string, from: string, to: string, c?: string) =>
  ({
    type,
    from,
    to,
    ...(c ? { case: c } : {}),
    candidate: {
      id: "x",
      rule: "r",
      confidence: 1,
      existing: false,
      evidence: { document: "d", start: 0, end: 1 },
      dependsOn: [],
    },
  }) as CandidatesFile["relationships"][number];

describe("evaluation", () => {
  it("scores empty predictions and empty gold without dividing by zero", () => {
    expect(score("x", 0, 0, 0)).toMatchObject({ precision: 1, recall: 1 });
    expect(score("x", 0, 0, 3)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(score("x", 3, 1, 1)).toMatchObject({ precision: 0.75, recall: 0.75, f1: 0.75 });
  });

  it("aligns a predicted case with the gold case sharing most participants", () => {
    const gold = new Map([
      ["case:gold-a", new Set(["regulator:a", "company:x"])],
      ["case:gold-b", new Set(["regulator:b", "company:x"])],
    ]);
    const predicted = [
      rel("INVESTIGATES", "regulator:b", "company:x", "case:mine"),
      rel("RULES_ON", "regulator:b", "case:mine"),
      rel("SUES", "company:q", "company:r", "case:other"),
    ];
    expect([...alignCases(predicted, gold)]).toEqual([["case:mine", "case:gold-b"]]);
  });
});

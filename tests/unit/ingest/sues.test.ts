/** SUES: a party files suit against another; Chinese and English cues, case names (A诉B), negations. */
import { describe, expect, it } from "vitest";

import { extractText, relationsOf } from "../../fixtures/ingest/graph.js";

describe("SUES", () => {
  it("finds nothing when the suit did not happen or has no defendant", () => {
    expect(relationsOf("纽约时报尚未起诉OpenAI。")).toEqual([]);
    expect(relationsOf("纽约时报表示没有起诉OpenAI的计划。")).toEqual([]);
    expect(relationsOf("纽约时报否认起诉OpenAI。")).toEqual([]);
    expect(relationsOf("The New York Times did not sue OpenAI.")).toEqual([]);
    expect(relationsOf("The New York Times denies suing OpenAI.")).toEqual([]);
    expect(relationsOf("被告因涉嫌金融欺诈被刑事起诉。")).toEqual([]);
  });

  it("skips the court the suit was filed with (向…法院起诉) and takes the defendant after the cue", () => {
    const rels = relationsOf("纽约时报向美国纽约南区联邦地区法院起诉OpenAI，称其未经许可使用新闻内容。");
    expect(rels).toContain("SUES company:nytimes -> company:openai");
    expect(rels).toContain("RULES_ON court:us-sdny -> case:nytimes-openai");
  });

  it("does not let a filed-with court rule when the item says no judgment has been given", () => {
    const rels = relationsOf("纽约时报向美国纽约南区联邦地区法院起诉OpenAI。目前该案尚未有判决结果。");
    expect(rels).toEqual(["SUES company:nytimes -> company:openai"]);
  });

  it("reads English cues and the passive", () => {
    expect(relationsOf("The New York Times sued OpenAI in December.")).toEqual([
      "SUES company:nytimes -> company:openai",
    ]);
    expect(relationsOf("OpenAI was sued by The New York Times.")).toEqual(["SUES company:nytimes -> company:openai"]);
  });

  it("reads a case name, A诉B / A v. B", () => {
    expect(relationsOf("纽约时报诉OpenAI案进入审理。")).toEqual(["SUES company:nytimes -> company:openai"]);
    expect(relationsOf("In New York Times v. OpenAI the court heard both sides.")).toEqual([
      "SUES company:nytimes -> company:openai",
    ]);
  });

  it("gives several plaintiffs of one suit one lawsuit case", () => {
    const file = extractText("纽约时报和迪士尼向法院起诉OpenAI。");
    const sues = file.relationships.filter((r) => r.type === "SUES");
    expect(sues.map((r) => r.from).sort()).toEqual(["company:disney", "company:nytimes"]);
    expect(new Set(sues.map((r) => (r as { case?: string }).case)).size).toBe(1);
    expect(file.entities.find((e) => e.label === "Case")).toMatchObject({ caseKind: "lawsuit" });
  });
});

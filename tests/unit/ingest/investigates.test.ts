/** INVESTIGATES: an authority opens an investigation, raids or deals with a party; Chinese and English cues. */
import { describe, expect, it } from "vitest";

import { extractText, relationsOf } from "../../fixtures/ingest/graph.js";

describe("INVESTIGATES", () => {
  it("finds nothing in bad input: no entities, a company as investigator, a negated or nominal cue", () => {
    expect(relationsOf("")).toEqual([]);
    expect(relationsOf("监管机构宣布展开调查。")).toEqual([]);
    expect(relationsOf("OpenAI对X平台展开调查。")).toEqual([]);
    expect(relationsOf("英国信息专员办公室表示不会对X平台展开调查。")).toEqual([]);
    expect(relationsOf("英国信息专员办公室并未对X平台立案。")).toEqual([]);
    expect(relationsOf("The European Commission did not open an investigation into Meta.")).toEqual([]);
    // A nominal cue takes no object: what the investigation covers is only offered for review.
    const nominal = extractText("ICO的调查重点包括Grok的设计。").relationships.filter((r) => r.type === "INVESTIGATES");
    expect(nominal.map((r) => [r.to, r.candidate.confidence < 0.8])).toEqual([["model:grok", true]]);
  });

  it("takes the party between 对 and the cue as the object, whatever comes between subject and 对", () => {
    expect(
      relationsOf("2026年3月2日，英国信息专员办公室（ICO）宣布，根据英国相关法律，对X平台和xAI展开正式调查。"),
    ).toEqual(["INVESTIGATES regulator:gb-ico -> company:x-corp", "INVESTIGATES regulator:gb-ico -> company:xai"]);
  });

  it("reads English cues, with the object after the cue", () => {
    expect(relationsOf("The European Commission opened an investigation into Meta over its AI assistant.")).toEqual([
      "INVESTIGATES regulator:eu-commission -> company:meta",
    ]);
    expect(relationsOf("The ICO is investigating X Corp. over Grok.")).toEqual([
      "INVESTIGATES regulator:gb-ico -> company:x-corp",
    ]);
  });

  it("understands the passive (被…调查)", () => {
    expect(relationsOf("X平台被英国信息专员办公室立案调查。")).toEqual([
      "INVESTIGATES regulator:gb-ico -> company:x-corp",
    ]);
  });

  it("can investigate a model, but not through a body that only assists (在…的配合下)", () => {
    expect(relationsOf("英国信息专员办公室在欧盟委员会的配合下对Grok展开调查。")).toEqual([
      "INVESTIGATES regulator:gb-ico -> model:grok",
    ]);
  });

  it("gives the investigation a Case, named after its parties, with its date", () => {
    const file = extractText("2026年3月2日，英国信息专员办公室宣布对X平台展开调查。");
    const rel = file.relationships.find((r) => r.type === "INVESTIGATES")!;
    const c = file.entities.find((e) => e.id === (rel as { case?: string }).case)!;
    expect(c).toMatchObject({
      label: "Case",
      caseKind: "investigation",
      startDate: "2026-03-02",
      nameZh: "英国信息专员办公室对X公司的调查",
    });
    expect(
      file.relationships
        .filter((r) => r.type === "PARTY_TO")
        .map((r) => `${r.from} ${(r as { role?: string }).role}`)
        .sort(),
    ).toEqual(["company:x-corp investigated", "regulator:gb-ico investigator"]);
  });

  it("treats a penalty decision as an enforcement case the authority rules on", () => {
    expect(relationsOf("国家网信办依法对字节跳动作出行政处罚决定。")).toEqual([
      "INVESTIGATES regulator:cn-cac -> company:bytedance",
      "RULES_ON regulator:cn-cac -> case:cn-cac-bytedance",
    ]);
  });
});

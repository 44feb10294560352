/** Action lexicons by class: English lemmas with their inflections, the new Chinese and English action words. */
import { describe, expect, it } from "vitest";

import { EN_LEXICON, enVerb } from "../../../src/ingest/cues.js";
import { relationsOf } from "../../fixtures/ingest/graph.js";

const matches = (re: RegExp, text: string) => {
  re.lastIndex = 0;
  return re.test(text);
};

describe("English lexicon", () => {
  it("inflects lemmas and matches no other word", () => {
    expect(new RegExp(`^${enVerb("fine")}$`).test("fined")).toBe(true);
    expect(new RegExp(`^${enVerb("probe")}$`).test("probing")).toBe(true);
    expect(new RegExp(`^${enVerb("launch")}$`).test("launches")).toBe(true);
    expect(new RegExp(`^${enVerb("levy")}$`).test("levied")).toBe(true);
    expect(matches(EN_LEXICON.fine, "a fine wine")).toBe(true);
    expect(matches(EN_LEXICON.sue, "the issue was pursued")).toBe(false);
    expect(matches(EN_LEXICON.investigate, "")).toBe(false);
  });

  it("recognises the phrases that state an act", () => {
    expect(matches(EN_LEXICON.investigate, "the agency opened a probe into")).toBe(true);
    expect(matches(EN_LEXICON.investigate, "it launched an inquiry into")).toBe(true);
    expect(matches(EN_LEXICON.sue, "the authors filed suit against")).toBe(true);
    expect(matches(EN_LEXICON.fine, "has imposed a 30.5 million euro fine on")).toBe(true);
    expect(matches(EN_LEXICON.accuse, "it has settled charges against")).toBe(true);
  });
});

describe("action words in extraction", () => {
  it("finds fines, investigations and suits stated by the new words, active and passive", () => {
    expect(
      relationsOf("The Dutch Data Protection Authority has imposed a 30.5 million euro fine on OpenAI."),
    ).toContain("FINES regulator:nl-ap -> company:openai");
    expect(relationsOf("国家互联网信息办公室约谈了OpenAI。")).toContain(
      "INVESTIGATES regulator:cn-cac -> company:openai",
    );
    expect(relationsOf("国家互联网信息办公室对OpenAI开展检查。")).toContain(
      "INVESTIGATES regulator:cn-cac -> company:openai",
    );
    expect(relationsOf("OpenAI was fined by the Dutch Data Protection Authority.")).toContain(
      "FINES regulator:nl-ap -> company:openai",
    );
  });
});

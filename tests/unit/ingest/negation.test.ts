/** Negations and hedges across the rule families, in both languages. */
import { describe, expect, it } from "vitest";

import { extractText, relationsOf } from "../../fixtures/ingest/graph.js";

describe("negation", () => {
  it("drops every party relationship whose predicate is negated or denied", () => {
    for (const text of [
      "纽约时报未起诉OpenAI。",
      "纽约时报没有起诉OpenAI。",
      "纽约时报并未对OpenAI提起诉讼。",
      "OpenAI否认指控深度求索。",
      "英国信息专员办公室尚未对X平台立案调查。",
      "欧盟委员会从未对Meta罚款。",
      "The New York Times did not sue OpenAI.",
      "The New York Times has not sued OpenAI.",
      "The European Commission never fined Meta.",
      "Anthropic denied accusing DeepSeek.",
    ]) {
      expect(relationsOf(text), text).toEqual([]);
    }
  });

  it("does not read 未成年人 or 未来 as negations", () => {
    expect(relationsOf("英国信息专员办公室就未成年人保护对X平台展开调查。")).toEqual([
      "INVESTIGATES regulator:gb-ico -> company:x-corp",
    ]);
  });

  it("lowers the confidence of a hedged event (拟, may, plans to)", () => {
    const sure = extractText("欧盟委员会对Meta展开调查。").relationships.find((r) => r.type === "INVESTIGATES")!;
    const hedged = extractText("欧盟委员会拟对Meta展开调查。").relationships.find((r) => r.type === "INVESTIGATES")!;
    expect(hedged.candidate.confidence).toBeLessThan(sure.candidate.confidence);
    expect(hedged.candidate.confidence).toBeLessThan(0.8);
  });
});

/** FINES: an authority fines a party; a fine is also an enforcement the authority rules on. */
import { describe, expect, it } from "vitest";

import { extractText, relationsOf } from "../../fixtures/ingest/graph.js";

describe("FINES", () => {
  it("finds nothing when no fine was imposed or no authority imposes it", () => {
    expect(relationsOf("欧盟委员会未对Meta处以罚款。")).toEqual([]);
    expect(relationsOf("The European Commission has not fined Meta.")).toEqual([]);
    expect(relationsOf("OpenAI对Meta处以罚款。")).toEqual([]);
  });

  it("reads Chinese and English fines", () => {
    expect(relationsOf("国家网信办对字节跳动处以50万元罚款。")).toContain(
      "FINES regulator:cn-cac -> company:bytedance",
    );
    expect(relationsOf("The European Commission fined Meta 800 million euros.")).toContain(
      "FINES regulator:eu-commission -> company:meta",
    );
  });

  it("files the fine under an administrative-penalty case with the authority ruling on it", () => {
    const file = extractText("国家网信办对字节跳动处以50万元罚款。");
    const types = file.relationships.map((r) => r.type).sort();
    expect(types).toEqual(expect.arrayContaining(["FINES", "INVESTIGATES", "RULES_ON"]));
    expect(file.entities.find((e) => e.label === "Case")).toMatchObject({ caseKind: "administrative_penalty" });
  });
});

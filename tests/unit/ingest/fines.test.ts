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
  describe("a criminal court's fine (罚金)", () => {
    const fines = (text: string) => {
      const file = extractText(text);
      const name = (id: string) => (file.entities.find((e) => e.id === id)?.nameZh ?? id) as string;
      return {
        fines: file.relationships
          .filter((r) => r.type === "FINES")
          .map((r) => `${name(r.from)} -> ${name(r.to)} ${r.candidate.confidence >= 0.8 ? "accept" : "review"}`),
        cases: file.entities.filter((e) => e.label === "Case").map((e) => e.nameZh),
      };
    };

    it("fines the accused the sentence names, the court the sentence names, and names the case by the accused", () => {
      expect(fines("大冶市人民法院审理认为，被告人柯某构成犯罪，判处有期徒刑10个月，并处罚金5000元。")).toEqual({
        fines: ["大冶市人民法院 -> 柯某 accept"],
        cases: ["柯某刑事案"],
      });
    });

    it("takes the accused from the sentence before and the court from the item when it names one only", () => {
      expect(
        fines(
          "大冶市人民法院审结一起案件。法院审理认为,被告人吴某、任某、郑某已构成诈骗罪。依照法律,分别判处有期徒刑,并处罚金。",
        ).fines,
      ).toEqual(["大冶市人民法院 -> 吴某 accept", "大冶市人民法院 -> 任某 accept", "大冶市人民法院 -> 郑某 accept"]);
    });

    it("finds no fine where none was imposed, and no accusation between two accused", () => {
      expect(fines("被告人柯某未被判处罚金。").fines).toEqual([]);
      expect(relationsOf("被告人邓某某、被告人黄某侵犯公民个人信息案。")).toEqual([]);
    });
  });
});

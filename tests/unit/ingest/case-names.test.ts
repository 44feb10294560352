/** Named cases: captions with their parties and Chinese case descriptions. */
import { describe, expect, it } from "vitest";

import { findCaseNames } from "../../../src/ingest/case-names.js";

describe("findCaseNames", () => {
  it("finds no case in empty text, in common nouns ending in 案 or in a plan", () => {
    expect(findCaseNames("")).toEqual([]);
    expect(findCaseNames("该案件尚在审理中。")).toEqual([]);
    expect(findCaseNames("国务院发布了行动方案和立法草案。")).toEqual([]);
  });

  it("takes an English caption and its two parties", () => {
    const [c] = findCaseNames(
      "summary judgment in Thomson Reuters Enterprise Centre GmbH v. Ross Intelligence Inc., No. 1:20-cv-613",
    );
    expect(c.name).toBe("Thomson Reuters Enterprise Centre GmbH v. Ross Intelligence Inc.");
    expect(c.parties?.map((p) => `${p.role}:${p.name}`)).toEqual([
      "plaintiff:Thomson Reuters Enterprise Centre GmbH",
      "defendant:Ross Intelligence Inc.",
    ]);
    expect(findCaseNames("ANI vs OpenAI: why the agency sued")[0]?.name).toBe("ANI vs OpenAI");
  });

  it("takes a Chinese 甲诉乙…案 caption bounded by the text before it, with its parties", () => {
    const [c] = findCaseNames(
      "二审判决书上海某文化发展有限公司诉杭州某智能科技有限公司著作权侵权及不正当竞争纠纷案编者按",
    );
    expect(c.name).toBe("上海某文化发展有限公司诉杭州某智能科技有限公司著作权侵权及不正当竞争纠纷案");
    expect(c.parties?.map((p) => `${p.role}:${p.name}/${p.label}`)).toEqual([
      "plaintiff:上海某文化发展有限公司/Company",
      "defendant:杭州某智能科技有限公司/Company",
    ]);
  });

  it("takes a described case after 就 or after the clause that reports it", () => {
    expect(findCaseNames("杭州市中级人民法院就首例“虚拟数字人”侵权案作出二审判决")[0]?.name).toBe(
      "首例“虚拟数字人”侵权案",
    );
    expect(
      findCaseNames("记者从常熟市人民法院获悉,江苏首例AIGC(人工智能生成内容)著作权纠纷案审结并生效")[0]?.name,
    ).toBe("江苏首例AIGC(人工智能生成内容)著作权纠纷案");
  });
  it("takes a court's case number, with the court written right before it, as the case's name", () => {
    const names = (text: string) => findCaseNames(text).map((c) => c.name);
    expect(names("认为陈沂有罪(台北地方法院114年度智易字第7号),应处罚金")).toEqual(["台北地方法院114年度智易字第7号"]);
    expect(names("据北京互联网法院（2023）京0491民初11279号判决")).toEqual(["北京互联网法院（2023）京0491民初11279号"]);
    expect(names("该案案号为(2024)沪0104刑初123号。")).toEqual(["(2024)沪0104刑初123号"]);
    // A numbered document or a count is no case number.
    expect(names("依据第2号文件，共处理15号案卷")).toEqual([]);
  });
});

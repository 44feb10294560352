/** CITES: the legal basis of a case or a law (依据/根据/违反/按照《X》第N条, under Article N of, in breach of). */
import { describe, expect, it } from "vitest";

import { extractText, relationsOf } from "../../fixtures/ingest/graph.js";

const cites = (text: string) => extractText(text).relationships.filter((r) => r.type === "CITES");

describe("CITES", () => {
  it("finds nothing when a law is only mentioned, declared not to apply, or has nothing citing it", () => {
    expect(relationsOf("《个人信息保护法》于2021年施行。")).toEqual([]);
    expect(cites("国家网信办对字节跳动处以罚款，并表示《个人信息保护法》不适用于该行为。")).toEqual([]);
    expect(cites("依据《个人信息保护法》，企业应当取得个人同意。")).toEqual([]);
  });

  it("cites from the case of the same sentence, with the article", () => {
    const [c] = cites("国家网信办依据《个人信息保护法》第六十六条对字节跳动处以罚款。");
    expect(c).toMatchObject({ to: "law:cn-pipl", article: "第六十六条" });
    expect(c.from.startsWith("case:")).toBe(true);
  });

  it("cites several laws named together (《A》《B》等)", () => {
    const rels = cites(
      "国家网信办通报了一批违规应用。国家网信办依据《个人信息保护法》《中华人民共和国著作权法》等法律法规开展整治。",
    );
    expect(rels.map((r) => r.to).sort()).toEqual(["law:cn-copyright-law", "law:cn-pipl"]);
  });

  it("cites from the law the item is about, and reads English articles", () => {
    const text = [
      "## 1. The European Commission publishes a code",
      'The European Commission published the "Code of Practice on Marking and Labelling" today.',
      "Providers sign it to comply under Article 50 of the AI Act.",
    ].join("\n");
    const file = extractText(text);
    const code = file.entities.find((e) => e.label === "Law")!;
    expect(code).toMatchObject({ nameEn: "Code of Practice on Marking and Labelling", kind: "code_of_practice" });
    expect(file.relationships.find((r) => r.type === "CITES")).toMatchObject({
      from: code.id,
      to: "law:eu-ai-act",
      article: "Art. 50",
    });
  });

  it("applies a commentary sentence to the cases of the latest sentence that named cases", () => {
    const text =
      "国家网信办查处字节跳动利用网络实施混淆案、欧盟委员会查处Meta虚假宣传案。这种行为违反了《反不正当竞争法》第六条的规定。";
    expect(cites(text).map((r) => r.to)).toEqual(["law:cn-aucl", "law:cn-aucl"]);
  });

  it("keeps a case of one country citing another country's same-named law below the acceptance threshold", () => {
    const [c] = cites("韩国个人信息保护委员会依据《个人信息保护法》对深度求索处以罚款。");
    expect(c).toMatchObject({ to: "law:cn-pipl", candidate: { rule: expect.stringMatching(/other-jurisdiction$/) } });
    expect(c.candidate.confidence).toBeLessThan(0.8);
  });

  it("does not take the PRC law for a foreign one sharing its short name (欧盟版权法)", () => {
    expect(cites("国家网信办对字节跳动处以罚款。该指南要求遵守欧盟版权法。")).toEqual([]);
  });
});

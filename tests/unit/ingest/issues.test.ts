/** ISSUES: an authority or organisation publishes a law or guidance; signing one's executive order issues it. */
import { describe, expect, it } from "vitest";

import { extractText, relationsOf } from "../../fixtures/ingest/graph.js";

describe("ISSUES", () => {
  it("finds nothing without a law, with a negation, or for a company publishing a product", () => {
    expect(relationsOf("国家网信办没有发布新的规定。")).toEqual([]);
    expect(relationsOf("国家网信办否认发布了《人工智能安全管理办法》。")).toEqual([]);
    expect(relationsOf("OpenAI发布了新产品。")).toEqual([]);
    expect(relationsOf("他们看了《鱿鱼游戏》。")).toEqual([]);
  });

  it("reads coordinated issuers (A、B联合发布《X》) and proposes the new law with its kind", () => {
    const file = extractText("2026年3月1日，国家网信办、工业和信息化部联合发布《人工智能生成合成内容标识办法》。");
    const law = file.entities.find((e) => e.label === "Law")!;
    expect(law).toMatchObject({
      nameZh: "人工智能生成合成内容标识办法",
      kind: "measures",
      candidate: { status: "new" },
    });
    expect(
      file.relationships
        .filter((r) => r.type === "ISSUES")
        .map((r) => `${r.from} -> ${r.to}`)
        .sort(),
    ).toEqual([`regulator:cn-cac -> ${law.id}`, `regulator:cn-miit -> ${law.id}`]);
  });

  it("reads English cues and quoted English titles", () => {
    const file = extractText(
      'The Cyberspace Administration of China issued the "Measures for Labeling AI-Generated Content".',
    );
    const law = file.entities.find((e) => e.label === "Law")!;
    expect(law).toMatchObject({ nameEn: "Measures for Labeling AI-Generated Content", kind: "measures" });
    expect(file.relationships.find((r) => r.type === "ISSUES")).toMatchObject({ from: "regulator:cn-cac", to: law.id });
  });

  it("turns a head of state signing an executive order into ISSUES, and anyone else signing into SIGNS", () => {
    const eo = extractText("美国总统签署了《消除美国人工智能领导地位障碍》行政命令。");
    expect(eo.relationships.map((r) => r.type)).toEqual(["ISSUES"]);
    const signed = extractText("OpenAI签署了《通用人工智能行为准则》。");
    expect(signed.relationships.map((r) => r.type)).toEqual(["SIGNS"]);
  });

  it("carries the issuer over from the item heading when the sentence names none", () => {
    const text = ["## 2. 国家网信办部署专项行动", "会上发布了《生成式人工智能服务安全指南》。"].join("\n");
    const file = extractText(text);
    expect(file.relationships.find((r) => r.type === "ISSUES")).toMatchObject({
      from: "regulator:cn-cac",
      candidate: { confidence: 0.55 },
    });
  });
});

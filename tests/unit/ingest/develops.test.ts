/** DEVELOPS: a company releases a model; model names with versions are proposed as new models. */
import { describe, expect, it } from "vitest";

import { extractText, relationsOf } from "../../fixtures/ingest/graph.js";

describe("DEVELOPS", () => {
  it("finds nothing for a negated release or a release without a model", () => {
    expect(relationsOf("据报道，OpenAI未发布GPT-6模型。")).toEqual([]);
    expect(relationsOf("Anthropic has not released Claude Opus 5.")).toEqual([]);
    expect(relationsOf("OpenAI发布了年度报告摘要。")).toEqual([]);
  });

  it("proposes a versioned model named next to a release cue and links it to its developer", () => {
    const file = extractText("2026年2月5日，Anthropic正式发布Claude Opus 5大模型。");
    const model = file.entities.find((e) => e.label === "Model")!;
    expect(model).toMatchObject({ nameEn: "Claude Opus 5", modelKind: "llm", candidate: { status: "new" } });
    expect(file.relationships.find((r) => r.type === "DEVELOPS")).toMatchObject({
      from: "company:anthropic",
      to: model.id,
    });
  });

  it("does not merge a new version into an existing model (Seedance 3.0 is not Seedance 2.0)", () => {
    const file = extractText("字节跳动发布视频生成模型Seedance 3.0。");
    expect(file.entities.find((e) => e.label === "Model")).toMatchObject({
      nameEn: "Seedance 3.0",
      modelKind: "video",
      candidate: { status: "new" },
    });
  });

  it("reads possessive forms: X的开发商Y, 来自X的Y", () => {
    expect(relationsOf("KBS起诉ChatGPT的开发商OpenAI。")).toContain("DEVELOPS company:openai -> model:chatgpt");
    const file = extractText("来自中国公司深度求索的DeepSeek-V4模型登上榜首。");
    const model = file.entities.find((e) => e.label === "Model")!;
    expect(model.nameEn).toBe("DeepSeek-V4");
    expect(file.relationships.find((r) => r.type === "DEVELOPS")).toMatchObject({
      from: "company:deepseek",
      to: model.id,
    });
  });

  it("reads English releases", () => {
    expect(relationsOf("OpenAI released ChatGPT to the public.")).toEqual(["DEVELOPS company:openai -> model:chatgpt"]);
  });
});

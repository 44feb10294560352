/** ACCUSES: accusations, condemnations and cease-and-desist letters; a product accused means its maker. */
import { describe, expect, it } from "vitest";

import { relationsOf } from "../../fixtures/ingest/graph.js";

describe("ACCUSES", () => {
  it("finds nothing for denials, negations or an accusation without a named target", () => {
    expect(relationsOf("字节跳动否认迪士尼的指控。")).toEqual([]);
    expect(relationsOf("Anthropic denies accusing DeepSeek of anything.")).toEqual([]);
    expect(relationsOf("OpenAI至今未指责深度求索。")).toEqual([]);
    expect(relationsOf("有评论指责监管过严。")).toEqual([]);
  });

  it("reads a cease-and-desist letter sent to a party (向…发出停止侵权函)", () => {
    expect(relationsOf("迪士尼向字节跳动发出停止侵权函，要求其停止使用受版权保护的角色。")).toEqual([
      "ACCUSES company:disney -> company:bytedance",
    ]);
  });

  it("reads the passive (被…指责) and ignores a jurisdiction used as an adjective", () => {
    expect(relationsOf("深度求索很快被美国人工智能企业OpenAI指责窃取技术秘密。")).toEqual([
      "ACCUSES company:openai -> company:deepseek",
    ]);
  });

  it("reads English cues with coordinated objects", () => {
    expect(relationsOf("Anthropic accuses DeepSeek and OpenAI of distillation attacks.")).toEqual([
      "ACCUSES company:anthropic -> company:deepseek",
      "ACCUSES company:anthropic -> company:openai",
    ]);
  });

  it("turns an accusation against a model into one against its developer", () => {
    expect(relationsOf("字节跳动正式发布模型Seedance 2.0。随后，迪士尼谴责了Seedance 2.0。")).toEqual([
      "ACCUSES company:disney -> company:bytedance",
      "DEVELOPS company:bytedance -> model:seedance-2",
    ]);
  });

  it("carries the object over from a nearby accusation of the same item when a sentence names none", () => {
    expect(relationsOf("迪士尼向字节跳动发出停止侵权函。此前，OpenAI也发出了停止侵权通知函。")).toEqual([
      "ACCUSES company:disney -> company:bytedance",
      "ACCUSES company:openai -> company:bytedance",
    ]);
  });
});

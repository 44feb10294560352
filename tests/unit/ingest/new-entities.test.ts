/** New-entity patterns: laws in 《》 or quotes, authorities, courts, companies, organisations and versioned models. */
import { describe, expect, it } from "vitest";

import { findEntityPatterns, lawKind } from "../../../src/ingest/new-entities.js";
import { normalise } from "../../../src/ingest/normalise.js";

const found = (text: string) =>
  findEntityPatterns(normalise(text).text).map((h) => `${h.label}:${h.nameZh ?? h.nameEn}`);

describe("findEntityPatterns", () => {
  it("proposes nothing for plain text, generic nouns, works of fiction or verbs that end like suffixes", () => {
    expect(found("")).toEqual([]);
    expect(found("多家科技公司和上市公司参加了会议。")).toEqual([]);
    expect(found("他们看了《鱿鱼游戏》和《怪奇物语》。")).toEqual([]);
    expect(found("国务院国资委部署专项行动,金砖国家签署声明,该局表示。")).toEqual(["Regulator:国务院国资委"]);
    expect(found("有关部门和监管部门已经介入。")).toEqual([]);
    expect(found("2026年营收增长5%。")).toEqual([]);
  });

  it("proposes laws from 《》 titles with their kind, an English name from a parenthesis, and a kind word after the title", () => {
    const hits = findEntityPatterns(
      normalise(
        "西班牙数据保护局发布《人工智能智能体数据保护指南》（Artificial Intelligence from the perspective of Data Protection），并发布《消除障碍》行政命令",
      ).text,
    );
    const laws = hits.filter((h) => h.label === "Law");
    expect(laws.map((h) => [h.nameZh, h.nameEn, h.props.kind])).toEqual([
      ["人工智能智能体数据保护指南", "Artificial Intelligence from the perspective of Data Protection", "guideline"],
      ["消除障碍", undefined, "executive_order"],
    ]);
    expect(lawKind("中华人民共和国个人信息保护法")).toBe("statute");
    expect(lawKind("General-Purpose AI Code of Practice")).toBe("code_of_practice");
  });

  it("proposes a law named right before an article without title marks", () => {
    expect(found("以履行AI 法案第 53 条的义务")).toEqual(["Law:AI法案"]);
  });

  it("proposes authorities and courts by suffix, with a place for the short suffixes", () => {
    expect(found("2月4日，深圳市福田区国资委和杭州市西湖区市场监管局查处了此案，美国加州高等法院受理。")).toEqual([
      "Regulator:深圳市福田区国资委",
      "Regulator:杭州市西湖区市场监管局",
      "Court:美国加州高等法院",
    ]);
    expect(found("The Federal Trade Commission and the Court of Justice of the European Union")).toEqual([
      "Regulator:Federal Trade Commission",
      "Court:Court of Justice of the European Union",
    ]);
    expect(found("X的巴黎办公室")).toEqual([]);
  });

  it("proposes companies by legal form and short forms that end the word", () => {
    expect(found("北京奥蓝德信息科技有限公司与宇树科技等企业，以及Nicklaus Company LLC")).toEqual([
      "Company:北京奥蓝德信息科技有限公司",
      "Company:宇树科技",
      "Company:Nicklaus Company LLC",
    ]);
  });

  it("proposes versioned model names next to a release cue, not quantities or identifiers", () => {
    expect(
      found("Anthropic正式发布Claude Opus 4.6大模型，OpenAI发布GPT-5.3-Codex模型，阿里开源Qwen3-Coder-Next"),
    ).toEqual(["Model:Claude Opus 4.6", "Model:GPT-5.3-Codex", "Model:Qwen3-Coder-Next"]);
    expect(found("标准GB 45438-2025发布，营收增长20 亿元，PUE 1.04")).toEqual([]);
  });
});

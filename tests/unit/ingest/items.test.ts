/** Splitting a newsletter into items, with each item's date, publisher and link taken from its metadata lines. */
import { describe, expect, it } from "vitest";

import { documentMeta, extractUrl, splitItems } from "../../../src/ingest/items.js";
import { normalise } from "../../../src/ingest/normalise.js";
import { splitSentences } from "../../../src/ingest/sentences.js";

const items = (text: string) => {
  const t = normalise(text).text;
  return splitItems(t, documentMeta(t));
};

describe("splitItems", () => {
  it("gives no item for empty or decoration-only text, and no URL for a broken link", () => {
    expect(items("")).toEqual([]);
    expect(items("=====\n╔══╗\n-----")).toEqual([]);
    expect(extractUrl("链接：见原文")).toBeUndefined();
  });

  it("splits at numbered headings (1. 1、 一、) and Markdown headings, with per-item metadata", () => {
    const text = [
      "人工智能月刊 2026年02月",
      "一、最新法律与监管动态",
      "1. 荷兰数据保护局发布生成式人工智能愿景",
      "发布日期：2026年2月4日",
      "来源：荷兰数据保护局官网",
      "链接：",
      "<https://example.org/ap-vision>",
      "摘要：",
      "2026年2月4日，荷兰数据保护局发布了愿景。",
      "2、🔥 2月6日消息，国家网信办通报典型案例。",
      "   📰 来源: 36氪 | 🔗 https://36kr.com/p/1",
      "## 3. Enforcement news",
      "**来源：**[https://example.org/x?a=1\\_b](https://example.org/x?a=1\\_b)",
      "The ICO opened an investigation into X Corp. on 3 February 2026.",
    ].join("\n");
    const got = items(text);
    expect(got.map((i) => [i.title, i.date, i.publisher, i.url])).toEqual([
      ["荷兰数据保护局发布生成式人工智能愿景", "2026-02-04", "荷兰数据保护局官网", "https://example.org/ap-vision"],
      ["2月6日消息,国家网信办通报典型案例。", "2026-02-06", "36氪", "https://36kr.com/p/1"],
      ["Enforcement news", "2026-02-03", undefined, "https://example.org/x?a=1_b"],
    ]);
    const t = normalise(text).text;
    expect(splitSentences(t, got[0]).map((s) => s.text)).toEqual([
      "荷兰数据保护局发布生成式人工智能愿景",
      "2026年2月4日,荷兰数据保护局发布了愿景。",
    ]);
  });

  it("drops a table of contents: dot leaders, and headings repeated later with a body", () => {
    const text = [
      "目录",
      "1. 甲事件 .....\t4",
      "导读",
      "1. 乙事件",
      "2. 丙事件",
      "正文",
      "1. 乙事件",
      "乙事件的正文足够长，说明了发生的事情和各方的反应。",
      "2. 丙事件",
      "丙事件的正文也足够长，说明了发生的事情和各方的反应。",
    ].join("\n");
    expect(items(text).map((i) => i.title)).toEqual(["乙事件", "丙事件"]);
  });

  it("reads the document's own front matter", () => {
    const t = normalise(
      "---\ntitle: 观点 | AI企业出海\nurl: https://mp.weixin.qq.com/s?x=1\nsource: 中国信息安全\ndate: 2025-02-27\n---\n\n# 观点\n\n正文。",
    ).text;
    expect(documentMeta(t)).toMatchObject({
      title: "观点 | AI企业出海",
      url: "https://mp.weixin.qq.com/s?x=1",
      publisher: "中国信息安全",
      date: "2025-02-27",
    });
  });

  it("splits English sentences but not at abbreviations", () => {
    const t = normalise("## 1. News\nThe U.S. regulator fined Acme Inc. for fraud. It appealed.").text;
    const [item] = splitItems(t, documentMeta(t));
    expect(splitSentences(t, item).map((s) => s.text)).toEqual([
      "News",
      "The U.S. regulator fined Acme Inc. for fraud.",
      "It appealed.",
    ]);
  });
});

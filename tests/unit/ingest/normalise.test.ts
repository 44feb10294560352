/** Normalisation: NFKC, CJK spacing, wrapped lines, and the offsets back to the original text. */
import { describe, expect, it } from "vitest";

import { isWrappedBreak, normalise, originalRange } from "../../../src/ingest/normalise.js";

describe("normalise", () => {
  it("handles empty and whitespace-only input", () => {
    expect(normalise("").text).toBe("");
    expect(normalise(" \n\t\u3000 ").text).toBe("");
  });

  it("folds full-width and half-width forms (NFKC)", () => {
    expect(normalise("ＯｐｅｎＡＩ（美国）：ＧＰＴ－５，ｶﾀｶﾅ").text).toBe("OpenAI(美国):GPT-5,カタカナ");
  });

  it("drops spaces next to CJK text and keeps one between Latin words", () => {
    expect(normalise("2026 年 2 月 3 日，X 平台与  Claude   Opus 4.6 上线").text).toBe(
      "2026年2月3日,X平台与Claude Opus 4.6上线",
    );
  });

  it("joins a sentence wrapped across lines (and a page break) but keeps headings and metadata lines", () => {
    const text =
      "杭州市西湖区市场监管局查处杭州博珩文化传媒有限公司利用网络实施混淆案、杭州市西湖区市\n\f\n市场监管局查处某公司案。\n## 2. 下一条\n发布日期：2026年2月6日";
    expect(normalise(text).text).toBe(
      "杭州市西湖区市场监管局查处杭州博珩文化传媒有限公司利用网络实施混淆案、杭州市西湖区市市场监管局查处某公司案。\n## 2. 下一条\n发布日期:2026年2月6日",
    );
    expect(isWrappedBreak("短行", "下一行", 1)).toBe(false);
  });

  it("keeps an unpunctuated heading before a blank line apart from the paragraph after it", () => {
    // A title without a full stop, a blank line, then the body: the body's first name must not take the title's tail.
    expect(
      normalise("AI违法广告案例曝光，市场监管总局严查乱象\n\n市场监管总局曝光十起互联网违法广告典型案件。").text,
    ).toBe("AI违法广告案例曝光,市场监管总局严查乱象\n市场监管总局曝光十起互联网违法广告典型案件。");
    // A paragraph-long line cut mid-sentence by a blank line (a converted newsletter) still continues.
    const long =
      "这五起案件涉及商标混淆、误导消费者、帮助虚假宣传、侵犯商业秘密等行为，分别为：".repeat(3) + "杭州市西湖区市";
    expect(normalise(`${long}\n\n市场监管局查处某公司案。`).text).toContain("杭州市西湖区市市场监管局");
    expect(isWrappedBreak("这是一个足够长的句子但是没有结束标点因此会被合并到下一行", "继续这句话。", 3)).toBe(false);
  });

  it("drops Markdown bold markers, escapes and zero-width characters", () => {
    expect(normalise("**来源：**[a\\_b](x)\u200b").text).toBe("来源:[a_b](x)");
  });

  it("maps every normalised range back to the original text", () => {
    const orig = "据报道，２０２６ 年 ２ 月，ＯｐｅｎＡＩ  发布了\n新模型。";
    const norm = normalise(orig);
    const at = norm.text.indexOf("OpenAI");
    const r = originalRange(norm, at, at + "OpenAI发布了新模型".length);
    expect(orig.slice(r.start, r.end)).toBe("ＯｐｅｎＡＩ  发布了\n新模型");
  });
});

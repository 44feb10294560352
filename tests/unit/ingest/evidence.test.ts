/** Evidence quotes: verbatim from the original text (whitespace aside), at most 300 characters, cut at clauses. */
import { describe, expect, it } from "vitest";

import { evidenceFor, tidyWhitespace } from "../../../src/ingest/evidence.js";
import { normalise } from "../../../src/ingest/normalise.js";
import { squashWhitespace } from "../../../src/seed/graph.js";
import { extractText } from "../../fixtures/ingest/graph.js";

const sentenceOf = (text: string, start: number, end: number) => ({
  item: 0,
  start,
  end,
  text: text.slice(start, end),
  heading: false,
});

describe("evidence quotes", () => {
  it("returns an empty quote for an empty sentence and tidies whitespace only", () => {
    const norm = normalise("");
    expect(evidenceFor("", norm, sentenceOf("", 0, 0), 0, 0).quote).toBe("");
    expect(tidyWhitespace("  英国信息\n专员办公室 对  X Corp.\n opened ")).toBe("英国信息专员办公室 对 X Corp. opened");
  });

  it("cuts the quote from the original text: full-width forms and line breaks kept, so it is found verbatim", () => {
    const orig = "据报道，２０２６ 年 ２ 月 ３ 日，英国信息专员办公室（ICO）宣布对 X 平台\n展开调查。";
    const file = extractText(orig);
    const rel = file.relationships.find((r) => r.type === "INVESTIGATES")!;
    const quote = rel.quote as string;
    expect(quote).toContain("２０２６ 年");
    expect(squashWhitespace(orig).includes(squashWhitespace(quote))).toBe(true);
    expect(orig.slice(rel.candidate.evidence.start, rel.candidate.evidence.end).replace(/\s+/g, "")).toBe(
      quote.replace(/\s+/g, ""),
    );
  });

  it("narrows a sentence longer than 300 characters to the clauses around the relationship", () => {
    const filler = "该机构在过去几年中持续关注人工智能领域的数据处理问题并多次发布指导意见，";
    const orig = `${filler.repeat(5)}英国信息专员办公室对X平台展开调查，${filler.repeat(5)}此事引发关注。`;
    const rel = extractText(orig).relationships.find((r) => r.type === "INVESTIGATES")!;
    const quote = rel.quote as string;
    expect(quote.length).toBeLessThanOrEqual(300);
    expect(quote).toContain("英国信息专员办公室对X平台展开调查");
    expect(orig.includes(quote)).toBe(true);
  });

  it("hard-cuts inside a clause only when the relationship's own span is too long", () => {
    const orig = `英国信息专员办公室对${"一".repeat(20)}X平台展开调查`;
    const norm = normalise(orig);
    const ev = evidenceFor(orig, norm, sentenceOf(norm.text, 0, norm.text.length), 0, norm.text.length);
    expect(ev.quote).toBe(orig);
  });
});

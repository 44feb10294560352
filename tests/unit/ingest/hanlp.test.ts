/**
 * The Chinese NLP stage: HanLP in one long-lived JVM (fetched from Maven Central into .hanlp/ by scripts/hanlp.sh
 * when missing), its answers parsed, its tags filtered into names, and its words used to trim suffix-pattern names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildDictionary } from "../../../src/ingest/dictionary.js";
import { candidatesFile, createRun, extractDocument } from "../../../src/ingest/extract.js";
import {
  hanlpHits,
  parseTokens,
  startHanlp,
  tagText,
  trimByTokens,
  tagDocuments,
  type HanlpTagger,
} from "../../../src/ingest/hanlp.js";
import { normalise } from "../../../src/ingest/normalise.js";
import { fixtureGraph } from "../../fixtures/ingest/graph.js";

describe("HanLP answers and hits", () => {
  it("parses nothing from an empty or malformed answer", () => {
    expect(parseTokens("")).toEqual([]);
    expect(parseTokens("garbage\t1,x,n\t3,2")).toEqual([]);
    expect(parseTokens("0,2,nr\t2,3,v")).toEqual([
      { start: 0, end: 2, nature: "nr" },
      { start: 2, end: 5, nature: "v" },
    ]);
  });

  it("keeps persons with a surname and organisations with a body's ending, nothing else", () => {
    const text = "殷某都曾数据保护局互联网平台";
    const hits = hanlpHits(
      [
        { start: 0, end: 2, nature: "nr" },
        { start: 2, end: 4, nature: "nr" },
        { start: 4, end: 9, nature: "nt" },
        { start: 9, end: 14, nature: "nt" },
      ],
      text,
      0,
    );
    expect(hits.map((h) => `${h.nameZh}/${h.label}`)).toEqual(["殷某/Person", "数据保护局/Regulator"]);
  });

  it("reads a commission's short form (公平会, 证监会) as an authority, an association or a foundation (协会, 基金会) not", () => {
    const text = "公平会证监会消费者协会慈善基金会";
    const hits = hanlpHits(
      [
        { start: 0, end: 3, nature: "nt" },
        { start: 3, end: 6, nature: "nt" },
        { start: 6, end: 11, nature: "nt" },
        { start: 11, end: 16, nature: "nt" },
      ],
      text,
      0,
    );
    expect(hits.map((h) => `${h.nameZh}/${h.label}`)).toEqual([
      "公平会/Regulator",
      "证监会/Regulator",
      "消费者协会/Organization",
      "慈善基金会/Organization",
    ]);
  });

  it("keeps a one-character verb that opens a clause as the name's first character (塞力医疗), trims one inside it", () => {
    const tokens = [
      { start: 6, end: 7, nature: "v" },
      { start: 7, end: 10, nature: "n" },
      { start: 10, end: 12, nature: "n" },
    ];
    expect(trimByTokens(tokens, "3月25日,塞力医疗公司", 6, 12)).toBe(6);
    expect(trimByTokens(tokens, "3月25日他告力医疗公司", 6, 12)).toBe(7);
  });

  it("reads a preposition and a demonstrative before a body's word as a reference, not a new name (对该公司)", () => {
    // HanLP tags `对该公司` as one organisation.
    const text = "对该公司及厦门市监管局";
    const hits = hanlpHits(
      [
        { start: 0, end: 4, nature: "nt" },
        { start: 4, end: 5, nature: "cc" },
        { start: 5, end: 11, nature: "nt" },
      ],
      text,
      0,
    );
    expect(hits.map((h) => h.nameZh)).toEqual(["厦门市监管局"]);
  });

  it("moves a suffix-pattern name's start past verbs and roles to the place that begins it", () => {
    const text = "不服杭州互联网法院的判决";
    const tokens = [
      { start: 0, end: 2, nature: "v" },
      { start: 2, end: 4, nature: "ns" },
      { start: 4, end: 9, nature: "nis" },
    ];
    expect(trimByTokens(tokens, text, 0, 9)).toBe(2);
    expect(trimByTokens([], text, 0, 9)).toBe(0);
  });
});

describe("HanLP side process", () => {
  let tagger: HanlpTagger;
  beforeAll(async () => {
    tagger = await startHanlp();
  }, 300_000);
  afterAll(() => tagger?.close());

  it("tags names no suffix list knows, simplifies traditional characters keeping offsets, in one process", async () => {
    const text = "殷某被韩国个人信息保护委员会处罚。\n大陸市場監管總局對高通公司開展立案調查。";
    const { tokens, simplified } = await tagText(tagger, text);
    expect(simplified.length).toBe(text.length);
    expect(simplified).toContain("大陆市场监管总局对高通公司开展立案调查");
    const word = (nature: RegExp) =>
      tokens.filter((t) => nature.test(t.nature)).map((t) => simplified.slice(t.start, t.end));
    expect(word(/^nr/)).toContain("殷某");
    expect(word(/^nt/).some((w) => w.endsWith("委员会"))).toBe(true);
    // The same process answers again: it is not started per request.
    const again = await tagger.tagLines(["林某向常熟市人民法院提起诉讼"]);
    expect(again[0].length).toBeGreaterThan(3);
  });

  it("takes no byline's reporter and no founder's company for a party of the names it tags", async () => {
    const relations = async (text: string) => {
      const doc = { document: "t.txt", file: "t.txt", format: "txt" as const, bytes: Buffer.byteLength(text), text };
      const chinese = (await tagDocuments([doc], (t) => normalise(t).text)).get("t.txt");
      const graph = fixtureGraph();
      const run = createRun(buildDictionary(graph), graph.relationships);
      const file = candidatesFile(run, [extractDocument(run, doc, { chinese })]);
      const names = new Map(file.entities.map((e) => [e.id, e.nameZh ?? e.nameEn]));
      return file.relationships
        .filter((r) => r.type !== "PARTY_TO" && r.candidate.confidence >= 0.8)
        .map((r) => `${r.type} ${names.get(r.from) ?? r.from} -> ${names.get(r.to) ?? r.to}`);
    };
    expect(
      await relations(
        "Telegram涉深伪性犯罪韩警首次立案前调查 (中央社记者廖禹扬首尔2日专电)韩国警方今天表示,已对Telegram公司进行立案前调查。",
      ),
    ).toEqual(["INVESTIGATES 韩国警方 -> Telegram"]);
    expect(
      await relations("法国检方上周正式起诉Telegram创办人兼执行长度洛夫(Pavel Durov),指控他涉嫌共谋经营非法平台。"),
    ).toEqual(["ACCUSES 法国检方 -> Pavel Durov"]);
  });
});

/** Linking to the graph's names and aliases with the Aho–Corasick dictionary. */
import { describe, expect, it } from "vitest";

import { buildDictionary } from "../../../src/ingest/dictionary.js";
import { linkSentence } from "../../../src/ingest/link.js";
import { normalise } from "../../../src/ingest/normalise.js";
import { fixtureGraph } from "../../fixtures/ingest/graph.js";
import type { GraphEntity } from "../../../src/ingest/types.js";

const dict = buildDictionary(fixtureGraph());
const link = (text: string, context = text) => {
  const t = normalise(text).text;
  return linkSentence(dict, t, 0, context).map((m) => `${m.surface}=${m.id}`);
};

describe("linkSentence", () => {
  it("finds nothing in empty text or text naming nobody, and survives an empty dictionary", () => {
    expect(link("")).toEqual([]);
    expect(link("今天天气很好。")).toEqual([]);
    expect(linkSentence(buildDictionary({ entities: [], relationships: [] }), "OpenAI", 0, "")).toEqual([]);
  });

  it("prefers the longest name (欧盟委员会 over 欧盟) and links names in both languages", () => {
    expect(link("欧盟委员会与European Commission和欧盟")).toEqual([
      "欧盟委员会=regulator:eu-commission",
      "European Commission=regulator:eu-commission",
      "欧盟=jur:eu",
    ]);
  });

  it("keeps Latin names on word boundaries and acronyms in their case", () => {
    expect(link("The AP app")).toEqual(["AP=regulator:nl-ap"]);
    expect(link("APP and ap")).toEqual([]);
    expect(link("openai and OPENAI")).toEqual(["openai=company:openai", "OPENAI=company:openai"]);
  });

  it("does not match a two-character alias inside a longer Chinese word (反法 in 违反法律)", () => {
    expect(link("该行为违反法律规定")).toEqual([]);
    expect(link("违反了反法第六条")).toEqual(["反法=law:cn-aucl"]);
    expect(link("字节发布新模型")).toEqual(["字节=company:bytedance"]);
  });

  it("matches full-width and spaced forms after normalisation", () => {
    expect(link("ＯｐｅｎＡＩ 与 X 平台")).toEqual(["OpenAI=company:openai", "X平台=company:x-corp"]);
  });

  it("chooses between entities sharing a name: a primary name over an alias, then the item's context", () => {
    const twins: GraphEntity[] = [
      { id: "person:wang-a", label: "Person", nameZh: "王某某（阳江）", aliases: ["王某某"] },
      { id: "person:wang-b", label: "Person", nameZh: "王某某（GOIP案被告人）", aliases: ["王某某"] },
      { id: "company:warner-bros", label: "Company", nameZh: "华纳兄弟", aliases: [] },
      { id: "company:wbd", label: "Company", nameZh: "华纳兄弟探索公司", aliases: ["华纳兄弟"] },
    ];
    const d = buildDictionary({ entities: twins, relationships: [] });
    expect(linkSentence(d, "华纳兄弟发出通知", 0, "").map((m) => m.id)).toEqual(["company:warner-bros"]);
    expect(linkSentence(d, "网民王某某造谣", 0, "广东阳江警方查处网民王某某").map((m) => m.id)).toEqual([
      "person:wang-a",
    ]);
    expect(linkSentence(d, "网民王某某造谣", 0, "被告人利用GOIP设备").map((m) => m.id)).toEqual(["person:wang-b"]);
  });

  it("does not link a Chinese statute's short name after another jurisdiction (欧盟版权法)", () => {
    expect(link("遵守欧盟版权法")).toEqual(["欧盟=jur:eu"]);
    expect(link("遵守中国版权法")).toEqual(["中国=jur:cn", "版权法=law:cn-copyright-law"]);
  });
});

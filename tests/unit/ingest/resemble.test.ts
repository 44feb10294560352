/** A new entity that looks like an existing one is proposed as a match, never created twice. */
import { describe, expect, it } from "vitest";

import { buildDictionary } from "../../../src/ingest/dictionary.js";
import { findResemblance, isAcronymOf, isChineseAbbreviation, nameKey } from "../../../src/ingest/resemble.js";
import { fixtureGraph } from "../../fixtures/ingest/graph.js";

const dict = buildDictionary(fixtureGraph());
const match = (label: Parameters<typeof findResemblance>[1], ...names: string[]) =>
  findResemblance(dict, label, names)?.id;

describe("findResemblance", () => {
  it("proposes no match for empty, unrelated or differently numbered names", () => {
    expect(match("Company", "")).toBeUndefined();
    expect(match("Company", "宇树科技")).toBeUndefined();
    expect(match("Model", "Seedance 3.0")).toBeUndefined();
    expect(match("Law", "数据出境安全评估办法")).toBeUndefined();
  });

  it("matches the same name in the other script or language (字节跳动（ByteDance）)", () => {
    expect(match("Company", "字节跳动有限公司", "ByteDance")).toBe("company:bytedance");
    expect(match("Company", "ByteDance Ltd.")).toBe("company:bytedance");
    expect(match("Regulator", "Information Commissioner’s Office")).toBe("regulator:gb-ico");
  });

  it("matches abbreviations: Chinese short forms and English acronyms (个保法, PIPL)", () => {
    expect(isChineseAbbreviation("网安法", "网络安全法")).toBe(true);
    expect(isChineseAbbreviation("网法", "网络安全法")).toBe(false);
    expect(isAcronymOf("PIPL", "Personal Information Protection Law")).toBe(true);
    expect(match("Law", "个人信保法")).toBe("law:cn-pipl");
    expect(match("Law", "PIPL")).toBe("law:cn-pipl");
  });

  it("matches a name with a qualifier, without one, or one character apart", () => {
    expect(match("Court", "纽约南区联邦地区法院")).toBe("court:us-sdny");
    expect(match("Law", "AI法案")).toBe("law:eu-ai-act");
    expect(match("Regulator", "英国信息专员办公室室")).toBe("regulator:gb-ico");
    expect(match("Company", "字节跳动云")).toBe("company:bytedance");
  });

  it("compares names without punctuation, case or the PRC prefix", () => {
    expect(nameKey("《中华人民共和国著作权法》")).toBe(nameKey("著作权法"));
  });
});

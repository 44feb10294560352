/**
 * Golden briefings from the seed graph: MiniMax entering the EU and Korea, ByteDance entering the US and the EU,
 * DeepSeek entering the EU, Korea and the US (in English and in Chinese). Each is compared with its golden file in
 * Markdown, HTML and JSON (all but the generated-at line), checked by id for the sections, precedents and crosswalk
 * rows a lawyer expects, and every citation is resolved against the graph: the relationship exists and its quote is
 * the verbatim one (found in the source document) or its official reference is the one printed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CROSSWALK_TOPICS, RISK_THEMES, RISK_THRESHOLDS, buildBriefing, renderHtml, renderJson, renderMarkdown, type Briefing } from "../../src/briefing/index.js";
import { STRINGS } from "../../src/briefing/i18n.js";
import { SEED_DOCS_DIR } from "../../src/config.js";
import type { Db } from "../../src/db/driver.js";
import { BadRequestError } from "../../src/errors.js";
import { squashWhitespace } from "../../src/seed/graph.js";
import { graphChecksum, loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { testDb } from "../support/db.js";
import { AS_OF, FIXED_NOW, GOLDEN_CASES, allFacts, golden, ids, marketOf } from "./support.js";

let db: Db;
const built = new Map<string, Briefing>();
beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
  for (const c of GOLDEN_CASES) built.set(c.name, await buildBriefing(db, c.input, { now: FIXED_NOW }));
});
afterAll(async () => db?.close());

const get = (name: (typeof GOLDEN_CASES)[number]["name"]) => built.get(name)!;

describe("golden briefings", () => {
  it("refuses an as-of date that is not a calendar date before reading anything", async () => {
    await expect(buildBriefing(db, { ...GOLDEN_CASES[0].input, asOf: "2026-02-30" })).rejects.toThrow(BadRequestError);
  });

  it.each(GOLDEN_CASES.map((c) => [c.name]))("%s matches its golden Markdown, HTML and JSON", (name) => {
    const b = get(name as (typeof GOLDEN_CASES)[number]["name"]);
    for (const [ext, text] of [
      ["md", renderMarkdown(b)],
      ["html", renderHtml(b)],
      ["json", renderJson(b)],
    ] as const) {
      const { expected, actual } = golden(`${name}.${ext}`, text);
      expect(actual, `${name}.${ext} differs from its golden file (if the seed graph changed on purpose: UPDATE_GOLDEN=1, then review the diff)`).toBe(expected);
    }
  });

  it("is deterministic: the same graph and input give the same briefing apart from the generated-at line", async () => {
    const again = await buildBriefing(db, GOLDEN_CASES[2].input, { now: () => new Date("2030-01-01T00:00:00Z") });
    expect(again.generatedAt).not.toBe(get("deepseek-eu-kr-us").generatedAt);
    expect({ ...again, generatedAt: "" }).toEqual({ ...get("deepseek-eu-kr-us"), generatedAt: "" });
  });
});

describe("what a lawyer expects, by id", () => {
  it("heads each briefing with the subject, the markets, the as-of date and the graph checksum", async () => {
    const checksum = await graphChecksum(db);
    for (const b of built.values()) {
      expect(b.header.asOf).toBe(AS_OF);
      expect(b.header.graphChecksum).toBe(checksum);
      expect(b.header.subject.home?.code).toBe("CN");
      expect(b.header.subject.facts.length).toBe(1);
    }
    expect(get("minimax-eu-kr").header.markets.map((m) => m.code)).toEqual(["EU", "KR"]);
    expect(get("bytedance-us-eu").header.markets.map((m) => m.code)).toEqual(["US", "EU"]);
    expect(get("deepseek-eu-kr-us").header.markets.map((m) => m.code)).toEqual(["EU", "KR", "US"]);
    expect(get("deepseek-eu-kr-us.zh").header.subject.name).toBe("深度求索");
  });

  it("MiniMax → EU, KR: the laws, regulators and precedents of each market", () => {
    const b = get("minimax-eu-kr");
    const eu = marketOf(b, "EU");
    expect(ids(eu.laws)).toEqual(
      expect.arrayContaining(["law:eu-ai-act", "law:eu-gdpr", "law:eu-dsm-copyright-directive", "law:eu-tfeu", "law:eu-dsa", "law:eu-dma", "law:eu-gpai-code-of-practice"]),
    );
    expect(eu.laws.find((l) => l.id === "law:eu-ai-act")!.topics).toEqual(expect.arrayContaining([expect.objectContaining({ id: "topic:ai-content-labeling", provision: "Art. 50", matched: true })]));
    expect(ids(eu.regulators)).toContain("regulator:eu-commission");
    // The Parliament is a legislature (an Organization), not a regulator: it issues the EU's laws, it does not enforce them.
    expect(ids(eu.regulators)).not.toContain("org:eu-parliament");
    expect(ids(eu.precedents)).toEqual(
      expect.arrayContaining(["case:ie-dpc-grok-2026", "case:eu-commission-meta-whatsapp-ai-assistants", "case:fr-x-grok-investigation-2026"]),
    );
    const kr = marketOf(b, "KR");
    expect(ids(kr.laws)).toEqual(expect.arrayContaining(["law:kr-pipa", "law:kr-ai-framework-act"]));
    expect(ids(kr.precedents)).toContain("case:kr-kbs-mbc-sbs-v-openai");
    for (const m of b.markets) {
      const dated = m.precedents.map((p) => p.date).filter(Boolean) as string[];
      expect(dated, "most recent first").toEqual([...dated].sort().reverse());
    }
    expect(ids(b.exposure.cases)).toEqual(["case:anthropic-distillation-accusation-2026"]);
    expect(b.exposure.cases[0].subjectRoles).toEqual(["accused"]);
  });

  it("ByteDance → US, EU: its own accusations over Seedance 2.0, its models, and the US precedents", () => {
    const b = get("bytedance-us-eu");
    // Its topics come from its own cases: the Seedance letters (copyright) and, through Doubao, the CAC's labeling case.
    expect(b.header.topics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "topic:copyright-training-data", from: "graph" }),
        expect.objectContaining({ id: "topic:ai-content-labeling", from: "graph" }),
      ]),
    );
    const seedance = [
      "case:disney-bytedance-seedance-2026",
      "case:mpa-sag-aftra-seedance-2026",
      "case:netflix-bytedance-seedance-2026",
      "case:paramount-bytedance-seedance-2026",
      "case:sony-bytedance-seedance-2026",
      "case:warner-bros-bytedance-seedance-2026",
    ];
    expect([...ids(b.exposure.cases)].sort()).toEqual([...seedance, "case:cn-cac-unlabeled-ai-content-2026-02"].sort());
    const model = b.exposure.models.find((m) => m.id === "model:seedance-2")!;
    expect(model.cases).toEqual(seedance);
    const us = marketOf(b, "US");
    expect(ids(us.precedents)).toEqual(expect.arrayContaining(["case:mpa-sag-aftra-seedance-2026", "case:anthropic-distillation-accusation-2026"]));
    expect(us.precedents.find((p) => p.id === "case:mpa-sag-aftra-seedance-2026")!.comparable).toContain("subject");
    expect(b.summary.rows.find((r) => r.market.code === "US")!.litigationSubject).toBeGreaterThanOrEqual(1);
    const eu = marketOf(b, "EU");
    expect(eu.laws.filter((l) => l.matched).map((l) => l.id)).toEqual(expect.arrayContaining(["law:eu-ai-act", "law:eu-dsm-copyright-directive"]));
  });

  it("DeepSeek → EU, KR, US: the distillation accusations in the US, the measures against it, peers of the same home", () => {
    const b = get("deepseek-eu-kr-us");
    expect(ids(b.exposure.cases)).toEqual(
      expect.arrayContaining(["case:anthropic-distillation-accusation-2026", "case:openai-accuses-deepseek-distillation-2025", "case:foreign-state-measures-against-deepseek-2025"]),
    );
    const us = marketOf(b, "US");
    expect(ids(us.precedents)).toEqual(
      expect.arrayContaining(["case:anthropic-distillation-accusation-2026", "case:openai-accuses-deepseek-distillation-2025", "case:mpa-sag-aftra-seedance-2026"]),
    );
    expect(us.precedents.find((p) => p.id === "case:mpa-sag-aftra-seedance-2026")!.comparable).toEqual(["home"]);
    expect(ids(marketOf(b, "KR").precedents)).toContain("case:kr-kbs-mbc-sbs-v-openai");
    expect(ids(marketOf(b, "EU").precedents)).toContain("case:ie-dpc-grok-2026");
  });

  it("crosswalks China's regimes with each market's, topic by topic, with the provisions", () => {
    const cw = (b: Briefing, code: string) => b.crosswalk.find((c) => c.market.code === code)!;
    const row = (b: Briefing, code: string, topic: string) => cw(b, code).rows.find((r) => r.topic.id === topic)!;
    const cell = (cells: { law: { id: string }; provision?: string }[]) => cells.map((c) => `${c.law.id}${c.provision ? ` ${c.provision}` : ""}`);
    for (const b of built.values()) for (const c of b.crosswalk) expect(c.rows.map((r) => r.topic.id)).toEqual([...CROSSWALK_TOPICS]);

    const m = get("minimax-eu-kr");
    const labeling = row(m, "EU", "topic:ai-content-labeling");
    expect(cell(labeling.home)).toEqual(expect.arrayContaining(["law:cn-aigc-labeling", "law:cn-deep-synthesis", "law:cn-genai-interim-measures 第十二条"]));
    expect(cell(labeling.target)).toEqual(["law:eu-ai-act Art. 50"]);
    expect(labeling.both).toBe(true);
    expect(cell(row(m, "EU", "topic:data-protection").home)).toEqual(["law:cn-pipl"]);
    expect(cell(row(m, "EU", "topic:data-protection").target)).toEqual(["law:eu-gdpr"]);
    expect(cell(row(m, "EU", "topic:cross-border-data").target)).toEqual(["law:eu-gdpr Art. 44-49"]);
    expect(cell(row(m, "EU", "topic:cross-border-data").home)).toContain("law:cn-pipl 第三十八条至第四十条");
    expect(cell(row(m, "EU", "topic:copyright-training-data").home)).toEqual(["law:cn-genai-interim-measures 第七条"]);
    expect(cell(row(m, "EU", "topic:copyright-training-data").target)).toEqual(
      expect.arrayContaining(["law:eu-ai-act Art. 53(1)(c)", "law:eu-dsm-copyright-directive Art. 4"]),
    );
    expect(cell(row(m, "EU", "topic:competition").target)).toEqual(expect.arrayContaining(["law:eu-tfeu Art. 102", "law:eu-dma"]));
    expect(cell(row(m, "EU", "topic:competition").home)).toEqual(["law:cn-anti-unfair-competition-law"]);
    expect(cell(row(m, "EU", "topic:cybersecurity").home)).toContain("law:cn-cybersecurity-law");
    expect(cell(row(m, "EU", "topic:content-safety").target)).toEqual(["law:eu-dsa"]);
    expect(cell(row(m, "KR", "topic:data-protection").target)).toEqual(["law:kr-pipa"]);
    expect(row(m, "KR", "topic:ai-content-labeling").target).toEqual([]);
    expect(row(m, "KR", "topic:ai-content-labeling").both).toBe(false);
    expect(cw(get("deepseek-eu-kr-us"), "US").rows.every((r) => r.target.length === 0)).toBe(true);
  });

  it("gives each outbound risk theme its evidence, or says plainly that the graph has none", () => {
    const d = get("deepseek-eu-kr-us");
    expect(d.riskThemes.map((t) => t.topic.id)).toEqual([...RISK_THEMES]);
    const theme = (b: Briefing, id: string) => b.riskThemes.find((t) => t.topic.id === id)!;
    const theft = theme(d, "topic:risk-technology-theft");
    expect(theft.evidence.find((e) => e.id === "case:anthropic-distillation-accusation-2026")!.bearing).toEqual(expect.arrayContaining(["subject", "peer", "market:US"]));
    expect(theft.evidence.find((e) => e.id === "case:openai-accuses-deepseek-distillation-2025")!.bearing).toEqual(expect.arrayContaining(["subject", "market:US"]));
    expect(theft.evidence.find((e) => e.id === "case:us-eu-trade-secret-ip-theft-accusations-chinese-tech")!.bearing).toEqual(["market:EU", "market:US"]);
    expect(ids(theme(d, "topic:risk-network-security-narrative").evidence)).toEqual(["case:huawei-foreign-lawsuits-investigations"]);
    expect(ids(theme(d, "topic:risk-geopolitics").evidence)).toEqual(expect.arrayContaining(["law:paris-statement-inclusive-sustainable-ai-2025", "law:us-edge-ai-package-indo-pacific"]));
    const openSource = theme(d, "topic:risk-open-source-regulation");
    expect(openSource.evidence).toEqual([]);
    expect(openSource.activities).toEqual(["open_weights"]);
    expect(openSource.notes.join(" ")).toMatch(/No evidence in the graph bears on this theme for DeepSeek/);
    expect(theme(d, "topic:risk-physical-product-liability").notes.join(" ")).toMatch(/No evidence in the graph/);
    expect(theme(d, "topic:risk-government-backing").evidence.every((e) => e.bearing.join() === "general")).toBe(true);
    expect(theme(get("deepseek-eu-kr-us.zh"), "topic:risk-open-source-regulation").notes.join("")).toMatch(/图谱中没有涉及深度求索/);
  });

  it("computes each risk level by the printed formula", () => {
    for (const b of built.values()) {
      for (const row of b.summary.rows) {
        const points = row.terms.reduce((s, t) => s + t.weight * (t.cap === undefined ? t.value : Math.min(t.value, t.cap)), 0);
        expect(row.riskPoints).toBe(points);
        expect(row.riskLevel).toBe(points >= RISK_THRESHOLDS.high ? "high" : points >= RISK_THRESHOLDS.medium ? "medium" : "low");
        expect(b.appendix.formula.some((l) => l.startsWith(`${row.market.name}`) && l.includes(`${points}`))).toBe(true);
      }
    }
  });
});

describe("citations", () => {
  it("every sentence of facts carries at least one citation, and every citation is cited", () => {
    for (const [name, b] of built) {
      const facts = allFacts({ header: b.header, markets: b.markets, exposure: b.exposure, crosswalk: b.crosswalk, riskThemes: b.riskThemes });
      expect(facts.length, name).toBeGreaterThan(20);
      const uncited = facts.filter((f) => f.fact.cites.length === 0).map((f) => `${f.at}: ${f.fact.text}`);
      expect(uncited, name).toEqual([]);
      const numbers = new Set(facts.flatMap((f) => f.fact.cites));
      expect([...numbers].sort((a, b) => a - b), name).toEqual(b.appendix.citations.map((c) => c.n));
      expect(b.appendix.citations.map((c) => c.n)).toEqual(b.appendix.citations.map((_, i) => i + 1));
    }
  });

  it("no line of facts in the Markdown lacks a citation (notes are block quotes)", () => {
    for (const [name, b] of built) {
      const md = renderMarkdown(b);
      const S = STRINGS[b.lang].sections;
      const body = md.slice(md.indexOf(`\n## ${S.markets}`), md.indexOf(`\n## ${S.appendixFormula}`));
      const lines = body.split("\n").filter((l) => /^\s*- /.test(l) || (/^\| /.test(l) && !/^\|[-|: ]+\|$/.test(l)));
      const factLines = lines.filter((l) => !/^\| (Topic|议题) \|/.test(l));
      expect(factLines.length, name).toBeGreaterThan(20);
      expect(factLines.filter((l) => !/\[\d+\]/.test(l)), name).toEqual([]);
    }
  });

  it("numbers citations in reading order", () => {
    for (const [name, b] of built) {
      const md = renderMarkdown(b);
      const body = md.slice(0, md.indexOf(`\n## ${STRINGS[b.lang].sections.appendixFormula}`));
      const firstSeen: number[] = [];
      for (const m of body.matchAll(/\[(\d+)\]/g)) if (!firstSeen.includes(Number(m[1]))) firstSeen.push(Number(m[1]));
      expect(firstSeen, name).toEqual(firstSeen.map((_, i) => i + 1));
    }
  });

  it("every citation resolves to a relationship of the graph with the printed verbatim quote or official reference", async () => {
    const relIds = [...new Set([...built.values()].flatMap((b) => b.appendix.citations.flatMap((c) => c.relIds)))];
    const rows = await db.read<{ id: string; props: Record<string, unknown> }>(
      "UNWIND $ids AS id MATCH ()-[r]->() WHERE r.id = id RETURN id, properties(r) AS props",
      { ids: relIds },
    );
    const rels = new Map(rows.map((r) => [r.id, r.props]));
    expect(relIds.filter((id) => !rels.has(id))).toEqual([]);
    const sources = await db.read<{ id: string; document: string; title: string; date?: string; url?: string }>(
      "MATCH (s:Source) RETURN s.id AS id, s.document AS document, s.title AS title, s.date AS date, s.url AS url",
    );
    const sourceById = new Map(sources.map((s) => [s.id, s]));
    const docs = new Map<string, string>();
    const docText = (name: string) => {
      if (!docs.has(name)) docs.set(name, squashWhitespace(readFileSync(path.join(SEED_DOCS_DIR, name), "utf8")));
      return docs.get(name)!;
    };
    for (const b of built.values()) {
      for (const c of b.appendix.citations) {
        for (const id of c.relIds) {
          const r = rels.get(id)!;
          expect(r.basis, id).toBe(c.basis);
          if (c.basis === "reported") {
            expect(c.quote, id).toBe(r.quote);
            expect([...(r.sources as string[])].sort(), id).toEqual(c.sources.map((s) => s.id).sort());
            for (const s of c.sources) {
              const src = sourceById.get(s.id)!;
              expect(s.title).toBe(src.title);
              expect(s.date).toBe(src.date ?? undefined);
              expect(docText(src.document).includes(squashWhitespace(c.quote!)), `${id}: quote not verbatim in ${src.document}`).toBe(true);
            }
          } else {
            expect(c.quote).toBeUndefined();
            expect(c.reference, id).toEqual({ title: r.referenceTitle, url: r.referenceUrl, provision: r.referenceProvision ?? undefined });
          }
        }
      }
    }
  });
});

describe("the as-of date", () => {
  it("counts only events up to it: later cases and laws are left out, later effective dates marked", async () => {
    const b = await buildBriefing(db, { ...GOLDEN_CASES[2].input, asOf: "2025-12-31" }, { now: FIXED_NOW });
    const allCases = [...b.markets.flatMap((m) => m.precedents), ...b.exposure.cases];
    expect(allCases.length).toBeGreaterThan(0);
    for (const c of allCases) expect(!c.date || c.date <= "2025-12-31", `${c.id} ${c.date}`).toBe(true);
    expect(ids(b.exposure.cases)).not.toContain("case:anthropic-distillation-accusation-2026");
    expect(ids(b.exposure.cases)).toContain("case:openai-accuses-deepseek-distillation-2025");
    expect(ids(marketOf(b, "US").laws)).not.toContain("law:us-dol-ai-literacy-framework");
    expect(marketOf(b, "KR").laws.find((l) => l.id === "law:kr-ai-framework-act")!.statusAsOf).toBe("not_yet_in_force");
    for (const m of b.markets) for (const r of m.regulators) for (const a of r.actions) expect(!a.date || a.date <= "2025-12-31").toBe(true);
  });
});

/**
 * Golden briefings from the seed graph: MiniMax, a Chinese GPAI model developer, entering the EU, Korea, the UK and
 * the US (in English and Chinese), and ByteDance without activities. Each is compared with its golden file (Markdown
 * and Word for the GPAI developer in both languages; HTML and JSON in English), checked by id for the duties, dates,
 * ceilings, first steps and levels a lawyer expects, and every citation is resolved against the graph: the
 * relationship exists and its quote is the verbatim one (found in the source document) or its official reference is
 * the one printed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  buildBriefing,
  legalMap,
  renderDocx,
  renderHtml,
  renderJson,
  renderMarkdown,
  type Briefing,
} from "../../src/briefing/index.js";
import { STRINGS } from "../../src/briefing/i18n.js";
import { SEED_DOCS_DIR } from "../../src/config.js";
import type { Db } from "../../src/db/driver.js";
import { BadRequestError } from "../../src/errors.js";
import { squashWhitespace } from "../../src/seed/graph.js";
import { graphChecksum, loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { testDb } from "../support/db.js";
import { AS_OF, FIXED_NOW, GOLDEN_CASES, allFacts, docxText, golden, ids, marketOf } from "./support.js";

let db: Db;
const built = new Map<string, Briefing>();
beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
  for (const c of GOLDEN_CASES) built.set(c.name, await buildBriefing(db, c.input, { now: FIXED_NOW }));
});
afterAll(async () => db?.close());

const get = (name: (typeof GOLDEN_CASES)[number]["name"]) => built.get(name)!;
const GPAI = GOLDEN_CASES[0].input;
const obligation = (b: Briefing, code: string, id: string) => {
  const o = marketOf(b, code).obligations.find((x) => x.id === id);
  if (!o) throw new Error(`no obligation ${id} in ${code}`);
  return o;
};

describe("golden briefings", () => {
  it("refuses an as-of date that is not a calendar date before reading anything", async () => {
    await expect(buildBriefing(db, { ...GPAI, asOf: "2026-02-30" })).rejects.toThrow(BadRequestError);
  });

  it.each([
    ["minimax-eu-kr-gb-us", ["md", "docx", "html", "json"]],
    ["minimax-eu-kr-gb-us.zh", ["md", "docx"]],
    ["bytedance-us-eu", ["md", "json"]],
  ] as const)("%s matches its golden files", async (name, formats) => {
    const b = get(name);
    for (const ext of formats) {
      const text =
        ext === "md"
          ? renderMarkdown(b)
          : ext === "html"
            ? renderHtml(b)
            : ext === "json"
              ? renderJson(b)
              : await docxText(await renderDocx(b));
      const file = ext === "docx" ? `${name}.docx.txt` : `${name}.${ext}`;
      const { expected, actual } = golden(file, text);
      expect(
        actual,
        `${file} differs from its golden file (if the seed graph changed on purpose: UPDATE_GOLDEN=1, then review the diff)`,
      ).toBe(expected);
    }
  });

  it("is deterministic: the same graph and input give the same briefing apart from the generated-at line", async () => {
    const again = await buildBriefing(db, GPAI, { now: () => new Date("2030-01-01T00:00:00Z") });
    expect(again.generatedAt).not.toBe(get("minimax-eu-kr-gb-us").generatedAt);
    expect({ ...again, generatedAt: "" }).toEqual({ ...get("minimax-eu-kr-gb-us"), generatedAt: "" });
  });
});

describe("what a lawyer expects of the GPAI developer's briefing", () => {
  it("heads it with the profile, the data's reach and the disclaimer", async () => {
    const b = get("minimax-eu-kr-gb-us");
    expect(b.header.graphChecksum).toBe(await graphChecksum(db));
    expect(b.header.subject.home?.code).toBe("CN");
    expect(b.header.markets.map((m) => m.code)).toEqual(["EU", "KR", "GB", "US"]);
    expect(b.header.frame.dataCurrentTo).toMatch(/^2026-0[12]-\d\d$/);
    expect(b.header.frame.coverage[0]).toContain(`Data current to: ${b.header.frame.dataCurrentTo}`);
    expect(b.header.frame.disclaimer).toMatch(/not legal advice/);
    expect(get("minimax-eu-kr-gb-us.zh").header.frame.disclaimer).toMatch(/不构成法律意见/);
    expect(b.header.facts).toEqual(
      expect.arrayContaining(["Established in: none of the target markets", "Worldwide turnover: EUR 500,000,000"]),
    );
  });

  it("EU: the GPAI duties of Art. 53 and 54, the GDPR representative, each with date, article and ceiling in money", () => {
    const b = get("minimax-eu-kr-gb-us");
    expect(ids(marketOf(b, "EU").roles)).toEqual(
      expect.arrayContaining([
        "role:eu-ai-act:gpai-provider",
        "role:eu-ai-act:provider",
        "role:eu-gdpr:controller",
        "role:eu-gdpr:processor",
      ]),
    );
    expect(marketOf(b, "EU").roles.find((r) => r.id === "role:eu-ai-act:gpai-systemic-provider")!.basis).toBe(
      "conditional",
    );
    for (const id of [
      "obl:eu-ai-act:art-53-1-a-technical-documentation",
      "obl:eu-ai-act:art-53-1-c-copyright-policy",
      "obl:eu-ai-act:art-53-1-d-training-content-summary",
      "obl:eu-ai-act:art-54-1-gpai-authorised-representative",
      "obl:eu-gdpr:art-27-1-eu-representative",
    ]) {
      const o = obligation(b, "EU", id);
      expect(o.status, id).toBe("applies");
      expect(o.appliesFrom <= AS_OF, id).toBe(true);
    }
    const rep = obligation(b, "EU", "obl:eu-ai-act:art-54-1-gpai-authorised-representative");
    expect(rep.provision.number).toBe("Art. 54(1)-(2)");
    expect(rep.penalties.map((p) => p.id)).toEqual(["pen:eu-ai-act:art-101"]);
    // 3% of EUR 500m is EUR 15m, the same as the fixed cap: the higher of the two.
    expect(rep.penalties[0].fact.text).toContain(
      "on the turnover given (EUR 500,000,000) that is up to EUR 15,000,000",
    );
    expect(rep.home.map((h) => h.provision.id)).toContain("prov:cn-pipl:art-53");
    const marking = obligation(b, "EU", "obl:eu-ai-act:art-50-2-machine-readable-marking");
    expect([marking.status, marking.daysUntil]).toEqual(["upcoming", 154]);
    expect(marking.reportedChange).toMatch(/Reported, not verified/);
    expect(marking.home.map((h) => h.provision.id)).toEqual(
      expect.arrayContaining(["prov:cn-aigc-labeling:art-4", "prov:cn-aigc-labeling:art-5"]),
    );
    // Systemic-risk duties depend on the compute the profile does not state: shown, not dropped, not asserted.
    expect(obligation(b, "EU", "obl:eu-ai-act:art-55-1-a-b-evaluation-risk-mitigation").status).toBe("conditional");
    const highRisk = obligation(b, "EU", "obl:eu-ai-act:art-16-high-risk-provider");
    expect(highRisk.status).toBe("not_applicable");
    expect(highRisk.reasonFact!.text).toMatch(/Annex III/);
    expect(marketOf(b, "EU").obligations.some((o) => o.id === "obl:eu-ai-act:art-23-importer-checks")).toBe(false);
    expect(marketOf(b, "EU").obligationsNotBinding).toBeGreaterThan(0);
  });

  it("Korea, the UK: the domestic agents and the UK representative; the US: not rated for lack of article-level law", () => {
    const b = get("minimax-eu-kr-gb-us");
    expect(obligation(b, "KR", "obl:kr-ai-framework-act:art-36-domestic-agent").status).toBe("applies");
    expect(obligation(b, "KR", "obl:kr-pipa:art-31-2-domestic-agent").status).toBe("applies");
    expect(obligation(b, "KR", "obl:kr-ai-framework-act:art-31-p2-output-labeling").status).toBe("applies");
    expect(obligation(b, "GB", "obl:gb-uk-gdpr:art-27-1-uk-representative").status).toBe("applies");
    // The Art. 44 duty ended on 2026-02-04; Art. 44A took over.
    expect(marketOf(b, "GB").obligations.map((o) => o.id)).not.toContain("obl:gb-uk-gdpr:art-44-transfers");
    expect(obligation(b, "GB", "obl:gb-uk-gdpr:art-44a-transfers").status).toBe("applies");
    const us = b.summary.rows.find((r) => r.market.code === "US")!;
    expect(us.level).toBe("not_assessed");
    expect(us.notes.join(" ")).toMatch(/no article-level provisions.*not rated.*executive orders/);
    expect(marketOf(b, "US").obligations).toEqual([]);
    expect(
      marketOf(b, "US")
        .laws.filter((l) => l.binding === "binding")
        .every((l) => l.kind === "executive_order"),
    ).toBe(true);
  });

  it("lists the calendar of the next 24 months and the first steps, each citing its obligations", () => {
    const b = get("minimax-eu-kr-gb-us");
    expect(b.calendar.items.map((c) => c.date).every((d) => d > AS_OF && d <= "2028-03-01")).toBe(true);
    const marking = b.calendar.items.find((c) =>
      c.obligations.includes("obl:eu-ai-act:art-50-2-machine-readable-marking"),
    )!;
    expect([marking.date, marking.bindsClient]).toEqual(["2026-08-02", true]);
    expect(marking.fact.text).toMatch(/reported but not verified/);
    const steps = new Map(b.steps.items.map((s) => [s.id, s]));
    for (const id of [
      "eu-gpai-representative",
      "eu-gdpr-representative",
      "uk-gdpr-representative",
      "kr-domestic-agent",
      "eu-training-summary",
      "eu-copyright-policy",
    ]) {
      expect(steps.get(id)?.due, id).toBe("now");
    }
    expect(steps.get("eu-marking")!.due).toBe("upcoming");
    expect(steps.get("eu-marking")!.deadline).toBe("2026-08-02");
    expect(steps.get("eu-marking")!.homeFact!.text).toMatch(/Labeling/);
    const dues = b.steps.items.map((s) => ({ now: 0, upcoming: 1, conditional: 2 })[s.due]);
    expect(dues).toEqual([...dues].sort());
    for (const s of b.steps.items) expect(s.fact.cites.length, s.id).toBeGreaterThan(0);
  });

  it("rates the markets by the printed formula, from the duties and enforcement that bear on them", () => {
    const { thresholds } = legalMap().exposure;
    const b = get("minimax-eu-kr-gb-us");
    for (const row of b.summary.rows.filter((r) => r.points !== undefined)) {
      const points = row.terms.reduce(
        (s, t) => s + t.weight * (t.cap === undefined ? t.value : Math.min(t.value, t.cap)),
        0,
      );
      expect(row.points).toBe(points);
      expect(row.level).toBe(points >= thresholds.high ? "high" : points >= thresholds.medium ? "medium" : "low");
      expect(b.appendix.formula.some((l) => l.startsWith(`${row.market.name}`) && l.includes(`${points}`))).toBe(true);
    }
    expect(b.summary.rows.map((r) => r.level)).not.toContain("low");
  });

  it("without activities, says what it could not assess and rates nothing, least of all low", () => {
    const b = get("bytedance-us-eu");
    expect(b.summary.rows.map((r) => r.level)).toEqual(["not_assessed", "not_assessed"]);
    expect(b.header.notes.join(" ")).toMatch(/No activities were given.*could not be assessed/);
    for (const m of b.markets) expect([m.roles, m.obligations]).toEqual([[], []]);
    expect(b.steps.items).toEqual([]);
    expect(renderMarkdown(b)).not.toMatch(/\*\*low\*\*/);
    // What the graph holds still stands: its own cases over Seedance 2.0.
    expect(ids(b.exposure.cases)).toContain("case:mpa-sag-aftra-seedance-2026");
  });
});

describe("profile facts that change the duties", () => {
  it("an open-source model without systemic risk is exempt from Art. 53(1)(a)-(b) and 54, shown as not applying with the reason", async () => {
    const b = await buildBriefing(
      db,
      {
        ...GPAI,
        subject: { kind: "company", id: "company:deepseek", activities: ["foundation_models", "open_weights"] },
        facts: { openSource: true, systemicCompute: false },
      },
      { now: FIXED_NOW },
    );
    for (const id of [
      "obl:eu-ai-act:art-53-1-a-technical-documentation",
      "obl:eu-ai-act:art-53-1-b-downstream-information",
      "obl:eu-ai-act:art-54-1-gpai-authorised-representative",
    ]) {
      const o = obligation(b, "EU", id);
      expect(o.status, id).toBe("not_applicable");
      expect(o.reasonFact!.text, id).toMatch(/Art\. 5[34]\([26]\)/);
    }
    expect(obligation(b, "EU", "obl:eu-ai-act:art-53-1-c-copyright-policy").status).toBe("applies");
    expect(obligation(b, "EU", "obl:eu-ai-act:art-52-1-systemic-risk-notification").status).toBe("not_applicable");
    expect(marketOf(b, "EU").roles.map((r) => r.id)).not.toContain("role:eu-ai-act:gpai-systemic-provider");
  });

  it("a provider established in the EU needs no representative; an SME's AI Act ceiling is the lower one", async () => {
    const b = await buildBriefing(
      db,
      {
        ...GPAI,
        markets: ["EU"],
        facts: { established: ["EU"], sme: true, turnover: 10_000_000, turnoverCurrency: "EUR" },
      },
      { now: FIXED_NOW },
    );
    expect(obligation(b, "EU", "obl:eu-ai-act:art-54-1-gpai-authorised-representative").status).toBe("not_applicable");
    expect(obligation(b, "EU", "obl:eu-gdpr:art-27-1-eu-representative").status).toBe("not_applicable");
    const marking = obligation(b, "EU", "obl:eu-ai-act:art-50-2-machine-readable-marking");
    expect(marking.penalties.map((p) => p.id)).toEqual(["pen:eu-ai-act:art-99-6-operator-obligations"]);
    // 3% of EUR 10m is EUR 300,000, lower than EUR 15m.
    expect(marking.penalties[0].fact.text).toContain("up to EUR 300,000");
  });

  it("roles given replace the derived ones of their regime", async () => {
    const b = await buildBriefing(
      db,
      { ...GPAI, markets: ["EU"], roles: ["role:eu-ai-act:deployer"] },
      { now: FIXED_NOW },
    );
    const roles = marketOf(b, "EU").roles;
    expect(roles.filter((r) => r.id.startsWith("role:eu-ai-act:")).map((r) => [r.id, r.basis])).toEqual([
      ["role:eu-ai-act:deployer", "given"],
    ]);
    expect(roles.some((r) => r.id === "role:eu-gdpr:controller")).toBe(true);
    expect(marketOf(b, "EU").obligations.some((o) => o.id === "obl:eu-ai-act:art-50-4-deep-fake-disclosure")).toBe(
      true,
    );
  });

  it("in Chinese: statuses, penalties and the reported change in Chinese words", () => {
    const b = get("minimax-eu-kr-gb-us.zh");
    const md = renderMarkdown(b);
    expect(md).toContain("**已适用**");
    expect(md).toContain("有报道称此项已有变动，但尚未经官方文本核实");
    expect(md).toMatch(/罚款上限（Art\. 101）：最高EUR 15,000,000或该条所定营业额的3%，以较高者为准/);
    expect(b.summary.rows.find((r) => r.market.code === "US")!.levelLabel).toBe("未评估");
  });
});

describe("citations", () => {
  it("every sentence of facts carries at least one citation, and every citation is cited", () => {
    for (const [name, b] of built) {
      const facts = allFacts({
        header: b.header,
        markets: b.markets,
        calendar: b.calendar,
        steps: b.steps,
        exposure: b.exposure,
        crosswalk: b.crosswalk,
        riskThemes: b.riskThemes,
      });
      expect(facts.length, name).toBeGreaterThan(20);
      const uncited = facts.filter((f) => f.fact.cites.length === 0).map((f) => `${f.at}: ${f.fact.text}`);
      expect(uncited, name).toEqual([]);
      const numbers = new Set(facts.flatMap((f) => f.fact.cites));
      expect(
        [...numbers].sort((a, b) => a - b),
        name,
      ).toEqual(b.appendix.citations.map((c) => c.n));
      expect(b.appendix.citations.map((c) => c.n)).toEqual(b.appendix.citations.map((_, i) => i + 1));
    }
  });

  it("no line of facts in the Markdown lacks a citation (notes are block quotes)", () => {
    for (const [name, b] of built) {
      const md = renderMarkdown(b);
      const S = STRINGS[b.lang].sections;
      const body = md.slice(md.indexOf(`\n## ${S.markets}`), md.indexOf(`\n## ${S.appendixFormula}`));
      const lines = body
        .split("\n")
        .filter((l) => /^\s*- /.test(l) || /^\d+\. /.test(l) || (/^\| /.test(l) && !/^\|[-|: ]+\|$/.test(l)));
      const factLines = lines.filter((l) => !/^\| (Topic|议题) \|/.test(l));
      expect(factLines.length, name).toBeGreaterThan(20);
      expect(
        factLines.filter((l) => !/\[\d+\]/.test(l)),
        name,
      ).toEqual([]);
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
              expect(
                docText(src.document).includes(squashWhitespace(c.quote!)),
                `${id}: quote not verbatim in ${src.document}`,
              ).toBe(true);
            }
          } else {
            expect(c.quote).toBeUndefined();
            expect(c.reference, id).toEqual({
              title: r.referenceTitle,
              url: r.referenceUrl,
              provision: r.referenceProvision ?? undefined,
            });
          }
        }
      }
    }
  });
});

describe("the as-of date", () => {
  it("counts only events up to it: later cases are left out, later application dates counted down", async () => {
    const b = await buildBriefing(db, { ...GPAI, asOf: "2025-12-31" }, { now: FIXED_NOW });
    const allCases = [...b.markets.flatMap((m) => m.precedents), ...b.exposure.cases];
    for (const c of allCases) expect(!c.date || c.date <= "2025-12-31", `${c.id} ${c.date}`).toBe(true);
    expect(ids(b.exposure.cases)).not.toContain("case:anthropic-distillation-accusation-2026");
    const agent = obligation(b, "KR", "obl:kr-ai-framework-act:art-36-domestic-agent");
    expect([agent.status, agent.daysUntil]).toEqual(["upcoming", 22]);
    expect(b.calendar.items.some((c) => c.date === "2026-01-22" && c.bindsClient)).toBe(true);
    expect(marketOf(b, "KR").laws.find((l) => l.id === "law:kr-ai-framework-act")!.statusAsOf).toBe("not_yet_in_force");
    for (const m of b.markets)
      for (const r of m.regulators) for (const a of r.actions) expect(!a.date || a.date <= "2025-12-31").toBe(true);
  });
});

/**
 * The seed doctor: each check finds a problem planted in a small clean graph (some of them edits the schema would
 * refuse, planted in the assembled graph as a bypassing edit would leave them), and the real seed has no error.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { SeedFile } from "../../../src/model/index.js";
import { CHECKS, diagnoseSeed, isBefore, nameKey, runDoctor, type CheckName, type Finding } from "../../../src/seed/doctor.js";
import { assembleSeedGraph, type SeedGraph } from "../../../src/seed/graph.js";

const REF = { title: "Regulation (EU) 2024/1689 (Artificial Intelligence Act)", url: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" };
const REF_CN = { title: "人工智能生成合成内容标识办法", url: "https://www.cac.gov.cn/" };
const legal = (ref: typeof REF) => ({ reference: ref, verified: "reference" });

const FIXTURE = {
  entities: [
    { id: "law:eu-ai-act", label: "Law", nameEn: "AI Act", kind: "regulation", binding: "binding", effectiveDate: "2024-08-01" },
    { id: "law:cn-aigc-labeling", label: "Law", nameZh: "人工智能生成合成内容标识办法", kind: "measures", binding: "binding", effectiveDate: "2025-09-01" },
    { id: "regulator:kr-pipc", label: "Regulator", nameEn: "PIPC" },
    { id: "court:kr-seoul-central", label: "Court", nameEn: "Seoul Central District Court" },
    { id: "company:openai", label: "Company", nameEn: "OpenAI" },
    { id: "model:chatgpt", label: "Model", nameEn: "ChatGPT" },
    { id: "case:kr-broadcasters-v-openai", label: "Case", nameEn: "KBS, MBC and SBS v. OpenAI", caseKind: "lawsuit", status: "pending" },
    { id: "case:kr-pipc-openai", label: "Case", nameEn: "PIPC investigation of OpenAI", caseKind: "investigation", status: "decided" },
    { id: "prov:eu-ai-act:art-50-2", label: "Provision", law: "law:eu-ai-act", number: "Art. 50(2)", nameEn: "Art. 50(2)", nameZh: "第50条第2款", aliases: ["Art. 50"], url: REF.url, ...legal(REF) },
    { id: "prov:cn-aigc-labeling:art-4", label: "Provision", law: "law:cn-aigc-labeling", number: "第四条", nameEn: "Labeling Measures Art. 4", nameZh: "第四条", aliases: ["Art. 4"], url: REF_CN.url, ...legal(REF_CN) },
    { id: "role:eu-ai-act:provider", label: "Role", definedBy: "prov:eu-ai-act:art-50-2", nameEn: "provider", nameZh: "提供者", ...legal(REF) },
    { id: "role:cn-aigc-labeling:provider", label: "Role", definedBy: "prov:cn-aigc-labeling:art-4", nameEn: "provider", nameZh: "服务提供者", aliases: ["提供者"], ...legal(REF_CN) },
    {
      id: "obl:eu-ai-act:art-50-2-marking",
      label: "Obligation",
      provision: "prov:eu-ai-act:art-50-2",
      binds: ["role:eu-ai-act:provider"],
      nameEn: "Mark synthetic output",
      nameZh: "标记合成输出",
      textEn: "Providers mark synthetic output as artificially generated.",
      textZh: "提供者应标记合成输出。",
      appliesFrom: "2026-08-02",
      ...legal(REF),
    },
  ],
  sources: [{ id: "source:s1", label: "Source", title: "Item 1", document: "doc.txt" }],
  relationships: [
    { type: "HEARS", from: "court:kr-seoul-central", to: "case:kr-broadcasters-v-openai", date: "2026-02-23", basis: "reported", sources: ["source:s1"], quote: "向首尔中央地方法院起诉" },
    { type: "INVESTIGATES", from: "regulator:kr-pipc", to: "company:openai", case: "case:kr-pipc-openai", date: "2026-01", basis: "reported", sources: ["source:s1"], quote: "个人信息保护委员会调查" },
    { type: "RULES_ON", from: "regulator:kr-pipc", to: "case:kr-pipc-openai", date: "2026-02", basis: "reported", sources: ["source:s1"], quote: "个人信息保护委员会处罚" },
    {
      type: "CORRESPONDS_TO",
      from: "prov:eu-ai-act:art-50-2",
      to: "prov:cn-aigc-labeling:art-4",
      basis: "curated",
      reference: REF,
      verified: "reference",
      theme: "Labeling AI output",
      themeZh: "人工智能输出标识",
      differenceEn: "The AI Act applies from 2026-08-02; the measures from 2025-09-01.",
      differenceZh: "《人工智能法》自2026年8月2日起适用；《标识办法》自2025年9月1日起施行。",
    },
    { type: "DEVELOPS", from: "company:openai", to: "model:chatgpt", basis: "curated", reference: { title: "OpenAI", url: "https://openai.com/" }, verified: "reference" },
  ],
};

/** A fresh, clean graph: the fixture parsed by the model and assembled as the loader does (quotes not checked). */
function graph(extra: { entities?: unknown[]; relationships?: unknown[] } = {}): SeedGraph {
  const data = SeedFile.parse({ ...FIXTURE, entities: [...FIXTURE.entities, ...(extra.entities ?? [])], relationships: [...FIXTURE.relationships, ...(extra.relationships ?? [])] });
  const { graph: g, problems } = assembleSeedGraph([{ file: "seed/a.json", data }]);
  expect(problems).toEqual([]);
  return g;
}
const run = (g: SeedGraph, check: CheckName): Finding[] => runDoctor(g, { checks: [check] });
const relOf = (g: SeedGraph, type: string) => g.relationships.find((r) => r.type === type)!;

describe("seed doctor", () => {
  it("refuses input that is not an assembled seed graph, and an unknown check", () => {
    expect(() => runDoctor(null as unknown as SeedGraph)).toThrow(TypeError);
    expect(() => runDoctor({ entities: {}, relationships: [] } as unknown as SeedGraph)).toThrow(/seed\/doctor: runDoctor expects an assembled seed graph/);
    expect(() => runDoctor(graph(), { checks: ["noSuchCheck" as CheckName] })).toThrow(/unknown check\(s\) noSuchCheck/);
  });

  it("reports seed files that do not validate as errors, without running the checks", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "doctor-"));
    writeFileSync(path.join(dir, "a.json"), JSON.stringify({ entities: [{ id: "company:x", label: "Company" }] }));
    const report = diagnoseSeed({ paths: [dir], docsDir: dir });
    expect(report.checked).toBe(false);
    expect(report.findings).toEqual([expect.objectContaining({ severity: "error", path: "entities[0].nameEn", message: "an entity needs nameEn or nameZh (or both)" })]);
  });

  it("finds nothing in a clean graph", () => {
    expect(runDoctor(graph())).toEqual([]);
  });

  it("finds a name shared by two entities of one label (error) or of two labels (warning), not a role or article of two regimes", () => {
    const twins = graph({ entities: [{ id: "company:open-ai-inc", label: "Company", nameEn: "OpenAI Inc.", aliases: ["Open AI"] }, { id: "company:x", label: "Company", nameZh: "ｏｐｅｎａｉ" }] });
    expect(run(twins, "duplicateNames")).toEqual([
      { severity: "error", file: "seed/a.json", path: "company:openai.nameEn", message: "'OpenAI' also names company:open-ai-inc (aliases[0]), company:x (nameZh): two Company entities share a name or alias; merge them or keep it on one" },
    ]);
    const crossLabel = graph({ entities: [{ id: "model:openai", label: "Model", nameEn: "openai" }] });
    expect(run(crossLabel, "duplicateNames")).toEqual([expect.objectContaining({ severity: "warning", path: "company:openai.nameEn", message: expect.stringContaining("of another label") })]);
    // The fixture's two "provider" roles and its "提供者" are in two regimes: expected, not reported (the clean graph above).
    const sameRegime = graph({ entities: [{ id: "role:eu-ai-act:deployer", label: "Role", definedBy: "prov:eu-ai-act:art-50-2", nameEn: "Provider", nameZh: "部署者", ...legal(REF) }] });
    expect(run(sameRegime, "duplicateNames")).toEqual([expect.objectContaining({ severity: "error", path: "role:eu-ai-act:provider.nameEn" })]);
    expect(nameKey(" Seedance  2.0 ")).toBe(nameKey("seedance2.0"));
  });

  it("warns about a reported action without a date", () => {
    const g = graph();
    delete relOf(g, "INVESTIGATES").date;
    expect(run(g, "undatedActions")).toEqual([
      { severity: "warning", file: "seed/a.json", path: "INVESTIGATES regulator:kr-pipc -> company:openai", message: "INVESTIGATES without a date: give the event date the source states (YYYY-MM-DD, YYYY-MM or YYYY)" },
    ]);
  });

  it("finds a court that RULES_ON a pending case (a suit filed is HEARS)", () => {
    const g = graph();
    Object.assign(relOf(g, "HEARS"), { type: "RULES_ON" });
    expect(run(g, "rulingsOnUndecidedCases")).toEqual([
      expect.objectContaining({ severity: "error", path: "RULES_ON court:kr-seoul-central -> case:kr-broadcasters-v-openai", message: expect.stringContaining("status is 'pending'") }),
    ]);
    // A regulator deciding its own investigation is not a court ruling on a suit.
    expect(run(graph(), "rulingsOnUndecidedCases")).toEqual([]);
  });

  it("finds an obligation that binds no role or has no appliesFrom date, as an edit bypassing the schema leaves it", () => {
    const g = graph();
    g.relationships = g.relationships.filter((r) => r.type !== "BINDS");
    delete (g.entities.get("obl:eu-ai-act:art-50-2-marking")!.entity as { appliesFrom?: string }).appliesFrom;
    expect(run(g, "incompleteObligations").map((f) => [f.severity, f.path])).toEqual([
      ["error", "obl:eu-ai-act:art-50-2-marking.appliesFrom"],
      ["error", "obl:eu-ai-act:art-50-2-marking.binds"],
    ]);
  });

  it("finds a provision no law holds", () => {
    const g = graph();
    g.relationships = g.relationships.filter((r) => !(r.type === "HAS_PROVISION" && r.to === "prov:cn-aigc-labeling:art-4"));
    expect(run(g, "provisionsWithoutLaw")).toEqual([{ severity: "error", file: "seed/a.json", path: "prov:cn-aigc-labeling:art-4.law", message: "the provision belongs to no Law: name its law" }]);
  });

  it("finds a correspondence without its theme or difference notes in both languages", () => {
    const g = graph();
    Object.assign(relOf(g, "CORRESPONDS_TO"), { differenceZh: undefined, themeZh: " " });
    expect(run(g, "incompleteCorrespondences")).toEqual([expect.objectContaining({ severity: "error", message: expect.stringMatching(/^missing themeZh, differenceZh: /) })]);
  });

  it("finds a curated edge without its check mark", () => {
    const g = graph();
    delete relOf(g, "DEVELOPS").verified;
    expect(run(g, "unverifiedCurated")).toEqual([expect.objectContaining({ severity: "error", path: "DEVELOPS company:openai -> model:chatgpt" })]);
  });

  it("warns about a law that does not say whether it binds", () => {
    const g = graph({ entities: [{ id: "law:us-ai-action-plan", label: "Law", nameEn: "America's AI Action Plan", kind: "plan" }] });
    expect(run(g, "lawsWithoutBinding")).toEqual([
      { severity: "warning", file: "seed/a.json", path: "law:us-ai-action-plan.binding", message: "no binding: say whether this plan is 'binding', 'soft' or 'none'" },
    ]);
  });

  it("warns about an obligation said to apply before its law takes effect, at the precision both dates give", () => {
    const g = graph();
    (g.entities.get("obl:eu-ai-act:art-50-2-marking")!.entity as { appliesFrom: string }).appliesFrom = "2024-07";
    expect(run(g, "obligationsBeforeLaw")).toEqual([expect.objectContaining({ severity: "warning", message: "applies from 2024-07, before law:eu-ai-act takes effect (2024-08-01)" })]);
    expect(isBefore("2024-08", "2024-08-01")).toBe(false);
    expect(isBefore("2024", "2025-01-01")).toBe(true);
  });

  it("lists errors before warnings", () => {
    const g = graph({ entities: [{ id: "law:plan", label: "Law", nameEn: "A plan", kind: "plan" }] });
    delete relOf(g, "DEVELOPS").verified;
    expect(runDoctor(g).map((f) => f.severity)).toEqual(["error", "warning"]);
    expect(Object.keys(CHECKS)).toHaveLength(9);
  });

  it("finds no error in the real seed", () => {
    const report = diagnoseSeed();
    expect(report.checked).toBe(true);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

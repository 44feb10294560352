/**
 * The legal layer in seed files: each class of bad input is refused with its file, path and reason (a provision of
 * an unknown law, an obligation without a role or a date, a correspondence without its notes, a penalty with
 * neither amount nor percentage); a valid file gives the structural edges drawn from the nodes' fields, and the
 * export folds them back into the same fields.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { formatProblem, SeedValidationError } from "../../../src/errors.js";
import type { Entity, Relationship } from "../../../src/model/index.js";
import { foldLegalRelationships } from "../../../src/seed/legal.js";
import { validateSeed } from "../../../src/seed/validate.js";

const REFERENCE = { title: "Regulation (EU) 2024/1689 (Artificial Intelligence Act)", url: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj", provision: "Art. 50(2)" };
const law = { id: "law:eu-ai-act", label: "Law", nameEn: "AI Act", kind: "regulation" };
const cnLaw = { id: "law:cn-aigc-labeling", label: "Law", nameZh: "人工智能生成合成内容标识办法", kind: "measures" };
const legal = (label: string, id: string, more: Record<string, unknown>) => ({ id, label, nameEn: id, nameZh: id, reference: REFERENCE, verified: "reference", ...more });
const provision = legal("Provision", "prov:eu-ai-act:art-50-2", { law: "law:eu-ai-act", number: "Art. 50(2)", url: REFERENCE.url });
const cnProvision = legal("Provision", "prov:cn-aigc-labeling:art-4", { law: "law:cn-aigc-labeling", number: "第四条", url: "https://www.cac.gov.cn/" });
const role = legal("Role", "role:eu-ai-act:provider", { definedBy: "prov:eu-ai-act:art-50-2" });
const penalty = legal("Penalty", "pen:eu-ai-act:art-99-4", { provision: "prov:eu-ai-act:art-50-2", maxAmount: 15_000_000, currency: "EUR", maxTurnoverPercent: 3, rule: "higher" });
const obligation = legal("Obligation", "obl:eu-ai-act:art-50-2-marking", {
  provision: "prov:eu-ai-act:art-50-2",
  binds: ["role:eu-ai-act:provider"],
  penalties: ["pen:eu-ai-act:art-99-4"],
  textEn: "Mark synthetic output in a machine-readable format.",
  textZh: "以机器可读格式标记合成输出。",
  appliesFrom: "2026-08-02",
});
const correspondence = {
  type: "CORRESPONDS_TO",
  from: "prov:eu-ai-act:art-50-2",
  to: "prov:cn-aigc-labeling:art-4",
  basis: "curated",
  reference: REFERENCE,
  verified: "reference",
  theme: "marking AI-generated content",
  themeZh: "人工智能生成内容标识",
  differenceEn: "The EU asks for machine-readable marking from 2026-08-02; China for explicit labels since 2025-09-01.",
  differenceZh: "欧盟自2026-08-02起要求机器可读标记；中国自2025-09-01起要求显式标识。",
};
const good = { entities: [law, cnLaw, provision, cnProvision, role, penalty, obligation], relationships: [correspondence] };

function problemsOf(file: unknown): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "legal-"));
  writeFileSync(path.join(dir, "legal.json"), JSON.stringify(file));
  try {
    validateSeed({ paths: [dir], docsDir: dir });
  } catch (err) {
    expect(err).toBeInstanceOf(SeedValidationError);
    return (err as SeedValidationError).problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) }));
  }
  return [];
}

const withEntity = (i: number, change: Record<string, unknown>, drop: string[] = []) => ({
  ...good,
  entities: good.entities.map((e, j) => (j === i ? Object.fromEntries(Object.entries({ ...e, ...change }).filter(([k]) => !drop.includes(k))) : e)),
});

describe("bad input in the legal layer", () => {
  it("refuses a provision whose law is unknown, or is not a law", () => {
    expect(problemsOf(withEntity(2, { law: "law:eu-nothing" }))).toEqual([
      "legal.json: entities[2].law: unknown id 'law:eu-nothing' (a Provision's law names a Law)",
    ]);
    expect(problemsOf(withEntity(2, { law: "role:eu-ai-act:provider" }))).toEqual([
      "legal.json: entities[2].law: 'role:eu-ai-act:provider' is a Role; a Provision's law names a Law",
    ]);
  });

  it("refuses an obligation without a role, without a date, or binding what is not a role", () => {
    expect(problemsOf(withEntity(6, { binds: [] }))).toEqual(["legal.json: entities[6].binds: an obligation binds at least one Role"]);
    expect(problemsOf(withEntity(6, {}, ["appliesFrom"]))[0]).toMatch(/^legal\.json: entities\[6\]\.appliesFrom: /);
    expect(problemsOf(withEntity(6, { binds: ["pen:eu-ai-act:art-99-4"] }))).toEqual([
      "legal.json: entities[6].binds[0]: 'pen:eu-ai-act:art-99-4' is a Penalty; an Obligation's binds names a Role",
    ]);
    expect(problemsOf(withEntity(6, { appliesUntil: "2026-01-01" }))).toEqual(["legal.json: entities[6].appliesUntil: appliesUntil is before appliesFrom"]);
  });

  it("refuses a correspondence without its theme or difference notes", () => {
    const { differenceZh: _d, themeZh: _t, ...bare } = correspondence;
    expect(problemsOf({ ...good, relationships: [bare] })).toEqual([
      "legal.json: relationships[0].themeZh: a CORRESPONDS_TO relationship says what both concern and how they differ: themeZh is missing",
      "legal.json: relationships[0].differenceZh: a CORRESPONDS_TO relationship says what both concern and how they differ: differenceZh is missing",
    ]);
  });

  it("refuses a penalty with neither amount nor percentage, an amount without currency, or both without a rule", () => {
    expect(problemsOf(withEntity(5, {}, ["maxAmount", "maxTurnoverPercent", "currency", "rule"]))).toEqual([
      "legal.json: entities[5].maxAmount: a penalty ceiling gives maxAmount, maxTurnoverPercent or both",
    ]);
    expect(problemsOf(withEntity(5, {}, ["currency"]))).toEqual(["legal.json: entities[5].currency: a maxAmount needs its currency"]);
    expect(problemsOf(withEntity(5, {}, ["rule"]))).toEqual([
      "legal.json: entities[5].rule: with both an amount and a percentage, rule says which caps the fine ('higher' or 'lower')",
    ]);
  });

  it("refuses a legal node without its official reference or its check mark, and a structural edge written by hand", () => {
    expect(problemsOf(withEntity(2, {}, ["reference"]))[0]).toMatch(/^legal\.json: entities\[2\]\.reference: /);
    expect(problemsOf(withEntity(2, { verified: "looked fine" }))[0]).toMatch(/^legal\.json: entities\[2\]\.verified: /);
    const handWritten = { type: "HAS_PROVISION", from: "law:eu-ai-act", to: "prov:eu-ai-act:art-50-2", basis: "curated", reference: REFERENCE, verified: "reference" };
    expect(problemsOf({ ...good, relationships: [handWritten] })).toEqual([
      "legal.json: relationships[0].type: HAS_PROVISION is drawn from the legal layer's fields (law, provision, binds, penalties, definedBy), not written as a relationship",
    ]);
  });
});

describe("a valid legal file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "legal-ok-"));
  writeFileSync(path.join(dir, "legal.json"), JSON.stringify(good));
  const { graph } = validateSeed({ paths: [dir], docsDir: dir });
  const edges = graph.relationships.map((r) => `${r.from} ${r.type} ${r.to}`).sort();

  it("gives the structural edges from the nodes' fields, each curated with the node's reference and mark", () => {
    expect(edges).toEqual(
      [
        "law:cn-aigc-labeling HAS_PROVISION prov:cn-aigc-labeling:art-4",
        "law:eu-ai-act HAS_PROVISION prov:eu-ai-act:art-50-2",
        "obl:eu-ai-act:art-50-2-marking BINDS role:eu-ai-act:provider",
        "obl:eu-ai-act:art-50-2-marking PENALISED_BY pen:eu-ai-act:art-99-4",
        "prov:eu-ai-act:art-50-2 CORRESPONDS_TO prov:cn-aigc-labeling:art-4",
        "prov:eu-ai-act:art-50-2 IMPOSES obl:eu-ai-act:art-50-2-marking",
        "prov:eu-ai-act:art-50-2 SETS pen:eu-ai-act:art-99-4",
        "role:eu-ai-act:provider DEFINED_BY prov:eu-ai-act:art-50-2",
      ].sort(),
    );
    for (const r of graph.relationships) expect([r.basis, r.reference?.url, r.verified]).toEqual(["curated", REFERENCE.url, "reference"]);
  });

  it("is given back by the export's folding: the same fields, the structural edges gone", () => {
    const stripped = [...graph.entities.values()].map(({ entity }) => {
      const { law: _l, provision: _p, binds: _b, penalties: _pe, definedBy: _d, ...rest } = entity as Record<string, unknown>;
      return rest as unknown as Entity;
    });
    const kept = foldLegalRelationships(stripped, graph.relationships as Relationship[]);
    expect(kept.map((r) => r.type)).toEqual(["CORRESPONDS_TO"]);
    const byId = new Map(stripped.map((e) => [e.id, e as unknown as Record<string, unknown>]));
    expect(byId.get(obligation.id)).toMatchObject({ provision: provision.id, binds: [role.id], penalties: [penalty.id] });
    expect(byId.get(provision.id)).toMatchObject({ law: law.id });
    expect(byId.get(role.id)).toMatchObject({ definedBy: provision.id });
    expect(byId.get(penalty.id)).toMatchObject({ provision: provision.id });
  });
});

/**
 * Review: decisions (a threshold or the terminal flow) turn candidates into a seed file that passes the loader's
 * validation together with the seed files; rejected entities take their relationships with them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { CandidatesFile } from "../../../src/ingest/candidates.js";
import { assembleReviewed, autoDecisions, validateReviewed } from "../../../src/ingest/review.js";
import { interactiveDecisions } from "../../../src/ingest/review-session.js";
import { FIXTURE_ENTITIES, extractText } from "../../fixtures/ingest/graph.js";

const TEXT = [
  "## 1. 英国信息专员办公室调查X平台",
  "发布日期：2026年3月2日",
  "链接：https://example.org/ico",
  "2026年3月2日，英国信息专员办公室宣布对X平台展开调查。",
  "## 2. 新机构发布指南",
  "2026年3月5日，深圳市福田区数据局发布《公共数据授权运营指南》。",
].join("\n");

/** A seed folder holding the fixture entities, and the fixture text as the document the quotes come from. */
function seedFolder(): { seed: string; out: string } {
  const root = mkdtempSync(path.join(tmpdir(), "review-"));
  const seed = path.join(root, "seed");
  mkdirSync(path.join(seed, "documents"), { recursive: true });
  const entities = FIXTURE_ENTITIES.map((e) => ({
    ...e,
    ...(e.label === "Law" ? { kind: "statute" } : {}),
    ...(e.label === "Jurisdiction" ? { code: e.id.slice(4).toUpperCase() } : {}),
  }));
  writeFileSync(path.join(seed, "entities.json"), JSON.stringify({ entities }));
  return { seed, out: path.join(seed, "documents", "test.json") };
}

const candidates = (): CandidatesFile => extractText(TEXT);

describe("review", () => {
  it("refuses a file that is not a candidates file, or one whose candidates lack their evidence", () => {
    expect(CandidatesFile.safeParse({ entities: [], relationships: [] }).success).toBe(false);
    const file = JSON.parse(JSON.stringify(candidates()));
    delete file.relationships[0].candidate.evidence;
    expect(CandidatesFile.safeParse(file).success).toBe(false);
    expect(CandidatesFile.safeParse(JSON.parse(JSON.stringify(candidates()))).success).toBe(true);
  });

  it("drops relationships whose new entity was rejected, and leaves out those already in the graph", () => {
    const file = candidates();
    const decisions = autoDecisions(file, 0);
    const bureau = file.entities.find((e) => e.label === "Regulator")!;
    decisions.entities.set(bureau.id, { verdict: "reject" });
    const result = assembleReviewed(file, decisions);
    expect(result.dropped.map((d) => d.reason).join("\n")).toContain(`needs ${bureau.id}, which was rejected`);
    expect(result.seed.relationships.some((r) => r.from === bureau.id)).toBe(false);

    const existing = extractText(TEXT, [{ type: "INVESTIGATES", from: "regulator:gb-ico", to: "company:x-corp" }]);
    const kept = assembleReviewed(existing, autoDecisions(existing, 0)).seed.relationships;
    expect(kept.some((r) => r.type === "INVESTIGATES")).toBe(false);
  });

  it("accepts above a threshold and writes exactly the seed format, which validates with the seed files", () => {
    const { seed, out } = seedFolder();
    const file = candidates();
    const result = assembleReviewed(file, autoDecisions(file, 0.8), { schemaRef: "../seed.schema.json" });
    expect(result.seed.relationships.map((r) => r.type).sort()).toEqual([
      "INVESTIGATES",
      "ISSUES",
      "PARTY_TO",
      "PARTY_TO",
    ]);
    expect(result.seed.entities.map((e) => `${e.label} ${e.nameZh}`).sort()).toEqual([
      "Case 英国信息专员办公室对X公司的调查",
      "Law 公共数据授权运营指南",
      "Regulator 深圳市福田区数据局",
    ]);
    for (const x of [...result.seed.entities, ...result.seed.relationships]) expect(x).not.toHaveProperty("candidate");
    expect(result.seed.sources).toMatchObject([
      {
        id: "source:test-1",
        title: "英国信息专员办公室调查X平台",
        document: "test.txt",
        url: "https://example.org/ico",
        date: "2026-03-02",
      },
      { id: "source:test-2", title: "新机构发布指南", document: "test.txt", date: "2026-03-05" },
    ]);
    const docs = mkdtempSync(path.join(tmpdir(), "review-docs-"));
    writeFileSync(path.join(docs, "test.txt"), TEXT);
    expect(validateReviewed(result.seed, out, [seed], docs)).toEqual([]);
  });

  it("reports the loader's problems instead of writing an invalid file", () => {
    const { seed, out } = seedFolder();
    const file = candidates();
    const result = assembleReviewed(file, autoDecisions(file, 0.8));
    (result.seed.relationships[0] as { quote: string }).quote = "这句话不在文档里";
    const docs = mkdtempSync(path.join(tmpdir(), "review-docs-"));
    writeFileSync(path.join(docs, "test.txt"), TEXT);
    const problems = validateReviewed(result.seed, out, [seed], docs);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^quote not found in its source document 'test.txt'/),
    ]);
  });

  it("runs the terminal flow on scripted answers: accept, edit, reject", async () => {
    const file = candidates();
    const answers = ["e", "", "", "", "", "英国信息专员办公室宣布对X平台展开调查", "", "", "r", "a"];
    const printed: string[] = [];
    const decisions = await interactiveDecisions(file, {
      ask: async () => answers.shift() ?? "q",
      print: (t) => printed.push(t),
    });
    const result = assembleReviewed(file, decisions);
    const investigates = result.seed.relationships.find((r) => r.type === "INVESTIGATES") as { quote: string };
    expect(investigates.quote).toBe("英国信息专员办公室宣布对X平台展开调查");
    expect(result.seed.relationships.some((r) => r.type === "ISSUES")).toBe(false);
    expect(printed.join("\n")).toContain("INVESTIGATES");
  });
});

/**
 * Seed validation: every class of bad input is rejected with a message naming the file, the path and the reason.
 * Each case writes a small seed folder and a document folder of its own.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { SeedValidationError, formatProblem } from "../../../src/errors.js";
import { validateSeed } from "../../../src/seed/validate.js";

const DOC = "ICO与爱尔兰DPC宣布对X平台和xAI开展调查，涉及Grok生成的图像。";

const entities = [
  { id: "regulator:gb-ico", label: "Regulator", nameEn: "Information Commissioner's Office", aliases: ["ICO"] },
  { id: "company:x-corp", label: "Company", nameEn: "X Corp", nameZh: "X平台" },
  { id: "case:ico-x-grok", label: "Case", nameEn: "ICO investigation of X over Grok", caseKind: "investigation" },
  { id: "law:eu-gdpr", label: "Law", nameEn: "GDPR", kind: "regulation" },
  { id: "jur:eu", label: "Jurisdiction", nameEn: "European Union", code: "EU" },
];
const sources = [{ id: "source:doc-1", label: "Source", title: "Item 1", document: "doc.txt" }];
const goodRel = {
  type: "INVESTIGATES",
  from: "regulator:gb-ico",
  to: "company:x-corp",
  case: "case:ico-x-grok",
  basis: "reported",
  sources: ["source:doc-1"],
  quote: "ICO与爱尔兰DPC宣布对X平台和xAI开展调查",
  date: "2026-02-03",
};

function seedDir(files: Record<string, unknown>): { seed: string; docs: string } {
  const root = mkdtempSync(path.join(tmpdir(), "seed-"));
  const seed = path.join(root, "seed");
  const docs = path.join(root, "docs");
  mkdirSync(seed);
  mkdirSync(docs);
  writeFileSync(path.join(docs, "doc.txt"), DOC);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(seed, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return { seed, docs };
}

function problemsOf(files: Record<string, unknown>): string[] {
  const { seed, docs } = seedDir(files);
  try {
    validateSeed({ paths: [seed], docsDir: docs });
  } catch (err) {
    expect(err).toBeInstanceOf(SeedValidationError);
    // Paths are printed relative to the project; the test compares them without the temporary folder.
    return (err as SeedValidationError).problems.map((p) =>
      formatProblem({ ...p, file: path.basename(p.file) }).replace(/[^\s']*seed-\w+\/(seed|docs)\/?/g, ""),
    );
  }
  return [];
}

describe("seed validation rejects bad input with file, path and reason", () => {
  it("rejects a file that is not JSON", () => {
    const [p] = problemsOf({ "a.json": "{ not json" });
    expect(p).toMatch(/^a\.json: \(file\): not valid JSON: /);
  });

  it("rejects a reference to an unknown id", () => {
    expect(problemsOf({ "a.json": { entities, sources, relationships: [{ ...goodRel, to: "company:nobody" }] } })).toEqual([
      "a.json: relationships[0].to: unknown id 'company:nobody'",
    ]);
  });

  it("rejects an endpoint label the relationship type does not allow", () => {
    expect(problemsOf({ "a.json": { entities, sources, relationships: [{ ...goodRel, to: "law:eu-gdpr" }] } })).toEqual([
      "a.json: relationships[0].to: INVESTIGATES cannot end at a Law ('law:eu-gdpr'); allowed: Company, Organization, Person, Model, Regulator",
    ]);
  });

  it("rejects a quote that is not verbatim in its source document", () => {
    const [p] = problemsOf({ "a.json": { entities, sources, relationships: [{ ...goodRel, quote: "ICO对X平台处以罚款" }] } });
    expect(p).toBe(`a.json: relationships[0].quote: quote not found in its source document 'doc.txt': "ICO对X平台处以罚款"`);
  });

  it("accepts a quote whose line breaks differ from the document", () => {
    expect(problemsOf({ "a.json": { entities, sources, relationships: [{ ...goodRel, quote: "ICO与爱尔兰DPC宣布\n对X平台和xAI开展调查" }] } })).toEqual([]);
  });

  it("rejects an id defined twice, naming both files", () => {
    expect(problemsOf({ "a.json": { entities, sources }, "b.json": { entities: [entities[1]] } })).toEqual([
      "b.json: entities[0].id: duplicate id 'company:x-corp' (already defined in a.json)",
    ]);
  });

  it("rejects a date that is not a calendar date", () => {
    expect(problemsOf({ "a.json": { entities, sources, relationships: [{ ...goodRel, date: "2026-02-30" }] } })).toEqual([
      "a.json: relationships[0].date: not a calendar date",
    ]);
    expect(problemsOf({ "a.json": { entities, sources, relationships: [{ ...goodRel, date: "3 Feb 2026" }] } })).toEqual([
      "a.json: relationships[0].date: a date is YYYY-MM-DD, YYYY-MM or YYYY",
    ]);
  });

  it("rejects a party-to-party relationship without its case", () => {
    const { case: _c, ...noCase } = goodRel;
    expect(problemsOf({ "a.json": { entities, sources, relationships: [noCase] } })).toEqual([
      "a.json: relationships[0].case: a INVESTIGATES relationship names the Case it belongs to",
    ]);
  });

  it("rejects a reported relationship without a quote, and a curated one without a reference or a check mark", () => {
    const { quote: _q, ...noQuote } = goodRel;
    const curated = { type: "APPLIES_IN", from: "law:eu-gdpr", to: "jur:eu", basis: "curated" };
    expect(problemsOf({ "a.json": { entities, sources, relationships: [noQuote, curated] } })).toEqual([
      "a.json: relationships[0].quote: a reported relationship carries a verbatim quote from its source",
      "a.json: relationships[1].reference: a curated relationship cites an official reference (title and url)",
      "a.json: relationships[1].verified: a curated relationship says how it was checked: 'text' (against the official text) or 'reference'",
    ]);
  });

  it("rejects a quote longer than 300 characters", () => {
    const [p] = problemsOf({ "a.json": { entities, sources, relationships: [{ ...goodRel, quote: "长".repeat(301) }] } });
    expect(p).toMatch(/^a\.json: relationships\[0\]\.quote: Too big: expected string to have <=300 characters/);
  });

  it("rejects an id whose prefix does not match its label, and unknown fields", () => {
    expect(problemsOf({ "a.json": { entities, surprise: 1 } })).toEqual(['a.json: (file): Unrecognized key: "surprise"']);
    expect(problemsOf({ "a.json": { entities: [{ ...entities[0], id: "company:ico" }] } })).toEqual([
      "a.json: entities[0].id: a Regulator id starts with 'regulator:'",
    ]);
  });

  it("rejects a source whose document is missing from the documents folder", () => {
    const missing = [{ ...sources[0], document: "other.txt" }];
    expect(problemsOf({ "a.json": { entities, sources: missing, relationships: [goodRel] } })).toEqual([
      "a.json: relationships[0].sources[0]: source document 'other.txt' not found in ",
    ]);
  });

  it("lists every problem at once, across files", () => {
    const problems = problemsOf({
      "a.json": { entities, sources, relationships: [{ ...goodRel, to: "company:nobody" }, { ...goodRel, date: "2026-13" }] },
      "b.json": "[]",
    });
    expect(problems).toEqual([
      "a.json: relationships[1].date: a date is YYYY-MM-DD, YYYY-MM or YYYY",
      "b.json: (file): Invalid input: expected object, received array",
    ]);
  });

  it("accepts a valid seed and returns its graph", () => {
    const { seed, docs } = seedDir({ "a.json": { entities, sources, relationships: [goodRel] } });
    const { graph } = validateSeed({ paths: [seed], docsDir: docs });
    expect(graph.entities.size).toBe(6);
    expect(graph.relationships.map((r) => r.type)).toEqual(["INVESTIGATES"]);
  });
});

/**
 * Shared by the briefing tests: the test database with the seed graph, the three golden subjects, a fixed clock,
 * and helpers that walk a briefing's facts and compare output with golden files (everything but the generated-at
 * line; UPDATE_GOLDEN=1 rewrites them).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import JSZip from "jszip";

import type { Briefing, Fact } from "../../src/briefing/index.js";

export const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "golden");
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === "1";
export const AS_OF = "2026-03-01";
export const FIXED_NOW = () => new Date("2026-03-01T08:00:00.000Z");

/** The GPAI developer of the issue: a Chinese foundation-model company entering the EU, Korea, the UK and the US. */
const GPAI_INPUT = {
  subject: {
    kind: "company",
    id: "company:minimax",
    activities: ["foundation_models", "model_api", "consumer_chatbot"],
  },
  markets: ["EU", "KR", "GB", "US"],
  asOf: AS_OF,
  facts: { established: [], turnover: 500_000_000, turnoverCurrency: "EUR", openSource: false },
} as const;

export const GOLDEN_CASES = [
  { name: "minimax-eu-kr-gb-us", input: { ...GPAI_INPUT, lang: "en" } },
  { name: "minimax-eu-kr-gb-us.zh", input: { ...GPAI_INPUT, lang: "zh" } },
  {
    // No activities given: nothing is rated, and the briefing says what it could not assess.
    name: "bytedance-us-eu",
    input: { subject: { kind: "company", id: "company:bytedance" }, markets: ["US", "EU"], asOf: AS_OF, lang: "en" },
  },
] as const;

/** Every Fact in a briefing (any object with a text and a list of citation numbers), with where it was found. */
export function allFacts(value: unknown, at = "$"): { at: string; fact: Fact }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => allFacts(v, `${at}[${i}]`));
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.text === "string" && Array.isArray(o.cites)) return [{ at, fact: o as unknown as Fact }];
    return Object.entries(o).flatMap(([k, v]) => allFacts(v, `${at}.${k}`));
  }
  return [];
}

/** The generated-at line in any format: the one line two runs on the same graph and input may differ in. */
const GENERATED_AT = /^.*(Generated at: |生成时间：|"generatedAt": |class="generated").*$/gm;
export const withoutGeneratedAt = (text: string): string => text.replace(GENERATED_AT, "<generated-at>");

/** Compares output with its golden file; UPDATE_GOLDEN=1 writes it instead (review the diff before keeping it). */
export function golden(file: string, actual: string): { expected: string; actual: string } {
  const p = path.join(GOLDEN_DIR, file);
  if (UPDATE_GOLDEN) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(p, actual);
  } else if (!existsSync(p)) {
    throw new Error(
      `golden file ${file} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/briefing, then review it`,
    );
  }
  return { expected: withoutGeneratedAt(readFileSync(p, "utf8")), actual: withoutGeneratedAt(actual) };
}

export const ids = <T extends { id: string }>(items: T[]): string[] => items.map((x) => x.id);
export const marketOf = (b: Briefing, code: string) => {
  const m = b.markets.find((x) => x.market.code === code);
  if (!m) throw new Error(`no market ${code} in the briefing`);
  return m;
};

/** The text of a .docx, paragraph by paragraph, from word/document.xml (zip timestamps vary; the text does not). */
export async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return (
    xml
      .split(/<\/w:p>/)
      .map((p) =>
        [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
          .map((m) => (m[1] === undefined ? "\t" : decode(m[1])))
          .join(""),
      )
      .filter((line) => line.length > 0)
      .join("\n") + "\n"
  );
}

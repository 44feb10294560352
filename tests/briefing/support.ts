/**
 * Shared by the briefing tests: the test database with the seed graph, the three golden subjects, a fixed clock,
 * and helpers that walk a briefing's facts and compare output with golden files (everything but the generated-at
 * line; UPDATE_GOLDEN=1 rewrites them).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { Briefing, Fact } from "../../src/briefing/index.js";

export const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "golden");
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === "1";
export const AS_OF = "2026-03-01";
export const FIXED_NOW = () => new Date("2026-03-01T08:00:00.000Z");

export const GOLDEN_CASES = [
  {
    name: "minimax-eu-kr",
    input: {
      subject: { kind: "company", id: "company:minimax", activities: ["foundation_models", "model_api", "consumer_chatbot", "image_video_generation"] },
      markets: ["EU", "KR"],
      asOf: AS_OF,
      lang: "en",
    },
  },
  {
    // No activities given: the topics come from ByteDance's own cases in the graph.
    name: "bytedance-us-eu",
    input: { subject: { kind: "company", id: "company:bytedance" }, markets: ["US", "EU"], asOf: AS_OF, lang: "en" },
  },
  {
    name: "deepseek-eu-kr-us",
    input: {
      subject: { kind: "company", id: "company:deepseek", activities: ["foundation_models", "open_weights", "model_api", "consumer_chatbot"] },
      markets: ["EU", "KR", "US"],
      asOf: AS_OF,
      lang: "en",
    },
  },
  {
    name: "deepseek-eu-kr-us.zh",
    input: {
      subject: { kind: "company", id: "company:deepseek", activities: ["foundation_models", "open_weights", "model_api", "consumer_chatbot"] },
      markets: ["EU", "KR", "US"],
      asOf: AS_OF,
      lang: "zh",
    },
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
    throw new Error(`golden file ${file} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/briefing, then review it`);
  }
  return { expected: withoutGeneratedAt(readFileSync(p, "utf8")), actual: withoutGeneratedAt(actual) };
}

export const ids = <T extends { id: string }>(items: T[]): string[] => items.map((x) => x.id);
export const marketOf = (b: Briefing, code: string) => {
  const m = b.markets.find((x) => x.market.code === code);
  if (!m) throw new Error(`no market ${code} in the briefing`);
  return m;
};

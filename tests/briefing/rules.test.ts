/**
 * The briefing's rules and queries: input parsing, the legal map (it validates, and every role, obligation and
 * penalty it names exists in the seed), the date arithmetic of the windows, every topic the activity map,
 * the crosswalk and the risk themes name exists in the seed graph, and every cypher/briefing file the code uses exists,
 * opens with its header comments, holds one statement and is accepted by Neo4j (EXPLAIN).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  ACTIVITY_TOPICS,
  BRIEFING_QUERY_NAMES,
  CROSSWALK_TOPICS,
  LegalMapError,
  RISK_THEMES,
  legalMap,
  legalMapIds,
  parseBriefingInput,
  parseLegalMap,
} from "../../src/briefing/index.js";
import { inWindow, monthsBefore, onOrBefore } from "../../src/briefing/rules.js";
import { CYPHER_DIR, cypher, cypherNames } from "../../src/db/cypher.js";
import type { Db } from "../../src/db/driver.js";
import { BadRequestError } from "../../src/errors.js";
import { validateSeed } from "../../src/seed/validate.js";
import { testDb } from "../support/db.js";

/** A value for every parameter the files take, so that Neo4j plans each statement. */
const EXPLAIN_PARAMS = {
  codes: [],
  id: "company:x",
  name: "x",
  ids: [],
  subjectId: "company:x",
  scopeIds: [],
  venueRoles: [],
  caseIds: [],
  asOf: "2026-01-01",
  limit: 1,
  topicIds: [],
  jurisdictionIds: [],
  homeIds: [],
  targetRoles: [],
};

let db: Db;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => db?.close());

describe("briefing input", () => {
  it.each([
    [{}, /subject:/],
    [{ subject: { kind: "company" }, markets: ["EU"] }, /company:/],
    [{ subject: { kind: "robot", id: "company:x" }, markets: ["EU"] }, /subject:/],
    [{ subject: { kind: "company", id: "company:x" }, markets: ["EU"], extra: 1 }, /Unrecognized key/],
    [
      { subject: { kind: "company", id: "company:x" }, markets: ["EU"], asOf: "2026-3-1" },
      /asOf: the as-of date is YYYY-MM-DD/,
    ],
    [
      { subject: { kind: "company", id: "company:x" }, markets: ["EU"], facts: { turnover: 5 } },
      /turnover: give the turnover with its currency/,
    ],
    [
      { subject: { kind: "company", id: "company:x" }, markets: ["EU"], facts: { established: ["Europe"] } },
      /established/,
    ],
    [
      { subject: { kind: "company", id: "company:x" }, markets: ["EU"], roles: ["law:eu-ai-act"] },
      /a role id starts with 'role:'/,
    ],
  ])("refuses %j", (input, message) => {
    expect(() => parseBriefingInput(input)).toThrow(BadRequestError);
    expect(() => parseBriefingInput(input)).toThrow(message);
  });

  it("normalises codes, defaults the date to today and the language to English", () => {
    const input = parseBriefingInput({ subject: { kind: "company", id: "company:minimax" }, markets: [" eu", "kr "] });
    expect(input.markets).toEqual(["EU", "KR"]);
    expect(input.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(input.lang).toBe("en");
    expect(input.subject).toEqual({ kind: "company", id: "company:minimax", activities: [] });
  });
});

describe("the legal map", () => {
  it("refuses a map whose exposure thresholds are inverted or whose condition tests nothing, naming the path", () => {
    const good = legalMap();
    const bad = structuredClone(good) as unknown as {
      exposure: { thresholds: { medium: number; high: number } };
      conditions: { notApplyWhen?: object }[];
    };
    bad.exposure.thresholds = { medium: 10, high: 5 };
    bad.conditions[0].notApplyWhen = {};
    expect(() => parseLegalMap(bad)).toThrow(LegalMapError);
    expect(() => parseLegalMap(bad)).toThrow(/exposure\.thresholds: high must exceed medium/);
    expect(() => parseLegalMap(bad)).toThrow(/conditions\[0\]\.notApplyWhen: a test names at least one fact/);
  });

  it("names only roles, obligations and penalties the seed holds, and each step's obligations bind a mapped role", () => {
    const { graph } = validateSeed();
    const missing = legalMapIds(legalMap()).filter((id) => !graph.entities.has(id));
    expect(missing).toEqual([]);
    const mapped = new Set(legalMap().roles.map((r) => r.role));
    for (const step of legalMap().steps) {
      for (const id of step.obligations) {
        const o = graph.entities.get(id)!.entity as { binds: string[] };
        expect(
          o.binds.some((r) => mapped.has(r)),
          `${step.id}: ${id}`,
        ).toBe(true);
      }
    }
  });
});

describe("windows", () => {
  it("counts months back on the calendar, clamping the day", () => {
    expect(monthsBefore("2026-03-01", 12)).toBe("2025-03-01");
    expect(monthsBefore("2026-03-31", 1)).toBe("2026-02-28");
    expect(monthsBefore("2026-01-15", 24)).toBe("2024-01-15");
  });

  it("places partial dates by their first day", () => {
    expect(inWindow("2026-02", "2026-01-15", "2026-03-01")).toBe(true);
    expect(inWindow("2025", "2025-01-01", "2026-03-01")).toBe(false);
    expect(inWindow(undefined, "2025-01-01", "2026-03-01")).toBe(false);
    expect(onOrBefore("2026-03", "2026-03-01")).toBe(true);
    expect(onOrBefore("2026-03-02", "2026-03-01")).toBe(false);
    expect(onOrBefore(undefined, "2026-03-01")).toBe(true);
  });
});

describe("topics and queries", () => {
  it("names only topics the seed graph holds, risk themes in the risk category", () => {
    const { graph } = validateSeed();
    const topic = (id: string) => graph.entities.get(id)?.entity as { label: string; category?: string } | undefined;
    for (const id of [...Object.values(ACTIVITY_TOPICS).flat(), ...CROSSWALK_TOPICS])
      expect(topic(id)?.category, id).toBe("obligation");
    for (const id of RISK_THEMES) expect(topic(id)?.category, id).toBe("risk");
  });

  it("uses exactly the cypher/briefing files, each documented, one statement, accepted by Neo4j", async () => {
    expect([...BRIEFING_QUERY_NAMES].sort()).toEqual([...cypherNames("briefing")].sort());
    for (const name of BRIEFING_QUERY_NAMES) {
      const text = readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), "utf8");
      expect(text, name).toMatch(/^\/\/ title: Briefing: /);
      expect(text, name).toMatch(/^\/\/ returns: /m);
      for (const param of new Set([...text.matchAll(/\$(\w+)/g)].map((m) => m[1])))
        expect(text, `${name} documents $${param}`).toMatch(new RegExp(`^// param ${param}:`, "m"));
      expect(
        text
          .replace(/\/\/.*$/gm, "")
          .replace(/'[^']*'/g, "")
          .includes(";"),
        name,
      ).toBe(false);
      await db.read(`EXPLAIN ${cypher(name)}`, EXPLAIN_PARAMS);
    }
  });
});

/**
 * Mutated seed files (wrong types, missing fields, broken references, huge strings, invalid Unicode), generated
 * from the real seed: every one is rejected before anything is written, with a message naming the file and the path.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { SEED_DIR } from "../../../src/config.js";
import { SeedValidationError } from "../../../src/errors.js";
import { validateSeed } from "../../../src/seed/validate.js";

const TARGET = "documents/001_f750d75d56099039.json";
const original = JSON.parse(readFileSync(path.join(SEED_DIR, TARGET), "utf8"));

type Mutation = (doc: { entities: Record<string, unknown>[]; relationships: Record<string, unknown>[] }, i: number) => string | Buffer | void;

const MUTATIONS: Record<string, Mutation> = {
  "a relationship's type is a number": (d, i) => void (d.relationships[i % d.relationships.length].type = 7),
  "a relationship has no basis": (d, i) => void delete d.relationships[i % d.relationships.length].basis,
  "a relationship points to an unknown id": (d, i) => void (d.relationships[i % d.relationships.length].to = "company:does-not-exist"),
  "a relationship's from is not an id": (d, i) => void (d.relationships[i % d.relationships.length].from = "Not An Id"),
  "a quote is 10,000 characters": (d, i) => void (d.relationships[i % d.relationships.length].quote = "长".repeat(10_000)),
  "an entity name is a megabyte": (d, i) => void (d.entities[i % d.entities.length].nameEn = "x".repeat(1_000_000)),
  "an entity has no label": (d, i) => void delete d.entities[i % d.entities.length].label,
  "an entity's aliases is a string": (d, i) => void (d.entities[i % d.entities.length].aliases = "AP"),
  "a date is not a date": (d, i) => void (d.relationships[i % d.relationships.length].date = "last Tuesday"),
  "an unknown field": (d, i) => void (d.relationships[i % d.relationships.length].secret = true),
  "invalid UTF-8 bytes": (d) => Buffer.concat([Buffer.from(JSON.stringify(d).slice(0, 200)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]),
  "truncated JSON": (d) => JSON.stringify(d).slice(0, 1000),
};

describe("mutated seed files", () => {
  it("rejects every mutation with the file and a path, writing nothing", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(10_000), (name, i) => {
        const dir = mkdtempSync(path.join(tmpdir(), "mutated-"));
        cpSync(SEED_DIR, dir, { recursive: true });
        const doc = structuredClone(original);
        const raw = MUTATIONS[name](doc, i);
        writeFileSync(path.join(dir, TARGET), raw ?? JSON.stringify(doc));
        let error: unknown;
        try {
          validateSeed({ paths: [dir] });
        } catch (err) {
          error = err;
        }
        expect(error, name).toBeInstanceOf(SeedValidationError);
        const problems = (error as SeedValidationError).problems;
        expect(problems.some((p) => p.file.endsWith(TARGET)), `${name}: ${JSON.stringify(problems.slice(0, 2))}`).toBe(true);
        expect(problems.every((p) => p.message.length > 0)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * Ingest end to end against the real Neo4j (test instance): a seed document, and an English and a Chinese article the
 * graph has never seen (read from the shared development set at test time, never copied into the tree), are ingested
 * with the graph's names,
 * reviewed automatically (accept at or above 0.8), validated together with the seed files exactly as the loader
 * does, loaded, and its new relationships are found by Cypher; what's new is then read back. The plain seed graph is
 * loaded again afterwards so that the other suites see it.
 */
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SEED_DIR, SEED_DOCS_DIR } from "../../src/config.js";
import type { Db } from "../../src/db/driver.js";
import { BadRequestError } from "../../src/errors.js";
import { buildDictionary } from "../../src/ingest/dictionary.js";
import { candidatesFile, createRun, extractDocument } from "../../src/ingest/extract.js";
import { graphFromDb, graphFromSeed } from "../../src/ingest/graph-source.js";
import { tagDocuments } from "../../src/ingest/hanlp.js";
import { normalise } from "../../src/ingest/normalise.js";
import { readDocument } from "../../src/ingest/readers/index.js";
import { assembleReviewed, autoDecisions, validateReviewed } from "../../src/ingest/review.js";
import { whatsNew } from "../../src/ingest/whatsnew.js";
import { graphChecksum, loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { testDb } from "../support/db.js";

const DOCUMENT = "000_c3bd37c92eb1a838.txt";
const ACCEPT_ABOVE = 0.8;
/** The shared development set (../shared/eval/dev): real articles, none of them a seed document. */
const DEV_DIR = process.env.EVAL_DEV_DIR ?? path.join(path.dirname(SEED_DOCS_DIR), "eval", "dev");
/** The Dutch DPA's fine on Clearview AI (English) and SAMR's investigation of Qualcomm (Chinese, traditional script). */
const UNSEEN = ["01.txt", "15.txt"];

let db: Db;
beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
});
afterAll(async () => {
  if (!db) return;
  await loadSeedGraph(db, validateSeed().graph);
  await db.close();
});

describe("ingest, review, load", () => {
  it("refuses unreadable input and bad what's-new arguments before touching the graph", async () => {
    const before = await graphChecksum(db);
    const dir = mkdtempSync(path.join(tmpdir(), "ingest-bad-"));
    writeFileSync(path.join(dir, "empty.txt"), "");
    await expect(readDocument(path.join(dir, "empty.txt"))).rejects.toBeInstanceOf(BadRequestError);
    await expect(whatsNew(db, "February 2026")).rejects.toBeInstanceOf(BadRequestError);
    await expect(whatsNew(db, "2026-02-01", ["not an id"])).rejects.toBeInstanceOf(BadRequestError);
    expect(await graphChecksum(db)).toBe(before);
  });

  it("reads the graph's names from the database as from the seed files", async () => {
    const fromDb = await graphFromDb(db);
    const fromSeed = graphFromSeed(validateSeed().graph);
    expect(fromDb.entities.map((e) => e.id).sort()).toEqual(fromSeed.entities.map((e) => e.id).sort());
    expect(fromDb.relationships.length).toBe(fromSeed.relationships.length);
    // The jurisdictions each one is part of (Ireland in the EU), which the extractor's citation check reads.
    const within = (g: typeof fromDb) =>
      g.entities
        .filter((e) => e.within)
        .map((e) => `${e.id}<${[...e.within!].sort()}`)
        .sort();
    expect(within(fromDb)).toEqual(within(fromSeed));
    expect(within(fromDb)).toContain("jur:ie<jur:eu");
  });

  it("ingests a seed document, accepts above the threshold, validates with the seed files, loads and finds the new relationships", async () => {
    const graph = graphFromSeed(validateSeed().graph);
    const run = createRun(buildDictionary(graph), graph.relationships);
    const file = candidatesFile(run, [extractDocument(run, await readDocument(path.join(SEED_DOCS_DIR, DOCUMENT)))]);
    // Most of what the document says is already in the curated graph: marked, and left out by the review.
    expect(file.relationships.filter((r) => r.candidate.existing).length).toBeGreaterThan(40);

    const result = assembleReviewed(file, autoDecisions(file, ACCEPT_ABOVE), { schemaRef: "../seed.schema.json" });
    expect(result.seed.relationships.length).toBeGreaterThan(0);
    const out = path.join(mkdtempSync(path.join(tmpdir(), "ingest-out-")), "000-ingest.json");
    expect(validateReviewed(result.seed, out)).toEqual([]);
    writeFileSync(out, JSON.stringify(result.seed, null, 2));

    const merged = validateSeed({ paths: [SEED_DIR, out] });
    const report = await loadSeedGraph(db, merged.graph);
    expect(report.changed).toBe(true);
    const sources = result.seed.sources.map((s) => s.id);
    const rows = await db.read<{ type: string; from: string; to: string; quote: string; document: string }>(
      `MATCH (a:Entity)-[r]->(b:Entity)
       WHERE any(s IN r.sources WHERE s IN $sources)
       MATCH (s:Source) WHERE s.id IN r.sources
       RETURN type(r) AS type, a.id AS from, b.id AS to, r.quote AS quote, s.document AS document`,
      { sources },
    );
    expect(rows.map((r) => `${r.type} ${r.from} ${r.to}`).sort()).toEqual(
      result.seed.relationships.map((r) => `${r.type} ${r.from} ${r.to}`).sort(),
    );
    for (const r of rows) expect(r.document).toBe(DOCUMENT);
  });

  it("ingests an English and a Chinese article never seen before: the accepted part validates, loads and is found in the graph", async () => {
    const graph = await graphFromDb(db);
    const run = createRun(buildDictionary(graph), graph.relationships);
    const docs = await Promise.all(UNSEEN.map((d) => readDocument(path.join(DEV_DIR, d))));
    const tokens = await tagDocuments(docs, (t) => normalise(t).text);
    const file = candidatesFile(
      run,
      docs.map((d) => extractDocument(run, d, { chinese: tokens.get(d.document) })),
    );
    expect(file.documents.map((d) => d.lang)).toEqual(["en", "zh"]);

    const result = assembleReviewed(file, autoDecisions(file, ACCEPT_ABOVE), { schemaRef: "../seed.schema.json" });
    // The quotes are checked against the documents, as `npm run validate` checks them against the stored texts.
    const docsDir = mkdtempSync(path.join(tmpdir(), "ingest-docs-"));
    for (const f of readdirSync(SEED_DOCS_DIR)) copyFileSync(path.join(SEED_DOCS_DIR, f), path.join(docsDir, f));
    for (const f of UNSEEN) copyFileSync(path.join(DEV_DIR, f), path.join(docsDir, f));
    const out = path.join(mkdtempSync(path.join(tmpdir(), "ingest-out-")), "001-unseen.json");
    expect(validateReviewed(result.seed, out, [SEED_DIR], docsDir)).toEqual([]);
    writeFileSync(out, JSON.stringify(result.seed, null, 2));
    const report = await loadSeedGraph(db, validateSeed({ paths: [SEED_DIR, out], docsDir }).graph);
    expect(report.changed).toBe(true);

    const rows = await db.read<{ type: string; from: string; to: string; quote: string; document: string }>(
      `MATCH (a:Entity)-[r]->(b:Entity)
       WHERE any(s IN r.sources WHERE s IN $sources)
       MATCH (s:Source) WHERE s.id IN r.sources
       RETURN type(r) AS type, coalesce(a.nameEn, a.nameZh) AS from, coalesce(b.nameEn, b.nameZh) AS to, r.quote AS quote, s.document AS document`,
      { sources: result.seed.sources.map((s) => s.id) },
    );
    const found = rows.map((r) => `${r.document} ${r.type} ${r.from} -> ${r.to}`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^01\.txt FINES Dutch Data Protection Authority.* -> Clearview AI/),
        expect.stringMatching(
          /^15\.txt INVESTIGATES .*(?:市场监督管理总局|市场监管总局|Market Regulation).* -> (?:高通|Qualcomm)/,
        ),
      ]),
    );
    for (const r of rows) expect(r.quote.length).toBeGreaterThan(10);
  });

  it("lists what is new since a date, by watched entity and by jurisdiction, with quotes and sources", async () => {
    const news = await whatsNew(db, "2026-02-01", ["company:bytedance"]);
    const watched = news.byWatched[0].events;
    expect(watched.map((e) => e.type)).toContain("ACCUSES");
    for (const e of watched) {
      expect(e.quote).toBeTruthy();
      expect(e.sourceTitle).toBeTruthy();
      expect(e.date >= "2026-02-01").toBe(true);
    }
    expect(news.byJurisdiction.length).toBeGreaterThan(1);
    const older = await whatsNew(db, "2025-01-01");
    expect(older.total).toBeGreaterThan(news.total);
  });
});

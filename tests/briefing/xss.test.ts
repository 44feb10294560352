/**
 * Hostile text in the graph (a company name, a quote, a source title carrying markup and script) stays inert in
 * the briefing: escaped in the HTML, printed literally in the PDF and the Word document, and unable to open a link or
 * markup in the Markdown.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import JSZip from "jszip";

import { buildBriefing, renderDocx, renderHtml, renderMarkdown, renderPdf } from "../../src/briefing/index.js";
import type { Db } from "../../src/db/driver.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { testDb } from "../support/db.js";
import { AS_OF, FIXED_NOW } from "./support.js";

const NAME = `<img src=x onerror="window.__xss=1">Evil<script>window.__xss=2</script> Co`;
const QUOTE = `<script>alert("quote")</script> accused of theft`;
let db: Db;

beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
  await db.write(
    `CREATE (c:Entity:Company {id: 'company:xss-brief', nameEn: $name, aliases: [], aliasesText: ''})
     CREATE (s:Entity:Source {id: 'source:xss-brief', title: $name, document: 'x.txt', aliases: [], aliasesText: '', url: 'javascript:alert(1)'})
     WITH c
     MATCH (j:Jurisdiction {id: 'jur:cn'}), (k:Case {id: 'case:anthropic-distillation-accusation-2026'})
     CREATE (c)-[:BASED_IN {id: 'rel:xss-1', basis: 'reported', sources: ['source:xss-brief'], quote: $quote}]->(j)
     CREATE (c)-[:PARTY_TO {id: 'rel:xss-2', basis: 'reported', role: 'accused', sources: ['source:xss-brief'], quote: $quote}]->(k)`,
    { name: NAME, quote: QUOTE },
  );
});
afterAll(async () => {
  await db.write("MATCH (n:Entity) WHERE n.id IN ['company:xss-brief', 'source:xss-brief'] DETACH DELETE n");
  await db?.close();
});

describe("hostile text in a briefing", () => {
  it("is escaped in the HTML and printed literally in the PDF", async () => {
    const b = await buildBriefing(
      db,
      {
        subject: { kind: "company", id: "company:xss-brief", activities: ["foundation_models"] },
        markets: ["EU"],
        asOf: AS_OF,
        lang: "en",
      },
      { now: FIXED_NOW },
    );
    const html = renderHtml(b);
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/href="javascript:/i);

    const pdf = await renderPdf(b);
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
    const first = await (await doc.getPage(1)).getTextContent();
    const text = first.items.map((i) => ("str" in i ? i.str : "")).join("");
    await doc.destroy();
    expect(text).toContain("<img src=x");

    const md = renderMarkdown(b);
    expect(md).not.toMatch(/(?<!\\)<script/);
    expect(md).not.toMatch(/\]\(<?javascript:/i);
    const xml = await (await JSZip.loadAsync(await renderDocx(b))).file("word/document.xml")!.async("string");
    expect(xml).not.toMatch(/<script|<img/);
    expect(xml).toContain("&lt;img src=x");
    expect(xml).not.toMatch(/javascript:/i);
  });
});

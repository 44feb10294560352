/**
 * The PDF, printed by Chromium (playwright-core): it has pages, its text can be extracted (pdf.js, legacy build),
 * in English and in Chinese (the CJK font is embedded), and the API serves it as a download.
 */
import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../src/app.js";
import { buildBriefing, renderPdf } from "../../src/briefing/index.js";
import type { Db } from "../../src/db/driver.js";
import { NotFoundError } from "../../src/errors.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { testDb } from "../support/db.js";
import { AS_OF, FIXED_NOW, GOLDEN_CASES } from "./support.js";

let db: Db;
let app: Express;
beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
  app = createApp({ db });
});
afterAll(async () => db?.close());

/** Page count and the text of every page, read with pdf.js. */
async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string[] }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const text: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text };
}

describe("PDF", () => {
  it("is not printed for bad input", async () => {
    const res = await request(app).get("/api/briefings?company=company:no-such-co&markets=EU&format=pdf");
    expect(res.status).toBe(404);
    await expect(
      buildBriefing(db, { subject: { kind: "company", id: "company:no-such-co" }, markets: ["EU"] }),
    ).rejects.toThrow(NotFoundError);
  });

  it("renders MiniMax → EU, KR, GB, US with pages and extractable text, citations and appendix included", async () => {
    const b = await buildBriefing(db, GOLDEN_CASES[0].input, { now: FIXED_NOW });
    const pdf = await renderPdf(b);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, text } = await readPdf(pdf);
    expect(pages).toBeGreaterThan(0);
    const all = text.join("\n");
    expect(text[0]).toMatch(/Outbound-expansion risk briefing: MiniMax/);
    expect(all).toMatch(/Summary/);
    expect(all).toMatch(/Appendix C\. Evidence/);
    expect(all).toMatch(/General Data Protection Regulation/);
    // a verbatim Chinese quote from the evidence appendix survives printing and extraction
    expect(all.replace(/\s/g, "")).toContain(
      "在文中指控中国人工智能公司DeepSeek、Moonshot和MiniMax利用“知识蒸馏”技术窃取模型能力",
    );
  });

  it("renders in Chinese with the CJK font", async () => {
    const b = await buildBriefing(db, GOLDEN_CASES[1].input, { now: FIXED_NOW });
    const { pages, text } = await readPdf(await renderPdf(b));
    expect(pages).toBeGreaterThan(0);
    expect(text[0].replace(/\s/g, "")).toContain("出海合规风险简报：MiniMax");
  });

  it("is served by the API as a download", async () => {
    const res = await request(app)
      .get(`/api/briefings?company=company:deepseek&markets=US&asOf=${AS_OF}&format=pdf`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="briefing-deepseek-US-2026-03-01.pdf"');
    const { pages, text } = await readPdf(res.body as Buffer);
    expect(pages).toBeGreaterThan(0);
    expect(text.join(" ")).toMatch(/DeepSeek/);
  });
});

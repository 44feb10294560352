/**
 * The briefing as PDF: the print HTML, printed by Chromium through playwright-core (A4, page numbers in the footer).
 * The page is loaded offline: every request it might make is refused, and Chromium runs without background
 * networking, sync or updates. The text layer is then fixed so that Chinese can be searched and copied (pdf-text.ts).
 */
import { chromium } from "playwright-core";

import { CHROMIUM_PATH } from "../../config.js";
import { STRINGS } from "../i18n.js";
import type { Briefing } from "../model.js";
import { FONT_STACK, escapeHtml, renderHtml } from "./html.js";
import { fixCjkToUnicode } from "./pdf-text.js";

export { CHROMIUM_PATH };
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-gpu",
  "--no-first-run",
];
export const PDF_TIMEOUT_MS = 60_000;

/** Prints an HTML page to PDF with Chromium. */
export async function htmlToPdf(html: string, footer = ""): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    timeout: PDF_TIMEOUT_MS,
  });
  try {
    const page = await browser.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load", timeout: PDF_TIMEOUT_MS });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="width:100%; font-family:${escapeHtml(FONT_STACK)}; font-size:7pt; color:#6b7785; padding:0 16mm; display:flex; justify-content:space-between;"><span>${escapeHtml(footer)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
    });
    return fixCjkToUnicode(pdf);
  } finally {
    await browser.close();
  }
}

export async function renderPdf(b: Briefing): Promise<Buffer> {
  const S = STRINGS[b.lang];
  return htmlToPdf(renderHtml(b), `${b.header.subject.name} · ${S.asOf} ${b.header.asOf}`);
}

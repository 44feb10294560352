/** One entry point for every output format: the content is assembled once and rendered as asked. */
import type { Briefing, Format } from "../model.js";
import { renderDocx } from "./docx.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { renderPdf } from "./pdf.js";

export const CONTENT_TYPES: Record<Format, string> = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  json: "application/json; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export function renderJson(b: Briefing): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}

/** The briefing in a format: text for md, html and json, bytes for pdf and docx. */
export async function renderBriefing(b: Briefing, format: Format): Promise<string | Buffer> {
  switch (format) {
    case "md":
      return renderMarkdown(b);
    case "html":
      return renderHtml(b);
    case "json":
      return renderJson(b);
    case "pdf":
      return renderPdf(b);
    case "docx":
      return renderDocx(b);
  }
}

/** A file name for downloads: subject, markets, as-of date. */
export function briefingFileName(b: Briefing, format: Format): string {
  const subject =
    (b.header.subject.id ?? b.header.subject.name)
      .replace(/^company:/, "")
      .replace(/[^\w.-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "subject";
  return `briefing-${subject}-${b.header.markets.map((m) => m.code).join("-")}-${b.header.asOf}.${format}`;
}

export { renderDocx, renderHtml, renderMarkdown, renderPdf };

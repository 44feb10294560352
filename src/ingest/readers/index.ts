/**
 * Reads one document of any supported type into plain text, after the checks of guards.ts. The text returned is the
 * one quotes are verified against: the ingest command stores it under .data/documents for the loader.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";

import type { DocumentFormat, ReadDocument } from "../types.js";
import { readDocx } from "./docx.js";
import { checkFileBeforeRead, checkHasText, formatOf, MAX_DOCUMENT_BYTES } from "./guards.js";
import { readHtml } from "./html.js";
import { readPdf } from "./pdf.js";
import { readText } from "./text.js";

export { MAX_DOCUMENT_BYTES, SUPPORTED_EXTENSIONS, formatOf } from "./guards.js";

const DOCUMENT_NAME = /^[\w.-]+\.(txt|md|html|pdf|docx)$/;

/**
 * The name a document gets as `Source.document`: its base name when that is plain ASCII, otherwise a readable ASCII
 * form plus a short hash (the model allows only [A-Za-z0-9_.-] there). `.htm` becomes `.html`, `.text` `.txt`.
 */
export function documentName(file: string, format: DocumentFormat = formatOf(file)): string {
  const ext = format === "txt" ? "txt" : format;
  const stem = path.basename(file, path.extname(file));
  const safe = stem
    .replace(/[^\w.-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  const name = `${safe}.${ext}`;
  if (safe === stem && DOCUMENT_NAME.test(name)) return name;
  const hash = createHash("sha256").update(stem).digest("hex").slice(0, 8);
  return `${safe ? `${safe}-` : "doc-"}${hash}.${ext}`;
}

export interface ReadOptions {
  maxBytes?: number;
}

export async function readDocument(file: string, options: ReadOptions = {}): Promise<ReadDocument> {
  const format = formatOf(file);
  const bytes = checkFileBeforeRead(file, options.maxBytes ?? MAX_DOCUMENT_BYTES);
  const data = new Uint8Array(readFileSync(file));
  let text: string;
  switch (format) {
    case "txt":
    case "md":
      text = readText(file, data);
      break;
    case "html":
      text = readHtml(file, data);
      break;
    case "pdf":
      text = await readPdf(file, data);
      break;
    case "docx":
      text = await readDocx(file, data);
      break;
  }
  return { document: documentName(file, format), file, format, bytes, text: checkHasText(file, text) };
}

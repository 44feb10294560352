/**
 * Keeps the plain text of each ingested document under .data/documents/<document> (git-ignored), so that the loader
 * can check quotes of documents that are not in the seed documents folder. The text is stored only after the whole
 * ingest succeeded; a different text already stored under the same name is refused rather than overwritten, since
 * quotes loaded earlier were checked against it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

import { INGEST_DOCS_DIR } from "../config.js";
import { ConflictError } from "../errors.js";
import type { ReadDocument } from "./types.js";

export interface StoreOptions {
  dir?: string;
  /** Replace a stored text that differs. */
  force?: boolean;
}

/** Refuses, before anything is written, a document whose stored text differs (unless forced). */
export function checkStorable(docs: ReadDocument[], options: StoreOptions = {}): void {
  const dir = options.dir ?? INGEST_DOCS_DIR;
  const seen = new Map<string, string>();
  for (const doc of docs) {
    const prior = seen.get(doc.document);
    if (prior !== undefined && prior !== doc.text) {
      throw new ConflictError(`two documents are both named '${doc.document}' (${doc.file}); rename one of them`);
    }
    seen.set(doc.document, doc.text);
    const target = path.join(dir, doc.document);
    if (!options.force && existsSync(target) && readFileSync(target, "utf8") !== doc.text) {
      throw new ConflictError(
        `${target} already holds a different document named '${doc.document}'; rename the file, or pass --force to replace it`,
      );
    }
  }
}

/** Writes each document's text (atomically: a temporary file renamed into place). Returns the paths written. */
export function storeDocumentTexts(docs: ReadDocument[], options: StoreOptions = {}): string[] {
  const dir = options.dir ?? INGEST_DOCS_DIR;
  mkdirSync(dir, { recursive: true });
  return docs.map((doc) => {
    const target = path.join(dir, doc.document);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, doc.text);
    renameSync(tmp, target);
    return target;
  });
}

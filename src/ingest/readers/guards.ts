/**
 * Checks a file before and after it is read, so that bad input fails early with a message naming the file and the
 * reason: missing, empty, too large (by size, before a byte is read), of an unknown type, binary where text was
 * expected, or without any text at all. Every failure is a BadRequestError.
 */
import { statSync } from "node:fs";
import path from "node:path";

import { BadRequestError } from "../../errors.js";
import type { DocumentFormat } from "../types.js";

/** Documents above this size are refused before reading: newsletters are kilobytes, this bounds memory. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

const EXTENSIONS: Record<string, DocumentFormat> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
  ".docx": "docx",
};

/** The file extensions the ingest command reads. */
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

/** The format of a file by its extension; unknown extensions are refused with the list of known ones. */
export function formatOf(file: string): DocumentFormat {
  const format = EXTENSIONS[path.extname(file).toLowerCase()];
  if (!format) {
    throw new BadRequestError(
      `${file}: unknown document type '${path.extname(file) || "(no extension)"}'; the ingest command reads ${SUPPORTED_EXTENSIONS.join(", ")}`,
    );
  }
  return format;
}

/** Size and existence checks that need no read: returns the size in bytes. */
export function checkFileBeforeRead(file: string, maxBytes = MAX_DOCUMENT_BYTES): number {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new BadRequestError(`${file}: not a regular file`);
    size = st.size;
  } catch (err) {
    if (err instanceof BadRequestError) throw err;
    throw new BadRequestError(
      `${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
  if (size === 0) throw new BadRequestError(`${file}: the file is empty`);
  if (size > maxBytes) {
    throw new BadRequestError(
      `${file}: the file is ${formatBytes(size)}, above the ${formatBytes(maxBytes)} limit for one document; split it or raise the limit`,
    );
  }
  return size;
}

/**
 * Decodes text that must be UTF-8. NUL bytes or invalid UTF-8 mean a binary file renamed to .txt (or a legacy
 * encoding), which would otherwise produce garbage candidates.
 */
export function decodeUtf8Text(file: string, bytes: Uint8Array): string {
  const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  if (head.includes(0))
    throw new BadRequestError(`${file}: looks like a binary file (it contains NUL bytes), not text`);
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new BadRequestError(
      `${file}: is not valid UTF-8 text (binary, or another encoding: convert it to UTF-8 first)`,
    );
  }
}

/** After extraction: a document without any letter gives nothing to review (a scanned PDF, an empty page). */
export function checkHasText(file: string, text: string): string {
  if (!/[\p{L}\p{N}]/u.test(text))
    throw new BadRequestError(`${file}: no text could be extracted (an image-only or empty document?)`);
  return text;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/**
 * PDF documents: text extracted page by page with pdfjs-dist (legacy build, which runs in Node without a worker
 * file). Encrypted PDFs and broken files become BadRequestErrors; the page count is bounded.
 */
import { BadRequestError } from "../../errors.js";

/** Newsletters have tens of pages; a bound keeps a hostile file from holding the process. */
export const MAX_PDF_PAGES = 2000;

const PDF_SIGNATURE = "%PDF-";

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

export async function readPdf(file: string, bytes: Uint8Array): Promise<string> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes(PDF_SIGNATURE)) throw new BadRequestError(`${file}: not a PDF file (no %PDF- header)`);
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc;
  try {
    // pdfjs takes ownership of (and detaches) the buffer it is given: pass a copy.
    doc = await getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const name = (err as Error).name;
    if (name === "PasswordException")
      throw new BadRequestError(`${file}: the PDF is encrypted (password-protected); export an unprotected copy first`);
    throw new BadRequestError(`${file}: not a readable PDF (${(err as Error).message})`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES)
      throw new BadRequestError(`${file}: the PDF has ${doc.numPages} pages, above the ${MAX_PDF_PAGES}-page limit`);
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items as TextItemLike[]) {
        text += item.str ?? "";
        if (item.hasEOL) text += "\n";
      }
      pages.push(text.trim());
      page.cleanup();
    }
    // A form feed marks the page break, so that normalise() may join a sentence the page cut (and only then).
    return pages.join("\n\f\n");
  } finally {
    await doc.destroy();
  }
}

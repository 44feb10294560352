/**
 * Readers: bad input (missing, empty, binary, invalid UTF-8, oversized, unknown type, encrypted or broken PDF and
 * .docx) fails with a BadRequestError naming the file and the reason; good .txt, .md, .html, .pdf and .docx files
 * give their text. PDF and .docx fixtures are generated at test time.
 */
import { closeSync, mkdtempSync, openSync, ftruncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { BadRequestError } from "../../../src/errors.js";
import { documentMeta } from "../../../src/ingest/items.js";
import { normalise } from "../../../src/ingest/normalise.js";
import { documentName, MAX_DOCUMENT_BYTES, readDocument } from "../../../src/ingest/readers/index.js";
import { makeDocx, makePdf } from "../../fixtures/ingest/files.js";

const dir = mkdtempSync(path.join(tmpdir(), "ingest-readers-"));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function failure(p: string): Promise<BadRequestError> {
  try {
    await readDocument(p);
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as Error).message.startsWith(p)).toBe(true);
    return err as BadRequestError;
  }
  throw new Error(`${p} was read`);
}

describe("document readers", () => {
  it("refuses missing, empty, binary, non-UTF-8 and unknown files with the file and the reason", async () => {
    expect((await failure(path.join(dir, "nope.txt"))).message).toMatch(/cannot be read \(ENOENT\)/);
    expect((await failure(file("empty.txt", ""))).message).toMatch(/the file is empty/);
    expect((await failure(file("binary.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])))).message).toMatch(
      /binary file/,
    );
    expect((await failure(file("latin1.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61])))).message).toMatch(
      /not valid UTF-8/,
    );
    expect((await failure(file("sheet.xlsx", "a,b"))).message).toMatch(/unknown document type '\.xlsx'/);
    expect((await failure(file("blank.txt", " \n\t\n"))).message).toMatch(/no text could be extracted/);
  });

  it("refuses an oversized file by its size, before reading it", async () => {
    const p = path.join(dir, "huge.txt");
    const fd = openSync(p, "w");
    ftruncateSync(fd, MAX_DOCUMENT_BYTES + 1); // sparse: nothing is written, nothing must be read
    closeSync(fd);
    expect((await failure(p)).message).toMatch(/above the 50\.0 MB limit/);
  });

  it("refuses encrypted and broken PDFs, and .docx files that are not zip packages", async () => {
    expect((await failure(file("locked.pdf", makePdf("secret", { encrypted: true })))).message).toMatch(/encrypted/);
    expect((await failure(file("broken.pdf", "%PDF-1.4\nnot really a pdf"))).message).toMatch(/not a readable PDF/);
    expect((await failure(file("fake.pdf", "hello"))).message).toMatch(/not a PDF file/);
    expect(
      (await failure(file("locked.docx", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).message,
    ).toMatch(/encrypted \(password-protected\) or a legacy \.doc/);
    expect((await failure(file("fake.docx", "plain text"))).message).toMatch(/not a zip package/);
  });

  it("reads plain text and Markdown as they are (a UTF-8 BOM dropped)", async () => {
    const doc = await readDocument(file("news.md", "\ufeff# 一、监管动态\n\n1. 英国信息专员办公室对X平台展开调查\n"));
    expect(doc).toMatchObject({
      document: "news.md",
      format: "md",
      text: "# 一、监管动态\n\n1. 英国信息专员办公室对X平台展开调查\n",
    });
  });

  it("reads HTML as text, keeping headings as lines and dropping scripts and link targets", async () => {
    const html =
      '<html><head><style>p{}</style><script>var x=1</script></head><body><h2>Enforcement News</h2><p>The <a href="https://ico.org.uk">ICO</a> opened an investigation into X Corp.</p></body></html>';
    const doc = await readDocument(file("news.html", html));
    expect(doc.text).toContain("## Enforcement News");
    expect(doc.text).toContain("The ICO opened an investigation into X Corp.");
    expect(doc.text).not.toMatch(/var x|ico\.org\.uk|p\{\}/);
  });

  it("ends a line at every table cell and block, and takes the page's <title> as the title", async () => {
    const html =
      "<html><head><title>Enforcement &amp; Fines</title></head><body><table><tr><td>机构</td><td>事项</td></tr><tr><td>国家网信办</td><td>约谈OpenAI</td></tr></table><div>A</div><div>B</div></body></html>";
    const doc = await readDocument(file("table.html", html));
    expect(doc.text).not.toContain("机构事项");
    expect(doc.text).toMatch(/国家网信办\n约谈OpenAI/);
    expect(doc.text).toMatch(/A\nB/);
    expect(documentMeta(normalise(doc.text).text).title).toBe("Enforcement & Fines");
  });

  it("reads a PDF's text", async () => {
    const doc = await readDocument(file("report.pdf", makePdf("The ICO opened an investigation into X Corp.")));
    expect(doc).toMatchObject({ format: "pdf", document: "report.pdf" });
    expect(doc.text).toContain("The ICO opened an investigation into X Corp.");
  });

  it("reads a .docx's paragraphs", async () => {
    const doc = await readDocument(
      file("memo.docx", await makeDocx(["英国信息专员办公室对X平台展开调查。", "Second paragraph."])),
    );
    expect(doc.format).toBe("docx");
    expect(doc.text).toContain("英国信息专员办公室对X平台展开调查。");
    expect(doc.text).toContain("Second paragraph.");
  });

  it("names documents with ASCII-safe names for Source.document", () => {
    expect(documentName("/x/000_c3bd37c92eb1a838.txt")).toBe("000_c3bd37c92eb1a838.txt");
    expect(documentName("/x/page.htm")).toBe("page.html");
    expect(documentName("/x/人工智能月刊 2026.pdf")).toMatch(/^2026-[0-9a-f]{8}\.pdf$/);
    expect(documentName("/x/月刊.docx")).toMatch(/^doc-[0-9a-f]{8}\.docx$/);
  });
});

describe("hostile documents", () => {
  it("refuses a truncated PDF with a clear message", async () => {
    const pdf = makePdf("英国信息专员办公室对X平台展开调查");
    const truncated = pdf.subarray(0, Math.floor(pdf.length / 2));
    expect((await failure(file("truncated.pdf", Buffer.from(truncated)))).message).toMatch(
      /not a readable PDF|no text could be extracted/,
    );
  });

  it("refuses a .docx that would unpack beyond the limit (a zip bomb) without unpacking it", async () => {
    // 20 MB of one repeated paragraph compresses to a few kilobytes; with a 1 MB limit the reader must refuse it.
    const { default: JSZip } = await import("jszip");
    const zip = new JSZip();
    zip.file(
      "word/document.xml",
      `<w:document><w:body><w:p><w:r><w:t>${"A".repeat(20 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`,
    );
    const bomb = await zip.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
      compressionOptions: { level: 9 },
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const p = file("bomb.docx", bomb);
    const { readDocx } = await import("../../../src/ingest/readers/docx.js");
    await expect(readDocx(p, new Uint8Array(bomb), 1024 * 1024)).rejects.toThrow(
      /would unpack to \d+ MB, above the 1 MB limit/,
    );
  });

  it("refuses a 500 MB file by its size without reading it (memory stays bounded)", async () => {
    const p = path.join(dir, "huge.pdf");
    const fd = openSync(p, "w");
    ftruncateSync(fd, 500 * 1024 * 1024);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    expect((await failure(p)).message).toMatch(/500\.0 MB, above the 50\.0 MB limit/);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });
});

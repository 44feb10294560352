/**
 * The briefing as a Word document (the `docx` package), for law firms that edit in Word: built from the Markdown
 * rendering line by line (headings, bullet and numbered lists, tables, notes, bold, links), so the two never say
 * different things. Citations stay as numbered marks [n] and the evidence appendix as a numbered list.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";

import type { Briefing } from "../model.js";
import { renderMarkdown } from "./markdown.js";

const FONT = { ascii: "Calibri", hAnsi: "Calibri", eastAsia: "Microsoft YaHei", cs: "Calibri" };
const HEADINGS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** Undoes mdEscape: a backslash before a punctuation character. */
const unescape = (s: string) => s.replace(/\\([\\`*_[\]<>|#~.+-])/g, "$1");

/** Inline Markdown as runs: **bold**, _italic_, `code`, [title](<url>) links; everything else is text. */
function runs(text: string, base: { italics?: boolean; bold?: boolean } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const pattern = /\*\*(.+?)\*\*|(?<![\\\w])_(.+?)_(?!\w)|`([^`]*)`|\[((?:\\.|[^\]])*)\]\(<([^>]+)>\)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index! > last) out.push(new TextRun({ text: unescape(text.slice(last, m.index)), font: FONT, ...base }));
    if (m[1] !== undefined) out.push(...runs(m[1], { ...base, bold: true }));
    else if (m[2] !== undefined) out.push(new TextRun({ text: unescape(m[2]), font: FONT, ...base, italics: true }));
    else if (m[3] !== undefined)
      out.push(new TextRun({ text: m[3], font: { ascii: "Consolas", hAnsi: "Consolas" }, size: 16, ...base }));
    else
      out.push(
        /^https?:\/\//i.test(m[5])
          ? new ExternalHyperlink({
              link: m[5],
              children: [new TextRun({ text: unescape(m[4]), style: "Hyperlink", font: FONT })],
            })
          : new TextRun({ text: unescape(m[4]), font: FONT }),
      );
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push(new TextRun({ text: unescape(text.slice(last)), font: FONT, ...base }));
  return out;
}

const cellsOf = (line: string) =>
  line
    .replace(/^\|/, "")
    .replace(/\|\s*$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

function table(lines: string[]): Table {
  // The separator row goes, and so does an empty header row (the Markdown meta table has one).
  const rows = lines
    .filter((l) => !/^\|[\s|:-]+\|$/.test(l))
    .map(cellsOf)
    .filter((cells) => cells.some((c) => c !== ""));
  const border = { style: BorderStyle.SINGLE, size: 4, color: "B8C2CF" };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: cells.map(
            (c) =>
              new TableCell({
                children: c
                  .split("<br>")
                  .map((part) => new Paragraph({ children: runs(part, r === 0 ? { bold: true } : {}) })),
              }),
          ),
        }),
    ),
  });
}

/** The Markdown rendering turned into Word blocks. */
export function docxBlocks(markdown: string): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    if (line.startsWith("|")) {
      const group: string[] = [];
      while (i < lines.length && lines[i].startsWith("|")) group.push(lines[i++]);
      i--;
      blocks.push(table(group));
      continue;
    }
    const heading = /^(#{1,4}) (.*)$/.exec(line);
    if (heading) {
      blocks.push(new Paragraph({ heading: HEADINGS[heading[1].length - 1], children: runs(heading[2]) }));
      continue;
    }
    if (line.startsWith("> ")) {
      blocks.push(new Paragraph({ indent: { left: 360 }, children: runs(line.slice(2), { italics: true }) }));
      continue;
    }
    const bullet = /^(\s*)- (.*)$/.exec(line);
    if (bullet) {
      blocks.push(new Paragraph({ bullet: { level: bullet[1].length > 0 ? 1 : 0 }, children: runs(bullet[2]) }));
      continue;
    }
    const numbered = /^(\d+)\. (.*)$/.exec(line);
    if (numbered) {
      blocks.push(
        new Paragraph({
          indent: { left: 360, hanging: 360 },
          children: [new TextRun({ text: `${numbered[1]}.\t`, font: FONT }), ...runs(numbered[2])],
        }),
      );
      continue;
    }
    blocks.push(new Paragraph({ alignment: AlignmentType.LEFT, children: runs(line) }));
  }
  return blocks;
}

export async function renderDocx(b: Briefing): Promise<Buffer> {
  const doc = new Document({
    creator: "compliance-graph",
    title: b.header.title,
    description: `graph ${b.header.graphChecksum}`,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [{ children: docxBlocks(renderMarkdown(b)) }],
  });
  return Packer.toBuffer(doc);
}

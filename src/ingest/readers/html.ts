/**
 * HTML documents: converted to plain text with html-to-text. Headings keep their case (the default upper-cases them,
 * which would change names), links keep only their text, images are dropped; headings become Markdown-style lines
 * so that the item splitter sees them. Every block and every table cell ends its line, so that a sentence never runs
 * across two cells (`日期机构事项2024-01-02国家网信办…` was one sentence before); the page's <title> becomes the
 * document's title (front matter the item splitter reads).
 */
import { htmlToText } from "html-to-text";

import { decodeUtf8Text } from "./guards.js";

const HEADING_SELECTORS = ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector, i) => ({
  selector,
  format: "blockString" as const,
  options: { leadingLineBreaks: 2, trailingLineBreaks: 1, prefix: `${"#".repeat(i + 1)} ` },
}));

const CELL_SELECTORS = ["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dt", "dd"].map(
  (selector) => ({
    selector,
    format: "cellLine" as const,
  }),
);
const TITLE = /<title[^>]*>([\s\S]*?)<\/title>/i;
const MAX_TITLE_CHARS = 300;

export function readHtml(file: string, bytes: Uint8Array): string {
  const html = decodeUtf8Text(file, bytes);
  const rawTitle = html.match(TITLE)?.[1];
  const title = rawTitle
    ? htmlToText(rawTitle, { wordwrap: false }).replace(/\s+/g, " ").trim().slice(0, MAX_TITLE_CHARS)
    : "";
  const body = htmlToText(html, {
    wordwrap: false,
    formatters: {
      // A heading as "## text" on its own line, in its own case.
      blockString: (elem, walk, builder, options) => {
        builder.openBlock({ leadingLineBreaks: options.leadingLineBreaks ?? 2 });
        builder.addInline(String(options.prefix ?? ""));
        walk(elem.children, builder);
        builder.closeBlock({ trailingLineBreaks: options.trailingLineBreaks ?? 1 });
      },
      // A table cell or row on a line of its own: cells are sentence boundaries.
      cellLine: (elem, walk, builder) => {
        builder.openBlock({ leadingLineBreaks: 1 });
        walk(elem.children, builder);
        builder.closeBlock({ trailingLineBreaks: 1 });
      },
    },
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "script", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "title", format: "skip" },
      ...HEADING_SELECTORS,
      ...CELL_SELECTORS,
    ],
  });
  return title ? `---\ntitle: ${title}\n---\n\n${body}` : body;
}

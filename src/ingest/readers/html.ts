/**
 * HTML documents: converted to plain text with html-to-text. Headings keep their case (the default upper-cases them,
 * which would change names), links keep only their text, images are dropped; headings become Markdown-style lines
 * so that the item splitter sees them.
 */
import { htmlToText } from "html-to-text";

import { decodeUtf8Text } from "./guards.js";

const HEADING_SELECTORS = ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector, i) => ({
  selector,
  format: "blockString" as const,
  options: { leadingLineBreaks: 2, trailingLineBreaks: 1, prefix: `${"#".repeat(i + 1)} ` },
}));

export function readHtml(file: string, bytes: Uint8Array): string {
  return htmlToText(decodeUtf8Text(file, bytes), {
    wordwrap: false,
    formatters: {
      // A heading as "## text" on its own line, in its own case.
      blockString: (elem, walk, builder, options) => {
        builder.openBlock({ leadingLineBreaks: options.leadingLineBreaks ?? 2 });
        builder.addInline(String(options.prefix ?? ""));
        walk(elem.children, builder);
        builder.closeBlock({ trailingLineBreaks: options.trailingLineBreaks ?? 1 });
      },
    },
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "script", format: "skip" },
      { selector: "style", format: "skip" },
      ...HEADING_SELECTORS,
    ],
  });
}

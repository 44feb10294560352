/**
 * Splits a normalised document into items: newsletters list their news under numbered headings (`1.`, `1、`, `一、`),
 * Markdown headings or `【section】` lines, and give each item `发布日期`/`来源`/`链接` lines (or `📰 来源: X | 🔗 url`).
 * Those lines become the item's metadata and are kept out of its text. A table of contents (dot leaders, or headings
 * repeated later with a body) is dropped, as is a heading repeated with the same text later in the document.
 */
import { firstDate, yearOf } from "./dates.js";
import type { Item, SourceMeta } from "./types.js";

const MAX_TITLE_CHARS = 120;
/** An item whose body has fewer letters than this is a table-of-contents entry when its heading recurs later. */
const MIN_SUBSTANTIVE_LETTERS = 20;

const MARKDOWN_HEADING = /^(#{1,6})\s*(.+)$/;
const NUMBERED_HEADING =
  /^(?:第?\d{1,3}\s*(?:[.．](?!\d)|[、)）])|[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}[章节部分篇]|【(?=.+】$))\s*(.+?)】?$/;
const TOC_LINE = /(\.{4,}|…{2,}|·{4,}|\.\s?\.\s?\.\s?\.)\s*\d{1,4}\s*$/;
const DECORATION = /^[\s=─━═╔╗╚╝║│┃|~_*\-+#.·•]+$/u;
const IMAGE_LINE = /^!\[[^\]]*\]\([^)]*\)\s*$/;
const LEADING_SYMBOLS = /^[^\p{L}\p{N}《“"([<]+/u;
const META_LABEL =
  /^(发布日期|发布时间|日期|时间|Date|Published|来源|出处|Source|链接|原文链接|原文|Link|URL|标签|Tags|摘要|内容摘要|内容概要|Summary)\s*[:：]\s*(.*)$/i;
const URL_IN_TEXT = /https?:\/\/[^\s<>"'|]+/;

export interface DocumentMeta extends SourceMeta {
  /** Offset where the body starts (after a front matter block). */
  bodyStart: number;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string, from = 0): Line[] {
  const out: Line[] = [];
  let start = from;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    out.push({ start, end, text: text.slice(start, end) });
    start = end + 1;
  }
  return out;
}

/** A URL from a metadata value: a Markdown link target, an <autolink>, or a bare URL; undefined if not a valid URL. */
export function extractUrl(value: string): string | undefined {
  let candidate: string | undefined;
  const md = value.indexOf("](");
  if (md >= 0) {
    const close = value.lastIndexOf(")");
    candidate = close > md ? value.slice(md + 2, close) : undefined;
  }
  candidate ??= value.match(/<(https?:\/\/[^>\s]+)>/)?.[1] ?? value.match(URL_IN_TEXT)?.[0];
  if (!candidate) return undefined;
  candidate = candidate.replace(/[)\]>.,;]+$/, (m) =>
    candidate!.includes("(") && m.startsWith(")") ? m.slice(0, 1) : "",
  );
  try {
    return new URL(candidate).toString();
  } catch {
    return undefined;
  }
}

/** Metadata the document states about itself: a front matter block, else its first heading and first date. */
export function documentMeta(text: string): DocumentMeta {
  const meta: DocumentMeta = { bodyStart: 0 };
  if (text.startsWith("---\n")) {
    const close = text.indexOf("\n---", 4);
    if (close > 0 && close < 4000) {
      for (const line of text.slice(4, close).split("\n")) {
        const m = line.match(/^(\w+)\s*:\s*(.+)$/);
        if (!m) continue;
        const [key, value] = [m[1].toLowerCase(), m[2].trim()];
        if (key === "title") meta.title = value;
        else if (key === "url" || key === "link") meta.url = extractUrl(value);
        else if (key === "source" || key === "publisher" || key === "author") meta.publisher ??= value;
        else if (key === "date") meta.date = firstDate(value);
      }
      meta.bodyStart = Math.min(text.length, close + 4);
    }
  }
  const head = linesOf(text.slice(meta.bodyStart, meta.bodyStart + 3000)).map((l) => l.text.trim());
  if (!meta.title) {
    const heading = head.find((l) => /^#\s+\S/.test(l));
    const line =
      heading ??
      head.find(
        (l) =>
          l.length <= 100 &&
          /[\p{L}]{2}/u.test(l) &&
          !firstDate(l) &&
          !DECORATION.test(l) &&
          !/^[\p{P}\p{S}\d\s]+$/u.test(l),
      );
    meta.title = line ? (headingOf(line) ?? line).replace(LEADING_SYMBOLS, "") : undefined;
  }
  meta.date ??= firstDate(head.join("\n"));
  return meta;
}

const normTitle = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, "");
const countLetters = (t: string) => normTitle(t).length;

function headingOf(line: string): string | undefined {
  const t = line.trim();
  if (!t || TOC_LINE.test(t)) return undefined;
  const md = t.match(MARKDOWN_HEADING);
  if (md) return md[2].replace(NUMBERED_HEADING, "$1").trim() || undefined;
  const num = t.match(NUMBERED_HEADING);
  return num?.[1]?.trim() || undefined;
}

/**
 * Splits the normalised text into items. `defaults` fill what an item does not state (the date, the
 * publisher given on the command line); an item's own date wins.
 */
export function splitItems(text: string, docMeta: DocumentMeta = documentMeta(text)): Item[] {
  const year = yearOf(docMeta.date);
  const raw: Item[] = [];
  let current: Item | undefined;
  let expectUrl = false;
  const open = (line: Line, title: string): Item => {
    const at = line.start + line.text.indexOf(title);
    const headingStart = at >= line.start ? at : line.start;
    return {
      index: raw.length,
      start: line.start,
      end: line.end,
      headingStart,
      headingEnd: line.end,
      title: title.replace(LEADING_SYMBOLS, ""),
      content: [[headingStart, line.end]],
    };
  };
  for (const line of linesOf(text, docMeta.bodyStart)) {
    const trimmed = line.text.trim();
    const title = headingOf(line.text);
    if (title) {
      current = open(line, title);
      raw.push(current);
      expectUrl = false;
      continue;
    }
    if (!current) {
      current = {
        index: 0,
        start: line.start,
        end: line.end,
        headingStart: line.start,
        headingEnd: line.start,
        title: docMeta.title ?? "",
        content: [],
      };
      raw.push(current);
    }
    current.end = line.end;
    if (!trimmed || DECORATION.test(trimmed) || TOC_LINE.test(trimmed) || IMAGE_LINE.test(trimmed)) continue;
    const bare = trimmed.replace(LEADING_SYMBOLS, "");
    if (expectUrl && /^<?https?:\/\//.test(bare)) {
      current.url ??= extractUrl(bare);
      continue;
    }
    expectUrl = false;
    const meta = bare.match(META_LABEL);
    if (meta) {
      const label = meta[1].toLowerCase();
      const value = meta[2].trim();
      if (/日期|时间|date|published/.test(label)) {
        current.date ??= firstDate(value, year);
        continue;
      }
      if (/来源|出处|source/.test(label)) {
        // "📰 来源: 36氪 | 🔗 https://..." carries both; "来源: https://..." only a link.
        const url = extractUrl(value);
        if (url) current.url ??= url;
        const publisher = value
          .split(/[|｜🔗]/u)[0]
          .replace(/\[[^\]]*\]\([^)]*\)|<[^>]*>/g, "")
          .replace(new RegExp(URL_IN_TEXT.source, "g"), "")
          .replace(/[[\]()<>]/g, "")
          .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "");
        if (/\p{L}/u.test(publisher)) current.publisher ??= publisher;
        continue;
      }
      if (/链接|原文|link|url/.test(label)) {
        current.url ??= extractUrl(value);
        expectUrl = !current.url;
        continue;
      }
      if (/标签|tags/.test(label)) continue;
      // 摘要: the summary follows the label on the same line or the next ones.
      if (value) current.content.push([line.end - value.length, line.end]);
      continue;
    }
    if (/^<?https?:\/\/\S+>?$/.test(bare)) continue;
    current.content.push([
      line.start + line.text.indexOf(trimmed),
      line.start + line.text.indexOf(trimmed) + trimmed.length,
    ]);
  }

  // A heading that recurs later (a table of contents, a short version before the full one) is kept only where it
  // has a body.
  const lastWithTitle = new Map<string, number>();
  raw.forEach((item, i) => lastWithTitle.set(normTitle(item.title), i));
  const items: Item[] = [];
  for (const [i, item] of raw.entries()) {
    const letters = item.content
      .slice(item.headingEnd > item.headingStart ? 1 : 0)
      .reduce((n, [s, e]) => n + countLetters(text.slice(s, e)), 0);
    const later = lastWithTitle.get(normTitle(item.title))!;
    if (later > i && letters < MIN_SUBSTANTIVE_LETTERS) continue;
    if (item.content.length === 0) continue;
    // A section heading without body or metadata, or a cover line before the first heading, is not a news item.
    const hasMeta = Boolean(item.url || item.publisher || item.date);
    if (item.headingEnd > item.headingStart) {
      if (letters === 0 && !hasMeta && countLetters(item.title) < MIN_SUBSTANTIVE_LETTERS) continue;
    } else if (raw.length > 1 && letters < MIN_SUBSTANTIVE_LETTERS && !hasMeta) continue;
    const body = item.content.map(([s, e]) => text.slice(s, e)).join("\n");
    item.date ??= firstDate(body, year, true) ?? docMeta.date;
    item.title = item.title.length > MAX_TITLE_CHARS ? `${item.title.slice(0, MAX_TITLE_CHARS - 1)}…` : item.title;
    items.push({ ...item, index: items.length });
  }
  return items;
}

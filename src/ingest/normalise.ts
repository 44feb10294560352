/**
 * Normalises a document's text for matching while remembering, for every normalised UTF-16 unit, where it came from
 * in the original: quotes are always cut from the original text by those offsets, so they stay verbatim.
 *
 * - NFKC, so full-width and half-width forms match (`ＯｐｅｎＡＩ`, `（`, `，` become `OpenAI`, `(`, `,`);
 * - whitespace: runs collapse to one space, and disappear between CJK text and CJK, Latin letters or digits, because
 *   Chinese newsletters insert spaces around Latin names and digits (`2026 年 2 月`, `X 平台`) that names never carry;
 * - line breaks that only wrap a sentence (a PDF column, a page break in the middle of `杭州市西湖区市\n\n市场监管局`)
 *   are joined; real line breaks (headings, metadata lines, paragraph ends) stay. A blank line ends a paragraph unless
 *   it is a PDF page break (the PDF reader marks those with a form feed) or the line before it is a whole paragraph
 *   cut off mid-sentence: a short unpunctuated line before a blank line is a heading (`市场监管总局严查乱象`), and
 *   joining it to the next paragraph would glue the title's last words to the body's first name;
 * - zero-width characters, Markdown bold markers and Markdown escapes are dropped.
 */
import type { NormalisedText } from "./types.js";

/** A wrapped line is at least this long; shorter lines are headings, labels or list entries and keep their break. */
const MIN_WRAPPED_LINE_CHARS = 20;
/** At most one blank line inside a wrapped sentence (PDF page breaks give exactly one). */
const MAX_NEWLINES_IN_WRAP = 2;
/** Across a blank line without a page break, only a line at least this long (a paragraph, not a heading) continues. */
const MIN_PARAGRAPH_LINE_CHARS = 80;
const FORM_FEED = 12;

const SENTENCE_END = new Set([..."。！？!?；;：:…”」』）)】>》*"]);
const STRUCTURAL_LINE =
  /^\s*(#{1,6}\s|\d{1,3}\s*[.、．]\s*\S|[一二三四五六七八九十]+\s*[、.．]|[-*+•]\s|\*\*|\[|<https?:|https?:|(发布日期|来源|链接|摘要|日期|作者|标签|Source|Date|Link|URL)\s*[:：])/i;
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

const nfkcCache = new Map<number, string>();

export function isWhitespace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x1680 ||
    c === 0x85
  );
}

/** CJK, full-width punctuation, emoji: text that needs no space around it. */
export function isWide(c: number): boolean {
  return c >= 0x2e80;
}

function alnum(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || ((ch | 32) >= 97 && (ch | 32) <= 122);
}

function nfkc(cp: number): string {
  let out = nfkcCache.get(cp);
  if (out === undefined) {
    out = String.fromCodePoint(cp).normalize("NFKC");
    nfkcCache.set(cp, out);
  }
  return out;
}

/** Whether the line break(s) between `before` and `after` only wrap one sentence (`pageBreak`: a form feed among them). */
export function isWrappedBreak(before: string, after: string, newlines: number, pageBreak = false): boolean {
  if (newlines > MAX_NEWLINES_IN_WRAP) return false;
  const prev = before.trim();
  const next = after.trim();
  if (prev.length < MIN_WRAPPED_LINE_CHARS || !next) return false;
  if (newlines > 1 && !pageBreak && prev.length < MIN_PARAGRAPH_LINE_CHARS) return false;
  if (SENTENCE_END.has(prev[prev.length - 1])) return false;
  if (STRUCTURAL_LINE.test(prev) || STRUCTURAL_LINE.test(next)) return false;
  const first = next.codePointAt(0)!;
  return (first >= 0x3400 && first <= 0x9fff) || /^[a-z(（“"0-9]/.test(next);
}

export function normalise(orig: string): NormalisedText {
  let cap = orig.length + 64;
  let codes = new Uint16Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let n = 0;
  const push = (code: number, s: number, e: number) => {
    if (n === cap) {
      cap *= 2;
      const c2 = new Uint16Array(cap);
      c2.set(codes);
      codes = c2;
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
    }
    codes[n] = code;
    starts[n] = s;
    ends[n] = e;
    n++;
  };

  const len = orig.length;
  let i = 0;
  while (i < len) {
    const c = orig.charCodeAt(i);
    if (isWhitespace(c)) {
      const ws = i;
      let newlines = 0;
      let pageBreak = false;
      while (i < len && isWhitespace(orig.charCodeAt(i))) {
        if (orig.charCodeAt(i) === 10) newlines++;
        else if (orig.charCodeAt(i) === FORM_FEED) pageBreak = true;
        i++;
      }
      if (n === 0 || i >= len) continue;
      const prev = codes[n - 1];
      const next = orig.charCodeAt(i);
      if (newlines > 0) {
        const lineStart = orig.lastIndexOf("\n", ws - 1) + 1;
        let lineEnd = orig.indexOf("\n", i);
        if (lineEnd < 0) lineEnd = len;
        if (!isWrappedBreak(orig.slice(lineStart, ws), orig.slice(i, lineEnd), newlines, pageBreak)) {
          if (prev !== 10) push(10, ws, i);
          continue;
        }
      }
      // A space goes between CJK text and a letter or digit (`X 平台`, `2026 年`); it stays next to punctuation.
      const drop = (isWide(prev) && (isWide(next) || alnum(next))) || (isWide(next) && alnum(prev));
      if (prev !== 10 && !drop) push(32, ws, i);
      continue;
    }
    if (c < 0x80) {
      // Markdown bold markers and escapes carry no text.
      if (c === 42 && orig.charCodeAt(i + 1) === 42) {
        i += 2;
        continue;
      }
      if (c === 92 && i + 1 < len && /[!-/:-@[-`{-~]/.test(orig[i + 1])) {
        i++;
        continue;
      }
      push(c, i, i + 1);
      i++;
      continue;
    }
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) {
      push(c, i, i + 1);
      i++;
      continue;
    }
    const cp = orig.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (!ZERO_WIDTH.has(cp)) {
      const out = nfkc(cp);
      for (let k = 0; k < out.length; k++) push(out.charCodeAt(k), i, i + width);
    }
    i += width;
  }
  while (n > 0 && (codes[n - 1] === 10 || codes[n - 1] === 32)) n--;
  const text = new TextDecoder("utf-16le").decode(codes.subarray(0, n));
  return { text, origStart: starts.slice(0, n), origEnd: ends.slice(0, n) };
}

/** The original range of a normalised range [start, end). */
export function originalRange(norm: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: norm.origStart[start] ?? 0, end: norm.origStart[start] ?? 0 };
  return { start: norm.origStart[start], end: norm.origEnd[end - 1] };
}

/**
 * Splits an item's text lines into sentences by normalised offsets: at `。！？!?`, at an English full stop followed
 * by a capital (not after an abbreviation), and at line ends. A sentence longer than MAX_SENTENCE_CHARS is cut at
 * clause marks so that matching cost and quote length stay bounded on text without punctuation.
 */
import type { Item, Sentence } from "./types.js";

export const MAX_SENTENCE_CHARS = 600;

const TERMINATOR = /[。！？!?]+[”’"」』)）]*|\.(?=\s+[A-Z“"(])/g;
const ABBREVIATION =
  /(?:\b(?:Inc|Ltd|Co|Corp|Mr|Mrs|Ms|Dr|Prof|No|Art|St|vs|v|e\.g|i\.e|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])$/;
const CLAUSE_MARK = /[，,；;：:、]/g;

function pushBounded(out: Sentence[], text: string, item: number, start: number, end: number, heading: boolean): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end - start < 2) return;
  while (end - start > MAX_SENTENCE_CHARS) {
    const window = text.slice(start, start + MAX_SENTENCE_CHARS);
    let cut = -1;
    CLAUSE_MARK.lastIndex = 0;
    for (let m = CLAUSE_MARK.exec(window); m; m = CLAUSE_MARK.exec(window))
      if (m.index > MAX_SENTENCE_CHARS / 3) cut = m.index + 1;
    if (cut < 0) cut = MAX_SENTENCE_CHARS;
    out.push({ item, start, end: start + cut, text: text.slice(start, start + cut), heading });
    start += cut;
  }
  out.push({ item, start, end, text: text.slice(start, end), heading });
}

export function splitSentences(text: string, item: Item): Sentence[] {
  const out: Sentence[] = [];
  for (const [i, [s, e]] of item.content.entries()) {
    const heading = i === 0 && s === item.headingStart && item.headingEnd > item.headingStart;
    const line = text.slice(s, e);
    let from = 0;
    TERMINATOR.lastIndex = 0;
    for (let m = TERMINATOR.exec(line); m; m = TERMINATOR.exec(line)) {
      if (m[0] === "." && ABBREVIATION.test(line.slice(Math.max(0, m.index - 6), m.index))) continue;
      const end = m.index + m[0].length;
      pushBounded(out, text, item.index, s + from, s + end, heading);
      from = end;
    }
    pushBounded(out, text, item.index, s + from, e, heading);
  }
  return out;
}

/**
 * The evidence quote of a candidate relationship: its sentence, cut from the ORIGINAL text by offsets so that it is
 * verbatim (the loader compares quotes with the document whitespace aside). A sentence longer than the model's
 * 300-character limit is narrowed to the clauses around the subject, cue and object; only if those alone are too
 * long is it cut inside a clause. Whitespace is tidied (wrapped lines joined), nothing else is changed.
 */
import { MAX_QUOTE_CHARS } from "../model/index.js";
import type { NormalisedText, Sentence } from "./types.js";

const CLAUSE_END = /[,，;；:：]/g;

export interface Evidence {
  quote: string;
  /** Offsets of the quote in the original text. */
  start: number;
  end: number;
}

/** Whitespace tidied: a line break between CJK characters disappears, any other run becomes one space. */
export function tidyWhitespace(s: string): string {
  return s
    .replace(/(?<=[\u2e80-\uffff])\s*\n\s*(?=[\u2e80-\uffff])/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function quoteOf(orig: string, norm: NormalisedText, start: number, end: number): Evidence {
  const s = norm.origStart[start];
  const e = norm.origEnd[end - 1];
  return { quote: tidyWhitespace(orig.slice(s, e)), start: s, end: e };
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  const slice = text.slice(start, end);
  const lead = slice.length - slice.replace(/^[\s,，、;；:：)）\]】]+/, "").length;
  const tail = slice.length - slice.replace(/[\s,，、;；:：(（[【]+$/, "").length;
  return [start + lead, Math.max(start + lead + 1, end - tail)];
}

/**
 * The quote for a relationship found in `sentence`, covering the normalised span [spanStart, spanEnd) (subject,
 * cue, object). `orig` is the document's original text and `norm` its normalisation.
 */
export function evidenceFor(
  orig: string,
  norm: NormalisedText,
  sentence: Sentence,
  spanStart: number,
  spanEnd: number,
): Evidence {
  const [s0, e0] = trimSpan(norm.text, sentence.start, sentence.end);
  const whole = quoteOf(orig, norm, s0, e0);
  if (whole.quote.length <= MAX_QUOTE_CHARS) return whole;

  // Clause boundaries inside the sentence, as normalised offsets.
  const bounds = [s0];
  CLAUSE_END.lastIndex = 0;
  for (const m of sentence.text.matchAll(CLAUSE_END)) {
    const at = sentence.start + m.index! + 1;
    if (at > s0 && at < e0) bounds.push(at);
  }
  bounds.push(e0);
  let a = [...bounds].reverse().find((b) => b <= Math.max(spanStart, s0)) ?? s0;
  let b = bounds.find((x) => x >= Math.min(spanEnd, e0)) ?? e0;
  let best = quoteOf(orig, norm, ...trimSpan(norm.text, a, b));
  if (best.quote.length > MAX_QUOTE_CHARS) {
    // The key span alone is too long: keep its start, cut at the limit (still a verbatim substring).
    const [ks, ke] = trimSpan(norm.text, Math.max(spanStart, s0), Math.min(spanEnd, e0));
    let end = ke;
    let q = quoteOf(orig, norm, ks, end);
    while (q.quote.length > MAX_QUOTE_CHARS && end > ks + 1) {
      end = ks + Math.floor(((end - ks) * MAX_QUOTE_CHARS) / q.quote.length) - 1;
      q = quoteOf(orig, norm, ks, end);
    }
    return q;
  }
  // Widen clause by clause (the following clause first: it usually says why) while the limit allows.
  for (;;) {
    const bi = bounds.indexOf(b);
    const ai = bounds.indexOf(a);
    let grown = false;
    if (bi >= 0 && bi + 1 < bounds.length) {
      const q = quoteOf(orig, norm, ...trimSpan(norm.text, a, bounds[bi + 1]));
      if (q.quote.length <= MAX_QUOTE_CHARS) {
        b = bounds[bi + 1];
        best = q;
        grown = true;
      }
    }
    if (ai > 0) {
      const q = quoteOf(orig, norm, ...trimSpan(norm.text, bounds[ai - 1], b));
      if (q.quote.length <= MAX_QUOTE_CHARS) {
        a = bounds[ai - 1];
        best = q;
        grown = true;
      }
    }
    if (!grown) return best;
  }
}

/**
 * The first stage: normalise the text (with the simplified characters of the NLP stage for Chinese), read the
 * document's and the command line's metadata, split items and sentences.
 */
import { yearOf } from "../dates.js";
import { documentMeta, splitItems } from "../items.js";
import { midSentenceNames } from "../english-names.js";
import { normalise } from "../normalise.js";
import { splitSentences } from "../sentences.js";
import type { ReadDocument, Sentence, SourceMeta } from "../types.js";
import type { DocContext, ExtractionRun, ExtractOptions } from "./context.js";

export function readDocument(run: ExtractionRun, doc: ReadDocument, options: ExtractOptions): DocContext {
  let norm = normalise(doc.text);
  if (
    options.chinese &&
    options.chinese.simplified.length === norm.text.length &&
    options.chinese.simplified !== norm.text
  ) {
    norm = { ...norm, display: norm.text, text: options.chinese.simplified };
  }
  const docMeta = documentMeta(norm.text);
  const meta: SourceMeta = {
    ...docMeta,
    ...Object.fromEntries(Object.entries(options.meta ?? {}).filter(([, v]) => v !== undefined)),
  };
  const items = splitItems(norm.text, { ...docMeta, date: meta.date });
  const sentencesOf = new Map<number, Sentence[]>();
  for (const item of items) sentencesOf.set(item.index, splitSentences(norm.text, item));
  const indexOf = new Map<Sentence, number>();
  let order = 0;
  for (const item of items) for (const sentence of sentencesOf.get(item.index)!) indexOf.set(sentence, order++);
  return {
    run,
    doc,
    options,
    norm,
    meta,
    items,
    docYear: yearOf(meta.date),
    sentencesOf,
    mentionsOf: new Map(),
    indexOf,
    discovery: {
      known: midSentenceNames([...sentencesOf.values()].flat().map((s) => s.text)),
      shortForms: new Map(),
      hanlpTokens: options.chinese?.tokens ?? [],
      tentative: new Set(),
    },
  };
}

export function detectLang(text: string): string {
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) cjk++;
    else if ((c | 32) >= 97 && (c | 32) <= 122) latin++;
  }
  if (cjk + latin === 0) return "und";
  const share = cjk / (cjk + latin / 4);
  return share >= 0.7 ? "zh" : share <= 0.1 ? "en" : "mixed";
}

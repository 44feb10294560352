/**
 * Turns one read document into candidates, stage by stage, each stage a file sharing one context (context.ts):
 * read (normalise, items, sentences) -> mentions (link and propose entities) -> recognise (relationships per sentence
 * and per item) -> rulings (cases and what each ruling is on) -> citations -> emit (evidence quotes, sources).
 * Each candidate relationship gets its evidence quote from the original text, a confidence and the rule that fired.
 */
import type { ReadDocument } from "../types.js";
import { resolveCitations } from "./citations.js";
import type { DocumentResult, ExtractionRun, ExtractOptions } from "./context.js";
import { emitCandidates } from "./emit.js";
import { findMentions } from "./mentions.js";
import { detectLang, readDocument } from "./read.js";
import { recogniseDocument } from "./recognise.js";
import { buildCaseStage } from "./rulings.js";

export { candidatesFile } from "./candidates-file.js";
export {
  createRun,
  MATCH_THRESHOLD,
  MERGE_THRESHOLD,
  type DocumentResult,
  type ExtractionRun,
  type ExtractOptions,
} from "./context.js";

export function extractDocument(run: ExtractionRun, doc: ReadDocument, options: ExtractOptions = {}): DocumentResult {
  const ctx = readDocument(run, doc, options);
  findMentions(ctx);
  const recognised = recogniseDocument(ctx);
  const caseStage = buildCaseStage(ctx, recognised);
  const cites = resolveCitations(ctx, recognised, caseStage);
  const { relationships, sources } = emitCandidates(ctx, recognised, caseStage, cites);
  const used = new Set(relationships.flatMap((r) => [r.to, (r as { case?: string }).case]));
  run.caseDrafts.push(...caseStage.cases.filter((c) => !c.existing && used.has(c.id)));
  return {
    document: {
      document: doc.document,
      file: doc.file,
      format: doc.format,
      bytes: doc.bytes,
      chars: doc.text.length,
      lang: options.lang ?? detectLang(ctx.norm.text),
      title: ctx.meta.title,
      items: ctx.items.length,
    },
    sources,
    relationships,
    matched: recognised.matched,
    stats: { items: ctx.items.length, sentences: ctx.indexOf.size, mentions: recognised.mentionCount },
  };
}

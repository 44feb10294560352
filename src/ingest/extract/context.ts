/**
 * The state the extraction stages share: the run (across the documents of one ingest command: the ids in use and the
 * new entities proposed, so that a folder of newsletters yields each new entity once) and the document context (its
 * normalised text, items, sentences and the mentions found in them), built by `read.ts` and filled in by each stage.
 */
import type { Label } from "../../model/index.js";
import type { CaseDraft } from "../cases.js";
import type { CandidatesFile } from "../candidates.js";
import type { EntityDictionary } from "../dictionary.js";
import type { ChineseAnalysis, HanlpToken } from "../hanlp.js";
import type { Entity } from "../../model/index.js";
import type { Item, Mention, NormalisedText, ReadDocument, Sentence, SourceMeta } from "../types.js";

/** A new entity resembling an existing one at least this much is reported as a possible duplicate of it. */
export const MATCH_THRESHOLD = 0.6;
/**
 * A new name joins an existing entity only at this resemblance (resemble.ts: the same name after normalisation, or
 * the same apart from the legal form), with the same label, and with no jurisdiction named by one and not the other.
 * `Federal Trade Commission` is not the European Commission (`Commission` with a qualifier scores 0.75).
 */
export const MERGE_THRESHOLD = 0.9;

export interface Proposal {
  key: string;
  id: string;
  label: Label;
  nameZh?: string;
  nameEn?: string;
  aliases: Set<string>;
  rule: string;
  confidence: number;
  props: Record<string, unknown>;
  matchOf?: string;
  matchReason?: string;
  possibleDuplicateOf?: string;
  mentions: { document: string; start: number; end: number; text: string }[];
}

export interface ExtractionRun {
  dict: EntityDictionary;
  taken: Set<string>;
  proposals: Map<string, Proposal>;
  /** Existing graph cases by party, and models' developers, from the graph's relationships. */
  casesByParty: Map<string, Set<string>>;
  developers: Map<string, Set<string>>;
  caseDrafts: CaseDraft[];
}

export interface ExtractOptions {
  /** Metadata from the command line: wins over what the document says about itself, not over what an item says. */
  meta?: SourceMeta;
  lang?: string;
  /**
   * The NLP stage's analysis of the normalised text (hanlp.ts `tagText`): HanLP's person and organisation tags
   * become new entities, and the simplified-character text is what lexicons and graph names are matched on.
   */
  chinese?: ChineseAnalysis;
}

/** What entity discovery remembers across one document's sentences. */
export interface Discovery {
  /** Lower-cased capitalised spans written mid-sentence somewhere in the document. */
  known: Set<string>;
  /** Short forms of names proposed earlier in the document (`Ross` for `Ross Intelligence`), to the same entity. */
  shortForms: Map<string, { id: string; label: Label; isNew: boolean }>;
  hanlpTokens: HanlpToken[];
  /** Ids of the names the document found only by their slot (`对于虾皮处以…`): tentative wherever it repeats them. */
  tentative: Set<string>;
}

/** One document as the stages see it. */
export interface DocContext {
  run: ExtractionRun;
  doc: ReadDocument;
  options: ExtractOptions;
  norm: NormalisedText;
  meta: SourceMeta;
  items: Item[];
  docYear?: number;
  sentencesOf: Map<number, Sentence[]>;
  /** Filled by mentions.ts, and by references.ts per item. */
  mentionsOf: Map<Sentence, Mention[]>;
  /** A sentence's position in the document. */
  indexOf: Map<Sentence, number>;
  discovery: Discovery;
}

export interface DocumentResult {
  document: CandidatesFile["documents"][number];
  sources: Entity[];
  relationships: CandidatesFile["relationships"];
  matched: Map<string, number>;
  /** Counts for the progress output and the benchmark. */
  stats: { items: number; sentences: number; mentions: number };
}

export const relKey = (type: string, from: string, to: string) => `${type}|${from}|${to}`;

export function createRun(
  dict: EntityDictionary,
  relationships: { type: string; from: string; to: string; case?: string }[] = [],
): ExtractionRun {
  const casesByParty = new Map<string, Set<string>>();
  const developers = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => m.set(k, (m.get(k) ?? new Set()).add(v));
  for (const r of relationships) {
    if (r.type === "PARTY_TO" || r.type === "RULES_ON") add(casesByParty, r.from, r.to);
    if (r.case) {
      add(casesByParty, r.from, r.case);
      add(casesByParty, r.to, r.case);
    }
    if (r.type === "DEVELOPS") add(developers, r.to, r.from);
  }
  return { dict, taken: new Set(dict.entities.keys()), proposals: new Map(), casesByParty, developers, caseDrafts: [] };
}

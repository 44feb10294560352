/**
 * The data contract of the ingest pipeline, in one place: what a reader returns, how the normalised text maps back to
 * the original, the items and sentences a document is split into, the entity mentions found in them and the candidate
 * relationships recognised between them. The candidates file written for review is defined in candidates.ts.
 */
import type { Label, RelType } from "../model/index.js";

/** Formats the readers accept, by file extension. */
export type DocumentFormat = "txt" | "md" | "html" | "pdf" | "docx";

/** A document as read from disk: the plain text the quotes are taken from, and what the file said about itself. */
export interface ReadDocument {
  /** The file name used as `Source.document` (ASCII-safe base name). */
  document: string;
  /** The path the text was read from. */
  file: string;
  format: DocumentFormat;
  bytes: number;
  /** The extracted plain text; every quote is a substring of it (whitespace aside). */
  text: string;
}

/** Normalised text (NFKC, whitespace, reflowed line breaks) and, per normalised UTF-16 unit, its original range. */
export interface NormalisedText {
  text: string;
  /** The normalised text before Chinese characters were simplified for matching, when they were (names keep it as an alias). */
  display?: string;
  origStart: Int32Array;
  origEnd: Int32Array;
}

/** Metadata a document or one of its items states about itself, or that the user gave on the command line. */
export interface SourceMeta {
  title?: string;
  date?: string;
  publisher?: string;
  url?: string;
}

/** One news item of a newsletter: a heading and its body, with the date, publisher and link lines it carries. */
export interface Item extends SourceMeta {
  index: number;
  /** Normalised offsets of the whole item (heading included) and of its heading line. */
  start: number;
  end: number;
  headingStart: number;
  headingEnd: number;
  title: string;
  /** Normalised ranges of the lines that carry text (heading first), without metadata, link and decoration lines. */
  content: [number, number][];
}

/** One sentence (or heading) of an item, by normalised offsets. */
export interface Sentence {
  item: number;
  start: number;
  end: number;
  text: string;
  heading: boolean;
}

/** A graph entity as the linker sees it. */
export interface GraphEntity {
  id: string;
  label: Label;
  nameEn?: string;
  nameZh?: string;
  aliases: string[];
  description?: string;
  /** For a jurisdiction, the jurisdictions it is part of (Ireland: the EU), whatever the relationships given. */
  within?: string[];
}

/** What the extractor knows of the graph: its entities (for linking) and, optionally, its relationships (to mark existing ones). */
export interface GraphIndex {
  entities: GraphEntity[];
  relationships: { type: string; from: string; to: string; case?: string }[];
}

/** One mention of an entity in a sentence, by absolute normalised offsets. */
export interface Mention {
  start: number;
  end: number;
  surface: string;
  label: Label;
  /** The graph id, or the id the new entity will get. */
  id: string;
  /** True when the mention comes from a pattern (a new entity), false when linked to the graph. */
  isNew: boolean;
  /** A jurisdiction used as an adjective ("美国人工智能企业"): not a party. */
  modifier?: boolean;
  /** A name found only by the slot it fills (`对于虾皮处以…`), not by its shape: its relationships are for review. */
  tentative?: boolean;
}

/** A relationship recognised in one sentence, before de-duplication across the document. */
export interface RelationHit {
  type: RelType;
  from: string;
  to: string;
  item: number;
  sentence: Sentence;
  /** Normalised span the evidence must cover (subject, cue and object). */
  spanStart: number;
  spanEnd: number;
  rule: string;
  confidence: number;
  article?: string;
  caseKind?: string;
  /** Key shared by the hits of one cue occurrence (coordinated subjects), so they share a Case. */
  group: string;
  /** Position of the sentence in the document, for recency decisions. */
  sentenceIndex: number;
  /** The object named is a model where the type needs its developer: resolved once DEVELOPS is known. */
  viaModel?: boolean;
  /** Proposed only because the sentence has a broad word of its type and both parties (relations.ts): for review. */
  broad?: boolean;
}

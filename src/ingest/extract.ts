/**
 * Turns one read document into candidates: normalise, split into items and sentences, link and propose entities,
 * recognise relationships per sentence, then resolve what needs the whole item (carried-over subjects and objects,
 * cases, rulings, citations) and what needs the whole document (a model's developer). Each candidate relationship
 * gets its evidence quote from the original text, a confidence and the rule that fired.
 *
 * An extraction run shares its state across the documents of one ingest command: the ids in use and the new
 * entities proposed, so that a folder of newsletters yields each new entity once.
 */
import { ENDPOINTS, type Entity, type Label, type RelType } from "../model/index.js";
import { buildCases, CASE_BOUND, rulingCase, type CaseContext, type CaseDraft } from "./cases.js";
import type { CandidateEntity, CandidateRelationship, CandidatesFile } from "./candidates.js";
import { CANDIDATES_KIND, CANDIDATES_VERSION } from "./candidates.js";
import type { CaseKind } from "./cues.js";
import { firstDate, yearOf } from "./dates.js";
import type { EntityDictionary } from "./dictionary.js";
import { evidenceFor, type Evidence } from "./evidence.js";
import { newEntityId, slugify, uniqueId } from "./ids.js";
import { documentMeta, splitItems } from "./items.js";
import { linkSentence, namedJurisdictions } from "./link.js";
import { findCaseNames } from "./case-names.js";
import { commonNameHits, englishNameHits, midSentenceNames } from "./english-names.js";
import { hanlpHits, trimByTokens, type ChineseAnalysis, type HanlpToken } from "./hanlp.js";
import { findEntityPatterns, type PatternHit } from "./new-entities.js";
import { normalise } from "./normalise.js";
import { partyRoleSuits, resolveReferences } from "./references.js";
import { recogniseSentence, type CitationHit, type RulingHit } from "./relations.js";
import { findResemblance, nameKey } from "./resemble.js";
import { splitSentences } from "./sentences.js";
import type { GraphEntity, Mention, NormalisedText, ReadDocument, RelationHit, Sentence, SourceMeta } from "./types.js";
import { pushTo } from "./maps.js";

/** A new entity resembling an existing one at least this much is reported as a possible duplicate of it. */
export const MATCH_THRESHOLD = 0.6;
/**
 * A new name joins an existing entity only at this resemblance (resemble.ts: the same name after normalisation, or
 * the same apart from the legal form), with the same label, and with no jurisdiction named by one and not the other.
 * `Federal Trade Commission` is not the European Commission (`Commission` with a qualifier scores 0.75).
 */
export const MERGE_THRESHOLD = 0.9;
const CARRIED_CONFIDENCE = 0.55;
/** Confidence kept by a ruling attached to a case the text does not name. */
const UNNAMED_CASE_FACTOR = 0.85;
/** Confidence kept by an allegation reported with a lawsuit, and by a citation from an unnamed case between private parties. */
const IN_LAWSUIT_FACTOR = 0.75;
const ITEM_LAW_PENALTY = 0.1;
const PRIVATE_CASE_FACTOR = 0.8;
/** Confidence added to a ruling whose case its own sentence names (`X法院就…案作出判决`). */
const NAMED_CASE_BONUS = 0.1;
/** Confidence taken off a citation of a law tied to another jurisdiction than the case's parties. */
const FOREIGN_LAW_PENALTY = 0.3;
/** An object is carried over from a hit at most this many sentences away (the same paragraph, roughly). */
const CARRY_WINDOW = 3;
const MAX_MENTIONS_LISTED = 5;
/** An item saying no decision has been made yet. */
const PENDING = /(尚未|未|没有|暂未|仍未)[^，,。]{0,8}(判决|裁定|裁决|宣判|结果)|no (?:ruling|judgment|decision) (?:yet|has been)|has not (?:yet )?ruled/i;
const PARTY_ROLES: Record<string, [string, string]> = {
  INVESTIGATES: ["investigator", "investigated"],
  SUES: ["plaintiff", "defendant"],
  ACCUSES: ["accuser", "accused"],
  FINES: ["authority", "respondent"],
};

interface Proposal {
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
interface Discovery {
  /** Lower-cased capitalised spans written mid-sentence somewhere in the document. */
  known: Set<string>;
  /** Short forms of names proposed earlier in the document (`Ross` for `Ross Intelligence`), to the same entity. */
  shortForms: Map<string, { id: string; label: Label; isNew: boolean }>;
  hanlpTokens: HanlpToken[];
}
const SHORT_FORM_MIN_CHARS = 4;
/** What is left of a name after trimming may be a body's kind alone (`法院`): no name. */
const GENERIC_BODY = /^(?:法院|公司|集团|政府|委员会|局|部|厅|院|当局|监管机构)$/;

export interface DocumentResult {
  document: CandidatesFile["documents"][number];
  sources: Entity[];
  relationships: CandidateRelationship[];
  matched: Map<string, number>;
  /** Counts for the progress output and the benchmark. */
  stats: { items: number; sentences: number; mentions: number };
}

export function createRun(dict: EntityDictionary, relationships: { type: string; from: string; to: string; case?: string }[] = []): ExtractionRun {
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

function detectLang(text: string): string {
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

function propose(run: ExtractionRun, hit: PatternHit, document: string, orig: { start: number; end: number; text: string }): Proposal {
  const primary = hit.nameZh ?? hit.nameEn!;
  const key = `${hit.label}|${nameKey(primary)}`;
  let p = run.proposals.get(key);
  if (!p) {
    const resemblance = findResemblance(run.dict, hit.label, [primary, ...(hit.nameZh && hit.nameEn ? [hit.nameEn] : []), ...hit.aliases]);
    p = {
      key,
      id: newEntityId(hit.label, hit, run.taken),
      label: hit.label,
      nameZh: hit.nameZh,
      nameEn: hit.nameEn,
      aliases: new Set(hit.aliases),
      rule: hit.rule,
      confidence: hit.confidence,
      props: hit.props,
      mentions: [],
    };
    if (resemblance && resemblance.score >= MATCH_THRESHOLD) {
      const existing = run.dict.entities.get(resemblance.id);
      const joins = resemblance.score >= MERGE_THRESHOLD && existing?.label === hit.label && jurisdictionsAgree(run.dict, existing, [primary, hit.nameEn ?? "", ...hit.aliases]);
      if (joins) {
        p.matchOf = resemblance.id;
        p.matchReason = resemblance.reason;
        p.confidence = resemblance.score;
      } else {
        p.possibleDuplicateOf = resemblance.id;
        p.matchReason = `possible duplicate of ${resemblance.id}: ${resemblance.reason}`;
      }
    }
    run.proposals.set(key, p);
  } else {
    p.nameEn ??= hit.nameEn;
    for (const a of hit.aliases) p.aliases.add(a);
  }
  if (p.mentions.length < MAX_MENTIONS_LISTED) p.mentions.push({ document, ...orig });
  // The name as the document writes it (traditional characters) is kept beside the simplified one.
  if (/[\u3400-\u9fff]/.test(orig.text) && orig.text !== p.nameZh && orig.text.length <= 60) p.aliases.add(orig.text);
  return p;
}

/** The jurisdictions an existing entity's names mention, against those the new names mention: none may differ. */
function jurisdictionsAgree(dict: EntityDictionary, existing: GraphEntity, names: string[]): boolean {
  const theirs = namedJurisdictions(dict, existing);
  const ours = namedJurisdictions(dict, { id: "", label: existing.label, nameZh: names.join(" | "), aliases: [] });
  return [...ours].every((j) => theirs.has(j)) && (ours.size === 0 || [...theirs].every((j) => ours.has(j)));
}

/** Linked mentions and pattern proposals of one sentence; a longer pattern hit wins over linked names inside it. */
function sentenceMentions(run: ExtractionRun, doc: ReadDocument, norm: NormalisedText, sentence: Sentence, context: string, discovery: Discovery): Mention[] {
  let mentions = linkSentence(run.dict, sentence.text, sentence.start, context);
  const orig = (s: number, e: number) => ({ start: norm.origStart[s], end: norm.origEnd[e - 1], text: (norm.display ?? norm.text).slice(s, e) });
  const cases = findCaseNames(sentence.text);
  // A caption's parties are bounded by the caption: they win over names found across its edges.
  for (const party of cases.flatMap((c) => c.parties ?? [])) {
    const s = sentence.start + party.start;
    const e = sentence.start + party.end;
    if (mentions.some((m) => m.start <= s && m.end >= e)) continue;
    const zh = /[\u3400-\u9fff]/.test(party.name);
    const hit: PatternHit = { start: party.start, end: party.end, label: party.label, ...(zh ? { nameZh: party.name } : { nameEn: party.name }), aliases: [], rule: `caption-${party.role}`, confidence: 0.7, props: {} };
    const p = propose(run, hit, doc.document, orig(s, e));
    mentions = mentions.filter((m) => !(m.start < e && s < m.end));
    mentions.push({ start: s, end: e, surface: norm.text.slice(s, e), label: p.label, id: p.matchOf ?? p.id, isNew: !p.matchOf });
  }
  for (const hit of findEntityPatterns(sentence.text)) {
    let s = sentence.start + hit.start;
    const e = sentence.start + hit.end;
    if (hit.nameZh && discovery.hanlpTokens.length && hit.label !== "Law") {
      const trimmed = trimByTokens(discovery.hanlpTokens, norm.text, s, e);
      if (trimmed === undefined || e - trimmed < 2 || GENERIC_BODY.test(norm.text.slice(trimmed, e))) continue;
      if (trimmed > s) {
        hit.nameZh = norm.text.slice(trimmed, e);
        hit.start += trimmed - s;
        s = trimmed;
      }
    }
    if (mentions.some((m) => m.start <= s && m.end >= e)) continue;
    const inside = mentions.filter((m) => m.start >= s && m.end <= e);
    if (mentions.some((m) => m.start < e && s < m.end && !inside.includes(m))) continue;
    if (hit.label === "Model" && inside[0] && inside[0].start === s && inside[0].label !== "Model" && norm.text[inside[0].end] === " ") {
      // "Anthropic Claude Opus 4.6": the company is not part of the model's name.
      s = inside[0].end;
      while (s < e && norm.text[s] === " ") s++;
      const name = norm.text.slice(s, e);
      if (!/\d/.test(name) || name.length < 2) continue;
      hit.nameEn = name;
      inside.shift();
    }
    const p = propose(run, hit, doc.document, { start: norm.origStart[s], end: norm.origEnd[e - 1], text: (norm.display ?? norm.text).slice(s, e) });
    mentions = mentions.filter((m) => !inside.includes(m));
    const id = p.matchOf ?? p.id;
    mentions.push({ start: s, end: e, surface: norm.text.slice(s, e), label: p.label, id, isNew: !p.matchOf });
  }
  const discovered = discoveredMentions(run, doc, norm, sentence, mentions, discovery);
  // A discovered name may have replaced shorter names inside it.
  mentions = [...mentions.filter((m) => !discovered.some((d) => d.start <= m.start && d.end >= m.end)), ...discovered];
  // A named case overlaps the names inside it (its parties): both are kept, the case for rulings and citations.
  for (const c of cases) {
    const s = sentence.start + c.start;
    const e = sentence.start + c.end;
    const zh = /[\u3400-\u9fff]/.test(c.name);
    const hit: PatternHit = { start: c.start, end: c.end, label: "Case", ...(zh ? { nameZh: c.name } : { nameEn: c.name }), aliases: [], rule: c.parties ? "case-caption" : "case-name", confidence: 0.7, props: { caseKind: c.parties ? "lawsuit" : "ruling" } };
    const p = propose(run, hit, doc.document, orig(s, e));
    mentions.push({ start: s, end: e, surface: norm.text.slice(s, e), label: "Case", id: p.matchOf ?? p.id, isNew: !p.matchOf });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** Rules of discovered hits typed by their head word: such a name wins over shorter names found inside it. */
const HEADED_RULE = /^en-chunk:(?:court|authority|law|organisation|company-tail)$|^hanlp-nt/;
const PARENTHETICAL_ALIAS = /^\s*\(\s*[“"]?([A-Z][A-Za-z]*(?:\s[A-Z][A-Za-z]*){0,2})[”"]?\s*\)/;
const CORP_TAIL_EN = /\s+(?:Inc\.?|Ltd\.?|LLC|Corp\.?|Corporation|Limited|GmbH|PLC|plc)$/;

/** Remembers the short forms of a name proposed or linked in the document: its first word, a person's surname, its name without a legal form. */
function remember(discovery: Discovery, forms: string[], target: { id: string; label: Label; isNew: boolean }, override = false): void {
  for (const f of forms) {
    const form = f.trim();
    const longEnough = form.length >= SHORT_FORM_MIN_CHARS || /^[A-Z]{2,}$/.test(form) || (/^[\u3400-\u9fff]{2,}$/.test(form) && form.length >= 2);
    if (!longEnough || (discovery.shortForms.has(form) && !override)) continue;
    discovery.shortForms.set(form, target);
  }
}

/** `Ross` for `Ross Intelligence Inc.`, `Wolfsen` for `Aleid Wolfsen`, `高通` for `高通公司`: a company's first word, a person's surname. */
function shortFormsOf(name: string, label: Label): string[] {
  if (/[\u3400-\u9fff]/.test(name)) {
    const stem = name.replace(/(?:股份有限公司|有限责任公司|有限公司|公司|集团)$/, "");
    return label === "Company" && stem !== name && stem.length >= 2 ? [name, stem] : label !== "Case" ? [name] : [];
  }
  const bare = name.replace(CORP_TAIL_EN, "").trim();
  const words = bare.split(" ");
  if (words.length < 2) return bare !== name ? [bare] : [];
  const short = label === "Person" ? words[words.length - 1] : label === "Company" || label === "Organization" ? words[0] : undefined;
  return [bare, ...(short ? [short] : [])].filter((w) => !/^(?:The|National|Federal|European|American|Chinese|Data|General|International|Global|New|United|Royal)$/.test(w));
}

/**
 * Names no pattern knows, from the NLP stage (english-names.ts, hanlp.ts): where nothing was found already, or
 * around shorter names when the new one is typed by its head word (`Securities and Exchange Commission` over
 * `Commission`); then the short forms of names met earlier in the document (`Ross`, `SEC`, `Wolfsen`).
 */
function discoveredMentions(run: ExtractionRun, doc: ReadDocument, norm: NormalisedText, sentence: Sentence, found: Mention[], discovery: Discovery): Mention[] {
  const hits: PatternHit[] = commonNameHits(sentence.text);
  const covered = (s: number, e: number) => found.some((m) => m.start <= sentence.start + s && m.end >= sentence.start + e);
  if (/[A-Z]/.test(sentence.text)) hits.push(...englishNameHits(sentence.text, discovery.known, sentence.heading, covered));
  if (discovery.hanlpTokens.length) {
    const inSentence = discovery.hanlpTokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
    hits.push(...hanlpHits(inSentence, sentence.text, sentence.start));
  }
  let all = [...found];
  for (const hit of hits) {
    const s = sentence.start + hit.start;
    const e = sentence.start + hit.end;
    const overlapping = all.filter((m) => m.start < e && s < m.end);
    if (overlapping.some((m) => m.start <= s && m.end >= e)) continue;
    // `美国总统特朗普`: a Chinese name written against a graph entity is its apposition, not another party.
    if (hit.nameZh && all.some((m) => !m.isNew && (m.end === s || m.start === e))) continue;
    const strictlyInside = overlapping.every((m) => m.start >= s && m.end <= e);
    if (overlapping.length && !(strictlyInside && HEADED_RULE.test(hit.rule))) continue;
    const surface = norm.text.slice(s, e);
    const short = discovery.shortForms.get(surface);
    if (short) {
      all.push({ start: s, end: e, surface, label: short.label, id: short.id, isNew: short.isNew });
      continue;
    }
    const p = propose(run, hit, doc.document, { start: norm.origStart[s], end: norm.origEnd[e - 1], text: (norm.display ?? norm.text).slice(s, e) });
    const id = p.matchOf ?? p.id;
    all = all.filter((m) => !overlapping.includes(m));
    all.push({ start: s, end: e, surface, label: p.label, id, isNew: !p.matchOf });
    remember(discovery, [...hit.aliases, ...shortFormsOf(hit.nameEn ?? "", p.label)], { id, label: p.label, isNew: !p.matchOf });
  }
  // `Federal Communications Commission (FCC)`: the parenthesis introduces a short form of the name before it.
  for (const m of all) {
    const alias = sentence.text.slice(m.end - sentence.start).match(PARENTHETICAL_ALIAS);
    if (alias && alias[1] !== m.surface) remember(discovery, [alias[1]], { id: m.id, label: m.label, isNew: m.isNew }, true);
    if (m.isNew && m.label !== "Case") remember(discovery, shortFormsOf(m.surface, m.label), { id: m.id, label: m.label, isNew: m.isNew });
  }
  all.push(...shortFormMentions(sentence, all, discovery));
  return all.filter((m) => !found.includes(m));
}

/** Compiled patterns of short forms, shared across documents (a form is matched the same way everywhere). */
const FORM_PATTERNS = new Map<string, RegExp>();

/** Mentions of the short forms remembered so far, where the sentence has no other mention. */
function shortFormMentions(sentence: Sentence, found: Mention[], discovery: Discovery): Mention[] {
  const out: Mention[] = [];
  for (const [form, target] of discovery.shortForms) {
    if (!sentence.text.includes(form)) continue;
    let re = FORM_PATTERNS.get(form);
    if (!re) {
      re = new RegExp(`(?<![A-Za-z0-9])${form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9])`, "g");
      FORM_PATTERNS.set(form, re);
    }
    for (const m of sentence.text.matchAll(re)) {
      const s = sentence.start + m.index!;
      const e = s + form.length;
      if ([...found, ...out].some((x) => x.start < e && s < x.end)) continue;
      out.push({ start: s, end: e, surface: form, label: target.label, id: target.id, isNew: target.isNew });
    }
  }
  return out;
}

const key = (type: string, from: string, to: string) => `${type}|${from}|${to}`;

function better(a: RelationHit, b: RelationHit): boolean {
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return !a.sentence.heading && b.sentence.heading;
}

/** Carried-over roles: an object named by the item's other hits of the same type, an issuer named by its heading. */
function carryOver(itemHits: RelationHit[], sentences: Sentence[], mentionsOf: Map<Sentence, Mention[]>): RelationHit[] {
  const out: RelationHit[] = [];
  // Complete hits by type, in sentence order, to find the nearby ones without scanning the whole item each time.
  const completeByType = new Map<string, RelationHit[]>();
  for (const h of itemHits) if (h.from && h.to && !h.viaModel) pushTo(completeByType, h.type, h);
  for (const h of itemHits) {
    if (h.from && h.to) {
      out.push(h);
      continue;
    }
    if (!h.to && h.from) {
      const near: RelationHit[] = [];
      for (const c of completeByType.get(h.type) ?? []) {
        if (c.sentenceIndex > h.sentenceIndex + CARRY_WINDOW) break;
        if (c.sentenceIndex >= h.sentenceIndex - CARRY_WINDOW && c.from !== h.from) near.push(c);
        if (near.length > 1 && new Set(near.map((x) => x.to)).size > 1) break;
      }
      const objects = new Set(near.map((c) => c.to));
      if (objects.size === 1) {
        const to = [...objects][0];
        if (to !== h.from) out.push({ ...h, to, confidence: Math.min(h.confidence, CARRIED_CONFIDENCE), rule: h.rule.replace(/:[^:]+$/, ":carried-object") });
      }
      continue;
    }
    if (!h.from && h.to && h.type === "ISSUES") {
      const lead = itemLead(sentences, mentionsOf);
      if (lead && lead !== h.to) out.push({ ...h, from: lead, confidence: CARRIED_CONFIDENCE });
    }
  }
  return out;
}

/** The issuer an item is about: the first authority or organisation its heading (else its first sentence) names. */
function itemLead(sentences: Sentence[], mentionsOf: Map<Sentence, Mention[]>): string | undefined {
  const allowed = ENDPOINTS.ISSUES.from as readonly string[];
  for (const s of sentences.slice(0, 2)) {
    const m = (mentionsOf.get(s) ?? []).find((x) => allowed.includes(x.label) && x.label !== "Person");
    if (m) return m.id;
  }
  return undefined;
}

export function extractDocument(run: ExtractionRun, doc: ReadDocument, options: ExtractOptions = {}): DocumentResult {
  let norm = normalise(doc.text);
  if (options.chinese && options.chinese.simplified.length === norm.text.length && options.chinese.simplified !== norm.text) {
    norm = { ...norm, display: norm.text, text: options.chinese.simplified };
  }
  const docMeta = documentMeta(norm.text);
  const meta: SourceMeta = { ...docMeta, ...Object.fromEntries(Object.entries(options.meta ?? {}).filter(([, v]) => v !== undefined)) };
  const items = splitItems(norm.text, { ...docMeta, date: meta.date });
  const docYear = yearOf(meta.date);
  const matched = new Map<string, number>();
  const mentionsOf = new Map<Sentence, Mention[]>();
  const sentencesOf = new Map<number, Sentence[]>();
  let relations: RelationHit[] = [];
  const rulings: RulingHit[] = [];
  const citations: CitationHit[] = [];
  let sentenceIndex = 0;
  let mentionCount = 0;
  const indexOf = new Map<Sentence, number>();

  for (const item of items) sentencesOf.set(item.index, splitSentences(norm.text, item));
  const discovery: Discovery = {
    known: midSentenceNames([...sentencesOf.values()].flat().map((s) => s.text)),
    shortForms: new Map(),
    hanlpTokens: options.chinese?.tokens ?? [],
  };
  for (const item of items) {
    const context = norm.text.slice(item.start, item.end);
    for (const sentence of sentencesOf.get(item.index)!) mentionsOf.set(sentence, sentenceMentions(run, doc, norm, sentence, context, discovery));
  }
  // Short forms introduced later in the document (`(SEC)` after a heading that says `SEC`) count everywhere in it.
  for (const [sentence, mentions] of mentionsOf) {
    const more = shortFormMentions(sentence, mentions, discovery);
    if (more.length) mentionsOf.set(sentence, [...mentions, ...more].sort((a, b) => a.start - b.start));
  }
  let order = 0;
  for (const item of items) for (const sentence of sentencesOf.get(item.index)!) indexOf.set(sentence, order++);
  for (const item of items) {
    const sentences = sentencesOf.get(item.index)!;
    const roles = resolveReferences(sentences, mentionsOf, indexOf);
    const itemHits: RelationHit[] = partyRoleSuits(roles, item.index);
    for (const sentence of sentences) {
      const mentions = mentionsOf.get(sentence)!;
      mentionCount += mentions.length;
      for (const m of mentions) if (!m.isNew) matched.set(m.id, (matched.get(m.id) ?? 0) + 1);
      const hits = recogniseSentence(sentence, sentenceIndex++, mentions);
      itemHits.push(...hits.relations);
      rulings.push(...hits.rulings);
      citations.push(...hits.citations);
    }
    relations.push(...carryOver(itemHits, sentences, mentionsOf));
  }

  // A party type aimed at a model means its developer ("谴责了 Seedance 2.0" accuses ByteDance).
  const developers = new Map<string, Set<string>>(run.developers);
  for (const h of relations) if (h.type === "DEVELOPS") developers.set(h.to, (developers.get(h.to) ?? new Set()).add(h.from));
  relations = relations.flatMap((h) => {
    if (!h.viaModel) return [h];
    const devs = [...(developers.get(h.to) ?? [])];
    if (devs.length !== 1 || devs[0] === h.from) return [];
    return [{ ...h, to: devs[0], viaModel: undefined, rule: `${h.rule}:via-model` }];
  });

  // An allegation in a sentence that reports a lawsuit is the lawsuit's (the gold rule: not also ACCUSES).
  const suedIn = new Set(relations.filter((h) => h.type === "SUES").map((h) => h.sentence));
  relations = relations.map((h) => (h.type === "ACCUSES" && suedIn.has(h.sentence) ? { ...h, confidence: h.confidence * IN_LAWSUIT_FACTOR, rule: `${h.rule}:in-lawsuit` } : h));

  // One candidate per (type, from, to): the best evidence wins.
  const best = new Map<string, RelationHit>();
  for (const h of relations) {
    if (!h.from || !h.to || h.from === h.to) continue;
    const k = key(h.type, h.from, h.to);
    const prior = best.get(k);
    if (!prior || better(h, prior)) best.set(k, h);
  }
  const finals = [...best.values()];

  const itemOf = (i: number) => items[i];
  const dateOf = (h: { item: number; sentenceIndex: number; sentence?: Sentence }) => {
    const itemDate = itemOf(h.item)?.date;
    const sentenceDate = h.sentence ? firstDate(h.sentence.text, yearOf(itemDate) ?? docYear, true) : undefined;
    return sentenceDate ?? itemDate;
  };
  const proposalById = new Map([...run.proposals.values()].map((p) => [p.id, p]));
  const entityNames = (id: string) => {
    const e = run.dict.entities.get(id) ?? proposalById.get(id);
    return { zh: e?.nameZh, en: e?.nameEn };
  };
  const caseCtx: CaseContext = {
    names: entityNames,
    taken: run.taken,
    casesByParty: run.casesByParty,
    dateOf: (h) => dateOf(h as RelationHit),
    itemTitle: (i) => itemOf(i)?.title ?? "",
  };
  const partyHits = finals.filter((h) => CASE_BOUND.has(h.type));
  const { cases, caseOf } = buildCases(partyHits, caseCtx);
  const casesByItem = new Map<number, CaseDraft[]>();
  const addCase = (c: CaseDraft) => pushTo(casesByItem, c.item, c);
  cases.forEach(addCase);

  // Rulings: the item's case the ruler or the sentence's parties belong to, the item's only or latest case, or a
  // case of their own.
  // A court's ruling gets a case of its own only when the item is about it (its heading names the court).
  const headingNames = (item: number, id: string) => (sentencesOf.get(item) ?? []).some((s) => s.heading && (mentionsOf.get(s) ?? []).some((m) => m.id === id));
  // Cases the text names (case-names.ts): rulings and citations attach to them first; they exist as proposals already.
  const namedCases = new Map<string, CaseDraft>();
  for (const [sentence, mentions] of mentionsOf) {
    for (const m of mentions.filter((x) => x.label === "Case")) {
      const draft =
        namedCases.get(m.id) ??
        ({ id: m.id, existing: true, item: sentence.item, kind: "lawsuit", from: [], to: [], participants: new Set(), sentenceIndices: new Set(), nameZh: m.surface, confidence: 0.7, rule: "case-name" } satisfies CaseDraft);
      if (!namedCases.has(m.id)) {
        namedCases.set(m.id, draft);
        addCase(draft);
      }
      draft.sentenceIndices.add(indexOf.get(sentence) ?? 0);
      for (const other of mentions) if (other.id !== m.id && other.label !== "Jurisdiction" && other.label !== "Law") draft.participants.add(other.id);
    }
  }
  const rulesOn: { ruling: RulingHit; draft: CaseDraft }[] = [];
  for (const r of rulings) {
    // "尚未有法院最终判决结果": the court it was filed with has not ruled.
    if (r.rule.startsWith("zh-filed-with-court") && PENDING.test(norm.text.slice(items[r.item].start, items[r.item].end))) continue;
    const itemCases = casesByItem.get(r.item) ?? [];
    const recent = itemCases.filter((c) => Math.min(...c.sentenceIndices) <= r.sentenceIndex);
    const named = itemCases.filter((c) => namedCases.has(c.id));
    const draft =
      named.find((c) => r.mentioned.includes(c.id)) ??
      (named.length === 1 ? named[0] : undefined) ??
      itemCases.find((c) => c.participants.has(r.from)) ??
      itemCases.find((c) => r.mentioned.some((id) => c.participants.has(id)) && c.sentenceIndices.has(r.sentenceIndex)) ??
      (itemCases.length === 1 ? itemCases[0] : undefined) ??
      recent.sort((a, b) => Math.max(...b.sentenceIndices) - Math.max(...a.sentenceIndices))[0];
    if (draft) {
      draft.participants.add(r.from);
      draft.sentenceIndices.add(r.sentenceIndex);
      rulesOn.push({ ruling: r, draft });
    } else if (!r.rule.startsWith("zh-filed-with-court") && (r.caseKind !== "ruling" || headingNames(r.item, r.from))) {
      // A ruler with exactly one case in the graph rules on that one; otherwise the decision is a new case.
      const known = [...(run.casesByParty.get(r.from) ?? [])];
      const created: CaseDraft =
        known.length === 1
          ? { ...rulingCase(r.item, r.from, r.caseKind as CaseKind, r.sentenceIndex, dateOf(r), { ...caseCtx, taken: new Set(run.taken) }), id: known[0], existing: true }
          : rulingCase(r.item, r.from, r.caseKind as CaseKind, r.sentenceIndex, dateOf(r), caseCtx);
      cases.push(created);
      addCase(created);
      rulesOn.push({ ruling: r, draft: created });
    }
  }

  // Citations: from the law named before the cue, the case whose parties the sentence names, the item's law, or
  // the cases of the latest sentence that had any.
  const itemLaw = new Map<number, string>();
  for (const h of finals) if ((h.type === "ISSUES" || h.type === "SIGNS") && !itemLaw.has(h.item)) itemLaw.set(h.item, h.to);
  for (const item of items) {
    if (itemLaw.has(item.index)) continue;
    const heading = (sentencesOf.get(item.index) ?? []).find((s) => s.heading);
    const law = heading ? (mentionsOf.get(heading) ?? []).find((m) => m.label === "Law") : undefined;
    if (law) itemLaw.set(item.index, law.id);
  }
  interface Cite {
    type: RelType;
    from: string;
    to: string;
    article?: string;
    hit: CitationHit;
    confidence: number;
    rule: string;
  }
  const cites: Cite[] = [];
  for (const c of citations) {
    const allItemCases = casesByItem.get(c.item) ?? [];
    let fromIds: string[] = [];
    let confidence = c.confidence;
    let via = "";
    const named = allItemCases.filter((x) => c.mentioned.some((id) => x.participants.has(id)));
    if (c.lawBefore) {
      fromIds = [c.lawBefore];
      via = "law-in-sentence";
    } else if (named.length && !c.refersToItemLaw) {
      const latest = Math.max(...named.map((x) => Math.max(...[...x.sentenceIndices].filter((i) => i <= c.sentenceIndex), -1)));
      fromIds = named.filter((x) => Math.max(...[...x.sentenceIndices].filter((i) => i <= c.sentenceIndex), -1) === latest).map((x) => x.id);
      via = "case-named";
    } else if (itemLaw.has(c.item)) {
      fromIds = [itemLaw.get(c.item)!];
      via = "item-law";
      // The citing instrument is inferred from the item, not named in the sentence.
      confidence -= ITEM_LAW_PENALTY;
    } else if (allItemCases.length) {
      const before = allItemCases.filter((x) => [...x.sentenceIndices].some((i) => i <= c.sentenceIndex));
      const latest = Math.max(...before.map((x) => Math.max(...[...x.sentenceIndices].filter((i) => i <= c.sentenceIndex))), -1);
      fromIds = before.filter((x) => [...x.sentenceIndices].includes(latest)).map((x) => x.id);
      via = "item-case";
      confidence -= fromIds.length > 1 ? 0.25 : 0.15;
    }
    for (const from of fromIds) {
      // A case the text does not name, between private parties only, has nobody who cites: the parties' claims
      // are not the law's application (kept for review, under the threshold).
      const draftOf = allItemCases.find((x) => x.id === from);
      const privateOnly =
        draftOf && !draftOf.existing && !namedCases.has(from) && ![...draftOf.participants].some((id) => ["Regulator", "Court"].includes(run.dict.entities.get(id)?.label ?? proposalById.get(id)?.label ?? ""));
      // A case of one country citing a law named after another (a Korean authority, the PRC's 个人信息保护法) is
      // more likely a same-named foreign law: kept for review, below the usual acceptance threshold.
      const caseJurisdictions = new Set(
        [...(allItemCases.find((x) => x.id === from)?.participants ?? [])].flatMap((id) => {
          const e = run.dict.entities.get(id);
          return e ? [...namedJurisdictions(run.dict, e)] : [];
        }),
      );
      for (const law of c.laws) {
        if (law.id === from) continue;
        const lawEntity = run.dict.entities.get(law.id);
        const lawJurisdictions = lawEntity ? namedJurisdictions(run.dict, lawEntity) : new Set<string>();
        const foreign = caseJurisdictions.size > 0 && lawJurisdictions.size > 0 && ![...lawJurisdictions].some((j) => caseJurisdictions.has(j));
        // Only a law implements another; a case drawn up "under" a law cites it. (Case ids start with `case:`.)
        const type: RelType = c.implements && !from.startsWith("case:") ? "IMPLEMENTS" : "CITES";
        cites.push({
          type,
          from,
          to: law.id,
          article: law.article,
          hit: c,
          confidence: Math.round((foreign ? confidence - FOREIGN_LAW_PENALTY : confidence) * (privateOnly ? PRIVATE_CASE_FACTOR : 1) * 100) / 100,
          rule: `${c.rule}:${via}${foreign ? ":other-jurisdiction" : ""}${privateOnly ? ":private-parties" : ""}`,
        });
      }
    }
  }

  // Candidate relationships with their evidence.
  const sourceOf = new Map<number, string>();
  const docSlug = slugify(doc.document.replace(/\.[a-z]+$/, "")) || "document";
  const sourceId = (item: number) => {
    let id = sourceOf.get(item);
    if (!id) {
      id = uniqueId(`source:${docSlug}-${item + 1}`, run.taken);
      sourceOf.set(item, id);
    }
    return id;
  };
  const proposalIds = new Set([...run.proposals.values()].filter((p) => !p.matchOf).map((p) => p.id));
  const newCaseIds = new Set(cases.filter((c) => !c.existing).map((c) => c.id));
  const out: CandidateRelationship[] = [];
  const evidenceCache = new Map<string, Evidence>();
  let counter = 0;
  const emit = (
    r: { type: string; from: string; to: string; case?: string; role?: string; article?: string },
    at: { item: number; sentence: Sentence; spanStart: number; spanEnd: number; sentenceIndex: number },
    rule: string,
    confidence: number,
  ) => {
    const evKey = `${at.sentence.start}:${at.spanStart}:${at.spanEnd}`;
    let ev = evidenceCache.get(evKey);
    if (!ev) {
      ev = evidenceFor(doc.text, norm, at.sentence, at.spanStart, at.spanEnd);
      evidenceCache.set(evKey, ev);
    }
    if (ev.quote.length < 4) return;
    const date = dateOf(at);
    const item = itemOf(at.item);
    const dependsOn = [r.from, r.to, r.case].filter((x): x is string => Boolean(x && (proposalIds.has(x) || newCaseIds.has(x))));
    out.push({
      type: r.type,
      from: r.from,
      to: r.to,
      ...(r.case ? { case: r.case } : {}),
      ...(r.role ? { role: r.role } : {}),
      ...(r.article ? { article: r.article } : {}),
      ...(date ? { date } : {}),
      basis: "reported",
      sources: [sourceId(at.item)],
      quote: ev.quote,
      candidate: {
        id: `${docSlug}#${++counter}`,
        rule,
        confidence: Math.max(0, Math.min(1, Math.round(confidence * 100) / 100)),
        existing: run.dict.existing.has(key(r.type, r.from, r.to)),
        evidence: { document: doc.document, start: ev.start, end: ev.end },
        item: at.item,
        itemTitle: item?.title,
        dependsOn,
      },
    });
  };
  for (const h of finals) {
    const draft = caseOf.get(h);
    emit({ type: h.type, from: h.from, to: h.to, case: draft?.id }, h, `${h.type}:${h.rule}`, h.confidence);
  }
  const partySeen = new Set<string>();
  for (const h of partyHits) {
    const draft = caseOf.get(h)!;
    const [fromRole, toRole] = PARTY_ROLES[h.type];
    for (const [party, role] of [
      [h.from, fromRole],
      [h.to, toRole],
    ]) {
      const k = `${party}|${draft.id}|${role}`;
      if (partySeen.has(k)) continue;
      partySeen.add(k);
      emit({ type: "PARTY_TO", from: party, to: draft.id, role }, h, `PARTY_TO:from-${h.type}`, h.confidence);
    }
  }
  const rulesSeen = new Set<string>();
  for (const { ruling, draft } of rulesOn) {
    const k = `${ruling.from}|${draft.id}`;
    if (rulesSeen.has(k)) continue;
    rulesSeen.add(k);
    // A ruling on a case the text does not name (one made up for a fine or an investigation) is kept for review only;
    // one on a case its own sentence names is the surest kind.
    const unnamed = !namedCases.has(draft.id) && !draft.existing;
    const namedHere = namedCases.has(draft.id) && ruling.mentioned.includes(draft.id);
    const confidence = unnamed ? ruling.confidence * UNNAMED_CASE_FACTOR : namedHere ? Math.min(1, ruling.confidence + NAMED_CASE_BONUS) : ruling.confidence;
    emit({ type: "RULES_ON", from: ruling.from, to: draft.id }, ruling, `RULES_ON:${ruling.rule}${unnamed ? ":unnamed-case" : namedHere ? ":named-case" : ""}`, confidence);
  }
  const citeSeen = new Set<string>();
  for (const c of cites.sort((a, b) => b.confidence - a.confidence)) {
    const k = key(c.type, c.from, c.to);
    if (citeSeen.has(k)) continue;
    citeSeen.add(k);
    emit({ type: c.type, from: c.from, to: c.to, article: c.article }, c.hit, `${c.type}:${c.rule}`, c.confidence);
  }
  const used = new Set(out.flatMap((r) => [r.to, (r as { case?: string }).case]));
  run.caseDrafts.push(...cases.filter((c) => !c.existing && used.has(c.id)));

  const sources: Entity[] = [...sourceOf.entries()].map(([i, id]) => {
    const item = items[i];
    const title = (item.title || meta.title || doc.document).slice(0, 500);
    return {
      id,
      label: "Source",
      title,
      aliases: [],
      ...((item.publisher ?? meta.publisher) ? { publisher: (item.publisher ?? meta.publisher)!.slice(0, 300) } : {}),
      ...((item.date ?? meta.date) ? { date: item.date ?? meta.date } : {}),
      ...((item.url ?? meta.url) ? { url: item.url ?? meta.url } : {}),
      document: doc.document,
      ...(meta.title && meta.title !== title ? { via: meta.title.slice(0, 300) } : {}),
    } as Entity;
  });

  return {
    document: {
      document: doc.document,
      file: doc.file,
      format: doc.format,
      bytes: doc.bytes,
      chars: doc.text.length,
      lang: options.lang ?? detectLang(norm.text),
      title: meta.title,
      items: items.length,
    },
    sources,
    relationships: out,
    matched,
    stats: { items: items.length, sentences: sentenceIndex, mentions: mentionCount },
  };
}

/** The candidates file for the documents of one run: new entities and cases once, then sources and relationships. */
export function candidatesFile(run: ExtractionRun, results: DocumentResult[]): CandidatesFile {
  const matched = new Map<string, number>();
  for (const r of results) for (const [id, n] of r.matched) matched.set(id, (matched.get(id) ?? 0) + n);
  const referenced = new Set(results.flatMap((r) => r.relationships.flatMap((x) => [x.from, x.to])));
  const entities: CandidateEntity[] = [];
  for (const p of run.proposals.values()) {
    if (!referenced.has(p.matchOf ?? p.id)) continue;
    entities.push({
      id: p.id,
      label: p.label,
      ...(p.nameZh ? { nameZh: p.nameZh.slice(0, 300) } : {}),
      ...(p.nameEn ? { nameEn: p.nameEn.slice(0, 300) } : {}),
      aliases: [...p.aliases].filter((a) => a !== p.nameEn && a !== p.nameZh).slice(0, 50),
      ...(p.label === "Law" ? { kind: p.props.kind ?? "statute", status: "unknown" } : {}),
      ...(p.label === "Model" ? { modelKind: p.props.modelKind ?? "other" } : {}),
      ...(p.label === "Case" ? { caseKind: p.props.caseKind ?? "lawsuit", status: "unknown" } : {}),
      candidate: {
        status: p.matchOf ? "match" : "new",
        ...(p.matchOf ? { matchOf: p.matchOf, matchReason: p.matchReason } : {}),
        ...(p.possibleDuplicateOf ? { possibleDuplicateOf: p.possibleDuplicateOf, matchReason: p.matchReason } : {}),
        rule: p.rule,
        confidence: Math.round(p.confidence * 100) / 100,
        mentions: p.mentions,
      },
    });
  }
  for (const c of run.caseDrafts) {
    entities.push({
      id: c.id,
      label: "Case",
      nameZh: c.nameZh.slice(0, 300),
      ...(c.nameEn ? { nameEn: c.nameEn.slice(0, 300) } : {}),
      aliases: [],
      caseKind: c.kind,
      status: "unknown",
      ...(c.date ? { startDate: c.date } : {}),
      candidate: { status: "new", rule: c.rule, confidence: Math.round(c.confidence * 100) / 100, mentions: [] },
    });
  }
  return {
    kind: CANDIDATES_KIND,
    version: CANDIDATES_VERSION,
    generatedAt: new Date().toISOString(),
    documents: results.map((r) => r.document),
    matched: [...matched.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([id, mentions]) => {
        const e = run.dict.entities.get(id)!;
        return { id, label: e.label, name: e.nameZh ?? e.nameEn ?? id, mentions };
      }),
    entities,
    sources: results.flatMap((r) => r.sources) as CandidatesFile["sources"],
    relationships: results.flatMap((r) => r.relationships),
  };
}

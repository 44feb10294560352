/**
 * Relationships per item: references and party roles resolved within the item (references.ts), each sentence's
 * relationships (relations.ts), objects carried over from nearby sentences and issuers from the heading; then, for the
 * whole document, a model's developer for a party type aimed at the model, allegations inside a lawsuit, and one
 * candidate per (type, from, to).
 */
import { ENDPOINTS } from "../../model/index.js";
import { pushTo } from "../maps.js";
import { partyRoleSuits, resolveReferences } from "../references.js";
import { ACCUSED_BEFORE, recogniseSentence, SENTENCED, type CitationHit, type RulingHit } from "../relations.js";
import type { Mention, RelationHit, Sentence } from "../types.js";
import { relKey, type DocContext } from "./context.js";

const CARRIED_CONFIDENCE = 0.55;
/** A subject a clause left out, supplied by the item (carriedSubject): for review only. */
const CARRIED_SUBJECT_CONFIDENCE = 0.5;
const NEAREST_SUBJECT_CONFIDENCE = 0.4;
/** Confidence kept by an allegation reported with a lawsuit. */
const IN_LAWSUIT_FACTOR = 0.75;
/** An object is carried over from a hit at most this many sentences away (the same paragraph, roughly). */
const CARRY_WINDOW = 3;
/** A criminal fine's court carried from the item when the item names one court only: as sure as naming it. */
const ONLY_COURT_CONFIDENCE = 0.8;
/** `…，分别判处…，并处罚金`: a sentence that fines without naming anyone. */
const NAMELESS_CRIMINAL_FINE = /罚金/;

export interface Recognised {
  /** One hit per (type, from, to), the best evidence. */
  finals: RelationHit[];
  rulings: RulingHit[];
  citations: CitationHit[];
  matched: Map<string, number>;
  mentionCount: number;
}

export function recogniseDocument(ctx: DocContext): Recognised {
  const { run, items, sentencesOf, mentionsOf, indexOf } = ctx;
  const matched = new Map<string, number>();
  let relations: RelationHit[] = [];
  const rulings: RulingHit[] = [];
  const citations: CitationHit[] = [];
  let mentionCount = 0;
  for (const item of items) {
    const sentences = sentencesOf.get(item.index)!;
    const roles = resolveReferences(sentences, mentionsOf, indexOf);
    const itemHits: RelationHit[] = partyRoleSuits(roles, item.index);
    for (const sentence of sentences) {
      const mentions = mentionsOf.get(sentence)!;
      mentionCount += mentions.length;
      for (const m of mentions) if (!m.isNew) matched.set(m.id, (matched.get(m.id) ?? 0) + 1);
      const hits = recogniseSentence(sentence, indexOf.get(sentence)!, mentions);
      itemHits.push(...hits.relations);
      rulings.push(...hits.rulings);
      citations.push(...hits.citations);
    }
    itemHits.push(...namelessCriminalFines(itemHits, sentences, mentionsOf, indexOf));
    relations.push(...carryOver(itemHits, sentences, mentionsOf));
  }

  // A party type aimed at a model means its developer ("谴责了 Seedance 2.0" accuses ByteDance).
  const developers = new Map<string, Set<string>>(run.developers);
  // Only the precise rules name a developer here: a broad review-only guess must not make a model's maker ambiguous.
  for (const h of relations)
    if (h.type === "DEVELOPS" && !h.broad) developers.set(h.to, (developers.get(h.to) ?? new Set()).add(h.from));
  relations = relations.flatMap((h) => {
    if (!h.viaModel) return [h];
    const devs = [...(developers.get(h.to) ?? [])];
    if (devs.length !== 1 || devs[0] === h.from) return [];
    return [{ ...h, to: devs[0], viaModel: undefined, rule: `${h.rule}:via-model` }];
  });

  // An allegation in a sentence that reports a lawsuit is the lawsuit's (the gold rule: not also ACCUSES).
  const suedIn = new Set(relations.filter((h) => h.type === "SUES").map((h) => h.sentence));
  relations = relations.map((h) =>
    h.type === "ACCUSES" && suedIn.has(h.sentence)
      ? { ...h, confidence: h.confidence * IN_LAWSUIT_FACTOR, rule: `${h.rule}:in-lawsuit` }
      : h,
  );

  // One candidate per (type, from, to): the best evidence wins.
  const best = new Map<string, RelationHit>();
  for (const h of relations) {
    if (!h.from || !h.to || h.from === h.to) continue;
    const k = relKey(h.type, h.from, h.to);
    const prior = best.get(k);
    if (!prior || better(h, prior)) best.set(k, h);
  }
  return { finals: [...best.values()], rulings, citations, matched, mentionCount };
}

function better(a: RelationHit, b: RelationHit): boolean {
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return !a.sentence.heading && b.sentence.heading;
}

/** Carried-over roles: an object named by the item's other hits of the same type, an issuer named by its heading. */
function carryOver(
  itemHits: RelationHit[],
  sentences: Sentence[],
  mentionsOf: Map<Sentence, Mention[]>,
): RelationHit[] {
  const out: RelationHit[] = [];
  // Complete hits by type, in sentence order, to find the nearby ones without scanning the whole item each time.
  const completeByType = new Map<string, RelationHit[]>();
  for (const h of itemHits) if (h.from && h.to && !h.viaModel && !h.broad) pushTo(completeByType, h.type, h);
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
        if (to !== h.from)
          out.push({
            ...h,
            to,
            confidence: Math.min(h.confidence, CARRIED_CONFIDENCE),
            rule: h.rule.replace(/:[^:]+$/, ":carried-object"),
          });
      } else if (!objects.size) {
        // `当天,上交所火速下发问询函` about the company the sentence before names: the nearest fitting party, for review.
        // Never an authority or a court: they are where a complaint goes, not its object.
        const to = nearestParty(
          h,
          sentences,
          mentionsOf,
          (m) =>
            ["Company", "Organization", "Person", "Model"].includes(m.label) &&
            (ENDPOINTS[h.type].to as readonly string[]).includes(m.label) &&
            m.id !== h.from,
        );
        if (to)
          out.push({
            ...h,
            to,
            confidence: NEAREST_SUBJECT_CONFIDENCE,
            rule: h.rule.replace(/:[^:]+$/, ":nearest-object"),
            broad: true,
          });
      }
      continue;
    }
    if (!h.from && h.to && h.rule.includes(":elided-subject")) {
      // A criminal fine's subject is a court: the item's only one, else the nearest; any other the item supplies.
      const from = h.rule.includes(":criminal:")
        ? itemCourt(h, sentences, mentionsOf)
        : carriedSubject(h, completeByType.get(h.type) ?? [], sentences, mentionsOf);
      if (from)
        out.push({
          ...h,
          from: from.id,
          confidence: from.confidence,
          rule: h.rule.replace(":elided-subject", from.how),
        });
      continue;
    }
    if (!h.from && h.to && h.type === "ISSUES") {
      const lead = itemLead(sentences, mentionsOf);
      if (lead && lead !== h.to) out.push({ ...h, from: lead, confidence: CARRIED_CONFIDENCE });
    }
  }
  return out;
}

/** A subject supplied from the item: how sure, and the rule's last part that says how. */
interface Supplied {
  id: string;
  confidence: number;
  how: string;
}

/**
 * The subject a clause left out (`In December it fined OpenAI`): the one subject of the item's precise hits of the same
 * type on the same object nearby, else the nearest party before it in the item that may be that type's subject (not a
 * person, whose office the text would have to name, nor a country), never across items.
 */
function carriedSubject(
  h: RelationHit,
  complete: RelationHit[],
  sentences: Sentence[],
  mentionsOf: Map<Sentence, Mention[]>,
): Supplied | undefined {
  const same = new Set(
    complete
      .filter((c) => c.to === h.to && Math.abs(c.sentenceIndex - h.sentenceIndex) <= CARRY_WINDOW)
      .map((c) => c.from),
  );
  if (same.size === 1) return { id: [...same][0], confidence: CARRIED_SUBJECT_CONFIDENCE, how: ":carried-subject" };
  if (same.size > 1) return undefined;
  const allowed = ENDPOINTS[h.type].from as readonly string[];
  const fits = (x: Mention) =>
    allowed.includes(x.label) && x.label !== "Person" && x.label !== "Jurisdiction" && x.id !== h.to;
  const at = sentences.indexOf(h.sentence);
  const before = (i: number) => (mentionsOf.get(sentences[i]) ?? []).filter((m) => i < at || m.end <= h.spanStart);
  const near = nearestParty(h, sentences, mentionsOf, fits);
  if (near) return { id: near, confidence: NEAREST_SUBJECT_CONFIDENCE, how: ":nearest-subject" };
  // Further back, the party the item names most often before it (the first of equals): the one the item is about.
  const counts = new Map<string, number>();
  for (let i = 0; i <= at; i++) for (const m of before(i).filter(fits)) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  const [lead] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return lead ? { id: lead[0], confidence: NEAREST_SUBJECT_CONFIDENCE, how: ":nearest-subject" } : undefined;
}

/**
 * The court of a criminal fine that names none in its sentence: the item's court when it names one only, else the
 * nearest court before the fine (for review).
 */
function itemCourt(h: RelationHit, sentences: Sentence[], mentionsOf: Map<Sentence, Mention[]>): Supplied | undefined {
  const courts = new Set(
    sentences.flatMap((s) => (mentionsOf.get(s) ?? []).filter((m) => m.label === "Court")).map((m) => m.id),
  );
  if (courts.size === 1) return { id: [...courts][0], confidence: ONLY_COURT_CONFIDENCE, how: ":item-court" };
  const near = nearestParty(h, sentences, mentionsOf, (m) => m.label === "Court");
  return near ? { id: near, confidence: NEAREST_SUBJECT_CONFIDENCE, how: ":nearest-court" } : undefined;
}

/**
 * `法院审理认为，被告人吴某、任某、郑某…构成诈骗罪。依照法律，分别判处…，并处罚金。`: a sentence that fines without naming
 * anyone fines the accused the item's nearest sentence before it introduces (`被告人X`, with those listed with X);
 * its court is carried over (carryOver). Sentences the sentence rules already read are left alone.
 */
function namelessCriminalFines(
  itemHits: RelationHit[],
  sentences: Sentence[],
  mentionsOf: Map<Sentence, Mention[]>,
  indexOf: Map<Sentence, number>,
): RelationHit[] {
  const out: RelationHit[] = [];
  const read = new Set(itemHits.filter((h) => h.type === "FINES").map((h) => h.sentence));
  for (const [at, sentence] of sentences.entries()) {
    const fine = NAMELESS_CRIMINAL_FINE.exec(sentence.text);
    if (!fine || read.has(sentence) || !SENTENCED.test(sentence.text.slice(0, fine.index))) continue;
    if ((mentionsOf.get(sentence) ?? []).some((m) => m.label === "Person" || m.label === "Company")) continue;
    for (let i = at - 1; i >= Math.max(0, at - CARRY_WINDOW); i--) {
      const accused = accusedIn(sentences[i], mentionsOf.get(sentences[i]) ?? []);
      if (!accused.length) continue;
      const start = sentence.start + fine.index;
      for (const a of accused)
        out.push({
          type: "FINES",
          from: "",
          to: a.id,
          item: sentence.item,
          sentence,
          sentenceIndex: indexOf.get(sentence) ?? 0,
          spanStart: start,
          spanEnd: start + fine[0].length,
          rule: "zh-fine:criminal:elided-subject",
          confidence: CARRIED_SUBJECT_CONFIDENCE,
          caseKind: "criminal",
          group: `${sentence.start}:criminal`,
        });
      break;
    }
  }
  return out;
}

/** The accused a sentence introduces: the first name after `被告人`, with the names listed right after it. */
function accusedIn(sentence: Sentence, mentions: Mention[]): Mention[] {
  const party = (m: Mention) => m.label === "Person" || m.label === "Company";
  const at = (m: Mention) => m.start - sentence.start;
  const first = mentions.findIndex((m) => party(m) && ACCUSED_BEFORE.test(sentence.text.slice(0, at(m))));
  if (first < 0) return [];
  const out = [mentions[first]];
  for (let i = first + 1; i < mentions.length; i++) {
    const gap = sentence.text.slice(mentions[i - 1].end - sentence.start, at(mentions[i]));
    if (!party(mentions[i]) || !/^\s*[、,，和及与]\s*$/.test(gap)) break;
    out.push(mentions[i]);
  }
  return out;
}

/** The party nearest before a hit's cue that `fits` the missing end, in its sentence or the item's few before it. */
function nearestParty(
  h: RelationHit,
  sentences: Sentence[],
  mentionsOf: Map<Sentence, Mention[]>,
  fits: (m: Mention) => boolean,
): string | undefined {
  const at = sentences.indexOf(h.sentence);
  for (let i = at; i >= Math.max(0, at - CARRY_WINDOW); i--) {
    const m = (mentionsOf.get(sentences[i]) ?? [])
      .filter((x) => i < at || x.end <= h.spanStart)
      .reverse()
      .find(fits);
    if (m) return m.id;
  }
  return undefined;
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

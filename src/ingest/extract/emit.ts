/**
 * The last stage: candidate relationships with their evidence quote (evidence.ts), the parties of each case, the
 * rulings and the citations; and one Source per item that has any.
 */
import type { Entity } from "../../model/index.js";
import type { CandidateRelationship } from "../candidates.js";
import { evidenceFor, type Evidence } from "../evidence.js";
import { slugify, uniqueId } from "../ids.js";
import type { Sentence } from "../types.js";
import type { Cite } from "./citations.js";
import { relKey as key, type DocContext } from "./context.js";
import type { Recognised } from "./recognise.js";
import { dateOf, type CaseStage } from "./rulings.js";

/** Confidence kept by a ruling attached to a case the text does not name. */
const UNNAMED_CASE_FACTOR = 0.85;
/** Confidence added to a ruling whose case its own sentence names (`X法院就…案作出判决`). */
const NAMED_CASE_BONUS = 0.1;
const PARTY_ROLES: Record<string, [string, string]> = {
  INVESTIGATES: ["investigator", "investigated"],
  SUES: ["plaintiff", "defendant"],
  ACCUSES: ["accuser", "accused"],
  FINES: ["authority", "respondent"],
};

export function emitCandidates(
  ctx: DocContext,
  recognised: Recognised,
  caseStage: CaseStage,
  cites: Cite[],
): { relationships: CandidateRelationship[]; sources: Entity[] } {
  const { run, doc, norm, items, meta } = ctx;
  const { finals } = recognised;
  const { cases, caseOf, partyHits, rulesOn, namedCases } = caseStage;
  const itemOf = (i: number) => items[i];
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
    const date = dateOf(ctx, at);
    const item = itemOf(at.item);
    const dependsOn = [r.from, r.to, r.case].filter((x): x is string =>
      Boolean(x && (proposalIds.has(x) || newCaseIds.has(x))),
    );
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
    const confidence = unnamed
      ? ruling.confidence * UNNAMED_CASE_FACTOR
      : namedHere
        ? Math.min(1, ruling.confidence + NAMED_CASE_BONUS)
        : ruling.confidence;
    emit(
      { type: "RULES_ON", from: ruling.from, to: draft.id },
      ruling,
      `RULES_ON:${ruling.rule}${unnamed ? ":unnamed-case" : namedHere ? ":named-case" : ""}`,
      confidence,
    );
  }
  const citeSeen = new Set<string>();
  for (const c of cites.sort((a, b) => b.confidence - a.confidence)) {
    const k = key(c.type, c.from, c.to);
    if (citeSeen.has(k)) continue;
    citeSeen.add(k);
    emit({ type: c.type, from: c.from, to: c.to, article: c.article }, c.hit, `${c.type}:${c.rule}`, c.confidence);
  }
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

  return { relationships: out, sources };
}

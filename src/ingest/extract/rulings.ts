/**
 * Cases: one per lawsuit, investigation, accusation or fine (cases.ts), the cases the text names (case-names.ts), and
 * the case each ruling is on: the item's case the ruler or the sentence's parties belong to, the item's only or latest
 * case, or a case of its own.
 */
import { buildCases, CASE_BOUND, rulingCase, type CaseContext, type CaseDraft } from "../cases.js";
import type { CaseKind } from "../cues.js";
import { firstDate, yearOf } from "../dates.js";
import { pushTo } from "../maps.js";
import type { RulingHit } from "../relations.js";
import type { RelationHit, Sentence } from "../types.js";
import type { DocContext, Proposal } from "./context.js";
import type { Recognised } from "./recognise.js";

/** An item saying no decision has been made yet. */
const PENDING =
  /(尚未|未|没有|暂未|仍未)[^，,。]{0,8}(判决|裁定|裁决|宣判|结果)|no (?:ruling|judgment|decision) (?:yet|has been)|has not (?:yet )?ruled/i;

export interface CaseStage {
  cases: CaseDraft[];
  caseOf: Map<RelationHit, CaseDraft>;
  casesByItem: Map<number, CaseDraft[]>;
  /** Cases the text names, by id: they exist as proposals already. */
  namedCases: Map<string, CaseDraft>;
  partyHits: RelationHit[];
  rulesOn: { ruling: RulingHit; draft: CaseDraft }[];
  proposalById: Map<string, Proposal>;
}

/** The date of a hit: the first date its sentence states, else its item's. */
export function dateOf(
  ctx: DocContext,
  h: { item: number; sentenceIndex: number; sentence?: Sentence },
): string | undefined {
  const itemDate = ctx.items[h.item]?.date;
  const sentenceDate = h.sentence ? firstDate(h.sentence.text, yearOf(itemDate) ?? ctx.docYear, true) : undefined;
  return sentenceDate ?? itemDate;
}

export function buildCaseStage(ctx: DocContext, recognised: Recognised): CaseStage {
  const { run, items, norm, sentencesOf, mentionsOf, indexOf } = ctx;
  const { finals, rulings } = recognised;
  const proposalById = new Map([...run.proposals.values()].map((p) => [p.id, p]));
  const entityNames = (id: string) => {
    const e = run.dict.entities.get(id) ?? proposalById.get(id);
    return { zh: e?.nameZh, en: e?.nameEn };
  };
  const caseCtx: CaseContext = {
    names: entityNames,
    taken: run.taken,
    casesByParty: run.casesByParty,
    dateOf: (h) => dateOf(ctx, h as RelationHit),
    itemTitle: (i) => items[i]?.title ?? "",
  };
  const partyHits = finals.filter((h) => CASE_BOUND.has(h.type));
  const { cases, caseOf } = buildCases(partyHits, caseCtx);
  const casesByItem = new Map<number, CaseDraft[]>();
  const addCase = (c: CaseDraft) => pushTo(casesByItem, c.item, c);
  // Rulings and citations attach to the cases of precise hits only (a broad hit's case is a guess for review).
  cases.filter((c) => !c.broad).forEach(addCase);

  // Rulings: the item's case the ruler or the sentence's parties belong to, the item's only or latest case, or a
  // case of their own.
  // A court's ruling gets a case of its own only when the item is about it (its heading names the court).
  const headingNames = (item: number, id: string) =>
    (sentencesOf.get(item) ?? []).some((s) => s.heading && (mentionsOf.get(s) ?? []).some((m) => m.id === id));
  // Cases the text names (case-names.ts): rulings and citations attach to them first; they exist as proposals already.
  const namedCases = new Map<string, CaseDraft>();
  for (const [sentence, mentions] of mentionsOf) {
    for (const m of mentions.filter((x) => x.label === "Case")) {
      const draft =
        namedCases.get(m.id) ??
        ({
          id: m.id,
          existing: true,
          item: sentence.item,
          kind: "lawsuit",
          from: [],
          to: [],
          participants: new Set(),
          sentenceIndices: new Set(),
          nameZh: m.surface,
          confidence: 0.7,
          rule: "case-name",
        } satisfies CaseDraft);
      if (!namedCases.has(m.id)) {
        namedCases.set(m.id, draft);
        addCase(draft);
      }
      draft.sentenceIndices.add(indexOf.get(sentence) ?? 0);
      for (const other of mentions)
        if (other.id !== m.id && other.label !== "Jurisdiction" && other.label !== "Law")
          draft.participants.add(other.id);
    }
  }
  // `A v B`: the lawsuit a caption states is the case the caption names, not a second one beside it.
  for (const [h, draft] of caseOf) {
    if (h.type !== "SUES" || !h.rule.startsWith("en-v:") || namedCases.has(draft.id)) continue;
    const caption = (mentionsOf.get(h.sentence) ?? []).find(
      (m) => m.label === "Case" && namedCases.has(m.id) && m.start <= h.spanStart && m.end >= h.spanEnd,
    );
    if (!caption) continue;
    const named = namedCases.get(caption.id)!;
    caseOf.set(h, named);
    named.participants.add(h.from).add(h.to);
    if (![...caseOf.values()].includes(draft)) {
      const list = casesByItem.get(draft.item) ?? [];
      if (list.includes(draft)) list.splice(list.indexOf(draft), 1);
    }
  }
  // "A法院审结甲案；B法院对乙案作出判决": a ruler rules on the named case that follows it in its sentence.
  const namedAfterRuler = (r: RulingHit) => {
    const inSentence = (mentionsOf.get(r.sentence) ?? []).filter((m) => m.label === "Case" && namedCases.has(m.id));
    return (inSentence.find((m) => m.start >= r.spanStart) ?? inSentence[inSentence.length - 1])?.id;
  };
  const rulesOn: { ruling: RulingHit; draft: CaseDraft }[] = [];
  for (const r of rulings) {
    // "尚未有法院最终判决结果": the court it was filed with has not ruled.
    if (
      r.rule.startsWith("zh-filed-with-court") &&
      PENDING.test(norm.text.slice(items[r.item].start, items[r.item].end))
    )
      continue;
    const itemCases = casesByItem.get(r.item) ?? [];
    const recent = itemCases.filter((c) => Math.min(...c.sentenceIndices) <= r.sentenceIndex);
    const named = itemCases.filter((c) => namedCases.has(c.id));
    const draft =
      named.find((c) => c.id === namedAfterRuler(r)) ??
      named.find((c) => r.mentioned.includes(c.id)) ??
      (named.length === 1 ? named[0] : undefined) ??
      itemCases.find((c) => c.participants.has(r.from)) ??
      itemCases.find(
        (c) => r.mentioned.some((id) => c.participants.has(id)) && c.sentenceIndices.has(r.sentenceIndex),
      ) ??
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
          ? {
              ...rulingCase(r.item, r.from, r.caseKind as CaseKind, r.sentenceIndex, dateOf(ctx, r), {
                ...caseCtx,
                taken: new Set(run.taken),
              }),
              id: known[0],
              existing: true,
            }
          : rulingCase(r.item, r.from, r.caseKind as CaseKind, r.sentenceIndex, dateOf(ctx, r), caseCtx);
      cases.push(created);
      addCase(created);
      rulesOn.push({ ruling: r, draft: created });
    }
  }
  return { cases, caseOf, casesByItem, namedCases, partyHits, rulesOn, proposalById };
}

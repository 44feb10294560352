/**
 * Citations: from the law named before the cue, the case whose parties the sentence names, the item's law, the
 * cases of the latest sentence that had any, or else the authority or court the item named last (for review).
 */
import type { RelType } from "../../model/index.js";
import { namedJurisdictions } from "../link.js";
import type { CitationHit } from "../relations.js";
import type { Mention, Sentence } from "../types.js";
import type { DocContext } from "./context.js";
import type { Recognised } from "./recognise.js";
import type { CaseStage } from "./rulings.js";

const ITEM_LAW_PENALTY = 0.1;
/** Confidence taken off a citation whose citer is only the authority or court the item named before it. */
const ITEM_AUTHORITY_PENALTY = 0.3;
/** Confidence kept by a citation from an unnamed case between private parties. */
const PRIVATE_CASE_FACTOR = 0.8;
/** Confidence taken off a citation of a law tied to another jurisdiction than the case's parties. */
const FOREIGN_LAW_PENALTY = 0.3;

export interface Cite {
  type: RelType;
  from: string;
  to: string;
  article?: string;
  hit: CitationHit;
  confidence: number;
  rule: string;
}

export function resolveCitations(ctx: DocContext, recognised: Recognised, caseStage: CaseStage): Cite[] {
  const { run, items, sentencesOf, mentionsOf } = ctx;
  const { finals, citations } = recognised;
  const { casesByItem, namedCases, proposalById } = caseStage;
  const itemLaw = new Map<number, string>();
  for (const h of finals)
    if ((h.type === "ISSUES" || h.type === "SIGNS") && !itemLaw.has(h.item)) itemLaw.set(h.item, h.to);
  for (const item of items) {
    if (itemLaw.has(item.index)) continue;
    const heading = (sentencesOf.get(item.index) ?? []).find((s) => s.heading);
    const law = heading ? (mentionsOf.get(heading) ?? []).find((m) => m.label === "Law") : undefined;
    if (law) itemLaw.set(item.index, law.id);
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
      const latest = Math.max(
        ...named.map((x) => Math.max(...[...x.sentenceIndices].filter((i) => i <= c.sentenceIndex), -1)),
      );
      fromIds = named
        .filter((x) => Math.max(...[...x.sentenceIndices].filter((i) => i <= c.sentenceIndex), -1) === latest)
        .map((x) => x.id);
      via = "case-named";
    } else if (itemLaw.has(c.item)) {
      fromIds = [itemLaw.get(c.item)!];
      via = "item-law";
      // The citing instrument is inferred from the item, not named in the sentence.
      confidence -= ITEM_LAW_PENALTY;
    } else if (allItemCases.length) {
      const before = allItemCases.filter((x) => [...x.sentenceIndices].some((i) => i <= c.sentenceIndex));
      const latest = Math.max(
        ...before.map((x) => Math.max(...[...x.sentenceIndices].filter((i) => i <= c.sentenceIndex))),
        -1,
      );
      fromIds = before.filter((x) => [...x.sentenceIndices].includes(latest)).map((x) => x.id);
      via = "item-case";
      confidence -= fromIds.length > 1 ? 0.25 : 0.15;
    } else {
      // No case, no law of the item: the authority or court it named last, up to the citation, for review
      // (`上海市网信办…首次适用《…办法》予以立案处罚`).
      const actor = authorityBefore(c, sentencesOf.get(c.item) ?? [], mentionsOf, ctx.indexOf);
      if (actor) {
        fromIds = [actor];
        via = "item-authority";
        confidence -= ITEM_AUTHORITY_PENALTY;
      }
    }
    for (const from of fromIds) {
      // A case the text does not name, between private parties only, has nobody who cites: the parties' claims
      // are not the law's application (kept for review, under the threshold).
      const draftOf = allItemCases.find((x) => x.id === from);
      const privateOnly =
        draftOf &&
        !draftOf.existing &&
        !namedCases.has(from) &&
        ![...draftOf.participants].some((id) =>
          ["Regulator", "Court"].includes(run.dict.entities.get(id)?.label ?? proposalById.get(id)?.label ?? ""),
        );
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
        // Ireland's authority citing the GDPR cites its own law: a jurisdiction counts with those it is part of.
        const foreign =
          caseJurisdictions.size > 0 &&
          lawJurisdictions.size > 0 &&
          ![...lawJurisdictions].some(
            (j) =>
              caseJurisdictions.has(j) ||
              [...caseJurisdictions].some((c) => run.dict.entities.get(c)?.within?.includes(j)),
          );
        // Only a law implements another; a case drawn up "under" a law cites it. (Case ids start with `case:`.)
        const type: RelType = c.implements && !from.startsWith("case:") ? "IMPLEMENTS" : "CITES";
        cites.push({
          type,
          from,
          to: law.id,
          article: law.article,
          hit: c,
          confidence:
            Math.round(
              (foreign ? confidence - FOREIGN_LAW_PENALTY : confidence) * (privateOnly ? PRIVATE_CASE_FACTOR : 1) * 100,
            ) / 100,
          rule: `${c.rule}:${via}${foreign ? ":other-jurisdiction" : ""}${privateOnly ? ":private-parties" : ""}`,
        });
      }
    }
  }
  return cites;
}

/** The last authority or court an item names up to a citation (in its sentence, before the citation's span). */
function authorityBefore(
  c: CitationHit,
  sentences: Sentence[],
  mentionsOf: Map<Sentence, Mention[]>,
  indexOf: Map<Sentence, number>,
): string | undefined {
  let found: string | undefined;
  for (const s of sentences) {
    const at = indexOf.get(s) ?? -1;
    if (at > c.sentenceIndex) break;
    for (const m of mentionsOf.get(s) ?? [])
      if (
        (m.label === "Regulator" || m.label === "Court") &&
        !m.modifier &&
        (at < c.sentenceIndex || m.end <= c.spanStart)
      )
        found = m.id;
  }
  return found;
}

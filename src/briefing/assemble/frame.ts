/**
 * Stage 9, the honest frame: the header (who, home, what the profile states), how far the data reaches ("data
 * current to"), what the legal layer covers, the disclaimer, and Appendix A (the exposure formula with every
 * market's numbers) and B (method).
 */
import { joinList } from "../i18n.js";
import { ACTIVITIES, type Briefing, type ExposureRow, type Fact } from "../model.js";
import { briefingQueries as q } from "../queries.js";
import { ACTIVITY_TOPICS, RECENT_MONTHS, WINDOW_MONTHS } from "../rules.js";
import { EXPOSURE_TERMS } from "../legal-map.js";
import { money } from "../i18n-legal.js";
import type { Ctx, Profile } from "./context.js";
import type { Evidence } from "./evidence.js";

/** The profile's facts as "label: value" lines ("not stated" where the caller gave none). */
export function profileFacts(ctx: Ctx): string[] {
  const { L, input, lang } = ctx;
  const f = input.facts;
  const yn = (v: boolean | undefined) => (v === undefined ? L.unknown : v ? L.yes : L.no);
  const out = [
    `${L.factLabels.established}: ${f.established === undefined ? L.unknown : f.established.length ? f.established.join(lang === "zh" ? "、" : ", ") : L.notes.establishedNone}`,
    `${L.factLabels.sme}: ${yn(f.sme)}`,
    `${L.factLabels.turnover}: ${f.turnover !== undefined && f.turnoverCurrency ? money(f.turnover, f.turnoverCurrency) : L.unknown}`,
    `${L.factLabels.systemicCompute}: ${yn(f.systemicCompute)}`,
    `${L.factLabels.openSource}: ${yn(f.openSource)}`,
  ];
  if (input.roles?.length) out.push(`${L.factLabels.roles}: ${input.roles.join(", ")}`);
  return out.map((line) => (lang === "zh" ? line.replace(": ", "：") : line));
}

export async function frame(ctx: Ctx): Promise<Briefing["header"]["frame"]> {
  const { L, asOf, nm, lang } = ctx;
  const cov = await q.coverage(ctx.db, asOf);
  const coverage: string[] = [];
  if (cov?.legalLaws.length)
    coverage.push(
      L.frame.legalLayer(
        joinList(
          lang,
          cov.legalLaws.map((n) => nm(n)),
        ),
      ),
    );
  coverage.push(L.frame.verified);
  return {
    dataCurrentTo: cov?.newest ?? null,
    coverage: [
      cov?.newest && cov.oldest
        ? L.frame.dataCurrentTo({ newest: cov.newest, oldest: cov.oldest, sources: Number(cov.sources) })
        : L.frame.noData,
      ...coverage,
    ],
    disclaimer: L.frame.disclaimer,
  };
}

export function headerFacts(ctx: Ctx, profile: Profile): Fact[] {
  return profile.subjectId && profile.home
    ? [ctx.fact(ctx.S.sentences.basedIn(profile.subjectName, profile.home.name), ...profile.homeRels)]
    : [];
}

export function headerNotes(ctx: Ctx, profile: Profile, ev: Evidence): string[] {
  const { S, L, input } = ctx;
  const notes: string[] = [];
  if (!input.subject.activities.length && !(input.roles ?? []).length) notes.push(L.notes.noActivities);
  if (input.subject.kind === "profile" && profile.sameName.length) notes.push(S.notes.profileKnownAs(profile.sameName));
  if (!profile.home) notes.push(S.notes.noHome);
  if (ev.subjectTopicIds.size === 0) notes.push(S.notes.noTopics);
  return notes;
}

export function appendix(ctx: Ctx, ev: Evidence, rows: ExposureRow[]): { formula: string[]; method: string[] } {
  const { L, S, map, lang } = ctx;
  const formula = [
    L.formula.intro,
    ...EXPOSURE_TERMS.map((k) => {
      const rule = map.exposure.terms[k];
      return `${rule.weight} × ${L.formula.terms[k]}${rule.cap !== undefined ? ` (${L.formula.cap(rule.cap)})` : ""}`;
    }),
    L.formula.tiers({
      atLeast: map.exposure.penaltyTiers.turnoverPercentAtLeast,
      high: map.exposure.penaltyTiers.highTier,
      turnover: map.exposure.penaltyTiers.turnoverTier,
      amount: map.exposure.penaltyTiers.amountTier,
    }),
    L.formula.thresholds(map.exposure.thresholds.medium, map.exposure.thresholds.high),
    ...rows.map((row) =>
      row.points === undefined
        ? L.formula.notAssessed(row.market.name)
        : L.formula.line(
            row.market.name,
            row.terms
              .map(
                (t) => `${t.weight}×${t.cap !== undefined && t.value > t.cap ? `min(${t.value}, ${t.cap})` : t.value}`,
              )
              .join(" + "),
            row.points,
            row.levelLabel,
          ),
    ),
  ];
  const activityMap = ACTIVITIES.map(
    (a) =>
      `${S.activityLabels[a]} → ${joinList(
        lang,
        ACTIVITY_TOPICS[a].map((t) => ev.topicRef(t).name),
      )}`,
  ).join(lang === "zh" ? "；" : "; ");
  return { formula, method: [...L.method, ...S.method({ activityMap, recent: RECENT_MONTHS, window: WINDOW_MONTHS })] };
}

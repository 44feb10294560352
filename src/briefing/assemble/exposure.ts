/**
 * Stage 7, exposure: a level per market computed from the obligations that bind the client, their fine ceilings, and
 * enforcement in the market on the same provisions, on the client's topics against companies with models of the
 * client's kind, or against the client itself (the legal map holds the weights, caps, tiers and thresholds). A
 * market is "not assessed", never "low", when the client's roles are unknown or the graph holds no article-level law
 * for it. Also the client's own record: its cases and its models.
 */
import type { NameLike } from "../i18n.js";
import type { CaseItem, ExposureRow, ModelItem, RiskTerm } from "../model.js";
import { EXPOSURE_TERMS, type ExposureKey } from "../legal-map.js";
import { money } from "../i18n-legal.js";
import { inWindow, monthsBefore, onOrBefore } from "../rules.js";
import { byString, dateDesc, monthsAfter, uniq, type Ctx, type Market, type Profile } from "./context.js";
import { caseItem, type Evidence } from "./evidence.js";
import type { MarketNews } from "./markets.js";
import type { MarketLaw } from "./obligations.js";

/** The tier of a fine ceiling, by the legal map's penaltyTiers. */
function ceilingTier(ctx: Ctx, p: { maxAmount?: number; maxTurnoverPercent?: number }): number {
  const t = ctx.map.exposure.penaltyTiers;
  if (p.maxTurnoverPercent !== undefined)
    return p.maxTurnoverPercent >= t.turnoverPercentAtLeast ? t.highTier : t.turnoverTier;
  return p.maxAmount !== undefined ? t.amountTier : 0;
}

export function exposureRow(
  ctx: Ctx,
  ev: Evidence,
  profile: Profile,
  m: Market,
  i: number,
  law: MarketLaw,
  news: MarketNews,
): ExposureRow {
  const { L, asOf, map, input } = ctx;
  const notAssessed = (note: string): ExposureRow => ({
    market: m.ref,
    level: "not_assessed",
    levelLabel: L.levelLabels.not_assessed,
    terms: [],
    notes: [note],
  });
  if (!input.subject.activities.length && !(input.roles ?? []).length) return notAssessed(L.notes.noActivities);
  if (!law.rows.length) {
    const count = (b: string) => news.laws.filter((l) => l.binding === b).length;
    const holds = L.notes.holds({
      binding: count("binding"),
      soft: count("soft"),
      background: count("none"),
      cases: news.relevant.length,
    });
    return notAssessed(L.notes.noLegalLayer(m.ref.name, holds));
  }

  const horizon = monthsAfter(asOf, map.horizonMonths);
  const binding = law.obligations.filter((o) => o.status !== "not_applicable");
  const from = monthsBefore(asOf, map.exposure.windowMonths);
  const peerKinds = new Set(input.subject.activities.flatMap((a) => map.exposure.peerModelKinds[a] ?? []));
  const enforcement = ev.marketCaseIds[i]
    .map((id) => ev.cases.get(id))
    .filter(ev.inTime)
    .filter(
      (c) => c.category === "enforcement" && c.venues.some((v) => m.scope.includes(v)) && inWindow(c.date, from, asOf),
    );
  const onProvisions = enforcement.filter((c) =>
    (ev.caseProvisions.get(c.row.id)?.provisions ?? []).some(
      (p) => law.provisionIds.has(p.id) && onOrBefore(p.rel.date, asOf),
    ),
  );
  const onSubject = enforcement.filter((c) => !onProvisions.includes(c) && ev.comparability(c).includes("subject"));
  const onPeers = enforcement.filter(
    (c) =>
      !onProvisions.includes(c) &&
      !onSubject.includes(c) &&
      c.topicIds.some((t) => ev.subjectTopicIds.has(t) && !map.exposure.excludedPeerTopics.includes(t)) &&
      (ev.caseProvisions.get(c.row.id)?.targetModelKinds ?? []).some((k) => peerKinds.has(k)),
  );
  const values: Record<ExposureKey, number> = {
    obligationsInForce: binding.filter((o) => o.status === "applies" || o.status === "conditional").length,
    obligationsUpcoming: binding.filter((o) => o.status === "upcoming" && o.appliesFrom <= horizon).length,
    penaltyTier: Math.max(0, ...binding.flatMap((o) => o.penalties.map((p) => ceilingTier(ctx, p)))),
    enforcementOnProvisions: onProvisions.length,
    enforcementOnPeers: onPeers.length,
    enforcementOnSubject: onSubject.length,
  };
  const terms: RiskTerm[] = EXPOSURE_TERMS.map((key) => {
    const rule = map.exposure.terms[key];
    const counted = rule.cap === undefined ? values[key] : Math.min(values[key], rule.cap);
    return {
      key,
      label: L.formula.terms[key],
      weight: rule.weight,
      value: values[key],
      ...(rule.cap !== undefined ? { cap: rule.cap } : {}),
      points: rule.weight * counted,
    };
  });
  const points = terms.reduce((s, t) => s + t.points, 0);
  const th = map.exposure.thresholds;
  const level = points >= th.high ? "high" : points >= th.medium ? "medium" : "low";
  const top = binding
    .flatMap((o) => o.penalties)
    .sort(
      (a, b) =>
        ceilingTier(ctx, b) - ceilingTier(ctx, a) ||
        (b.maxTurnoverPercent ?? 0) - (a.maxTurnoverPercent ?? 0) ||
        (b.maxAmount ?? 0) - (a.maxAmount ?? 0),
    )[0];
  const ceiling = top
    ? [
        top.maxAmount !== undefined && top.currency ? money(top.maxAmount, top.currency) : undefined,
        top.maxTurnoverPercent !== undefined ? L.percentOfTurnover(top.maxTurnoverPercent) : undefined,
      ]
        .filter(Boolean)
        .join(" / ")
    : undefined;
  const counted = uniq(
    [...onProvisions, ...onSubject, ...onPeers].map((c) => ctx.nm(c.row.props as unknown as NameLike)),
  );
  return {
    market: m.ref,
    level,
    levelLabel: L.levelLabels[level],
    points,
    ...(ceiling ? { ceiling } : {}),
    terms,
    notes: counted.length ? [counted.join(ctx.lang === "zh" ? "；" : "; ")] : [],
  };
}

/** The client's own record in the graph: its cases (with its role) and its models. */
export function ownExposure(
  ctx: Ctx,
  ev: Evidence,
  profile: Profile,
): { cases: CaseItem[]; models: ModelItem[]; notes: string[] } {
  const { S, asOf, nm, fact, label } = ctx;
  const notes: string[] = [];
  const cases: CaseItem[] = [];
  const models: ModelItem[] = [];
  if (!profile.subjectId) return { cases, models, notes: [S.notes.profileExposure] };
  const rowsByCase = new Map<string, typeof ev.ownRows>();
  for (const r of ev.ownRows) rowsByCase.set(r.caseId, [...(rowsByCase.get(r.caseId) ?? []), r]);
  const own = [...ev.ownCaseIds]
    .map((id) => ev.cases.get(id)!)
    .sort((a, b) => dateDesc(a.date, b.date) || byString(a.row.id, b.row.id));
  const modelNames = new Map(ev.modelRows.map((m) => [String(m.props.id), m.props as unknown as NameLike]));
  const EDGE_ROLES: Record<string, string> = {
    "investigates:of": "investigated",
    "fines:of": "investigated",
    "sues:of": "defendant",
    "accuses:of": "accused",
    "investigates:by": "investigator",
    "fines:by": "authority",
    "sues:by": "plaintiff",
    "accuses:by": "accuser",
  };
  for (const c of own) {
    const links = (rowsByCase.get(c.row.id) ?? []).filter((r) => onOrBefore(r.rel.date, asOf));
    const roles = uniq(links.filter((r) => r.role !== "model").map((r) => EDGE_ROLES[r.role] ?? r.role)).sort(byString);
    const modelIds = uniq(links.map((r) => r.modelId).filter((x): x is string => !!x)).sort(byString);
    cases.push(
      caseItem(ctx, ev, c, {
        subjectRoles: roles.length ? roles : ["model"],
        models: modelIds.length
          ? modelIds.map((id) => ctx.entityRef({ ...(modelNames.get(id) ?? { id }), id, label: "Model" }))
          : undefined,
        links: links.map((r) => r.rel),
      }),
    );
  }
  for (const m of ev.modelRows) {
    const p = m.props as Record<string, string | undefined> & { id: string };
    const rels = m.rels.filter((r) => onOrBefore(r.date, asOf)).sort((a, b) => byString(a.id, b.id));
    if (!rels.length || !onOrBefore(p.releaseDate ?? rels[0].date ?? m.reportedDate, asOf)) continue;
    const caseLinks = ev.ownRows.filter((r) => r.modelId === p.id && ev.ownCaseIds.has(r.caseId));
    const caseIds = uniq(caseLinks.map((r) => r.caseId)).sort(byString);
    const facts = [
      fact(
        S.sentences.model({
          subject: profile.subjectName,
          model: nm(p),
          kind: label(S.modelKinds, p.modelKind ?? "other"),
          released: p.releaseDate ?? rels.find((r) => r.date)?.date,
        }),
        ...rels,
      ),
    ];
    if (caseIds.length) {
      facts.push(
        fact(
          S.sentences.modelCases({
            model: nm(p),
            cases: caseIds.map((id) => nm(ev.cases.get(id)!.row.props as unknown as NameLike)),
          }),
          ...caseLinks.map((r) => r.rel),
        ),
      );
    }
    models.push({
      id: p.id,
      name: nm(p),
      modelKind: p.modelKind ?? "other",
      ...(p.releaseDate ? { releaseDate: p.releaseDate } : {}),
      cases: caseIds,
      facts,
    });
  }
  if (!cases.length) notes.push(S.notes.noOwnCases);
  if (!models.length) notes.push(S.notes.noModels);
  return { cases, models, notes };
}

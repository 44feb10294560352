/**
 * Stage 2, the news graph's evidence: everything the briefing reads besides the legal layer, at once (the subject's
 * cases and models, each market's cases, laws and regulator actions, the crosswalk and risk-theme rows), the cases
 * read into one shape (where, against whom, dated how, pending or decided as of the as-of date), the subject's
 * topics, and the comparability of a case with the subject.
 */
import type { NameLike } from "../i18n.js";
import type { CaseItem, Comparability, Fact, TopicRef } from "../model.js";
import { briefingQueries as q, type CaseProvisionRow, type CaseRow, type RelProps } from "../queries.js";
import {
  ACTIVITY_TOPICS,
  CROSSWALK_TOPICS,
  ENFORCEMENT_KINDS,
  LITIGATION_KINDS,
  MAX_ACTIONS_PER_MARKET,
  RISK_THEMES,
  TARGET_ROLES,
  VENUE_ROLES,
  onOrBefore,
} from "../rules.js";
import { byString, uniq, type Ctx, type Profile } from "./context.js";

/** Where a case takes place, who it is against, its date as of the briefing: read once, used by every section. */
export interface CaseInfo {
  row: CaseRow;
  date?: string;
  dateBasis: CaseItem["dateBasis"];
  kind: string;
  category: "enforcement" | "litigation" | "other";
  status: string;
  outcome?: string;
  targets: { id: string; label: string; node: NameLike; rels: RelProps[]; homes: string[]; companyIds: string[] }[];
  partyIds: Set<string>;
  venues: string[];
  topicIds: string[];
}

export function readCase(row: CaseRow, asOf: string): CaseInfo {
  const p = row.props as Record<string, string | undefined>;
  const inTime = (r: RelProps) => onOrBefore(r.date, asOf);
  const eventDates = [
    ...row.parties.map((x) => x.rel.date),
    ...row.edges.map((e) => e.rel.date),
    ...row.rulings.map((r) => r.rel.date),
  ]
    .filter((d): d is string => !!d)
    .sort(byString);
  let date: string | undefined;
  let dateBasis: CaseItem["dateBasis"] = "none";
  if (p.startDate) [date, dateBasis] = [p.startDate, "start"];
  else if (eventDates[0]) [date, dateBasis] = [eventDates[0], "event"];
  else if (p.endDate) [date, dateBasis] = [p.endDate, "end"];
  else if (row.sourceDate) [date, dateBasis] = [row.sourceDate, "reported"];

  const kind = p.caseKind ?? "investigation";
  const category = (ENFORCEMENT_KINDS as readonly string[]).includes(kind)
    ? "enforcement"
    : (LITIGATION_KINDS as readonly string[]).includes(kind)
      ? "litigation"
      : "other";
  const decidedLater = !!p.endDate && !onOrBefore(p.endDate, asOf);
  const status = decidedLater ? "pending" : (p.status ?? "unknown");
  const outcome = decidedLater ? undefined : p.outcome;

  const partyById = new Map(row.parties.map((x) => [x.id, x]));
  const targets = new Map<string, CaseInfo["targets"][number]>();
  const addTarget = (id: string, rel: RelProps) => {
    const party = partyById.get(id);
    if (!party || !inTime(rel)) return;
    let t = targets.get(id);
    if (!t) {
      const label = party.label ?? "Entity";
      const companyIds = label === "Company" ? [id] : label === "Model" ? party.developers : [];
      t = { id, label, node: party, rels: [], homes: party.homes, companyIds };
      targets.set(id, t);
    }
    if (!t.rels.some((r) => r.id === rel.id)) t.rels.push(rel);
  };
  for (const x of row.parties) if ((TARGET_ROLES as readonly string[]).includes(x.role)) addTarget(x.id, x.rel);
  for (const e of row.edges) addTarget(e.to, e.rel);

  const venues = new Set<string>();
  for (const x of row.parties) {
    if (!(VENUE_ROLES as readonly string[]).includes(x.role)) continue;
    if (x.label === "Jurisdiction") venues.add(x.id);
    x.basedIn.forEach((j) => venues.add(j));
  }
  for (const r of row.rulings) r.basedIn.forEach((j) => venues.add(j));
  for (const e of row.edges) partyById.get(e.from)?.basedIn.forEach((j) => venues.add(j));
  for (const l of row.laws) l.appliesIn.forEach((j) => venues.add(j));

  return {
    row,
    date,
    dateBasis,
    kind,
    category,
    status,
    outcome,
    targets: [...targets.values()].sort((a, b) => byString(a.id, b.id)),
    partyIds: new Set([...row.parties.map((x) => x.id), ...row.edges.flatMap((e) => [e.from, e.to])]),
    venues: [...venues].sort(byString),
    topicIds: row.topics.map((t) => t.id),
  };
}

export type Evidence = Awaited<ReturnType<typeof readEvidence>>;

/** Reads the news graph for the subject and its markets, and the cases all sections draw on. */
export async function readEvidence(ctx: Ctx, profile: Profile) {
  const { db, asOf, input, nm } = ctx;
  const { subjectId, markets, homeRow } = profile;
  const crosswalkScope = uniq([
    ...(homeRow ? [homeRow.id, ...homeRow.ancestors.map((a) => a.id)] : []),
    ...markets.flatMap((m) => m.lawScope),
  ]);
  const [ownRows, modelRows, marketCaseIds, marketLaws, marketActions, crosswalkRows, riskRows] = await Promise.all([
    subjectId ? q.subjectCases(db, subjectId) : Promise.resolve([]),
    subjectId ? q.subjectModels(db, subjectId) : Promise.resolve([]),
    Promise.all(markets.map((m) => q.marketCases(db, m.scope))),
    Promise.all(markets.map((m) => q.marketLaws(db, m.scope))),
    Promise.all(markets.map((m) => q.marketActions(db, m.scope, asOf, MAX_ACTIONS_PER_MARKET))),
    q.crosswalk(db, [...CROSSWALK_TOPICS], crosswalkScope),
    q.riskEvidence(db, [...RISK_THEMES]),
  ]);
  const riskCaseIds = riskRows.filter((r) => r.label === "Case").map((r) => r.id);
  const allCaseIds = uniq([...ownRows.map((r) => r.caseId), ...marketCaseIds.flat(), ...riskCaseIds]).sort(byString);
  const [caseRows, provisionRows] = await Promise.all([
    q.caseDetails(db, allCaseIds),
    q.caseProvisions(db, uniq(marketCaseIds.flat()).sort(byString)),
  ]);
  const cases = new Map(caseRows.map((r) => [r.id, readCase(r, asOf)]));
  const caseProvisions = new Map<string, CaseProvisionRow>(provisionRows.map((r) => [r.id, r]));
  const inTime = (c: CaseInfo | undefined): c is CaseInfo => !!c && onOrBefore(c.date, asOf);

  // The subject's topics: those of its activities, and (for a company) those of its own cases in the graph.
  const ownCaseIds = new Set(ownRows.map((r) => r.caseId).filter((id) => inTime(cases.get(id))));
  const activityTopicIds = uniq(input.subject.activities.flatMap((a) => ACTIVITY_TOPICS[a]));
  const graphTopicIds = uniq(
    [...ownCaseIds].flatMap((id) =>
      cases
        .get(id)!
        .row.topics.filter((t) => t.category === "obligation")
        .map((t) => t.id),
    ),
  ).filter((id) => !activityTopicIds.includes(id));
  const topicRows = await q.topics(
    db,
    uniq([
      ...activityTopicIds,
      ...graphTopicIds,
      ...CROSSWALK_TOPICS,
      ...RISK_THEMES,
      ...Object.values(ACTIVITY_TOPICS).flat(),
    ]),
  );
  const topicById = new Map(topicRows.map((t) => [t.id, t]));
  const subjectTopicIds = new Set([...activityTopicIds, ...graphTopicIds].filter((id) => topicById.has(id)));
  const topicRef = (id: string, from?: TopicRef["from"]): TopicRef => ({
    id,
    name: topicById.has(id) ? nm(topicById.get(id)!) : id,
    ...(from ? { from } : {}),
  });
  const homeIds = homeRow ? [homeRow.id] : [];

  // A case is comparable when it is against the subject, a company of the same home, or a company in a case on one
  // of the subject's topics.
  const comparability = (c: CaseInfo): Comparability[] => {
    const out: Comparability[] = [];
    const companies = c.targets.filter((t) => t.companyIds.length > 0);
    if (subjectId && companies.some((t) => t.companyIds.includes(subjectId))) out.push("subject");
    const peers = companies.filter((t) => !subjectId || !t.companyIds.includes(subjectId));
    if (homeIds.length && peers.some((t) => t.homes.some((h) => homeIds.includes(h)))) out.push("home");
    if (peers.length && c.topicIds.some((t) => subjectTopicIds.has(t))) out.push("topic");
    return out;
  };

  return {
    ownRows,
    modelRows,
    marketCaseIds,
    marketLaws,
    marketActions,
    crosswalkRows,
    riskRows,
    cases,
    caseProvisions,
    inTime,
    ownCaseIds,
    activityTopicIds,
    graphTopicIds,
    topicById,
    subjectTopicIds,
    topicRef,
    homeIds,
    comparability,
  };
}

/** A case as the briefing lists it: one main sentence (date, name, kind, status, targets, topics), outcome, laws. */
export function caseItem(
  ctx: Ctx,
  ev: Evidence,
  c: CaseInfo,
  extra: { subjectRoles?: string[]; models?: CaseItem["models"]; links?: RelProps[] } = {},
): CaseItem {
  const { S, nm, fact, label, asOf, lang } = ctx;
  const r = c.row;
  const targets = c.targets.map((t) => ctx.entityRef({ ...t.node, id: t.id, label: t.label }));
  const topics = r.topics.map((t) => ({ ...ev.topicRef(t.id), name: nm(t) }));
  const date = !c.date ? S.undated : c.dateBasis === "reported" ? S.reportedOn(c.date) : c.date;
  const main = fact(
    S.sentences.caseMain({
      date,
      name: nm(r.props as unknown as NameLike),
      kind: label(S.caseKinds, c.kind),
      status: label(S.caseStatuses, c.status),
      targets: targets.map((t) => t.name),
      topics: topics.map((t) => t.name),
      subjectRole: extra.subjectRoles?.length
        ? extra.subjectRoles.map((x) => label(S.roles, x)).join(lang === "zh" ? "、" : ", ")
        : undefined,
    }),
    ...r.reportedIn,
    ...c.targets.flatMap((t) => t.rels),
    ...(extra.links ?? []),
    ...r.topics.map((t) => t.rel),
  );
  const facts: Fact[] = [main];
  if (c.outcome)
    facts.push(
      fact(
        S.sentences.caseOutcome(c.outcome),
        ...r.rulings.map((x) => x.rel).filter((x) => onOrBefore(x.date, asOf)),
        ...r.reportedIn,
      ),
    );
  const laws = r.laws.filter((l) => onOrBefore(l.rel.date, asOf));
  if (laws.length)
    facts.push(
      fact(
        S.sentences.caseLaws(laws.map((l) => `${nm(l)}${l.article ? ` ${l.article}` : ""}`)),
        ...laws.map((l) => l.rel),
      ),
    );
  return {
    id: c.row.id,
    name: nm(r.props as unknown as NameLike),
    caseKind: c.kind,
    category: c.category === "other" ? "enforcement" : c.category,
    status: c.status,
    ...(c.date ? { date: c.date } : {}),
    dateBasis: c.dateBasis,
    ...(c.outcome ? { outcome: c.outcome } : {}),
    targets,
    topics,
    laws: laws.map((l) => ({ ...ctx.entityRef({ ...l, label: "Law" }), ...(l.article ? { article: l.article } : {}) })),
    venues: c.venues,
    comparable: ev.comparability(c),
    ...(extra.subjectRoles ? { subjectRoles: extra.subjectRoles } : {}),
    ...(extra.models ? { models: extra.models } : {}),
    facts,
  };
}

/**
 * Assembles a briefing from the graph: checks the input against the graph (unknown company, unknown market), reads
 * everything through the Cypher files of cypher/briefing/, applies the rules of rules.ts, and writes each fact as one
 * sentence with the citations that support it, numbered in reading order. The result is plain data: the same graph
 * and input give the same briefing, apart from `generatedAt`.
 */
import { z } from "zod";

import type { Db } from "../db/driver.js";
import { BadRequestError, NotFoundError } from "../errors.js";
import { formatZodPath } from "../seed/read.js";
import { currentChecksum } from "../seed/graph-meta.js";
import { CitationRegistry } from "./citations.js";
import { STRINGS, joinList, nameIn, type NameLike, type Strings } from "./i18n.js";
import {
  ACTIVITIES,
  BriefingInput,
  type Activity,
  type Briefing,
  type CaseItem,
  type Comparability,
  type CrosswalkSection,
  type EntityRef,
  type Fact,
  type JurisdictionRef,
  type LawItem,
  type MarketSection,
  type ModelItem,
  type RegulatorItem,
  type RiskEvidence,
  type RiskTheme,
  type SummaryRow,
  type TopicRef,
} from "./model.js";
import { briefingQueries as q, type ActionRow, type CaseRow, type JurisdictionNode, type JurisdictionRow, type LawRow, type RelProps } from "./queries.js";
import {
  ACTION_TYPES,
  ACTIVITY_RISK_THEMES,
  ACTIVITY_TOPICS,
  CROSSWALK_TOPICS,
  ENFORCEMENT_KINDS,
  LITIGATION_KINDS,
  MAX_ACTIONS_PER_MARKET,
  MAX_PRECEDENTS_PER_MARKET,
  RECENT_MONTHS,
  RISK_THEMES,
  RISK_THRESHOLDS,
  RISK_WEIGHTS,
  TARGET_ROLES,
  VENUE_ROLES,
  WINDOW_MONTHS,
  inWindow,
  monthsBefore,
  onOrBefore,
  riskLevel,
  riskTerms,
  type RiskKey,
} from "./rules.js";

export interface BuildOptions {
  /** The clock for the generated-at line (tests pass a fixed one). */
  now?: () => Date;
  /** Told when the graph checksum has to be computed from the data (none stored), which is slow on a large graph. */
  warn?: (message: string) => void;
}

/** Parses the input; every problem is named (path and reason) in one BadRequestError. */
export function parseBriefingInput(raw: unknown): BriefingInput {
  const parsed = BriefingInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new BadRequestError(describeInputIssues(parsed.error));
}

/** Input paths by the names a caller knows them by (the API's query parameters, the CLI's options). */
const INPUT_NAMES: Record<string, string> = {
  "subject.id": "company",
  "subject.name": "profileName",
  "subject.home": "home",
  "subject.activities": "activities",
  "subject.kind": "subject",
};

export function describeInputIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const raw = formatZodPath(i.path);
      const p = INPUT_NAMES[raw.replace(/\[\d+\]$/, "")] ?? raw;
      return `${p ? `${p}: ` : ""}${i.message}`;
    })
    .join("; ");
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const uniq = <T>(xs: Iterable<T>) => [...new Set(xs)];
const dateDesc = (a?: string, b?: string) => (a && b ? byString(b, a) : a ? -1 : b ? 1 : 0);

/** Where a case takes place, who it is against, its date as of the briefing: read once, used by every section. */
interface CaseInfo {
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

function readCase(row: CaseRow, asOf: string): CaseInfo {
  const p = row.props as Record<string, string | undefined>;
  const inTime = (r: RelProps) => onOrBefore(r.date, asOf);
  const eventDates = [...row.parties.map((x) => x.rel.date), ...row.edges.map((e) => e.rel.date), ...row.rulings.map((r) => r.rel.date)]
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

/** The subject's role in a case, whether read from PARTY_TO or from a party-to-party edge (`accuses:of` is accused). */
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
const normalRole = (role: string) => EDGE_ROLES[role] ?? role;

interface Market {
  row: JurisdictionRow;
  ref: JurisdictionRef;
  /** The market, what it is part of, and its parts. */
  scope: string[];
}

export async function buildBriefing(db: Db, raw: unknown, options: BuildOptions = {}): Promise<Briefing> {
  const input = parseBriefingInput(raw);
  const { lang, asOf } = input;
  const S: Strings = STRINGS[lang];
  const nm = (e: NameLike) => nameIn(lang, e);
  const jurRef = (j: JurisdictionNode): JurisdictionRef => ({ id: j.id, code: j.code, name: nm(j) });

  // The subject, then the jurisdictions (markets and home), checked against the graph before anything else is read.
  const subject = input.subject;
  let subjectId: string | undefined;
  let subjectName: string;
  let homeCode: string | undefined;
  let homeRels: RelProps[] = [];
  if (subject.kind === "company") {
    const row = await q.subject(db, subject.id);
    if (!row) throw new NotFoundError(`No company has the id '${subject.id}'. Find its id with /api/search?q=<name>, or brief a profile instead.`);
    if (!row.labels.includes("Company")) {
      throw new BadRequestError(`'${subject.id}' is a ${row.labels[0] ?? "entity"}, not a company; a briefing is for a company id or a profile.`);
    }
    subjectId = subject.id;
    subjectName = nm(row.props as unknown as NameLike);
    const home = row.homes[0];
    if (home) {
      homeCode = home.code;
      homeRels = [...home.rels].sort((a, b) => byString(a.id, b.id));
    }
  } else {
    subjectName = subject.name;
    homeCode = subject.home;
  }
  const markets = uniq(input.markets);
  const jurRows = await q.jurisdictions(db, uniq([...markets, ...(homeCode ? [homeCode] : [])]));
  const jurByCode = new Map(jurRows.map((j) => [j.code, j]));
  const unknownMarkets = markets.filter((c) => !jurByCode.has(c));
  if (unknownMarkets.length > 0) {
    const known = await q.jurisdictionCodes(db);
    throw new BadRequestError(
      `Unknown market${unknownMarkets.length > 1 ? "s" : ""}: ${unknownMarkets.join(", ")}. The graph holds these jurisdiction codes: ${known.join(", ")}.`,
    );
  }
  if (subject.kind === "profile" && !jurByCode.has(subject.home)) {
    const known = await q.jurisdictionCodes(db);
    throw new BadRequestError(`Unknown home jurisdiction: ${subject.home}. The graph holds these jurisdiction codes: ${known.join(", ")}.`);
  }
  const homeRow = homeCode ? jurByCode.get(homeCode) : undefined;
  const home = homeRow ? jurRef(homeRow) : null;
  const homeIds = homeRow ? [homeRow.id] : [];
  const homeScope = homeRow ? [homeRow.id, ...homeRow.ancestors.map((a) => a.id), ...homeRow.parts.map((p) => p.id)] : [];
  const mkts: Market[] = markets.map((code) => {
    const row = jurByCode.get(code)!;
    return { row, ref: jurRef(row), scope: uniq([row.id, ...row.ancestors.map((a) => a.id), ...row.parts.map((p) => p.id)]) };
  });
  const jurNames = new Map<string, JurisdictionRef>();
  for (const j of jurRows) for (const x of [j, ...j.ancestors, ...j.parts]) jurNames.set(x.id, jurRef(x));

  // Everything else, read at once.
  const crosswalkScope = uniq([...(homeRow ? [homeRow.id, ...homeRow.ancestors.map((a) => a.id)] : []), ...mkts.flatMap((m) => [m.row.id, ...m.row.ancestors.map((a) => a.id)])]);
  const [ownRows, modelRows, marketCaseIds, marketLaws, marketActions, crosswalkRows, riskRows, sameName, checksum] = await Promise.all([
    subjectId ? q.subjectCases(db, subjectId) : Promise.resolve([]),
    subjectId ? q.subjectModels(db, subjectId) : Promise.resolve([]),
    Promise.all(mkts.map((m) => q.marketCases(db, m.scope))),
    Promise.all(mkts.map((m) => q.marketLaws(db, m.scope))),
    Promise.all(mkts.map((m) => q.marketActions(db, m.scope, asOf, MAX_ACTIONS_PER_MARKET))),
    q.crosswalk(db, [...CROSSWALK_TOPICS], crosswalkScope),
    q.riskEvidence(db, [...RISK_THEMES]),
    subject.kind === "profile" ? q.companiesByName(db, subject.name) : Promise.resolve([]),
    currentChecksum(db, options.warn),
  ]);
  const riskCaseIds = riskRows.filter((r) => r.label === "Case").map((r) => r.id);
  const caseRows = await q.caseDetails(db, uniq([...ownRows.map((r) => r.caseId), ...marketCaseIds.flat(), ...riskCaseIds]).sort(byString));
  const cases = new Map(caseRows.map((r) => [r.id, readCase(r, asOf)]));
  const inTime = (c: CaseInfo | undefined): c is CaseInfo => !!c && onOrBefore(c.date, asOf);

  // The subject's topics: those of its activities, and (for a company) those of its own cases in the graph.
  const ownCaseIds = new Set(ownRows.map((r) => r.caseId).filter((id) => inTime(cases.get(id))));
  const activityTopicIds = uniq(subject.activities.flatMap((a) => ACTIVITY_TOPICS[a]));
  const graphTopicIds = uniq(
    [...ownCaseIds].flatMap((id) => cases.get(id)!.row.topics.filter((t) => t.category === "obligation").map((t) => t.id)),
  ).filter((id) => !activityTopicIds.includes(id));
  const topicRows = await q.topics(db, uniq([...activityTopicIds, ...graphTopicIds, ...CROSSWALK_TOPICS, ...RISK_THEMES, ...Object.values(ACTIVITY_TOPICS).flat()]));
  const topicById = new Map(topicRows.map((t) => [t.id, t]));
  const subjectTopicIds = new Set([...activityTopicIds, ...graphTopicIds].filter((id) => topicById.has(id)));
  const topicRef = (id: string, from?: TopicRef["from"]): TopicRef => ({ id, name: topicById.has(id) ? nm(topicById.get(id)!) : id, ...(from ? { from } : {}) });

  const citations = new CitationRegistry();
  const fact = (text: string, ...rels: (RelProps | undefined | null)[]): Fact => ({ text, cites: citations.cite(...rels) });
  const label = (labels: Record<string, string>, key: string) => labels[key] ?? key.replace(/_/g, " ");
  const entityRef = (e: NameLike & { label?: string }): EntityRef => ({ id: e.id, label: e.label ?? "Entity", name: nm(e) });

  // Comparability of a case with the subject: against the subject itself, against a company of the same home, or
  // against a company in a case on one of the subject's topics.
  const comparability = (c: CaseInfo): Comparability[] => {
    const out: Comparability[] = [];
    const companies = c.targets.filter((t) => t.companyIds.length > 0);
    if (subjectId && companies.some((t) => t.companyIds.includes(subjectId!))) out.push("subject");
    const peers = companies.filter((t) => !subjectId || !t.companyIds.includes(subjectId));
    if (homeIds.length && peers.some((t) => t.homes.some((h) => homeIds.includes(h)))) out.push("home");
    if (peers.length && c.topicIds.some((t) => subjectTopicIds.has(t))) out.push("topic");
    return out;
  };

  const caseDateText = (c: CaseInfo) => (!c.date ? S.undated : c.dateBasis === "reported" ? S.reportedOn(c.date) : c.date);
  const caseItem = (c: CaseInfo, extra: { subjectRoles?: string[]; models?: EntityRef[]; links?: RelProps[] } = {}): CaseItem => {
    const r = c.row;
    const targets = c.targets.map((t) => entityRef({ ...t.node, id: t.id, label: t.label }));
    const topics = r.topics.map((t) => ({ ...topicRef(t.id), name: nm(t) }));
    const main = fact(
      S.sentences.caseMain({
        date: caseDateText(c),
        name: nm(r.props as unknown as NameLike),
        kind: label(S.caseKinds, c.kind),
        status: label(S.caseStatuses, c.status),
        targets: targets.map((t) => t.name),
        topics: topics.map((t) => t.name),
        subjectRole: extra.subjectRoles?.length ? joinList(lang, extra.subjectRoles.map((x) => label(S.roles, x))) : undefined,
      }),
      ...r.reportedIn,
      ...c.targets.flatMap((t) => t.rels),
      ...(extra.links ?? []),
      ...r.topics.map((t) => t.rel),
    );
    const facts = [main];
    if (c.outcome) facts.push(fact(S.sentences.caseOutcome(c.outcome), ...r.rulings.map((x) => x.rel).filter((x) => onOrBefore(x.date, asOf)), ...r.reportedIn));
    const laws = r.laws.filter((l) => onOrBefore(l.rel.date, asOf));
    if (laws.length) facts.push(fact(S.sentences.caseLaws(laws.map((l) => `${nm(l)}${l.article ? ` ${l.article}` : ""}`)), ...laws.map((l) => l.rel)));
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
      laws: laws.map((l) => ({ ...entityRef({ ...l, label: "Law" }), ...(l.article ? { article: l.article } : {}) })),
      venues: c.venues,
      comparable: comparability(c),
      ...(extra.subjectRoles ? { subjectRoles: extra.subjectRoles } : {}),
      ...(extra.models ? { models: extra.models } : {}),
      facts,
    };
  };

  // Header.
  const headerFacts: Fact[] = [];
  if (subjectId && home) headerFacts.push(fact(S.sentences.basedIn(subjectName, home.name), ...homeRels));
  const headerNotes: string[] = [];
  if (subject.kind === "profile" && sameName.length) headerNotes.push(S.notes.profileKnownAs(sameName));
  if (!home) headerNotes.push(S.notes.noHome);
  if (subjectTopicIds.size === 0) headerNotes.push(S.notes.noTopics);

  // Section 2: the markets.
  const summaryRows: SummaryRow[] = [];
  const marketSections: MarketSection[] = mkts.map((m, i) => {
    const scopeOf = (jid: string): LawItem["scope"] =>
      jid === m.row.id ? "market" : m.row.ancestors.some((a) => a.id === jid) ? "ancestor" : "part";
    const scopeRank = { market: 0, ancestor: 1, part: 2 };

    // Laws and guidance.
    const lawRows = new Map<string, LawRow>();
    for (const row of marketLaws[i]) {
      const prior = lawRows.get(row.id);
      if (!prior || scopeRank[scopeOf(row.jurisdictionId)] < scopeRank[scopeOf(prior.jurisdictionId)]) lawRows.set(row.id, row);
    }
    const drafts: { item: Omit<LawItem, "fact">; text: string; rels: RelProps[] }[] = [];
    for (const row of lawRows.values()) {
      const p = row.props as Record<string, string | undefined> & { id: string };
      const issued = p.issuedDate ?? row.issuedDate ?? undefined;
      // Left out only when issued after the as-of date; a later effective date marks it as not yet in force instead.
      if (!onOrBefore(issued, asOf)) continue;
      const status = p.status ?? "unknown";
      const notYet = (status === "in_force" || status === "adopted") && !!p.effectiveDate && !onOrBefore(p.effectiveDate, asOf);
      const statusAsOf = notYet ? "not_yet_in_force" : status;
      const merged = new Map<string, { id: string; name: string; provision?: string; matched: boolean; rels: RelProps[] }>();
      for (const t of row.topics) {
        if (t.category !== "obligation" || !onOrBefore(t.rel.date, asOf)) continue;
        const provision = t.rel.referenceProvision ?? t.rel.article ?? undefined;
        const prior = merged.get(t.id);
        if (prior) {
          prior.provision = prior.provision ?? provision;
          prior.rels.push(t.rel);
        } else merged.set(t.id, { id: t.id, name: nm(t), provision, matched: subjectTopicIds.has(t.id), rels: [t.rel] });
      }
      const topics = [...merged.values()];
      const issuers = row.issuers.filter((x) => onOrBefore(x.rel.date, asOf));
      const scope = scopeOf(row.jurisdictionId);
      const jurisdiction = jurNames.get(row.jurisdictionId) ?? { id: row.jurisdictionId, code: row.jurisdictionId, name: row.jurisdictionId };
      const name = nm(p);
      drafts.push({
        item: {
          id: row.id,
          name,
          kind: p.kind ?? "statute",
          ...(p.identifier ? { identifier: p.identifier } : {}),
          status,
          statusAsOf,
          ...(issued ? { issuedDate: issued } : {}),
          ...(p.effectiveDate ? { effectiveDate: p.effectiveDate } : {}),
          jurisdiction,
          scope,
          topics: topics.map((t) => ({ id: t.id, name: t.name, ...(t.provision ? { provision: t.provision } : {}), matched: t.matched })),
          matched: topics.some((t) => t.matched),
        },
        text: S.sentences.law({
          name,
          identifier: p.identifier && !name.includes(p.identifier) ? p.identifier : undefined,
          kind: label(S.lawKinds, p.kind ?? "statute"),
          status: label(S.lawStatuses, statusAsOf),
          issued,
          effective: p.effectiveDate,
          jurisdiction: jurisdiction.name,
          scope: S.scopes[scope],
          issuers: uniq(issuers.map((x) => nm(x))),
          topics: topics.map((t) => S.sentences.withProvision(t.name, t.provision)),
        }),
        rels: [...row.appliesIn, ...issuers.map((x) => x.rel), ...topics.flatMap((t) => t.rels)],
      });
    }
    drafts.sort((a, b) => Number(b.item.matched) - Number(a.item.matched) || scopeRank[a.item.scope] - scopeRank[b.item.scope] || byString(a.item.id, b.item.id));
    const laws: LawItem[] = drafts.map((d) => ({ ...d.item, fact: fact(d.text, ...d.rels) }));

    // Regulators and courts, and what they did.
    const byActor = new Map<string, { actor: ActionRow["actor"]; jurisdictionId: string; based: RelProps; groups: Map<string, ActionRow[]> }>();
    for (const a of marketActions[i]) {
      let entry = byActor.get(a.actor.id);
      if (!entry) byActor.set(a.actor.id, (entry = { actor: a.actor, jurisdictionId: a.jurisdictionId, based: a.based, groups: new Map() }));
      const key = a.rel.case ?? a.target.id;
      entry.groups.set(key, [...(entry.groups.get(key) ?? []), a]);
    }
    const precedence = (t: string) => (ACTION_TYPES as readonly string[]).indexOf(t);
    const regulatorDrafts = [...byActor.values()].map((entry) => {
      const actions = [...entry.groups.entries()].map(([key, rows]) => {
        const sorted = [...rows].sort((a, b) => precedence(a.type) - precedence(b.type) || byString(a.rel.id, b.rel.id));
        const top = sorted[0];
        const date = rows.map((r) => r.date).filter((d): d is string => !!d).sort(byString).pop();
        const caseNode = top.case ?? (top.target.label === "Case" ? top.target : null);
        return { key, top, rows: sorted, date, caseNode };
      });
      actions.sort((a, b) => dateDesc(a.date, b.date) || byString(a.key, b.key));
      return { entry, actions, latest: actions.map((a) => a.date).filter(Boolean).sort().pop() as string | undefined };
    });
    regulatorDrafts.sort((a, b) => dateDesc(a.latest, b.latest) || byString(a.entry.actor.id, b.entry.actor.id));
    const regulators: RegulatorItem[] = regulatorDrafts.map(({ entry, actions }) => {
      const jurisdiction = jurNames.get(entry.jurisdictionId) ?? { id: entry.jurisdictionId, code: entry.jurisdictionId, name: entry.jurisdictionId };
      return {
        id: entry.actor.id,
        name: nm(entry.actor),
        label: entry.actor.label,
        jurisdiction,
        fact: fact(S.sentences.regulator(nm(entry.actor), jurisdiction.name), entry.based),
        actions: actions.map(({ top, rows, date, caseNode }) => ({
          type: top.type,
          ...(date ? { date } : {}),
          target: entityRef(top.target),
          ...(caseNode ? { case: entityRef({ ...caseNode, label: "Case" }) } : {}),
          fact: fact(
            S.sentences.action({
              date,
              actor: nm(entry.actor),
              type: top.type,
              role: top.rel.role ? label(S.roles, top.rel.role) : undefined,
              target: nm(top.target),
              caseName: caseNode ? nm(caseNode) : undefined,
            }),
            ...rows.map((r) => r.rel),
          ),
        })),
      };
    });

    // Cases in the market against the subject or comparable companies.
    const marketCases = marketCaseIds[i]
      .map((id) => cases.get(id))
      .filter(inTime)
      .filter((c) => c.venues.some((v) => m.scope.includes(v)));
    const relevant = marketCases.filter((c) => comparability(c).length > 0 || ownCaseIds.has(c.row.id));
    relevant.sort((a, b) => dateDesc(a.date, b.date) || byString(a.row.id, b.row.id));
    const shown = relevant.slice(0, MAX_PRECEDENTS_PER_MARKET);
    const precedents = shown.map((c) => caseItem(c));

    // Counts for the summary and the risk formula.
    const from12 = monthsBefore(asOf, RECENT_MONTHS);
    const from24 = monthsBefore(asOf, WINDOW_MONTHS);
    const isEnf = (c: CaseInfo) => c.category === "enforcement";
    const isLit = (c: CaseInfo) => c.category === "litigation";
    const againstSubject = (c: CaseInfo) => comparability(c).includes("subject");
    const againstPeer = (c: CaseInfo) => comparability(c).some((x) => x === "home" || x === "topic");
    const count = (pred: (c: CaseInfo) => boolean) => relevant.filter(pred).length;
    const values: Record<RiskKey, number> = {
      subjectEnforcement: count((c) => isEnf(c) && againstSubject(c) && inWindow(c.date, from24, asOf)),
      subjectLitigation: count((c) => isLit(c) && ownCaseIds.has(c.row.id)),
      peerEnforcement12: count((c) => isEnf(c) && !againstSubject(c) && againstPeer(c) && inWindow(c.date, from12, asOf)),
      peerEnforcement12to24: count((c) => isEnf(c) && !againstSubject(c) && againstPeer(c) && inWindow(c.date, from24, from12)),
      peerLitigation: count((c) => isLit(c) && !ownCaseIds.has(c.row.id) && againstPeer(c)),
      regulatorsActive: uniq(marketActions[i].filter((a) => a.rel.basis === "reported" && inWindow(a.date ?? undefined, from24, asOf)).map((a) => a.actor.id)).length,
      lawsOnActivities: laws.filter((l) => l.matched && l.statusAsOf === "in_force").length,
    };
    const terms = riskTerms(values, S.formula.terms as Record<RiskKey, string>);
    const points = terms.reduce((s, t) => s + t.points, 0);
    const level = riskLevel(points);
    summaryRows.push({
      market: m.ref,
      laws: laws.length,
      lawsOnActivities: laws.filter((l) => l.matched).length,
      regulatorsActive: values.regulatorsActive,
      enforcement12: count((c) => isEnf(c) && (againstSubject(c) || againstPeer(c)) && inWindow(c.date, from12, asOf)),
      enforcement24: count((c) => isEnf(c) && (againstSubject(c) || againstPeer(c)) && inWindow(c.date, from24, asOf)),
      litigationSubject: values.subjectLitigation,
      litigationPeers: values.peerLitigation,
      riskPoints: points,
      riskLevel: level,
      riskLevelLabel: S.riskLevels[level],
      terms,
    });

    const notes: string[] = [];
    if (!laws.length) notes.push(S.notes.noLaws);
    if (!regulators.length) notes.push(S.notes.noRegulators);
    if (!precedents.length) notes.push(S.notes.noPrecedents);
    if (relevant.length > shown.length) notes.push(S.notes.truncated(shown.length));
    return { market: m.ref, laws, regulators, precedents, notes };
  });

  // Section 3: the subject's own exposure.
  const exposureNotes: string[] = [];
  const ownCases: CaseItem[] = [];
  const models: ModelItem[] = [];
  if (!subjectId) {
    exposureNotes.push(S.notes.profileExposure);
  } else {
    const rowsByCase = new Map<string, typeof ownRows>();
    for (const r of ownRows) rowsByCase.set(r.caseId, [...(rowsByCase.get(r.caseId) ?? []), r]);
    const own = [...ownCaseIds].map((id) => cases.get(id)!).sort((a, b) => dateDesc(a.date, b.date) || byString(a.row.id, b.row.id));
    const modelNames = new Map(modelRows.map((m) => [String(m.props.id), m.props as unknown as NameLike]));
    for (const c of own) {
      const links = (rowsByCase.get(c.row.id) ?? []).filter((r) => onOrBefore(r.rel.date, asOf));
      const roles = uniq(links.filter((r) => r.role !== "model").map((r) => normalRole(r.role))).sort(byString);
      const modelIds = uniq(links.map((r) => r.modelId).filter((x): x is string => !!x)).sort(byString);
      ownCases.push(
        caseItem(c, {
          subjectRoles: roles.length ? roles : ["model"],
          models: modelIds.length ? modelIds.map((id) => entityRef({ ...(modelNames.get(id) ?? { id }), id, label: "Model" })) : undefined,
          links: links.map((r) => r.rel),
        }),
      );
    }
    for (const m of modelRows) {
      const p = m.props as Record<string, string | undefined> & { id: string };
      const rels = m.rels.filter((r) => onOrBefore(r.date, asOf)).sort((a, b) => byString(a.id, b.id));
      if (!rels.length || !onOrBefore(p.releaseDate ?? rels[0].date ?? m.reportedDate, asOf)) continue;
      const caseLinks = ownRows.filter((r) => r.modelId === p.id && ownCaseIds.has(r.caseId));
      const caseIds = uniq(caseLinks.map((r) => r.caseId)).sort(byString);
      const facts = [
        fact(S.sentences.model({ subject: subjectName, model: nm(p), kind: label(S.modelKinds, p.modelKind ?? "other"), released: p.releaseDate ?? rels.find((r) => r.date)?.date }), ...rels),
      ];
      if (caseIds.length) {
        facts.push(fact(S.sentences.modelCases({ model: nm(p), cases: caseIds.map((id) => nm(cases.get(id)!.row.props as unknown as NameLike)) }), ...caseLinks.map((r) => r.rel)));
      }
      models.push({ id: p.id, name: nm(p), modelKind: p.modelKind ?? "other", ...(p.releaseDate ? { releaseDate: p.releaseDate } : {}), cases: caseIds, facts });
    }
    if (!ownCases.length) exposureNotes.push(S.notes.noOwnCases);
    if (!models.length) exposureNotes.push(S.notes.noModels);
  }

  // Section 4: the crosswalk, home beside each market.
  const crosswalk: CrosswalkSection[] = mkts.map((m) => {
    const homeSide = homeRow ? [homeRow.id, ...homeRow.ancestors.map((a) => a.id)] : [];
    const targetSide = [m.row.id, ...m.row.ancestors.map((a) => a.id)];
    const rows = CROSSWALK_TOPICS.map((topicId) => {
      const cells = (side: string[]) => {
        const byLaw = new Map<string, typeof crosswalkRows>();
        for (const r of crosswalkRows) {
          if (r.topicId !== topicId || !side.includes(r.jurisdictionId)) continue;
          if (!onOrBefore(r.law.issuedDate ?? undefined, asOf)) continue;
          byLaw.set(r.law.id, [...(byLaw.get(r.law.id) ?? []), r]);
        }
        return [...byLaw.values()].map((rs) => {
          const first = rs[0];
          const provision = uniq(rs.map((r) => r.rel.referenceProvision ?? r.rel.article).filter((x): x is string => !!x)).join("; ") || undefined;
          const jurisdiction = jurNames.get(first.jurisdictionId) ?? { id: first.jurisdictionId, code: first.jurisdictionId, name: first.jurisdictionId };
          return {
            law: entityRef({ ...first.law, label: "Law" }),
            jurisdiction,
            ...(provision ? { provision } : {}),
            // The column names the side's jurisdiction; a cell names its own only when it differs (the EU for a member state).
            fact: fact(
              S.sentences.crosswalkCell({ law: nm(first.law), provision, jurisdiction: first.jurisdictionId === side[0] ? undefined : jurisdiction.name }),
              ...rs.map((r) => r.rel),
              ...rs.flatMap((r) => r.appliesIn),
            ),
          };
        });
      };
      const homeCells = homeRow ? cells(homeSide) : [];
      const targetCells = cells(targetSide);
      return { topic: topicRef(topicId), home: homeCells, target: targetCells, both: homeCells.length > 0 && targetCells.length > 0 };
    });
    const notes: string[] = [];
    if (!homeRow) notes.push(S.notes.noHome);
    else if (homeRow.id === m.row.id) notes.push(S.notes.sameJurisdiction);
    return { home, market: m.ref, rows, notes };
  });

  // Section 5: the outbound risk themes.
  const allMarketScopes = mkts.map((m) => ({ code: m.ref.code, scope: m.scope }));
  const riskThemes: RiskTheme[] = RISK_THEMES.map((topicId) => {
    // Drafts first, then sorted, then written: citations are numbered in the order the evidence is read.
    const drafts: { kind: RiskEvidence["kind"]; id: string; date?: string; bearing: string[]; write: () => Pick<RiskEvidence, "name" | "facts"> }[] = [];
    for (const r of riskRows.filter((x) => x.topicId === topicId)) {
      const bearing: string[] = [];
      if (r.label === "Case") {
        const c = cases.get(r.id);
        if (!inTime(c)) continue;
        const parties = c.row.parties;
        if (subjectId && c.partyIds.has(subjectId)) bearing.push("subject");
        if (homeIds.length && parties.some((x) => x.label === "Company" && x.id !== subjectId && x.homes.some((h) => homeIds.includes(h)))) bearing.push("peer");
        for (const m of allMarketScopes) if (c.venues.some((v) => m.scope.includes(v))) bearing.push(`market:${m.code}`);
        if (!parties.length && !c.venues.length) bearing.push("general");
        if (!bearing.length) continue;
        drafts.push({
          kind: "case",
          id: c.row.id,
          date: c.date,
          bearing,
          write: () => {
            const addresses = citations.cite(r.rel);
            const item = caseItem(c);
            const facts = item.facts.map((f, k) => (k === 0 ? { text: f.text, cites: uniq([...addresses, ...f.cites]).sort((a, b) => a - b) } : f));
            return { name: item.name, facts };
          },
        });
      } else {
        const p = r.props as Record<string, string | undefined> & { id: string };
        const dates = [p.issuedDate, ...r.issuers.map((x) => x.rel.date), ...r.signers.map((x) => x.rel.date)].filter((d): d is string => !!d).sort(byString);
        const date = p.issuedDate ?? dates[0];
        if (!onOrBefore(date, asOf)) continue;
        const touches = (scope: string[]) =>
          r.appliesIn.some((a) => scope.includes(a.id)) ||
          r.signers.some((s) => scope.includes(s.id) || s.basedIn.some((b) => scope.includes(b))) ||
          r.issuers.some((s) => s.basedIn.some((b) => scope.includes(b)));
        if (subjectId && (r.signers.some((s) => s.id === subjectId) || r.issuers.some((s) => s.id === subjectId))) bearing.push("subject");
        if (homeScope.length && touches(homeScope)) bearing.push("home");
        for (const m of allMarketScopes) if (touches(m.scope)) bearing.push(`market:${m.code}`);
        if (!r.appliesIn.length && !r.signers.length && !r.issuers.length) bearing.push("general");
        if (!bearing.length) continue;
        drafts.push({
          kind: "law",
          id: p.id,
          date,
          bearing,
          write: () => {
            const signers = r.signers.filter((s) => onOrBefore(s.rel.date, asOf));
            const issuers = r.issuers.filter((s) => onOrBefore(s.rel.date, asOf));
            const text = S.sentences.riskLaw({
              name: nm(p),
              date,
              appliesIn: r.appliesIn.map((a) => jurNames.get(a.id)?.name ?? a.id),
              signers: signers.map((s) => jurNames.get(s.id)?.name ?? nm(s)),
              issuers: issuers.map((s) => nm(s)),
            });
            return { name: nm(p), facts: [fact(text, r.rel, ...r.appliesIn.map((a) => a.rel), ...signers.map((s) => s.rel), ...issuers.map((s) => s.rel))] };
          },
        });
      }
    }
    const rank = (b: string[]) => (b.includes("subject") ? 0 : b.includes("peer") || b.includes("home") ? 1 : b.includes("general") ? 3 : 2);
    drafts.sort((a, b) => rank(a.bearing) - rank(b.bearing) || dateDesc(a.date, b.date) || byString(a.id, b.id));
    const evidence: RiskEvidence[] = drafts.map((d) => ({ kind: d.kind, id: d.id, ...d.write(), ...(d.date ? { date: d.date } : {}), bearing: d.bearing }));
    const activities = (Object.keys(ACTIVITY_RISK_THEMES) as Activity[]).filter((a) => subject.activities.includes(a) && ACTIVITY_RISK_THEMES[a]!.includes(topicId));
    const notes: string[] = [];
    if (activities.length) notes.push(S.notes.relevantActivities(joinList(lang, activities.map((a) => S.activityLabels[a]))));
    if (!evidence.length) notes.push(S.notes.noEvidence(subjectName, joinList(lang, mkts.map((m) => m.ref.name))));
    else if (evidence.every((e) => e.bearing.every((b) => b === "general"))) notes.push(S.notes.generalOnly);
    return {
      topic: topicRef(topicId),
      activities,
      evidence,
      notes,
    };
  });

  // Appendix A: the formula, and each market's numbers.
  const formula = [
    S.formula.intro,
    ...(Object.keys(RISK_WEIGHTS) as RiskKey[]).map((k) => {
      const rule: { weight: number; cap?: number } = RISK_WEIGHTS[k];
      return `${rule.weight} × ${S.formula.terms[k]}${rule.cap !== undefined ? ` (${S.formula.cap(rule.cap)})` : ""}`;
    }),
    S.formula.thresholds(RISK_THRESHOLDS.medium, RISK_THRESHOLDS.high),
    ...summaryRows.map((row) =>
      S.formula.line(
        row.market.name,
        row.terms.map((t) => `${t.weight}×${t.cap !== undefined && t.value > t.cap ? `min(${t.value}, ${t.cap})` : t.value}`).join(" + "),
        row.riskPoints,
        row.riskLevelLabel,
      ),
    ),
  ];
  const activityMap = ACTIVITIES.map((a) => `${S.activityLabels[a]} → ${joinList(lang, ACTIVITY_TOPICS[a].map((t) => topicRef(t).name))}`).join(lang === "zh" ? "；" : "; ");

  const title = `${S.title}: ${subjectName} → ${joinList(lang, mkts.map((m) => m.ref.name))}`;
  return {
    schemaVersion: 1,
    lang,
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
    input: { subject, markets, asOf, lang },
    header: {
      title: lang === "zh" ? title.replace(": ", "：") : title,
      subject: { kind: subject.kind, ...(subjectId ? { id: subjectId } : {}), name: subjectName, home, activities: subject.activities, facts: headerFacts },
      markets: mkts.map((m) => m.ref),
      asOf,
      graphChecksum: checksum,
      topics: [...activityTopicIds.filter((id) => topicById.has(id)).map((id) => topicRef(id, "activity")), ...graphTopicIds.filter((id) => topicById.has(id)).map((id) => topicRef(id, "graph"))],
      notes: headerNotes,
    },
    summary: { rows: summaryRows, notes: [S.notes.summary] },
    markets: marketSections,
    exposure: { cases: ownCases, models, notes: exposureNotes },
    crosswalk,
    riskThemes,
    appendix: {
      formula,
      method: S.method({ activityMap, recent: RECENT_MONTHS, window: WINDOW_MONTHS }),
      citations: await citations.resolve(db),
    },
  };
}

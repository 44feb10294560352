/**
 * Stage 3, each market as the news graph shows it: its laws split into binding law, soft law and background, the
 * regulators and courts that acted (a court hearing a pending case "hears" it; only a decided one is "ruled on"),
 * and the cases against the subject or comparable companies, most recent first.
 */
import type { LawItem, RegulatorItem } from "../model.js";
import type { ActionRow, LawRow, RelProps } from "../queries.js";
import { ACTION_TYPES, MAX_PRECEDENTS_PER_MARKET, onOrBefore } from "../rules.js";
import { byString, dateDesc, uniq, type Ctx, type Market, type Profile } from "./context.js";
import { caseItem, type CaseInfo, type Evidence } from "./evidence.js";

const BINDING_BY_KIND: Record<string, LawItem["binding"]> = {
  guideline: "soft",
  code_of_practice: "soft",
  opinion: "soft",
  report: "none",
  plan: "none",
  declaration: "none",
};

export interface MarketNews {
  laws: LawItem[];
  regulators: RegulatorItem[];
  precedents: ReturnType<typeof caseItem>[];
  /** The market's cases against the subject or comparable companies (all, not only those shown). */
  relevant: CaseInfo[];
  notes: string[];
}

function marketLaws(ctx: Ctx, ev: Evidence, profile: Profile, m: Market, rows: LawRow[]): LawItem[] {
  const { S, nm, label, asOf, fact } = ctx;
  const scopeOf = (jid: string): LawItem["scope"] =>
    jid === m.row.id ? "market" : m.row.ancestors.some((a) => a.id === jid) ? "ancestor" : "part";
  const scopeRank = { market: 0, ancestor: 1, part: 2 };
  const lawRows = new Map<string, LawRow>();
  for (const row of rows) {
    const prior = lawRows.get(row.id);
    if (!prior || scopeRank[scopeOf(row.jurisdictionId)] < scopeRank[scopeOf(prior.jurisdictionId)])
      lawRows.set(row.id, row);
  }
  const drafts: { item: Omit<LawItem, "fact">; text: string; rels: RelProps[] }[] = [];
  for (const row of lawRows.values()) {
    const p = row.props as Record<string, string | undefined> & { id: string };
    const issued = p.issuedDate ?? row.issuedDate ?? undefined;
    // Left out only when issued after the as-of date; a later effective date marks it as not yet in force instead.
    if (!onOrBefore(issued, asOf)) continue;
    const status = p.status ?? "unknown";
    const notYet =
      (status === "in_force" || status === "adopted") && !!p.effectiveDate && !onOrBefore(p.effectiveDate, asOf);
    const statusAsOf = notYet ? "not_yet_in_force" : status;
    const merged = new Map<
      string,
      { id: string; name: string; provision?: string; matched: boolean; rels: RelProps[] }
    >();
    for (const t of row.topics) {
      if (t.category !== "obligation" || !onOrBefore(t.rel.date, asOf)) continue;
      const provision = t.rel.referenceProvision ?? t.rel.article ?? undefined;
      const prior = merged.get(t.id);
      if (prior) {
        prior.provision = prior.provision ?? provision;
        prior.rels.push(t.rel);
      } else
        merged.set(t.id, { id: t.id, name: nm(t), provision, matched: ev.subjectTopicIds.has(t.id), rels: [t.rel] });
    }
    const topics = [...merged.values()];
    const issuers = row.issuers.filter((x) => onOrBefore(x.rel.date, asOf));
    const scope = scopeOf(row.jurisdictionId);
    const jurisdiction = profile.jurNames.get(row.jurisdictionId) ?? {
      id: row.jurisdictionId,
      code: row.jurisdictionId,
      name: row.jurisdictionId,
    };
    const name = nm(p);
    const binding = (p.binding as LawItem["binding"] | undefined) ?? BINDING_BY_KIND[p.kind ?? "statute"] ?? "binding";
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
        binding,
        jurisdiction,
        scope,
        topics: topics.map((t) => ({
          id: t.id,
          name: t.name,
          ...(t.provision ? { provision: t.provision } : {}),
          matched: t.matched,
        })),
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
  const bindingRank = { binding: 0, soft: 1, none: 2 };
  drafts.sort(
    (a, b) =>
      bindingRank[a.item.binding] - bindingRank[b.item.binding] ||
      Number(b.item.matched) - Number(a.item.matched) ||
      scopeRank[a.item.scope] - scopeRank[b.item.scope] ||
      byString(a.item.id, b.item.id),
  );
  return drafts.map((d) => ({ ...d.item, fact: fact(d.text, ...d.rels) }));
}

function marketRegulators(ctx: Ctx, profile: Profile, actions: ActionRow[]): RegulatorItem[] {
  const { S, nm, label, fact } = ctx;
  const byActor = new Map<
    string,
    { actor: ActionRow["actor"]; jurisdictionId: string; based: RelProps; groups: Map<string, ActionRow[]> }
  >();
  for (const a of actions) {
    let entry = byActor.get(a.actor.id);
    if (!entry)
      byActor.set(
        a.actor.id,
        (entry = { actor: a.actor, jurisdictionId: a.jurisdictionId, based: a.based, groups: new Map() }),
      );
    const key = a.rel.case ?? a.target.id;
    entry.groups.set(key, [...(entry.groups.get(key) ?? []), a]);
  }
  const precedence = (t: string) => (ACTION_TYPES as readonly string[]).indexOf(t);
  const drafts = [...byActor.values()].map((entry) => {
    const acts = [...entry.groups.entries()].map(([key, rows]) => {
      const sorted = [...rows].sort((a, b) => precedence(a.type) - precedence(b.type) || byString(a.rel.id, b.rel.id));
      const top = sorted[0];
      const date = rows
        .map((r) => r.date)
        .filter((d): d is string => !!d)
        .sort(byString)
        .pop();
      const caseNode = top.case ?? (top.target.label === "Case" ? top.target : null);
      return { key, top, rows: sorted, date, caseNode };
    });
    acts.sort((a, b) => dateDesc(a.date, b.date) || byString(a.key, b.key));
    return {
      entry,
      acts,
      latest: acts
        .map((a) => a.date)
        .filter(Boolean)
        .sort()
        .pop() as string | undefined,
    };
  });
  drafts.sort((a, b) => dateDesc(a.latest, b.latest) || byString(a.entry.actor.id, b.entry.actor.id));
  return drafts.map(({ entry, acts }) => {
    const jurisdiction = profile.jurNames.get(entry.jurisdictionId) ?? {
      id: entry.jurisdictionId,
      code: entry.jurisdictionId,
      name: entry.jurisdictionId,
    };
    return {
      id: entry.actor.id,
      name: nm(entry.actor),
      label: entry.actor.label,
      jurisdiction,
      fact: fact(S.sentences.regulator(nm(entry.actor), jurisdiction.name), entry.based),
      actions: acts.map(({ top, rows, date, caseNode }) => ({
        type: top.type,
        ...(date ? { date } : {}),
        target: ctx.entityRef(top.target),
        ...(caseNode ? { case: ctx.entityRef({ ...caseNode, label: "Case" }) } : {}),
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
}

export function marketNews(ctx: Ctx, ev: Evidence, profile: Profile, m: Market, i: number): MarketNews {
  const { S } = ctx;
  const laws = marketLaws(ctx, ev, profile, m, ev.marketLaws[i]);
  const regulators = marketRegulators(ctx, profile, ev.marketActions[i]);
  const relevant = ev.marketCaseIds[i]
    .map((id) => ev.cases.get(id))
    .filter(ev.inTime)
    .filter((c) => c.venues.some((v) => m.scope.includes(v)))
    .filter((c) => ev.comparability(c).length > 0 || ev.ownCaseIds.has(c.row.id));
  relevant.sort((a, b) => dateDesc(a.date, b.date) || byString(a.row.id, b.row.id));
  const shown = relevant.slice(0, MAX_PRECEDENTS_PER_MARKET);
  const precedents = shown.map((c) => caseItem(ctx, ev, c));
  const notes: string[] = [];
  if (!laws.length) notes.push(S.notes.noLaws);
  if (!regulators.length) notes.push(S.notes.noRegulators);
  if (!precedents.length) notes.push(S.notes.noPrecedents);
  if (relevant.length > shown.length) notes.push(S.notes.truncated(shown.length));
  return { laws, regulators, precedents, relevant, notes };
}

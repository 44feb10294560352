/**
 * Stage 8, background for the lawyer: the crosswalk (home regime beside each market's, topic by topic, from the
 * laws' ADDRESSES edges) and the outbound risk themes (cases and laws on each theme that bear on the subject, its
 * home or its markets).
 */
import type { NameLike } from "../i18n.js";
import { joinList } from "../i18n.js";
import type { Activity, CrosswalkSection, RiskEvidence, RiskTheme } from "../model.js";
import { ACTIVITY_RISK_THEMES, CROSSWALK_TOPICS, RISK_THEMES, onOrBefore } from "../rules.js";
import { byString, dateDesc, uniq, type Ctx, type Profile } from "./context.js";
import { caseItem, type Evidence } from "./evidence.js";

export function crosswalk(ctx: Ctx, ev: Evidence, profile: Profile): CrosswalkSection[] {
  const { S, nm, asOf } = ctx;
  const { homeRow, home, markets, jurNames } = profile;
  return markets.map((m) => {
    const homeSide = homeRow ? [homeRow.id, ...homeRow.ancestors.map((a) => a.id)] : [];
    const rows = CROSSWALK_TOPICS.map((topicId) => {
      const cells = (side: string[]) => {
        const byLaw = new Map<string, typeof ev.crosswalkRows>();
        for (const r of ev.crosswalkRows) {
          if (r.topicId !== topicId || !side.includes(r.jurisdictionId)) continue;
          if (!onOrBefore(r.law.issuedDate ?? undefined, asOf)) continue;
          byLaw.set(r.law.id, [...(byLaw.get(r.law.id) ?? []), r]);
        }
        return [...byLaw.values()].map((rs) => {
          const first = rs[0];
          const provision =
            uniq(rs.map((r) => r.rel.referenceProvision ?? r.rel.article).filter((x): x is string => !!x)).join("; ") ||
            undefined;
          const jurisdiction = jurNames.get(first.jurisdictionId) ?? {
            id: first.jurisdictionId,
            code: first.jurisdictionId,
            name: first.jurisdictionId,
          };
          return {
            law: ctx.entityRef({ ...first.law, label: "Law" }),
            jurisdiction,
            ...(provision ? { provision } : {}),
            // The column names the side's jurisdiction; a cell names its own only when it differs (the EU for a member state).
            fact: ctx.fact(
              S.sentences.crosswalkCell({
                law: nm(first.law),
                provision,
                jurisdiction: first.jurisdictionId === side[0] ? undefined : jurisdiction.name,
              }),
              ...rs.map((r) => r.rel),
              ...rs.flatMap((r) => r.appliesIn),
            ),
          };
        });
      };
      const homeCells = homeRow ? cells(homeSide) : [];
      const targetCells = cells(m.lawScope);
      return {
        topic: ev.topicRef(topicId),
        home: homeCells,
        target: targetCells,
        both: homeCells.length > 0 && targetCells.length > 0,
      };
    });
    const notes: string[] = [];
    if (!homeRow) notes.push(S.notes.noHome);
    else if (homeRow.id === m.row.id) notes.push(S.notes.sameJurisdiction);
    return { home, market: m.ref, rows, notes };
  });
}

export function riskThemes(ctx: Ctx, ev: Evidence, profile: Profile): RiskTheme[] {
  const { S, nm, asOf, lang, input } = ctx;
  const { subjectId, homeScope, markets, jurNames } = profile;
  const homeIds = ev.homeIds;
  const allMarketScopes = markets.map((m) => ({ code: m.ref.code, scope: m.scope }));
  return RISK_THEMES.map((topicId) => {
    // Drafts first, then sorted, then written: citations are numbered in the order the evidence is read.
    const drafts: {
      kind: RiskEvidence["kind"];
      id: string;
      date?: string;
      bearing: string[];
      write: () => Pick<RiskEvidence, "name" | "facts">;
    }[] = [];
    for (const r of ev.riskRows.filter((x) => x.topicId === topicId)) {
      const bearing: string[] = [];
      if (r.label === "Case") {
        const c = ev.cases.get(r.id);
        if (!ev.inTime(c)) continue;
        const parties = c.row.parties;
        if (subjectId && c.partyIds.has(subjectId)) bearing.push("subject");
        if (
          homeIds.length &&
          parties.some((x) => x.label === "Company" && x.id !== subjectId && x.homes.some((h) => homeIds.includes(h)))
        )
          bearing.push("peer");
        for (const m of allMarketScopes)
          if (c.venues.some((v) => m.scope.includes(v))) bearing.push(`market:${m.code}`);
        if (!parties.length && !c.venues.length) bearing.push("general");
        if (!bearing.length) continue;
        drafts.push({
          kind: "case",
          id: c.row.id,
          date: c.date,
          bearing,
          write: () => {
            const addresses = ctx.citations.cite(r.rel);
            const item = caseItem(ctx, ev, c);
            const facts = item.facts.map((f, k) =>
              k === 0 ? { text: f.text, cites: uniq([...addresses, ...f.cites]).sort((a, b) => a - b) } : f,
            );
            return { name: item.name, facts };
          },
        });
      } else {
        const p = r.props as Record<string, string | undefined> & { id: string };
        const dates = [p.issuedDate, ...r.issuers.map((x) => x.rel.date), ...r.signers.map((x) => x.rel.date)]
          .filter((d): d is string => !!d)
          .sort(byString);
        const date = p.issuedDate ?? dates[0];
        if (!onOrBefore(date, asOf)) continue;
        const touches = (scope: string[]) =>
          r.appliesIn.some((a) => scope.includes(a.id)) ||
          r.signers.some((s) => scope.includes(s.id) || s.basedIn.some((b) => scope.includes(b))) ||
          r.issuers.some((s) => s.basedIn.some((b) => scope.includes(b)));
        if (subjectId && (r.signers.some((s) => s.id === subjectId) || r.issuers.some((s) => s.id === subjectId)))
          bearing.push("subject");
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
              name: nm(p as NameLike),
              date,
              appliesIn: r.appliesIn.map((a) => jurNames.get(a.id)?.name ?? a.id),
              signers: signers.map((s) => jurNames.get(s.id)?.name ?? nm(s)),
              issuers: issuers.map((s) => nm(s)),
            });
            return {
              name: nm(p as NameLike),
              facts: [
                ctx.fact(
                  text,
                  r.rel,
                  ...r.appliesIn.map((a) => a.rel),
                  ...signers.map((s) => s.rel),
                  ...issuers.map((s) => s.rel),
                ),
              ],
            };
          },
        });
      }
    }
    const rank = (b: string[]) =>
      b.includes("subject") ? 0 : b.includes("peer") || b.includes("home") ? 1 : b.includes("general") ? 3 : 2;
    drafts.sort((a, b) => rank(a.bearing) - rank(b.bearing) || dateDesc(a.date, b.date) || byString(a.id, b.id));
    const evidence: RiskEvidence[] = drafts.map((d) => ({
      kind: d.kind,
      id: d.id,
      ...d.write(),
      ...(d.date ? { date: d.date } : {}),
      bearing: d.bearing,
    }));
    const activities = (Object.keys(ACTIVITY_RISK_THEMES) as Activity[]).filter(
      (a) => input.subject.activities.includes(a) && ACTIVITY_RISK_THEMES[a]!.includes(topicId),
    );
    const notes: string[] = [];
    if (activities.length)
      notes.push(
        S.notes.relevantActivities(
          joinList(
            lang,
            activities.map((a) => S.activityLabels[a]),
          ),
        ),
      );
    if (!evidence.length)
      notes.push(
        S.notes.noEvidence(
          profile.subjectName,
          joinList(
            lang,
            markets.map((m) => m.ref.name),
          ),
        ),
      );
    else if (evidence.every((e) => e.bearing.every((b) => b === "general"))) notes.push(S.notes.generalOnly);
    return { topic: ev.topicRef(topicId), activities, evidence, notes };
  });
}

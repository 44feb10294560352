/**
 * Assembles a briefing from the graph, stage by stage over one small context: the profile (checked against the
 * graph first), the news graph's evidence, then per market the law that binds the client and what the news shows,
 * the calendar, first steps, exposure, background, and the frame. The result is plain data: the same graph and
 * input give the same briefing, apart from `generatedAt`.
 */
import type { Db } from "../../db/driver.js";
import { currentChecksum } from "../../seed/graph-meta.js";
import { joinList } from "../i18n.js";
import type { Briefing, MarketSection } from "../model.js";
import { calendar } from "./calendar.js";
import { createContext } from "./context.js";
import { crosswalk, riskThemes } from "./crosswalk.js";
import { readEvidence } from "./evidence.js";
import { exposureRow, ownExposure } from "./exposure.js";
import { appendix, frame, headerFacts, headerNotes, profileFacts } from "./frame.js";
import { marketNews } from "./markets.js";
import { marketLaw } from "./obligations.js";
import { parseBriefingInput, resolveProfile } from "./profile.js";
import { firstSteps } from "./steps.js";

export { describeInputIssues, parseBriefingInput } from "./profile.js";

export interface BuildOptions {
  /** The clock for the generated-at line (tests pass a fixed one). */
  now?: () => Date;
  /** Told when the graph checksum has to be computed from the data (none stored), which is slow on a large graph. */
  warn?: (message: string) => void;
}

export async function buildBriefing(db: Db, raw: unknown, options: BuildOptions = {}): Promise<Briefing> {
  const input = parseBriefingInput(raw);
  const ctx = createContext(db, input);
  const { S, L, lang } = ctx;
  const profile = await resolveProfile(ctx);
  const [ev, checksum, framed] = await Promise.all([
    readEvidence(ctx, profile),
    currentChecksum(db, options.warn),
    frame(ctx),
  ]);
  const facts = headerFacts(ctx, profile);

  // Citations are numbered in reading order: per market, the law that binds the client before the news.
  const laws = [];
  const sections: MarketSection[] = [];
  const rows = [];
  for (const [i, m] of profile.markets.entries()) {
    const law = await marketLaw(ctx, profile, m);
    const news = marketNews(ctx, ev, profile, m, i);
    laws.push(law);
    rows.push(exposureRow(ctx, ev, profile, m, i, law, news));
    const notes = [
      ...(law.rows.length && !law.obligations.length ? [L.notes.noObligations(m.ref.name)] : []),
      ...(law.notBinding ? [L.notes.notBinding(law.notBinding)] : []),
      ...news.notes,
    ];
    sections.push({
      market: m.ref,
      roles: law.roles,
      obligations: law.obligations,
      obligationsNotBinding: law.notBinding,
      laws: news.laws,
      regulators: news.regulators,
      precedents: news.precedents,
      notes,
    });
  }
  for (const r of rows) if (r.points !== undefined && r.notes.length) r.notes = [L.notes.counted(r.notes[0])];
  const cal = calendar(ctx, profile.markets, laws);
  const steps = await firstSteps(ctx, profile, profile.markets, laws);
  const exposure = ownExposure(ctx, ev, profile);
  const cw = crosswalk(ctx, ev, profile);
  const themes = riskThemes(ctx, ev, profile);
  const { formula, method } = appendix(ctx, ev, rows);

  const title = `${S.title}: ${profile.subjectName} → ${joinList(
    lang,
    profile.markets.map((m) => m.ref.name),
  )}`;
  return {
    schemaVersion: 2,
    lang,
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
    input,
    header: {
      title: lang === "zh" ? title.replace(": ", "：") : title,
      subject: {
        kind: input.subject.kind,
        ...(profile.subjectId ? { id: profile.subjectId } : {}),
        name: profile.subjectName,
        home: profile.home,
        activities: input.subject.activities,
        facts,
      },
      markets: profile.markets.map((m) => m.ref),
      asOf: input.asOf,
      graphChecksum: checksum,
      topics: [
        ...ev.activityTopicIds.filter((id) => ev.topicById.has(id)).map((id) => ev.topicRef(id, "activity")),
        ...ev.graphTopicIds.filter((id) => ev.topicById.has(id)).map((id) => ev.topicRef(id, "graph")),
      ],
      facts: profileFacts(ctx),
      notes: headerNotes(ctx, profile, ev),
      frame: framed,
    },
    summary: { rows, notes: [L.notes.summary] },
    markets: sections,
    calendar: cal,
    steps,
    exposure,
    crosswalk: cw,
    riskThemes: themes,
    appendix: { formula, method, citations: await ctx.citations.resolve(db) },
  };
}

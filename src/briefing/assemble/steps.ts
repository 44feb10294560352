/**
 * Stage 6, first steps: the legal map's steps whose obligations bind the client in a chosen market, most urgent
 * first (due now, then by date, then those that depend on an open fact), each citing the obligations it serves;
 * where the home regime already requires something the step can build on (China's labels), that is said too.
 */
import type { ObligationItem, StepItem } from "../model.js";
import { briefingQueries as q } from "../queries.js";
import { byString, daysBetween, uniq, type Ctx, type Market, type Profile } from "./context.js";
import type { MarketLaw } from "./obligations.js";

const DUE_RANK = { now: 0, upcoming: 1, conditional: 2 } as const;

export async function firstSteps(
  ctx: Ctx,
  profile: Profile,
  markets: Market[],
  laws: MarketLaw[],
): Promise<{ items: StepItem[]; notes: string[] }> {
  const { L, lang, asOf, map, nm } = ctx;
  const homePrefix = profile.home ? `${profile.home.code.toLowerCase()}-` : undefined;
  const homeIds = homePrefix
    ? uniq(map.steps.flatMap((s) => (s.homeObligations ?? []).filter((id) => id.split(":")[1].startsWith(homePrefix))))
    : [];
  const homeRows = new Map((await q.obligationsById(ctx.db, homeIds)).map((r) => [r.id, r]));

  const drafts: { order: number; item: StepItem }[] = [];
  map.steps.forEach((step, order) => {
    const found: { o: ObligationItem; market: string }[] = [];
    laws.forEach((law, i) => {
      for (const o of law.obligations)
        if (step.obligations.includes(o.id) && o.status !== "not_applicable")
          found.push({ o, market: markets[i].ref.code });
    });
    if (!found.length) return;
    const due: StepItem["due"] = found.some((f) => f.o.status === "applies")
      ? "now"
      : found.some((f) => f.o.status === "upcoming")
        ? "upcoming"
        : "conditional";
    const deadline =
      due === "upcoming"
        ? found
            .filter((f) => f.o.status === "upcoming")
            .map((f) => f.o.appliesFrom)
            .sort(byString)[0]
        : undefined;
    const byLaw = new Map<string, string[]>();
    for (const f of found) byLaw.set(f.o.law.name, uniq([...(byLaw.get(f.o.law.name) ?? []), f.o.provision.number]));
    const articles = [...byLaw.entries()]
      .map(([law, numbers]) => `${law} ${numbers.join(", ")}`)
      .join(lang === "zh" ? "；" : "; ");
    const cites = uniq(found.flatMap((f) => f.o.fact.cites)).sort((a, b) => a - b);
    const text = L.step({
      text: lang === "zh" ? step.textZh : step.textEn,
      due,
      deadline,
      days: deadline ? daysBetween(asOf, deadline) : undefined,
      articles,
    });
    const home = (step.homeObligations ?? [])
      .map((id) => homeRows.get(id))
      .filter((r): r is NonNullable<typeof r> => !!r);
    const homeText = lang === "zh" ? step.homeTextZh : step.homeTextEn;
    drafts.push({
      order,
      item: {
        id: step.id,
        markets: uniq(found.map((f) => f.market)),
        obligations: uniq(found.map((f) => f.o.id)),
        due,
        ...(deadline ? { deadline } : {}),
        fact: { text, cites },
        ...(home.length && homeText
          ? {
              homeFact: ctx.fact(
                ctx.S.aside(homeText, home.map((r) => `${nm(r.law)} ${r.number}`).join(lang === "zh" ? "；" : "; ")),
                ...home.map((r) => r.imposes),
              ),
            }
          : {}),
      },
    });
  });
  drafts.sort(
    (a, b) =>
      DUE_RANK[a.item.due] - DUE_RANK[b.item.due] ||
      byString(a.item.deadline ?? "", b.item.deadline ?? "") ||
      a.order - b.order,
  );
  const items = drafts.map((d) => d.item);
  return { items, notes: [items.length ? L.notes.steps : L.notes.noSteps] };
}

/**
 * Stage 5, the compliance calendar: every application date of the chosen markets' obligations within the horizon
 * of the legal map (as enacted), what starts on it, where, and whether it binds the client.
 */
import type { CalendarItem } from "../model.js";
import type { ObligationRow } from "../queries.js";
import { byString, daysBetween, monthsAfter, type Ctx, type Market } from "./context.js";
import type { MarketLaw } from "./obligations.js";

export function calendar(ctx: Ctx, markets: Market[], laws: MarketLaw[]): { items: CalendarItem[]; notes: string[] } {
  const { asOf, L, nm, lang, map } = ctx;
  const until = monthsAfter(asOf, map.horizonMonths);
  const byObligation = new Map<string, { row: ObligationRow; markets: string[]; binds: boolean }>();
  laws.forEach((law, i) => {
    for (const row of law.rows) {
      const from = row.obligation.appliesFrom;
      if (!(from > asOf && from <= until)) continue;
      const entry = byObligation.get(row.obligation.id) ?? { row, markets: [], binds: false };
      entry.markets.push(markets[i].ref.name);
      entry.binds ||= law.bindingIds.has(row.obligation.id);
      byObligation.set(row.obligation.id, entry);
    }
  });
  const entries = [...byObligation.values()].sort(
    (a, b) =>
      byString(a.row.obligation.appliesFrom, b.row.obligation.appliesFrom) ||
      Number(b.binds) - Number(a.binds) ||
      byString(a.row.obligation.id, b.row.obligation.id),
  );
  const marker = map.reportedChangeMarker;
  const items: CalendarItem[] = entries.map(({ row, markets: names, binds }) => {
    const o = row.obligation as Record<string, string> & { id: string; appliesFrom: string };
    const reported = [o.description, row.provision.description].some((d) => !!d && d.includes(marker));
    return {
      date: o.appliesFrom,
      markets: names,
      obligations: [o.id],
      bindsClient: binds,
      fact: ctx.fact(
        L.calendarLine({
          date: o.appliesFrom,
          name: nm(o),
          number: nm(o).includes(row.provision.number) ? "" : (row.imposes.referenceProvision ?? row.provision.number),
          markets: names.join(lang === "zh" ? "、" : ", "),
          binds,
          days: daysBetween(asOf, o.appliesFrom),
          reported,
        }),
        row.imposes,
      ),
    };
  });
  return { items, notes: [items.length ? L.notes.calendar(map.horizonMonths) : L.notes.noCalendar(map.horizonMonths)] };
}

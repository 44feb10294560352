/**
 * Stage 4, the law that binds the client in a market: its roles (derived from the activities and facts through the
 * legal map, or given), then every obligation of the market's regimes that binds one of them, with its status on
 * the as-of date (applies, applies soon, applies unless a fact the profile leaves open, does not apply and why),
 * its fine ceilings (in money when the turnover is given), its home-regime counterpart and how it differs, and any
 * change reported only in secondary sources.
 */
import type { FactTest } from "../legal-map.js";
import type { ObligationItem, ObligationStatus, PenaltyItem, RoleItem } from "../model.js";
import { briefingQueries as q, type ObligationRow, type PenaltyProps } from "../queries.js";
import { money } from "../i18n-legal.js";
import { byString, daysBetween, type Ctx, type Market, type Profile } from "./context.js";

/** true, false, or undefined when the profile does not state a fact the test needs. */
export function evalTest(ctx: Ctx, test: FactTest, marketCode: string): boolean | undefined {
  const f = ctx.input.facts;
  const results: (boolean | undefined)[] = [];
  if (test.established !== undefined)
    results.push(f.established === undefined ? undefined : f.established.includes(marketCode) === test.established);
  if (test.sme !== undefined) results.push(f.sme === undefined ? undefined : f.sme === test.sme);
  if (test.systemicCompute !== undefined)
    results.push(f.systemicCompute === undefined ? undefined : f.systemicCompute === test.systemicCompute);
  if (test.openSource !== undefined)
    results.push(f.openSource === undefined ? undefined : f.openSource === test.openSource);
  if (test.activityAbsent !== undefined) results.push(!ctx.input.subject.activities.includes(test.activityAbsent));
  if (test.always) results.push(true);
  if (results.includes(false)) return false;
  return results.includes(undefined) ? undefined : true;
}

const regimeOf = (roleId: string) => roleId.split(":")[1];

/** The client's roles in a market: role id → how it holds it, and why. */
function clientRoles(
  ctx: Ctx,
  m: Market,
  rows: ObligationRow[],
): Map<string, { basis: RoleItem["basis"]; reason?: string }> {
  const regimes = new Set(rows.flatMap((r) => r.roles.map((x) => regimeOf(x.id))));
  const given = (ctx.input.roles ?? []).filter((id) => regimes.has(regimeOf(id)));
  const givenRegimes = new Set(given.map(regimeOf));
  const out = new Map<string, { basis: RoleItem["basis"]; reason?: string }>();
  for (const rule of ctx.map.roles) {
    if (!regimes.has(regimeOf(rule.role)) || givenRegimes.has(regimeOf(rule.role))) continue;
    if (!rule.activities.some((a) => ctx.input.subject.activities.includes(a))) continue;
    const holds = rule.facts ? evalTest(ctx, rule.facts, m.ref.code) : true;
    if (holds === false) continue;
    const reason = ctx.lang === "zh" ? rule.reasonZh : rule.reasonEn;
    if (!out.has(rule.role) || holds === true) out.set(rule.role, { basis: holds ? "derived" : "conditional", reason });
  }
  for (const id of given) out.set(id, { basis: "given" });
  return out;
}

function penaltyItem(ctx: Ctx, pen: ObligationRow["penalties"][number], sme: boolean, withNote: boolean): PenaltyItem {
  const { L, input, lang } = ctx;
  const p = pen.penalty as PenaltyProps;
  const amount = p.maxAmount !== undefined && p.currency ? money(Number(p.maxAmount), p.currency) : undefined;
  const percent = p.maxTurnoverPercent !== undefined ? Number(p.maxTurnoverPercent) : undefined;
  let moneyText: string | undefined;
  const { turnover, turnoverCurrency } = input.facts;
  if (turnover !== undefined && turnoverCurrency && percent !== undefined) {
    const byPercent = (turnover * percent) / 100;
    const turnoverText = money(turnover, turnoverCurrency);
    if (p.maxAmount === undefined) moneyText = L.moneyOnTurnover(turnoverText, money(byPercent, turnoverCurrency));
    else if (p.currency === turnoverCurrency) {
      const result =
        p.rule === "lower" ? Math.min(byPercent, Number(p.maxAmount)) : Math.max(byPercent, Number(p.maxAmount));
      moneyText = L.moneyOnTurnover(turnoverText, money(result, turnoverCurrency));
    } else moneyText = L.moneyOtherCurrency(turnoverText, money(byPercent, turnoverCurrency), amount!);
  }
  const note = withNote ? ((lang === "zh" ? p.noteZh : p.note) ?? undefined) : undefined;
  const provision = pen.sets.referenceProvision ?? pen.number;
  return {
    id: p.id,
    provision,
    ...(p.maxAmount !== undefined ? { maxAmount: Number(p.maxAmount) } : {}),
    ...(p.currency ? { currency: p.currency } : {}),
    ...(percent !== undefined ? { maxTurnoverPercent: percent } : {}),
    ...(p.rule ? { rule: p.rule } : {}),
    sme,
    fact: ctx.fact(
      L.penalty({ provision, amount, percent, rule: p.rule, sme, money: moneyText, note }),
      pen.rel,
      pen.sets,
    ),
  };
}

/** The reported-change note of an obligation or its provision, from the marker on. */
function reportedChange(ctx: Ctx, row: ObligationRow): string | undefined {
  const marker = ctx.map.reportedChangeMarker;
  for (const d of [row.obligation.description as string | undefined, row.provision.description ?? undefined]) {
    const at = d?.indexOf(marker) ?? -1;
    if (d && at >= 0) return d.slice(at);
  }
  return undefined;
}

export interface MarketLaw {
  roles: RoleItem[];
  obligations: ObligationItem[];
  notBinding: number;
  /** All the market's obligation rows, binding the client or not (for the calendar). */
  rows: ObligationRow[];
  bindingIds: Set<string>;
  /** Provisions imposing an obligation that binds the client (for enforcement on the same provisions). */
  provisionIds: Set<string>;
}

const STATUS_RANK: Record<ObligationStatus, number> = { applies: 0, upcoming: 1, conditional: 2, not_applicable: 3 };

export async function marketLaw(ctx: Ctx, profile: Profile, m: Market): Promise<MarketLaw> {
  const { L, nm, lang, asOf, input, map } = ctx;
  const rows = (await q.marketObligations(ctx.db, m.lawScope, profile.homeScope)).filter(
    (r) => !(r.obligation.appliesUntil && (r.obligation.appliesUntil as string) < asOf),
  );
  const held = clientRoles(ctx, m, rows);

  // Roles first: they are what the obligations below follow from.
  const roleRows = new Map<string, { row: ObligationRow; role: ObligationRow["roles"][number] }>();
  for (const row of rows)
    for (const role of row.roles) if (held.has(role.id) && !roleRows.has(role.id)) roleRows.set(role.id, { row, role });
  const roles: RoleItem[] = [...roleRows.values()]
    .sort((a, b) => byString(a.role.id, b.role.id))
    .map(({ row, role }) => {
      const h = held.get(role.id)!;
      return {
        id: role.id,
        name: nm(role),
        law: ctx.entityRef({ ...row.law, label: "Law" }),
        basis: h.basis,
        fact: ctx.fact(L.role({ role: nm(role), law: nm(row.law), reason: h.reason, basis: h.basis }), role.rel),
      };
    });

  const smeIds = new Set(map.smePenalties.penalties);
  const sme = input.facts.sme === true;
  const drafts: {
    row: ObligationRow;
    status: ObligationStatus;
    reason?: { text: string; provision?: string; kind: "not" | "if" | "only" | "depends" };
  }[] = [];
  let notBinding = 0;
  for (const row of rows) {
    const bound = row.roles.filter((r) => held.has(r.id));
    if (!bound.length) {
      notBinding++;
      continue;
    }
    const o = row.obligation;
    let status: ObligationStatus = (o.appliesFrom as string) <= asOf ? "applies" : "upcoming";
    let reason: (typeof drafts)[number]["reason"];
    if (bound.every((r) => held.get(r.id)!.basis === "conditional")) {
      status = "conditional";
      reason = { text: held.get(bound[0].id)!.reason ?? "", kind: "only" };
    }
    for (const c of map.conditions.filter((x) => x.obligations.includes(o.id))) {
      const text = lang === "zh" ? c.reasonZh : c.reasonEn;
      const provision = c.reference.provision;
      if (c.notApplyWhen) {
        const r = evalTest(ctx, c.notApplyWhen, m.ref.code);
        if (r === true) {
          status = "not_applicable";
          reason = { text, provision, kind: "not" };
          break;
        }
        if (r === undefined) [status, reason] = ["conditional", { text, provision, kind: "if" }];
      } else if (c.conditionalWhen && evalTest(ctx, c.conditionalWhen, m.ref.code) === true) {
        [status, reason] = ["conditional", { text, provision, kind: "depends" }];
      }
    }
    drafts.push({ row, status, reason });
  }
  drafts.sort(
    (a, b) =>
      byString(a.row.law.id, b.row.law.id) ||
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      byString(a.row.obligation.appliesFrom as string, b.row.obligation.appliesFrom as string) ||
      byString(a.row.obligation.id, b.row.obligation.id),
  );

  // A penalty's note and a reported change are given in full once per market, then referred to.
  const notedPenalties = new Set<string>();
  const changeAt = new Map<string, number>();
  const obligations: ObligationItem[] = drafts.map(({ row, status, reason }, index) => {
    const o = row.obligation as Record<string, string> & { id: string };
    const bound = row.roles.filter((r) => held.has(r.id));
    const days = o.appliesFrom > asOf ? daysBetween(asOf, o.appliesFrom) : undefined;
    const number = row.imposes.referenceProvision ?? row.provision.number;
    const text = lang === "zh" ? o.textZh : o.textEn;
    const condition = (lang === "zh" ? o.conditionZh : o.condition) ?? undefined;
    const change = reportedChange(ctx, row);
    const changeSee = change ? changeAt.get(change) : undefined;
    if (change && changeSee === undefined) changeAt.set(change, index + 1);
    const fact = ctx.fact(
      L.obligation({ number, text, appliesFrom: o.appliesFrom, appliesUntil: o.appliesUntil, days }),
      row.imposes,
      ...bound.map((r) => r.rel),
    );
    const reasonFact = reason
      ? ctx.fact(
          reason.kind === "not"
            ? L.notApplicable(reason.text, reason.provision)
            : reason.kind === "only"
              ? L.onlyIf(reason.text)
              : reason.kind === "depends"
                ? L.dependsOn(reason.text, reason.provision)
                : L.conditional(reason.text, reason.provision),
          reason.kind === "only" ? bound[0].rel : row.imposes,
        )
      : undefined;
    const applicable = row.penalties.filter((p) =>
      sme && row.penalties.some((x) => smeIds.has(x.penalty.id)) ? smeIds.has(p.penalty.id) : !smeIds.has(p.penalty.id),
    );
    const penalties =
      status === "not_applicable"
        ? []
        : applicable.map((p) => {
            const first = !notedPenalties.has(p.penalty.id);
            notedPenalties.add(p.penalty.id);
            return penaltyItem(ctx, p, smeIds.has(p.penalty.id), first);
          });
    const seen = new Set<string>();
    const home = row.home
      .filter((h) => status !== "not_applicable" && !seen.has(h.provision.id) && seen.add(h.provision.id))
      .map((h) => ({
        provision: { ...ctx.entityRef({ ...h.provision, label: "Provision" }), number: h.provision.number },
        law: ctx.entityRef({ ...h.law, label: "Law" }),
        fact: ctx.fact(
          L.home({
            number: h.provision.number,
            law: nm(h.law),
            theme: (lang === "zh" ? h.rel.themeZh : h.rel.theme) ?? "",
            difference: (lang === "zh" ? h.rel.differenceZh : h.rel.differenceEn) ?? "",
          }),
          h.rel,
        ),
      }));
    return {
      id: o.id,
      name: nm(o),
      law: ctx.entityRef({ ...row.law, label: "Law" }),
      provision: { id: row.provision.id, number },
      roles: bound.map((r) => nm(r)),
      text,
      appliesFrom: o.appliesFrom,
      ...(o.appliesUntil ? { appliesUntil: o.appliesUntil } : {}),
      status,
      ...(days !== undefined ? { daysUntil: days } : {}),
      ...(condition ? { condition } : {}),
      ...(reason ? { reason: reason.text } : {}),
      ...(change && changeSee === undefined ? { reportedChange: change } : {}),
      ...(changeSee !== undefined ? { reportedChangeSee: changeSee } : {}),
      verified: o.verified ?? "reference",
      fact,
      penalties,
      home,
      ...(reasonFact ? { reasonFact } : {}),
    };
  });
  const binding = obligations.filter((o) => o.status !== "not_applicable");
  return {
    roles,
    obligations,
    notBinding,
    rows,
    bindingIds: new Set(binding.map((o) => o.id)),
    provisionIds: new Set(binding.map((o) => o.provision.id)),
  };
}

/**
 * Cases for party-to-party relationships: the model requires every INVESTIGATES, SUES, ACCUSES and FINES edge to
 * name its Case. One case per item and acting party (the hits of one cue with coordinated subjects share it, and so
 * do a lawsuit and an accusation between the same parties in the same item); its kind comes from the cue. When the
 * graph's relationships are known and an existing case already joins the same parties, that case is reused.
 * Rulings and decisions attach to the item's case they concern, or get a case of their own.
 */
import type { CaseKind } from "./cues.js";
import { slugOf, slugify, uniqueId } from "./ids.js";
import type { RelationHit } from "./types.js";
import { pushTo } from "./maps.js";

const MAX_NAMED_PARTIES = 3;
/** When one case gathers several kinds of hit, the kind it gets. */
const KIND_PRIORITY: CaseKind[] = [
  "criminal",
  "lawsuit",
  "administrative_penalty",
  "enforcement",
  "investigation",
  "ruling",
  "accusation",
];
export const CASE_BOUND = new Set(["INVESTIGATES", "SUES", "ACCUSES", "FINES"]);

export interface CaseDraft {
  id: string;
  /** An existing graph case reused: no entity to create. */
  existing: boolean;
  item: number;
  kind: CaseKind;
  from: string[];
  to: string[];
  participants: Set<string>;
  sentenceIndices: Set<number>;
  date?: string;
  nameZh: string;
  nameEn?: string;
  confidence: number;
  rule: string;
  /** Made only for broad review-only hits: no ruling or citation is attached to it. */
  broad?: boolean;
}

export interface CaseContext {
  names: (id: string) => { zh?: string; en?: string };
  taken: Set<string>;
  /** Existing graph cases by party id (from PARTY_TO and case-bound relationships). */
  casesByParty: Map<string, Set<string>>;
  dateOf: (hit: { item: number; sentenceIndex: number }) => string | undefined;
  itemTitle: (item: number) => string;
}

const family = (kind: CaseKind | undefined) =>
  kind === "lawsuit" || kind === "criminal" ? "lawsuit" : kind === "accusation" ? "accusation" : "investigation";

function listNames(ids: string[], ctx: CaseContext, lang: "zh" | "en"): string | undefined {
  const names = ids.map((id) => (lang === "zh" ? (ctx.names(id).zh ?? ctx.names(id).en) : ctx.names(id).en));
  if (names.some((n) => !n)) return undefined;
  const shown = names.slice(0, MAX_NAMED_PARTIES) as string[];
  if (lang === "zh") return shown.join("、") + (names.length > MAX_NAMED_PARTIES ? "等" : "");
  return shown.join(", ") + (names.length > MAX_NAMED_PARTIES ? " et al." : "");
}

function caseNames(
  kind: CaseKind,
  from: string[],
  to: string[],
  ctx: CaseContext,
): { nameZh: string; nameEn?: string } {
  const fz = listNames(from, ctx, "zh")!;
  const tz = listNames(to, ctx, "zh")!;
  const fe = listNames(from, ctx, "en");
  const te = listNames(to, ctx, "en");
  const en = (s: string) => (fe && te ? s : undefined);
  switch (family(kind)) {
    case "lawsuit":
      // A court or a prosecutor does not sue: a criminal case is named by the accused.
      return kind === "criminal"
        ? { nameZh: `${tz}刑事案`, nameEn: te && `criminal case against ${te}` }
        : { nameZh: `${fz}诉${tz}案`, nameEn: en(`${fe} v. ${te}`) };
    case "accusation":
      return { nameZh: `${fz}指控${tz}`, nameEn: en(`${fe} accusation against ${te}`) };
    default:
      return kind === "administrative_penalty"
        ? { nameZh: `${fz}对${tz}的行政处罚`, nameEn: en(`${fe} penalty on ${te}`) }
        : { nameZh: `${fz}对${tz}的调查`, nameEn: en(`${fe} investigation of ${te}`) };
  }
}

/** The existing case every party of the cluster already belongs to, if exactly one. */
function existingCase(from: string[], to: string[], ctx: CaseContext): string | undefined {
  const shared = [...(ctx.casesByParty.get(from[0]) ?? [])].filter((c) =>
    [...from, ...to].every((p) => ctx.casesByParty.get(p)?.has(c)),
  );
  return shared.length === 1 ? shared[0] : undefined;
}

function strongest(kinds: (CaseKind | undefined)[]): CaseKind {
  return KIND_PRIORITY.find((k) => kinds.includes(k)) ?? "investigation";
}

/** Groups party-to-party hits into cases; returns the cases and the case of each hit. */
export function buildCases(
  hits: RelationHit[],
  ctx: CaseContext,
): { cases: CaseDraft[]; caseOf: Map<RelationHit, CaseDraft> } {
  const parent = hits.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const firstBy = new Map<string, number>();
  hits.forEach((h, i) => {
    for (const key of [
      // A broad review-only hit keeps to its own case: it must not rename or widen the case of a precise one.
      `${h.item}|${h.from}|${family(h.caseKind as CaseKind)}${h.broad ? `|${h.to}` : ""}`,
      `${h.item}|g|${h.group}`,
      `${h.item}|${h.from}|${h.to}`,
    ]) {
      const prior = firstBy.get(key);
      if (prior === undefined) firstBy.set(key, i);
      else union(i, prior);
    }
  });
  const clusters = new Map<number, RelationHit[]>();
  hits.forEach((h, i) => pushTo(clusters, find(i), h));

  const cases: CaseDraft[] = [];
  const caseOf = new Map<RelationHit, CaseDraft>();
  for (const members of clusters.values()) {
    const from = [...new Set(members.map((h) => h.from))];
    const to = [...new Set(members.map((h) => h.to))].filter((t) => !from.includes(t));
    const kind = strongest(members.map((h) => h.caseKind as CaseKind));
    const date = members
      .map((h) => ctx.dateOf(h))
      .filter(Boolean)
      .sort()[0];
    const reuse = existingCase(from, to.length ? to : from, ctx);
    const names = caseNames(kind, from, to.length ? to : from, ctx);
    const id =
      reuse ??
      uniqueId(
        `case:${slugify(`${slugOf(from[0])}-${to[0] ? slugOf(to[0]) : kind}`)}${date ? `-${date.slice(0, 4)}` : ""}`,
        ctx.taken,
      );
    const draft: CaseDraft = {
      id,
      existing: Boolean(reuse),
      item: members[0].item,
      kind,
      from,
      to,
      participants: new Set([...from, ...to]),
      sentenceIndices: new Set(members.map((h) => h.sentenceIndex)),
      date,
      ...names,
      confidence: Math.max(...members.map((h) => h.confidence)),
      rule: `case-per-item-and-party:${kind}`,
      ...(members.every((h) => h.broad) ? { broad: true } : {}),
    };
    cases.push(draft);
    for (const h of members) caseOf.set(h, draft);
  }
  return { cases, caseOf };
}

/** A case for a decision that names no party of an existing case in its item (`江苏省通信管理局通报…`). */
export function rulingCase(
  item: number,
  from: string,
  kind: CaseKind,
  sentenceIndex: number,
  date: string | undefined,
  ctx: CaseContext,
): CaseDraft {
  const ruler = ctx.names(from);
  const title = ctx.itemTitle(item);
  return {
    id: uniqueId(`case:${slugify(`${slugOf(from)}-${kind.replace(/_/g, "-")}`)}${date ? `-${date}` : ""}`, ctx.taken),
    existing: false,
    item,
    kind,
    from: [from],
    to: [],
    participants: new Set([from]),
    sentenceIndices: new Set([sentenceIndex]),
    date,
    nameZh:
      title && /[\u3400-\u9fff]/.test(title)
        ? title
        : `${ruler.zh ?? ruler.en}的${kind === "ruling" ? "裁判" : "决定"}`,
    nameEn: ruler.en
      ? `${ruler.en}: ${kind === "ruling" ? "ruling" : "decision"}${date ? ` of ${date}` : ""}`
      : undefined,
    confidence: 0.6,
    rule: `case-per-decision:${kind}`,
  };
}

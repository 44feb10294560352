/**
 * References resolved within one item, never across items:
 * - descriptions (`the regulator`, `the company`, `the Massachusetts company`, `该公司`, `the Commission`) to the nearest
 *   entity before them of a fitting label, or left unresolved when there is none; a one-word institution linked to the
 *   graph (`Commission`) gives way to the item's own body of that kind;
 * - counted groups of people (`Two voice actors sued…`, `三位画师起诉…`): the persons the item names right after them
 *   (`Paul Skye Lehrman and Linnea Sage said…`), or right before them, when their number is the group's; otherwise the
 *   group stays a party of its own;
 * - party roles: `原告X`, `被告X`, `被告一X`…`被告五X`, `上诉人X`, `被上诉人X` record who plays which part, and a bare
 *   role later (`被告`, `两被告`, `被告二`, `原告`) stands for the names it introduced. An item that names a plaintiff
 *   and a defendant states a lawsuit between them (`partyRoleSuits`).
 */
import type { Label } from "../model/index.js";
import { groupSize } from "./english-names.js";
import { uniqueById } from "./maps.js";
import type { Mention, RelationHit, Sentence } from "./types.js";

const EN_DESCRIPTION =
  /\bthe\s+(regulator|watchdog|authority|agency|feds|commission|board|court|tribunal|company|firm|start-?up|developer|tech giant|news agency)\b/gi;
/** `The Massachusetts company`, `the San Francisco-based start-up`, `the Chinese AI firm`: a company described by place or trade. */
const EN_MODIFIED_DESCRIPTION =
  /\bthe\s+(?:(?:\p{Lu}[\p{L}.-]*|[a-z]+-based|AI|tech|artificial intelligence)\s+){1,3}(company|firm|start-?up|developer)\b/giu;
const ZH_DESCRIPTION = /该(公司|企业|平台|机构|法院|局|委员会)|涉事(公司|企业|平台)|监管机构/g;
const DESCRIPTION_LABELS: Record<string, Label[]> = {
  regulator: ["Regulator"],
  watchdog: ["Regulator"],
  authority: ["Regulator"],
  agency: ["Regulator"],
  feds: ["Regulator"],
  commission: ["Regulator"],
  board: ["Regulator"],
  court: ["Court"],
  tribunal: ["Court"],
  company: ["Company"],
  firm: ["Company"],
  startup: ["Company"],
  "start-up": ["Company"],
  developer: ["Company", "Organization"],
  "tech giant": ["Company"],
  "news agency": ["Company", "Organization"],
  公司: ["Company"],
  企业: ["Company"],
  平台: ["Company"],
  机构: ["Regulator", "Organization"],
  法院: ["Court"],
  局: ["Regulator"],
  委员会: ["Regulator"],
  监管机构: ["Regulator"],
};
/** A role word right before a name: the name plays that part. */
const ROLE_BEFORE = /(原审原告|原审被告|被上诉人|上诉人|原告|被告(?:[一二三四五六七八九十])?|第三人)[:：]?$/;
/** A role word standing alone (`两被告`, `被告二`): not followed by a name. */
const BARE_ROLE = /(?:[两二三四五六七八九十]|各)?(原告|被告)([一二三四五六七八九十])?/g;
const NUMERAL = "一二三四五六七八九十";
/** `两被告`, `三被告`: how many the bare role stands for (`两` and `二` are both two). */
const COUNT = "一两三四五六七八九十";
const PARTY_LABELS: Label[] = ["Company", "Person", "Organization"];
/** A judgment's roles (原告X … 被告一Y) state the suit outright: as sure as a verb of suing (dev sets: no false one). */
const SUIT_CONFIDENCE = 0.8;
const COUNTED_CONFIDENCE = 0.65;

type Role = "plaintiff" | "defendant";

interface ItemRoles {
  plaintiff: Mention[];
  defendant: Mention[];
  /** Numbered defendants (`被告一`) by number. */
  numbered: Map<number, Mention>;
  /** Where each role was introduced, for the suit's evidence. */
  introducedIn: Map<Mention, { sentence: Sentence; index: number; span?: { start: number; end: number } }>;
}

const roleOf = (word: string): Role | undefined =>
  /^(?:原审)?原告$|^上诉人$/.test(word)
    ? "plaintiff"
    : /^(?:原审)?被告|^被上诉人$/.test(word)
      ? "defendant"
      : undefined;

/** Sentences after a group in which its members may be named (the group's own sentence excluded). */
const GROUP_WINDOW = 2;

const isPerson = (m: Mention) => m.label === "Person" && !m.modifier && groupSize(m.surface) === undefined;

/**
 * The persons a counted group stands for: those named after it in its sentence and the next ones, else those named
 * before it in its sentence and the one before, when they are exactly as many as the group counts; otherwise none.
 */
function groupMembers(
  group: Mention,
  size: number,
  at: number,
  sentences: Sentence[],
  mentionsOf: Map<Sentence, Mention[]>,
): Mention[] | undefined {
  const after = uniqueById(
    sentences
      .slice(at, at + GROUP_WINDOW + 1)
      .flatMap((s) => mentionsOf.get(s) ?? [])
      .filter((m) => m.start >= group.end && isPerson(m)),
  );
  if (after.length === size) return after;
  const before = uniqueById(
    sentences
      .slice(Math.max(0, at - 1), at + 1)
      .flatMap((s) => mentionsOf.get(s) ?? [])
      .filter((m) => m.end <= group.start && isPerson(m)),
  );
  return before.length === size ? before : undefined;
}

function nearest(previous: Mention[], labels: Label[], before: number): Mention | undefined {
  for (let i = previous.length - 1; i >= 0; i--) {
    const m = previous[i];
    if (m.start < before && labels.includes(m.label) && !m.modifier) return m;
  }
  return undefined;
}

/**
 * Adds the mentions references stand for, per item, in reading order. `sentences` are one item's; `mentionsOf`
 * is updated in place; returns the roles the item introduced.
 */
export function resolveReferences(
  sentences: Sentence[],
  mentionsOf: Map<Sentence, Mention[]>,
  indexOf: Map<Sentence, number>,
): ItemRoles {
  const roles: ItemRoles = { plaintiff: [], defendant: [], numbered: new Map(), introducedIn: new Map() };
  const seen: Mention[] = [];
  for (const [at, sentence] of sentences.entries()) {
    let mentions = mentionsOf.get(sentence) ?? [];
    const text = sentence.text;
    const added: Mention[] = [];
    // Counted groups named by their members: each member takes the group's place.
    for (const g of mentions) {
      const size = g.label === "Person" ? groupSize(g.surface) : undefined;
      const members = size ? groupMembers(g, size, at, sentences, mentionsOf) : undefined;
      if (!members) continue;
      mentions = mentions.filter((m) => m !== g);
      for (const m of members) added.push({ ...g, label: m.label, id: m.id, isNew: m.isNew });
    }
    const free = (s: number, e: number) => ![...mentions, ...added].some((m) => m.start < e && s < m.end);
    // Roles introduced: `原告魔珐公司`, `被告一行吟…公司`.
    for (const m of mentions) {
      const before = text.slice(Math.max(0, m.start - sentence.start - 6), m.start - sentence.start).match(ROLE_BEFORE);
      const role = before ? roleOf(before[1].replace(/[一二三四五六七八九十]$/, "")) : undefined;
      if (!role || m.label === "Case" || m.label === "Jurisdiction" || m.label === "Law") continue;
      if (!roles[role].some((x) => x.id === m.id)) {
        roles[role].push(m);
        roles.introducedIn.set(m, { sentence, index: indexOf.get(sentence) ?? 0 });
      }
      const n = before![1].match(/被告([一二三四五六七八九十])$/);
      if (n) roles.numbered.set(NUMERAL.indexOf(n[1]) + 1, m);
    }
    // Bare roles: `两被告未经许可…`, `被告二`.
    for (const r of text.matchAll(BARE_ROLE)) {
      const s = sentence.start + r.index!;
      const e = s + r[0].length;
      if (!free(s, e)) continue;
      // A role right before a name introduces it (handled above), it does not refer.
      if (mentions.some((m) => m.start === e || m.start === e + 1)) continue;
      const role = roleOf(r[1])!;
      // `两被告` with no defendant introduced by name: the last two parties the item named (not the plaintiffs).
      const count = COUNT.indexOf(r[0][0]) + 1;
      if (!r[2] && role === "defendant" && count >= 2 && !roles.defendant.length) {
        const parties = [...seen, ...mentions.filter((m) => m.end <= s)].filter(
          (m) => PARTY_LABELS.includes(m.label) && !m.modifier && !roles.plaintiff.some((p) => p.id === m.id),
        );
        const last: Mention[] = [];
        for (let i = parties.length - 1; i >= 0 && last.length < count; i--)
          if (!last.some((x) => x.id === parties[i].id)) last.unshift(parties[i]);
        if (last.length === count) {
          for (const m of last) {
            roles.defendant.push(m);
            roles.introducedIn.set(m, { sentence, index: indexOf.get(sentence) ?? 0, span: { start: s, end: e } });
          }
        }
      }
      const targets = r[2]
        ? [roles.numbered.get(NUMERAL.indexOf(r[2]) + 1)].filter((x): x is Mention => Boolean(x))
        : roles[role];
      for (const t of targets)
        added.push({ start: s, end: e, surface: r[0], label: t.label, id: t.id, isNew: t.isNew });
    }
    // Descriptions: the nearest fitting entity before them in the item.
    for (const re of [EN_DESCRIPTION, EN_MODIFIED_DESCRIPTION, ZH_DESCRIPTION]) {
      for (const d of text.matchAll(re)) {
        const s = sentence.start + d.index!;
        const e = s + d[0].length;
        const labels = DESCRIPTION_LABELS[(d[1] ?? d[0]).toLowerCase()] ?? DESCRIPTION_LABELS[d[0]];
        if (!labels) continue;
        // `Luka Inc., the developer of Replika`: a description in apposition, read with its name by the sentence rules.
        if (/,\s*$/.test(text.slice(0, d.index)) && /^\s+of\b/.test(text.slice(d.index! + d[0].length))) continue;
        // `the Commission` linked to the graph's only Commission: the item's own commission comes first.
        const linkedGeneric = mentions.find(
          (m) => m.start >= s && m.end <= e && !m.isNew && m.surface.toLowerCase() === (d[1] ?? "").toLowerCase(),
        );
        if (!free(s, e) && !linkedGeneric) continue;
        const target = nearest([...seen, ...mentions.filter((m) => m.end <= s)], labels, s);
        if (!target || (linkedGeneric && target.id === linkedGeneric.id)) continue;
        if (linkedGeneric) mentions = mentions.filter((m) => m !== linkedGeneric);
        added.push({ start: s, end: e, surface: d[0], label: target.label, id: target.id, isNew: target.isNew });
      }
    }
    if (added.length) {
      mentions = [...mentions, ...added].sort((a, b) => a.start - b.start);
      mentionsOf.set(sentence, mentions);
    }
    seen.push(...mentions.filter((m) => m.label !== "Case"));
  }
  return roles;
}

/** The lawsuit an item's roles state: each plaintiff sues each defendant, evidenced where the defendant is introduced. */
export function partyRoleSuits(roles: ItemRoles, item: number): RelationHit[] {
  const out: RelationHit[] = [];
  for (const d of roles.defendant) {
    const at = roles.introducedIn.get(d)!;
    for (const p of roles.plaintiff) {
      if (p.id === d.id) continue;
      out.push({
        type: "SUES",
        from: p.id,
        to: d.id,
        item,
        sentence: at.sentence,
        spanStart: at.span
          ? at.span.start
          : Math.min(d.start, at.sentence.start + Math.max(0, d.start - at.sentence.start - 6)),
        spanEnd: at.span ? at.span.end : d.end,
        // Parties a count (`两被告`) stands for are inferred from the item's order: kept for review.
        rule: at.span ? "zh-party-roles:counted" : "zh-party-roles",
        confidence: at.span ? COUNTED_CONFIDENCE : SUIT_CONFIDENCE,
        caseKind: "lawsuit",
        group: `roles:${item}`,
        sentenceIndex: at.index,
      });
    }
  }
  return out;
}

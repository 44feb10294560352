/**
 * Entity mentions per sentence: names linked to the graph (link.ts), names found by patterns (new-entities.ts), case
 * captions and names (case-names.ts), names discovered by the NLP stage (english-names.ts, hanlp.ts), and the short
 * forms of names met earlier in the document. A new name becomes a proposal of the run, joined to an existing entity
 * only when label, jurisdiction and name agree (resemble.ts).
 */
import type { Label } from "../../model/index.js";
import { findCaseNames } from "../case-names.js";
import type { EntityDictionary } from "../dictionary.js";
import { commonNameHits, englishNameHits, groupSize } from "../english-names.js";
import { hanlpHits, trimByTokens } from "../hanlp.js";
import { newEntityId } from "../ids.js";
import { linkSentence, namedJurisdictions } from "../link.js";
import { pushTo } from "../maps.js";
import { findEntityPatterns, type PatternHit } from "../new-entities.js";
import { findResemblance, nameKey } from "../resemble.js";
import type { GraphEntity, Mention, NormalisedText, ReadDocument, Sentence } from "../types.js";
import {
  MATCH_THRESHOLD,
  MERGE_THRESHOLD,
  type DocContext,
  type Discovery,
  type ExtractionRun,
  type Proposal,
} from "./context.js";

const MAX_MENTIONS_LISTED = 5;
/**
 * Names known only by the slot they fill (`对于虾皮处以…`) or as a bare name in a list after a citation word
 * (`依据…、行政处罚法等`): what they take part in is for review, wherever the document repeats them.
 */
const TENTATIVE_RULES = new Set(["zh-penalty-slot", "zh-bare-law"]);
const SHORT_FORM_MIN_CHARS = 4;
/** What is left of a name after trimming may be a body's kind alone (`法院`): no name. */
const GENERIC_BODY = /^(?:法院|公司|集团|政府|委员会|局|部|厅|院|当局|监管机构)$/;

/** Finds every sentence's mentions; short forms introduced later in the document (`(SEC)` after a heading that says `SEC`) count everywhere in it. */
export function findMentions(ctx: DocContext): void {
  const { run, doc, norm, items, sentencesOf, mentionsOf, discovery } = ctx;
  for (const item of items) {
    const context = norm.text.slice(item.start, item.end);
    for (const sentence of sentencesOf.get(item.index)!)
      mentionsOf.set(sentence, sentenceMentions(run, doc, norm, sentence, context, discovery));
  }
  const abbreviations = abbreviationTargets(discovery);
  for (const [sentence, found] of mentionsOf) {
    let mentions = found;
    const more = shortFormMentions(sentence, mentions, discovery);
    const abbreviated = abbreviationMentions(sentence, [...mentions, ...more], abbreviations);
    if (abbreviated.length) {
      mentions = mentions.filter((m) => !abbreviated.some((a) => a.start <= m.start && a.end >= m.end));
      more.push(...abbreviated);
    }
    // A name found only by its slot stays tentative wherever the document repeats it.
    for (const m of [...mentions, ...more]) if (discovery.tentative.has(m.id)) m.tentative = true;
    if (more.length)
      mentionsOf.set(
        sentence,
        [...mentions, ...more].sort((a, b) => a.start - b.start),
      );
  }
}

export function propose(
  run: ExtractionRun,
  hit: PatternHit,
  document: string,
  orig: { start: number; end: number; text: string },
): Proposal {
  const primary = hit.nameZh ?? hit.nameEn!;
  const key = `${hit.label}|${nameKey(primary)}`;
  let p = run.proposals.get(key);
  if (!p) {
    const resemblance = findResemblance(run.dict, hit.label, [
      primary,
      ...(hit.nameZh && hit.nameEn ? [hit.nameEn] : []),
      ...hit.aliases,
    ]);
    p = {
      key,
      id: newEntityId(hit.label, hit, run.taken),
      label: hit.label,
      nameZh: hit.nameZh,
      nameEn: hit.nameEn,
      aliases: new Set(hit.aliases),
      rule: hit.rule,
      confidence: hit.confidence,
      props: hit.props,
      mentions: [],
    };
    if (resemblance && resemblance.score >= MATCH_THRESHOLD) {
      const existing = run.dict.entities.get(resemblance.id);
      const joins =
        resemblance.score >= MERGE_THRESHOLD &&
        existing?.label === hit.label &&
        jurisdictionsAgree(run.dict, existing, [primary, hit.nameEn ?? "", ...hit.aliases]);
      if (joins) {
        p.matchOf = resemblance.id;
        p.matchReason = resemblance.reason;
        p.confidence = resemblance.score;
      } else {
        p.possibleDuplicateOf = resemblance.id;
        p.matchReason = `possible duplicate of ${resemblance.id}: ${resemblance.reason}`;
      }
    }
    run.proposals.set(key, p);
  } else {
    p.nameEn ??= hit.nameEn;
    for (const a of hit.aliases) p.aliases.add(a);
  }
  if (p.mentions.length < MAX_MENTIONS_LISTED) p.mentions.push({ document, ...orig });
  // The name as the document writes it (traditional characters) is kept beside the simplified one.
  if (/[\u3400-\u9fff]/.test(orig.text) && orig.text !== p.nameZh && orig.text.length <= 60) p.aliases.add(orig.text);
  return p;
}

/** The jurisdictions an existing entity's names mention, against those the new names mention: none may differ. */
function jurisdictionsAgree(dict: EntityDictionary, existing: GraphEntity, names: string[]): boolean {
  const theirs = namedJurisdictions(dict, existing);
  const ours = namedJurisdictions(dict, { id: "", label: existing.label, nameZh: names.join(" | "), aliases: [] });
  return [...ours].every((j) => theirs.has(j)) && (ours.size === 0 || [...theirs].every((j) => ours.has(j)));
}

/** Linked mentions and pattern proposals of one sentence; a longer pattern hit wins over linked names inside it. */
function sentenceMentions(
  run: ExtractionRun,
  doc: ReadDocument,
  norm: NormalisedText,
  sentence: Sentence,
  context: string,
  discovery: Discovery,
): Mention[] {
  let mentions = linkSentence(run.dict, sentence.text, sentence.start, context);
  const orig = (s: number, e: number) => ({
    start: norm.origStart[s],
    end: norm.origEnd[e - 1],
    text: (norm.display ?? norm.text).slice(s, e),
  });
  const cases = findCaseNames(sentence.text);
  // A caption's parties are bounded by the caption: they win over names found across its edges.
  for (const party of cases.flatMap((c) => c.parties ?? [])) {
    const s = sentence.start + party.start;
    const e = sentence.start + party.end;
    if (mentions.some((m) => m.start <= s && m.end >= e)) continue;
    const zh = /[\u3400-\u9fff]/.test(party.name);
    const hit: PatternHit = {
      start: party.start,
      end: party.end,
      label: party.label,
      ...(zh ? { nameZh: party.name } : { nameEn: party.name }),
      aliases: [],
      rule: `caption-${party.role}`,
      confidence: 0.7,
      props: {},
    };
    const p = propose(run, hit, doc.document, orig(s, e));
    mentions = mentions.filter((m) => !(m.start < e && s < m.end));
    mentions.push({
      start: s,
      end: e,
      surface: norm.text.slice(s, e),
      label: p.label,
      id: p.matchOf ?? p.id,
      isNew: !p.matchOf,
    });
  }
  for (const hit of findEntityPatterns(sentence.text, context)) {
    let s = sentence.start + hit.start;
    const e = sentence.start + hit.end;
    // A slot's bounds are the slot's (`对于…处以`): the segmenter's words do not move them.
    if (
      hit.nameZh &&
      discovery.hanlpTokens.length &&
      hit.label !== "Law" &&
      !hit.rule.startsWith("zh-anonymised") &&
      hit.rule !== "zh-penalty-slot"
    ) {
      const trimmed = trimByTokens(discovery.hanlpTokens, norm.text, s, e);
      if (trimmed === undefined || e - trimmed < 2 || GENERIC_BODY.test(norm.text.slice(trimmed, e))) continue;
      if (trimmed > s) {
        hit.nameZh = norm.text.slice(trimmed, e);
        hit.start += trimmed - s;
        s = trimmed;
      }
    }
    if (mentions.some((m) => m.start <= s && m.end >= e)) continue;
    const inside = mentions.filter((m) => m.start >= s && m.end <= e);
    if (mentions.some((m) => m.start < e && s < m.end && !inside.includes(m))) continue;
    if (
      hit.label === "Model" &&
      inside[0] &&
      inside[0].start === s &&
      inside[0].label !== "Model" &&
      norm.text[inside[0].end] === " "
    ) {
      // "Anthropic Claude Opus 4.6": the company is not part of the model's name.
      s = inside[0].end;
      while (s < e && norm.text[s] === " ") s++;
      const name = norm.text.slice(s, e);
      if (!/\d/.test(name) || name.length < 2) continue;
      hit.nameEn = name;
      inside.shift();
    }
    // A short form the document introduces (`(以下简称某文化公司)`) or introduced stands for its name, not a new party.
    const introducer = ZH_SHORT_NAME_OPEN.test(norm.text.slice(Math.max(sentence.start, s - 8), s))
      ? mentions.filter((m) => m.end <= s).pop()
      : undefined;
    if (introducer)
      remember(
        discovery,
        [norm.text.slice(s, e)],
        { id: introducer.id, label: introducer.label, isNew: introducer.isNew },
        true,
      );
    const short = discovery.shortForms.get(norm.text.slice(s, e));
    if (short) {
      mentions = mentions.filter((m) => !inside.includes(m));
      mentions.push({
        start: s,
        end: e,
        surface: norm.text.slice(s, e),
        label: short.label,
        id: short.id,
        isNew: short.isNew,
      });
      continue;
    }
    const p = propose(run, hit, doc.document, {
      start: norm.origStart[s],
      end: norm.origEnd[e - 1],
      text: (norm.display ?? norm.text).slice(s, e),
    });
    mentions = mentions.filter((m) => !inside.includes(m));
    const id = p.matchOf ?? p.id;
    if (TENTATIVE_RULES.has(hit.rule) && !p.matchOf) discovery.tentative.add(id);
    mentions.push({ start: s, end: e, surface: norm.text.slice(s, e), label: p.label, id, isNew: !p.matchOf });
  }
  const discovered = discoveredMentions(run, doc, norm, sentence, mentions, discovery);
  // A discovered name may have replaced shorter names inside it.
  mentions = [...mentions.filter((m) => !discovered.some((d) => d.start <= m.start && d.end >= m.end)), ...discovered];
  mentions = aliasParentheses(mentions, sentence);
  // A named case overlaps the names inside it (its parties): both are kept, the case for rulings and citations.
  for (const c of cases) {
    const s = sentence.start + c.start;
    const e = sentence.start + c.end;
    const zh = /[\u3400-\u9fff]/.test(c.name);
    const hit: PatternHit = {
      start: c.start,
      end: c.end,
      label: "Case",
      ...(zh ? { nameZh: c.name } : { nameEn: c.name }),
      aliases: [],
      rule: c.parties ? "case-caption" : "case-name",
      confidence: 0.7,
      props: { caseKind: c.parties ? "lawsuit" : "ruling" },
    };
    const p = propose(run, hit, doc.document, orig(s, e));
    mentions.push({
      start: s,
      end: e,
      surface: norm.text.slice(s, e),
      label: "Case",
      id: p.matchOf ?? p.id,
      isNew: !p.matchOf,
    });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * `Rimar Capital USA, Inc. (“Rimar USA”)`: the names found inside a parenthesis that introduces a short form (`Rimar`,
 * `USA`) are that short form of the name before it, one mention, so that a list of such names stays one list.
 */
function aliasParentheses(mentions: Mention[], sentence: Sentence): Mention[] {
  let out = [...mentions].sort((a, b) => a.start - b.start);
  for (const m of [...out]) {
    if (m.label === "Case" || !out.includes(m)) continue;
    const paren = sentence.text.slice(m.end - sentence.start).match(PARENTHETICAL_ALIAS);
    if (!paren) continue;
    const end = m.end + paren[0].length;
    const inner = out.filter((x) => x !== m && x.start >= m.end && x.end <= end);
    if (!inner.length || inner.every((x) => x.id === m.id)) continue;
    const start = m.end + paren[0].indexOf(paren[1]);
    out = out.filter((x) => !inner.includes(x));
    out.push({ ...m, start, end: start + paren[1].length, surface: paren[1] });
  }
  return out;
}

/** Rules of discovered hits typed by their head word: such a name wins over shorter names found inside it. */
const HEADED_RULE =
  /^en-chunk:(?:court|authority|law|organisation|company-tail|media)$|^en-described-authority$|^hanlp-nt/;
const PARENTHETICAL_ALIAS = /^\s*\(\s*[“"]?([A-Z][A-Za-z]*(?:\s[A-Z][A-Za-z]*){0,2})[”"]?\s*\)/;
const ZH_SHORT_NAME_OPEN = /\((?:以下)?(?:简称|下称)[:：]?[“"]?$/;
const ZH_SHORT_NAME = /^\((?:以下)?(?:简称|下称)[:：]?[“"]?([^()“”"]{2,20})[”"]?\)/;
const CORP_TAIL_EN = /\s+(?:Inc\.?|Ltd\.?|LLC|Corp\.?|Corporation|Limited|GmbH|PLC|plc)$/;

/** Remembers the short forms of a name proposed or linked in the document: its first word, a person's surname, its name without a legal form. */
function remember(
  discovery: Discovery,
  forms: string[],
  target: { id: string; label: Label; isNew: boolean },
  override = false,
): void {
  for (const f of forms) {
    const form = f.trim();
    const longEnough =
      form.length >= SHORT_FORM_MIN_CHARS ||
      /^[A-Z]{2,}$/.test(form) ||
      (/^[\u3400-\u9fff]{2,}$/.test(form) && form.length >= 2);
    if (!longEnough || (discovery.shortForms.has(form) && !override)) continue;
    discovery.shortForms.set(form, target);
  }
}

/** `Ross` for `Ross Intelligence Inc.`, `Wolfsen` for `Aleid Wolfsen`, `高通` for `高通公司`: a company's first word, a person's surname. */
function shortFormsOf(name: string, label: Label): string[] {
  // A group of people (`Two voice actors`) has no short form: `actors` alone is any actors.
  if (label === "Person" && groupSize(name) !== undefined) return [];
  if (/[\u3400-\u9fff]/.test(name)) {
    const stem = name.replace(/(?:股份有限公司|有限责任公司|有限公司|公司|集团)$/, "");
    return label === "Company" && stem !== name && stem.length >= 2 ? [name, stem] : label !== "Case" ? [name] : [];
  }
  const bare = name.replace(CORP_TAIL_EN, "").trim();
  const words = bare.split(" ");
  // A one-word name (`LinkedIn`, `Evolv`) is its own form: the lead may name it before the sentence that finds it.
  if (words.length < 2) return [bare];
  const acronym = acronymOf(bare, label);
  const short =
    label === "Person"
      ? words[words.length - 1]
      : label === "Company" || label === "Organization"
        ? words[0]
        : undefined;
  return [bare, ...(short ? [short] : []), ...(acronym ? [acronym] : [])].filter(
    (w) =>
      !/^(?:The|National|Federal|European|American|Chinese|Data|General|International|Global|New|United|Royal)$/.test(
        w,
      ),
  );
}

/** Institution words skipped by initials, and a leading country that is not part of the initials (`US Federal Trade Commission` -> `FTC`). */
const ACRONYM_SKIP = /^(?:of|and|for|the|on|&)$/;
const LEADING_COUNTRY = /^(?:US|U\.S\.|UK|EU|Texas|California|New York)$/;

/** `FTC` for `Federal Trade Commission`, `SEC` for `Securities and Exchange Commission`: the initials an institution is later called by. */
function acronymOf(name: string, label: Label): string | undefined {
  if (label !== "Regulator" && label !== "Court" && label !== "Organization") return undefined;
  const words = name.split(/\s+/).filter((w) => !ACRONYM_SKIP.test(w));
  if (words.length > 2 && LEADING_COUNTRY.test(words[0])) words.shift();
  if (words.length < 2 || words.length > 6 || !words.every((w) => /^[A-Z]/.test(w))) return undefined;
  return words.map((w) => w[0]).join("");
}

/**
 * Names no pattern knows, from the NLP stage (english-names.ts, hanlp.ts): where nothing was found already, or
 * around shorter names when the new one is typed by its head word (`Securities and Exchange Commission` over
 * `Commission`); then the short forms of names met earlier in the document (`Ross`, `SEC`, `Wolfsen`).
 */
function discoveredMentions(
  run: ExtractionRun,
  doc: ReadDocument,
  norm: NormalisedText,
  sentence: Sentence,
  found: Mention[],
  discovery: Discovery,
): Mention[] {
  const hits: PatternHit[] = commonNameHits(sentence.text);
  const covered = (s: number, e: number) =>
    found.some((m) => m.start <= sentence.start + s && m.end >= sentence.start + e);
  if (/[A-Z]/.test(sentence.text))
    hits.push(...englishNameHits(sentence.text, discovery.known, sentence.heading, covered));
  if (discovery.hanlpTokens.length) {
    const inSentence = discovery.hanlpTokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
    hits.push(...hanlpHits(inSentence, sentence.text, sentence.start));
  }
  let all = [...found];
  for (const hit of hits) {
    const s = sentence.start + hit.start;
    const e = sentence.start + hit.end;
    const overlapping = all.filter((m) => m.start < e && s < m.end);
    if (overlapping.some((m) => m.start <= s && m.end >= e)) continue;
    // `美国总统特朗普`: a Chinese name written against a graph entity is its apposition, not another party.
    if (hit.nameZh && all.some((m) => !m.isNew && (m.end === s || m.start === e))) continue;
    const strictlyInside = overlapping.every((m) => m.start >= s && m.end <= e);
    if (overlapping.length && !(strictlyInside && HEADED_RULE.test(hit.rule))) continue;
    // `Ireland's data protection commission`: a graph entity of the same kind inside the name is the name.
    if (overlapping.some((m) => !m.isNew && m.label === hit.label)) continue;
    const surface = norm.text.slice(s, e);
    const short = discovery.shortForms.get(surface);
    if (short) {
      all.push({ start: s, end: e, surface, label: short.label, id: short.id, isNew: short.isNew });
      continue;
    }
    const p = propose(run, hit, doc.document, {
      start: norm.origStart[s],
      end: norm.origEnd[e - 1],
      text: (norm.display ?? norm.text).slice(s, e),
    });
    const id = p.matchOf ?? p.id;
    if (TENTATIVE_RULES.has(hit.rule) && !p.matchOf) discovery.tentative.add(id);
    all = all.filter((m) => !overlapping.includes(m));
    all.push({ start: s, end: e, surface, label: p.label, id, isNew: !p.matchOf });
    remember(discovery, [...hit.aliases, ...shortFormsOf(hit.nameEn ?? "", p.label)], {
      id,
      label: p.label,
      isNew: !p.matchOf,
    });
  }
  // `Federal Communications Commission (FCC)`, `某软件(中国)有限公司(以下简称某软件公司)`: the parenthesis introduces a
  // short form of the name before it.
  for (const m of all) {
    const after = sentence.text.slice(m.end - sentence.start);
    const alias = after.match(PARENTHETICAL_ALIAS) ?? after.match(ZH_SHORT_NAME);
    if (alias && alias[1] !== m.surface) {
      remember(discovery, [alias[1]], { id: m.id, label: m.label, isNew: m.isNew }, true);
      if (m.isNew) [...run.proposals.values()].find((p) => p.id === m.id)?.aliases.add(alias[1]);
    }
    if (m.isNew && m.label !== "Case")
      remember(discovery, shortFormsOf(m.surface, m.label), { id: m.id, label: m.label, isNew: m.isNew });
  }
  all.push(...shortFormMentions(sentence, all, discovery));
  return all.filter((m) => !found.includes(m));
}

/** Labels whose Chinese names are abbreviated by picking characters (`消费者协会` -> `消协`, `个人信息保护法` -> `个保法`). */
const ABBREVIATED_LABELS = new Set<Label>(["Regulator", "Court", "Organization", "Company", "Law"]);
const MIN_ABBREVIATED_NAME_CHARS = 4;

interface AbbreviationTarget {
  name: string;
  id: string;
  label: Label;
  isNew: boolean;
}

/** The document's Chinese names that may be abbreviated, by their first character. */
function abbreviationTargets(discovery: Discovery): Map<string, AbbreviationTarget[]> {
  const out = new Map<string, AbbreviationTarget[]>();
  for (const [form, t] of discovery.shortForms)
    if (/^[\u3400-\u9fff]+$/.test(form) && form.length >= MIN_ABBREVIATED_NAME_CHARS && ABBREVIATED_LABELS.has(t.label))
      pushTo(out, form[0], { name: form, ...t });
  return out;
}

/**
 * Chinese abbreviations of the document's names: from a name's first character, the longest run of the text that
 * picks the name's characters in order, skipping some (`个资保委会` of `个人资料保护委员会`, `消协` of `消费者协会`). A run that is
 * a plain substring of the name is a word of it, not its abbreviation (`消费者`); a law's needs three characters
 * (`个保法`, not `中法`). A shorter new name found inside the run (`资保委会`) gives way to it.
 */
function abbreviationMentions(
  sentence: Sentence,
  found: Mention[],
  targets: Map<string, AbbreviationTarget[]>,
): Mention[] {
  const out: Mention[] = [];
  if (!targets.size) return out;
  const text = sentence.text;
  for (let i = 0; i < text.length; i++) {
    for (const t of targets.get(text[i]) ?? []) {
      let k = 0;
      let j = i;
      while (j < text.length && k < t.name.length) {
        const at = t.name.indexOf(text[j], k);
        if (at < 0) break;
        k = at + 1;
        j++;
      }
      const abbreviation = text.slice(i, j);
      if (abbreviation.length < (t.label === "Law" ? 3 : 2) || t.name.includes(abbreviation)) continue;
      const s = sentence.start + i;
      const e = sentence.start + j;
      if (found.some((m) => m.start < e && s < m.end && !(m.isNew && m.start >= s && m.end <= e && m.id !== t.id)))
        continue;
      out.push({ start: s, end: e, surface: abbreviation, label: t.label, id: t.id, isNew: t.isNew });
      i = j - 1;
      break;
    }
  }
  return out;
}

/** Compiled patterns of short forms, shared across documents (a form is matched the same way everywhere). */
const FORM_PATTERNS = new Map<string, RegExp>();

/** Mentions of the short forms remembered so far, where the sentence has no other mention. */
function shortFormMentions(sentence: Sentence, found: Mention[], discovery: Discovery): Mention[] {
  const out: Mention[] = [];
  for (const [form, target] of discovery.shortForms) {
    if (!sentence.text.includes(form)) continue;
    let re = FORM_PATTERNS.get(form);
    if (!re) {
      re = new RegExp(`(?<![A-Za-z0-9])${form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9])`, "g");
      FORM_PATTERNS.set(form, re);
    }
    for (const m of sentence.text.matchAll(re)) {
      const s = sentence.start + m.index!;
      const e = s + form.length;
      if ([...found, ...out].some((x) => x.start < e && s < x.end)) continue;
      out.push({ start: s, end: e, surface: form, label: target.label, id: target.id, isNew: target.isNew });
    }
  }
  return out;
}
